// A deferred call that panics while its function returns normally (no panic
// before): the deferred calls of the callers run, then Go's report.
package main

func f() int {
	defer println("f: second deferred runs after the panicking one")
	defer func() { panic("from deferreturn") }()
	return 1
}

func main() {
	defer println("main deferred")
	println(f())
}
