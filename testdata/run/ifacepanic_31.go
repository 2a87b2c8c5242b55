// ifacepanic_31: one interface conversion or panic(v) case and the exact
// message Go prints for it (shared declarations, one statement in main).
package main

type I interface{ M() }
type J interface{ N() }
type K interface {
	M()
	N()
}
type T struct{ a int }

func (T) M() {}

type U struct{}

func (*U) M() {}
func (*U) N() {}

type W struct{}

func (W) M(x int) {}

type E struct{ s string }

func (e E) Error() string { return e.s }

type S int

func (s S) String() string { return "S!" }

type MyInt int
type MyStr string
type MyF float64
type MyB bool
type Pt struct{ X, Y int }
type lower interface{ m() }

type both int

func (both) Error() string  { return "err-both" }
func (both) String() string { return "str-both" }

type badErr int

func (badErr) Error() int { return 1 }

type PE struct{ n int }

func (p *PE) Error() string { println("in Error"); return "pe error" }

var x any
var i I
var j J

func main() {
	_, _, _ = x, i, j
	panic([2]int{})
}
