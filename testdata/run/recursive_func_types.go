package main

import "fmt"

type F func(F) int

type Src[T any] func() Src[T]

type State func(n int) State

func main() {
	var f F
	f = func(g F) int {
		if g == nil {
			return 1
		}
		return 1 + g(nil)
	}
	fmt.Println(f(f))
	var s Src[int]
	s = func() Src[int] { return s }
	fmt.Println(s()()() != nil)
	var count State
	n := 0
	count = func(k int) State {
		n += k
		if k == 0 {
			return nil
		}
		return count
	}
	for st := count(3); st != nil; st = st(0) {
	}
	fmt.Println(n)
}
