// Deferred closures modify named results after the return values are set;
// result values of unnamed returns are fixed before the defers run.
package main

func double() (r int) {
	defer func() { r *= 2 }()
	return 21
}

func bare() (a, b int) {
	defer func() { a, b = b, a }()
	a, b = 1, 2
	return
}

func unnamed() int {
	x := 5
	defer func() { x = 100 }()
	return x
}

func str() (s string, err error) {
	defer func() {
		if s == "" {
			s = "default"
		}
	}()
	return "", nil
}

type pair struct{ a, b int }

func structResult() (p pair) {
	defer func() { p.b = p.a * 10 }()
	p.a = 7
	return p
}

func structUnnamed() pair {
	p := pair{1, 2}
	defer func() { p.a = 99 }()
	return p
}

func order() (log string) {
	defer func() { log += " d1" }()
	defer func() { log += " d2" }()
	return "ret"
}

func main() {
	println(double())
	println(bare())
	println(unnamed())
	s, err := str()
	println(s, err == nil)
	p := structResult()
	println(p.a, p.b)
	q := structUnnamed()
	println(q.a, q.b)
	println(order())
}
