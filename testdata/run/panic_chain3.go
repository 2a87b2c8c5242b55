// A chain of three panics where the middle one was recovered before the
// third: [recovered] in the middle, Stringer values through String().
package main

type S struct{ n int }

func (s S) String() string { return "S-string" }

func f() {
	defer func() {
		panic(S{2})
	}()
}

func main() {
	defer func() {
		recover()
		panic("third")
	}()
	defer func() { panic("second") }()
	f()
	panic("never")
}
