// Runtime errors are recoverable panics whose values are runtime.Errors:
// Error() gives Go's text.
package main

type T struct{ x int }

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			println(name+":", e.Error())
		} else {
			println(name+": not an error")
		}
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	i := 5
	try("index", func() { _ = s[i] })
	try("slice", func() { _ = s[1:i] })
	j := 1
	try("slice3", func() { _ = s[2:j:2] })
	var str = "abc"
	try("string index", func() { _ = str[i] })
	z := 0
	try("divide", func() { _ = 10 / z })
	try("modulo", func() { _ = 10 % z })
	var m map[string]int
	try("nil map", func() { m["a"] = 1 })
	var p *T
	try("nil deref", func() { println(p.x) })
	var q *[4]int
	try("nil array", func() { q[1] = 2 })
	var a any = "str"
	try("assert", func() { _ = a.(int) })
	var e error
	try("nil iface assert", func() { _ = e.(interface{ M() }) })
	try("iface method on nil", func() { _ = e.Error() })
	var fn func()
	try("nil func", func() { fn() })
	n := -1
	try("makeslice", func() { _ = make([]int, n) })
	sh := -2
	try("shift", func() { _ = 1 << sh })
	var k any = []int{1}
	mm := map[any]int{}
	try("unhashable", func() { mm[k] = 1 })
	println("done")
}
