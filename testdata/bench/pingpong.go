// pingpong: two goroutines pass a counter back and forth over two
// unbuffered channels; every round trip is two synchronous hand-offs, so
// this measures channel send/receive and goroutine switching.
//
//bench:args 2000000
//bench:sizes 2M round trips
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := 2000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for i := 0; i < n; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
	fmt.Println("round trips:", n, "value:", v)
}
