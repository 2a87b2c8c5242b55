package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Same[T comparable] = Pair[T, T]

type List[T any] = []T

type Set[T comparable] = map[T]bool

func main() {
	p := Same[int]{1, 2}
	var q Pair[int, int] = p
	l := List[string]{"a", "b"}
	s := Set[int]{3: true}
	fmt.Printf("%T %v %v %T %v %T %v\n", p, p, q, l, l, s, s)
}
