package main

import (
	"runtime"
	"sync"
)

func main() {
	old := runtime.GOMAXPROCS(1)
	println(old >= 1, runtime.GOMAXPROCS(0))
	// at GOMAXPROCS=1, Gosched lets the other goroutine run in between
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	wg.Add(2)
	for id := 1; id <= 2; id++ {
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				mu.Lock()
				order = append(order, id)
				mu.Unlock()
				runtime.Gosched()
			}
		}()
	}
	wg.Wait()
	println(len(order))

	// a goroutine spinning without function calls cannot starve main
	stop := false
	go func() {
		x := 0
		for !stop {
			x++
		}
	}()
	runtime.Gosched()
	println("main still runs")

	runtime.GOMAXPROCS(4)
	println(runtime.GOMAXPROCS(0))
	var wg2 sync.WaitGroup
	sums := make([]int, 8)
	for i := range sums {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			for j := 0; j < 100000; j++ {
				sums[i] += j
			}
		}()
	}
	wg2.Wait()
	println(sums[0] == sums[7], runtime.NumCPU() >= 1)

	// NumGoroutine counts the live ones
	block := make(chan int)
	for i := 0; i < 5; i++ {
		go func() { <-block }()
	}
	n := runtime.NumGoroutine()
	println(n >= 6)
	close(block)

	// Goexit runs deferred calls and ends only that goroutine
	done := make(chan string)
	go func() {
		defer func() { done <- "deferred ran" }()
		runtime.Goexit()
		done <- "not reached"
	}()
	println(<-done)
	runtime.GC()
	runtime.KeepAlive(done)
}
