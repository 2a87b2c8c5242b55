package main

import "fmt"

func Count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Pairs[K comparable, V any](keys []K, vals []V) func(func(K, V) bool) {
	return func(yield func(K, V) bool) {
		for i, k := range keys {
			if !yield(k, vals[i]) {
				return
			}
		}
	}
}

func Once(yield func() bool) { yield() }

type List[T any] struct {
	items []T
}

func (l *List[T]) All() func(yield func(int, T) bool) {
	return func(yield func(int, T) bool) {
		for i, v := range l.items {
			if !yield(i, v) {
				return
			}
		}
	}
}

func find(target int) (idx int, found bool) {
	for i := range Count(10) {
		if i == target {
			return i, true
		}
	}
	return -1, false
}

func firstNeg(xs []int) int {
	for _, v := range (&List[int]{xs}).All() {
		if v < 0 {
			return v
		}
	}
	return 0
}

func named() (s string) {
	s = "start"
	for i := range Count(3) {
		s += fmt.Sprint(i)
		if i == 1 {
			return
		}
	}
	return "unreached"
}

func nested() string {
	out := ""
outer:
	for i := range Count(4) {
		for j := range Count(4) {
			if j > i {
				continue outer
			}
			if i == 3 {
				break outer
			}
			out += fmt.Sprint(i, j, " ")
		}
	}
	return out
}

func nestedReturn() int {
	for i := range Count(5) {
		for j := range Count(5) {
			if i*j == 6 {
				return i*10 + j
			}
		}
	}
	return -1
}

func main() {
	sum := 0
	for i := range Count(5) {
		sum += i
	}
	fmt.Println("sum", sum)
	for k, v := range Pairs([]string{"a", "b", "c"}, []int{1, 2, 3}) {
		if k == "c" {
			break
		}
		fmt.Println(k, v)
	}
	for range Once {
		fmt.Println("once")
	}
	l := &List[string]{[]string{"x", "y", "z"}}
	for i, s := range l.All() {
		if i == 1 {
			continue
		}
		fmt.Println(i, s)
	}
	fmt.Println(find(7))
	fmt.Println(find(70))
	fmt.Println(firstNeg([]int{3, -4, -5}))
	fmt.Println(named())
	fmt.Println(nested())
	fmt.Println(nestedReturn())
	var fs []func() int
	for i := range Count(3) {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	x := 0
	for x = range Count(4) {
	}
	fmt.Println("x", x)
}
