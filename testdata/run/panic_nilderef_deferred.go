// A nil dereference that is not recovered: deferred calls run, then Go's
// message with the signal line.
package main

type T struct{ x int }

func get(p *T) int {
	defer println("get deferred")
	return p.x
}

func main() {
	defer func() {
		println("main deferred, recover not called")
	}()
	println(get(nil))
}
