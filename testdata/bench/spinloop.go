// spinloop: a tight loop with no calls, the worst case for goc's loop
// back-edge preemption poll (a load and a test of the goroutine's preempt
// word per iteration); Go preempts such loops with signals instead, so
// the ratio is the poll's cost plus code quality.
//
//bench:args 1000000000
//bench:sizes 1G iterations of a dependent add/xor/shift chain
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := 1000000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	s := 0
	for i := 0; i < n; i++ {
		s += i ^ (s >> 3)
	}
	fmt.Println("iterations:", n, "result:", s)
}
