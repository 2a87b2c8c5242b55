package main

import "fmt"

func Pairs[T any](xs []T) []any {
	type pair struct {
		a, b T
	}
	var out []any
	for i := 0; i+1 < len(xs); i += 2 {
		out = append(out, pair{xs[i], xs[i+1]})
	}
	return out
}

func main() {
	fmt.Println(Pairs([]int{1, 2, 3, 4}), Pairs([]string{"a", "b"}))
	fmt.Printf("%T\n", Pairs([]int{1, 2})[0])
}

func Chain[T any](xs ...T) int {
	type node struct {
		next *node
		v    T
	}
	var head *node
	for _, x := range xs {
		head = &node{head, x}
	}
	n := 0
	for p := head; p != nil; p = p.next {
		n++
	}
	return n
}

func init() {
	fmt.Println(Chain(1, 2, 3), Chain("a"))
}
