// A recovered runtime error panicked again: printed with Error() and
// [recovered, repanicked]; the signal line of the nil dereference stays.
package main

type T struct{ x int }

func main() {
	defer func() {
		r := recover()
		println("got:", r.(error).Error())
		panic(r)
	}()
	var p *T
	println(p.x)
}
