// fib: fork-join Fibonacci. Above the cutoff each call computes one branch
// in a new goroutine and the other itself, then joins through a channel;
// at or below it the recursion is plain function calls. Run with one and
// with two processors to see both the call cost and the parallel speed-up.
//
//bench:args 38
//bench:gomaxprocs 1 2
//bench:sizes fib(38), goroutines above n=25 (about 4000 of them)
package main

import (
	"fmt"
	"os"
	"strconv"
)

const cutoff = 25

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func pfib(n int) int {
	if n <= cutoff {
		return fib(n)
	}
	c := make(chan int, 1)
	go func() { c <- pfib(n - 1) }()
	b := pfib(n - 2)
	return <-c + b
}

func main() {
	n := 38
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	fmt.Printf("fib(%d) = %d\n", n, pfib(n))
}
