// closures: function literals capturing variables by reference, function
// values of declared functions, per-iteration loop variables, recursion
// through a captured variable, and a call of a nil function value.
package main

type Point struct{ X, Y int }

func apply(f func(int) int, x int) int { return f(x) }

func adder() func(int) int {
	sum := 0
	return func(x int) int {
		sum += x
		return sum
	}
}

func double(x int) int { return x * 2 }

func mkpt(f func(int, int) Point) Point { return f(3, 4) }

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func counter() (func() int, func()) {
	n := 0
	return func() int { return n }, func() { n++ }
}

var table = map0()

func map0() []func(int) int {
	return []func(int) int{double, func(x int) int { return x + 100 }}
}

func main() {
	a := adder()
	for i := 0; i < 5; i++ {
		println(a(i))
	}
	println(apply(double, 21), apply(func(x int) int { return x * x }, 9))
	p := mkpt(func(x, y int) Point { return Point{x * 10, y * 10} })
	println(p.X, p.Y)
	h := compose(double, func(x int) int { return x - 1 })
	println(h(5))
	get, inc := counter()
	inc()
	inc()
	println(get())
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	var nf func()
	println(nf == nil, table[0](5), table[1](5))
	x := 1
	func() {
		x = 42
		func() { x++ }()
	}()
	println(x)
	fib := func(int) int { return 0 }
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	println(fib(20))
	nf()
}
