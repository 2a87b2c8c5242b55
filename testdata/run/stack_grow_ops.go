package main

// Stacks that grow inside channel operations, select, deferred calls and
// panics: values received into frames that then move, deferred closures
// that recurse deeply, recovery after deep recursion.

import (
	"errors"
	"fmt"
)

func deep(n int) int {
	var pad [16]int
	pad[n%16] = n
	if n == 0 {
		return 0
	}
	return deep(n-1) + pad[n%16] - n + 1
}

// recvDeep receives into a local, then grows the stack, then reads it.
func recvDeep(c chan [4]int, n int) int {
	v := <-c
	p := &v
	d := deep(n)
	return p[0] + p[3] + d
}

func selectDeep(a, b chan int, n int) int {
	var got int
	var where *int = &got
	select {
	case x := <-a:
		*where = x + deep(n)
	case y := <-b:
		*where = y - deep(n)
	}
	return got
}

func deferDeep(n int) (r int) {
	local := 5
	p := &local
	defer func() {
		r = *p + deep(n)
	}()
	return 0
}

func panicDeep(n int) (msg string) {
	x := 42
	defer func() {
		if e := recover(); e != nil {
			msg = fmt.Sprint(e, " ", x, " ", deep(n))
		}
	}()
	var grow func(int)
	grow = func(k int) {
		if k == 0 {
			panic(errors.New("deep panic"))
		}
		grow(k - 1)
	}
	grow(n)
	return "no panic"
}

func nestedDefers(n int) (out []int) {
	for i := 0; i < 3; i++ {
		defer func(i int) {
			out = append(out, i+deep(n*(i+1))-n*(i+1))
		}(i)
	}
	return nil
}

func main() {
	c := make(chan [4]int)
	go func() { c <- [4]int{1, 2, 3, 4} }()
	fmt.Println("recv:", recvDeep(c, 100000))

	a, b := make(chan int), make(chan int)
	go func() { b <- 7 }()
	fmt.Println("select:", selectDeep(a, b, 100000))

	fmt.Println("defer:", deferDeep(200000))
	fmt.Println("panic:", panicDeep(50000))
	fmt.Println("nested defers:", nestedDefers(30000))

	// Many goroutines growing while they talk over channels.
	res := make(chan int)
	for i := 0; i < 50; i++ {
		go func(i int) {
			ch := make(chan int, 1)
			ch <- i
			res <- <-ch + deep(1000*(i+1))
		}(i)
	}
	sum := 0
	for i := 0; i < 50; i++ {
		sum += <-res
	}
	fmt.Println("goroutines:", sum)
}
