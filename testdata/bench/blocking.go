// blocking: with one processor (GOMAXPROCS=1), eight goroutines loop on
// 50 ms nanosleep system calls while main computes fib(32) twenty times.
// A goroutine in a blocking system call must not hold the processor: the
// runtime has to hand it to another thread, so main's compute time must
// not grow with the sleepers. main measures the compute twice, alone and
// then with the sleepers, and reports the ratio (about 1.0 is right; 8 or
// worse means sleepers held the processor).
//
// Standard output is the fib results; the timings go to standard error as
// `bench:` metric lines, and only standard output is compared.
//
//bench:gomaxprocs 1
//bench:compare stdout
//bench:sizes fib(32) x 20, 8 sleepers of 50 ms
package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

const sleepers = 8

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func compute() (int, time.Duration) {
	start := time.Now()
	sum := 0
	for i := 0; i < 20; i++ {
		sum += fib(32)
	}
	return sum, time.Since(start)
}

func main() {
	alone, tAlone := compute()

	var stop atomic.Bool
	var wg sync.WaitGroup
	var naps atomic.Int64
	for i := 0; i < sleepers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ts := syscall.Timespec{Nsec: 50 * 1000 * 1000}
			for !stop.Load() {
				syscall.Nanosleep(&ts, nil)
				naps.Add(1)
			}
		}()
	}
	// let every sleeper enter its first system call
	time.Sleep(10 * time.Millisecond)
	with, tWith := compute()
	stop.Store(true)
	wg.Wait()

	fmt.Println("fib(32) x 20 =", alone, "alone,", with, "with", sleepers, "sleepers")
	fmt.Fprintf(os.Stderr, "bench: compute-alone %.1f ms\n", float64(tAlone.Microseconds())/1000)
	fmt.Fprintf(os.Stderr, "bench: compute-with-sleepers %.1f ms\n", float64(tWith.Microseconds())/1000)
	fmt.Fprintf(os.Stderr, "bench: slowdown %.2f x\n", float64(tWith)/float64(tAlone))
	if naps.Load() == 0 {
		fmt.Fprintln(os.Stderr, "bench: sleepers never slept")
	}
}
