// parked: one million goroutines all block receiving from one channel;
// once every one of them has started, closing the channel releases them
// all at once. Measures the memory of parked goroutines (their stacks) and
// waking a crowd.
//
//bench:args 1000000
//bench:sizes 1M parked goroutines (a few GB of stacks would be a bug)
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
)

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	gate := make(chan struct{})
	var started, done sync.WaitGroup
	var total atomic.Int64
	started.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func(i int) {
			started.Done()
			<-gate
			total.Add(int64(i & 7))
			done.Done()
		}(i)
	}
	started.Wait()
	close(gate)
	done.Wait()
	fmt.Println("released:", n, "total:", total.Load())
}
