// More defer: results of three words and of strings and slices, struct
// results named and unnamed, struct arguments and receivers deferred in a
// loop (each call keeps its own copy), Go 1.22 loop variables, labelled
// loops, deferred builtins (delete, copy, clear, panic), methods with defer,
// recursion that recovers, defer in init.
package main

type pair struct{ a, b int }

func (p pair) show(tag string) { println(tag, p.a, p.b) }

type big struct {
	x [10]int
	s string
}

func three() (a, b, c int) {
	defer func() { c = a + b }()
	return 1, 2, 0
}

func threeRecover(n int) (a, b, c int) {
	defer func() {
		recover()
		c = 3
	}()
	a, b = n, n+1
	var s []int
	_ = s[n]
	return 7, 8, 9
}

func strs() (string, []int) {
	s := "x"
	defer func() { s = "y" }()
	return s, []int{1, 2}
}

func bigRes() (r big) {
	defer func() { r.s = "deferred"; r.x[9] = 9 }()
	r.x[0] = 1
	return
}

func bigUnnamed() big {
	var b big
	b.s = "orig"
	defer func() { b.s = "changed" }()
	return b
}

func loopStructs() {
	for i := 0; i < 3; i++ {
		p := pair{i, i * i}
		defer p.show("method")
		defer show(p)
	}
}

func show(p pair) { println("func", p.a, p.b) }

func loopVars() {
	for i := range 3 {
		defer func() { println("closure", i) }()
	}
}

func labeled() (n int) {
	defer func() { n *= 10 }()
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j == 2 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			n++
		}
	}
	return n
}

func builtins() {
	m := map[string]int{"a": 1, "b": 2}
	s := []int{1, 2, 3}
	t := make([]int, 3)
	defer func() { println(len(m), t[0], t[1], s[0]) }()
	defer delete(m, "a")
	defer copy(t, s)
	defer clear(s)
	s = []int{7, 8, 9}
}

type T struct{ n int }

func (t *T) inc() (r int) {
	defer func() { t.n++; r = t.n }()
	return 0
}

func deferPanicBuiltin() (r any) {
	defer func() { r = recover() }()
	defer panic("deferred panic builtin")
	return nil
}

func recurseRecover(n int) (depth int) {
	defer func() {
		if r := recover(); r != nil {
			depth = r.(int)
		}
	}()
	if n == 0 {
		panic(100)
	}
	return recurseRecover(n-1) + 1
}

func init() {
	defer println("init deferred")
}

func main() {
	println(three())
	println(threeRecover(1))
	s, sl := strs()
	println(s, len(sl))
	b := bigRes()
	println(b.x[0], b.x[9], b.s)
	println(bigUnnamed().s)
	loopStructs()
	loopVars()
	println(labeled())
	builtins()
	t := &T{}
	println(t.inc(), t.inc(), t.n)
	println(deferPanicBuiltin().(string))
	println(recurseRecover(5))
}
