package main

import "fmt"

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64
}

type Float interface{ ~float32 | ~float64 }

type Number interface {
	Integer | Float
}

type MyInt int

func (m MyInt) String() string { return fmt.Sprintf("MyInt(%d)", int(m)) }

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Scale[S ~[]E, E Number](s S, k E) S {
	out := make(S, len(s))
	for i, v := range s {
		out[i] = v * k
	}
	return out
}

type Vec []float64

func Convert[To, From Number](x From) To { return To(x) }

func Min[T int | float64 | string](a, b T) T {
	if a < b {
		return a
	}
	return b
}

func Keys[M ~map[K]V, K comparable, V any](m M) int { return len(m) }

func Contains[T comparable](xs []T, x T) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func Double[T Integer](x T) T { return x*2 + 1 }

func Wrap8[T ~int8](x T) T { return x + 100 }

type Stringish interface {
	~int
	String() string
}

func Describe[T Stringish](x T) string { return x.String() + fmt.Sprint(int(x)+1) }

func Apply[T any, R any](xs []T, f func(T) R) []R {
	var out []R
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.25), Sum[int8](100, 27), Sum[MyInt](2, 3))
	v := Scale(Vec{1, 2}, 2)
	fmt.Printf("%T %v\n", v, v)
	fmt.Println(Convert[int](3.9), Convert[float64](MyInt(7)))
	fmt.Println(Min(3, 2), Min(2.5, 1.5), Min("b", "a"))
	fmt.Println(Keys(map[string]int{"a": 1, "b": 2}))
	fmt.Println(Contains([]string{"a", "b"}, "b"), Contains([]int{1}, 2))
	fmt.Println(Double(20), Double(int8(100)), Wrap8(int8(100)))
	fmt.Println(Describe(MyInt(4)))
	fmt.Println(Apply([]int{1, 2, 3}, func(i int) string { return fmt.Sprint(i * i) }))
	fmt.Println(Apply([]string{"a", "bc"}, func(s string) int { return len(s) }))
}
