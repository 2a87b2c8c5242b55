// spawn: one million goroutines, each adding its index to a sum protected
// by a mutex; a WaitGroup waits for all of them. Measures goroutine
// creation, exit and mutex contention.
//
//bench:args 1000000
//bench:sizes 1M goroutines
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	var (
		mu  sync.Mutex
		sum int
		wg  sync.WaitGroup
	)
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func(i int) {
			mu.Lock()
			sum += i
			mu.Unlock()
			wg.Done()
		}(i)
	}
	wg.Wait()
	fmt.Println("goroutines:", n, "sum:", sum)
}
