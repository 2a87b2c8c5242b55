package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[S ~[]E, E, R any](s S, f func(E) R) []R {
	out := make([]R, 0, len(s))
	for _, x := range s {
		out = append(out, f(x))
	}
	return out
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}

type Stringer interface{ String() string }
type ID int

func (i ID) String() string { return fmt.Sprint("id", int(i)) }

func Join[T Stringer](xs []T) string {
	s := ""
	for _, x := range xs {
		s += x.String()
	}
	return s
}

func Max[T int | float64 | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{1.5, 2}))
	fmt.Println(Map([]int{1, 2}, func(i int) string { return fmt.Sprint(i * 2) }))
	var s Stack[string]
	s.Push("a")
	s.Push("b")
	x, ok := s.Pop()
	fmt.Println(x, ok)
	fmt.Println(Join([]ID{1, 2}), Max(3, 7), Max("a", "b"), Max[float64](1, 2.5))
}
