package main

import (
	"sync"
	"time"
)

func main() {
	// After and select timeouts
	c := make(chan int)
	select {
	case <-c:
		println("unexpected")
	case <-time.After(10 * time.Millisecond):
		println("timeout")
	}
	go func() {
		time.Sleep(5 * time.Millisecond)
		c <- 7
	}()
	select {
	case v := <-c:
		println("got", v)
	case <-time.After(2 * time.Second):
		println("too slow")
	}

	// Timer: Stop before firing, Reset, fire
	t := time.NewTimer(time.Hour)
	println("stop:", t.Stop(), t.Stop())
	t.Reset(5 * time.Millisecond)
	<-t.C
	println("fired; reset after fire:", t.Reset(time.Millisecond))
	<-t.C

	// AfterFunc runs in its own goroutine; Stop cancels
	var wg sync.WaitGroup
	wg.Add(1)
	time.AfterFunc(5*time.Millisecond, func() {
		println("AfterFunc ran")
		wg.Done()
	})
	wg.Wait()
	f := time.AfterFunc(time.Hour, func() { println("never") })
	println("cancelled:", f.Stop())

	// Ticker: count ticks in a window, within bounds
	tk := time.NewTicker(10 * time.Millisecond)
	n := 0
	deadline := time.After(105 * time.Millisecond)
loop:
	for {
		select {
		case <-tk.C:
			n++
		case <-deadline:
			break loop
		}
	}
	tk.Stop()
	println("ticks in range:", n >= 3 && n <= 11)
	tk.Reset(time.Millisecond)
	<-tk.C
	tk.Stop()

	// many sleeping goroutines wake in deadline order
	out := make(chan int, 5)
	for i := 4; i >= 0; i-- {
		go func() {
			time.Sleep(time.Duration(i*40) * time.Millisecond)
			out <- i
		}()
	}
	for i := 0; i < 5; i++ {
		print(<-out, " ")
	}
	println()
	println(time.Tick(0) == nil)
}
