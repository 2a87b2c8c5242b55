// defer: LIFO order, arguments evaluated at the defer statement, defers in
// loops (an unbounded number per frame), deferred closures seeing later
// changes to captured variables, defer in recursive functions.
package main

func show(tag string, v int) {
	println(tag, v)
}

func lifo() {
	defer println("first deferred, runs last")
	defer println("second deferred")
	defer println("third deferred, runs first")
	println("body of lifo")
}

func argsNow() {
	x := 1
	defer show("x at defer time", x)
	defer func() { show("x seen by closure", x) }()
	x = 2
	defer show("x at second defer", x)
	x = 3
}

func loop(n int) {
	for i := 0; i < n; i++ {
		defer show("loop", i)
	}
	println("loop body done")
}

func manyDefers(n int) int {
	total := 0
	for i := 0; i < n; i++ {
		defer func(v int) { total += v }(i)
	}
	return total // defers run after the result is set: 0
}

func recurse(n int) {
	if n == 0 {
		return
	}
	defer show("unwind", n)
	recurse(n - 1)
	println("back in", n)
}

func nested() {
	defer func() {
		defer println("inner deferred in deferred func")
		println("outer deferred func body")
	}()
	println("nested body")
}

func main() {
	lifo()
	argsNow()
	loop(4)
	println("manyDefers:", manyDefers(10000))
	recurse(3)
	nested()
	println("done")
}
