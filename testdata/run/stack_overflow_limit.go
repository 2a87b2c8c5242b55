package main

// Unbounded recursion through a method and a closure under a stack limit
// set with runtime/debug, another goroutine blocked meanwhile: Go's
// stack-overflow report naming that limit, exit status 2.

import "runtime/debug"

type T struct{ depth int }

func (t *T) grow(f func(int) int) int {
	t.depth++
	return f(t.depth) + 1
}

func main() {
	println(debug.SetMaxStack(16 << 20))
	println(debug.SetMaxStack(8 << 20))
	go func() { select {} }()
	t := &T{}
	var f func(int) int
	f = func(n int) int { return t.grow(f) }
	println(f(0))
}
