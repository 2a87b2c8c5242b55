// More recovered run-time errors: explicit nil checks of big offsets,
// unhashable keys, interface conversions, uncomparable values; a Stringer
// panic value; the value satisfies interface{ error; RuntimeError() };
// a second recover in the same deferred call returns nil.
package main

type Big struct {
	pad [5000]int
	x   int
}

type I interface{ M() }
type J interface{ N() }
type S struct{}

func (S) M() {}

type Str struct{ v int }

func (s Str) String() string { return "Str!" }

func try(name string, f func()) {
	defer func() {
		r := recover()
		switch e := r.(type) {
		case error:
			println(name+":", e.Error())
		case string:
			println(name+": string", e)
		case nil:
			println(name+": nil")
		default:
			println(name+": other")
		}
	}()
	f()
}

func main() {
	var p *Big
	try("big offset", func() { println(p.x) })
	var m map[any]int
	try("unhashable nil map", func() { _ = m[[]int{1}] })
	var i I = S{}
	try("e2i", func() { _ = i.(J) })
	var a any
	try("nil to iface", func() { _ = a.(I) })
	try("custom stringer", func() { panic(Str{1}) })
	try("no panic", func() {})
	try("error is not comparable", func() {
		var e1, e2 any = []int{1}, []int{1}
		println(e1 == e2)
	})
	func() {
		defer func() {
			r := recover()
			err, ok := r.(interface {
				error
				RuntimeError()
			})
			println("runtime.Error:", ok, err.Error())
			_, isStr := r.(string)
			println("is string:", isStr)
		}()
		var z int
		println(1 / z)
	}()
	func() {
		defer func() {
			r1 := recover()
			println("first recover", r1 != nil)
			r2 := recover()
			println("second recover nil", r2 == nil)
		}()
		panic("twice")
	}()
}
