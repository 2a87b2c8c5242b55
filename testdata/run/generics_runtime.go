package main

import (
	"errors"
	"fmt"
	"sort"
	"sync"
)

type Number interface{ ~int | ~float64 }

func ParallelSum[T Number](xs []T, parts int) T {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var total T
	n := len(xs) / parts
	for i := 0; i < parts; i++ {
		lo, hi := i*n, (i+1)*n
		if i == parts-1 {
			hi = len(xs)
		}
		wg.Add(1)
		go func(part []T) {
			defer wg.Done()
			var s T
			for _, x := range part {
				s += x
			}
			mu.Lock()
			total += s
			mu.Unlock()
		}(xs[lo:hi])
	}
	wg.Wait()
	return total
}

func Produce[T any](vals ...T) <-chan T {
	ch := make(chan T)
	go func() {
		defer close(ch)
		for _, v := range vals {
			ch <- v
		}
	}()
	return ch
}

func Collect[T any](ch <-chan T) []T {
	var out []T
	for v := range ch {
		out = append(out, v)
	}
	return out
}

type Cache[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func (c *Cache[K, V]) Get(k K, make func() V) V {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[K]V{}
	}
	if v, ok := c.m[k]; ok {
		return v
	}
	v := make()
	c.m[k] = v
	return v
}

func Kind[T any](x T) string {
	switch v := any(x).(type) {
	case int:
		return fmt.Sprint("int ", v)
	case string:
		return "string " + v
	case error:
		return "error " + v.Error()
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func SortBy[T any, K int | string](xs []T, key func(T) K) {
	sort.Slice(xs, func(i, j int) bool { return key(xs[i]) < key(xs[j]) })
}

func MustPositive[T Number](x T) (r T, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("recovered: %v", p)
		}
	}()
	if x < 0 {
		panic(fmt.Sprint("negative ", x))
	}
	return x, nil
}

type person struct {
	name string
	age  int
}

func main() {
	xs := make([]int, 1000)
	for i := range xs {
		xs[i] = i
	}
	fmt.Println(ParallelSum(xs, 4), ParallelSum([]float64{0.5, 1.5, 2}, 2))
	fmt.Println(Collect(Produce("a", "b", "c")), Collect(Produce(1, 2)))
	var c Cache[string, []int]
	n := 0
	mk := func() []int { n++; return []int{n} }
	fmt.Println(c.Get("a", mk), c.Get("a", mk), c.Get("b", mk), n)
	fmt.Println(Kind(3), Kind("s"), Kind(errors.New("e")), Kind(2.5), Kind([]int{}))
	ps := []person{{"bob", 30}, {"al", 25}, {"cy", 35}}
	SortBy(ps, func(p person) int { return p.age })
	fmt.Println(ps)
	SortBy(ps, func(p person) string { return p.name })
	fmt.Println(ps)
	fmt.Println(MustPositive(3))
	fmt.Println(MustPositive(-2.5))
}
