// timer_sleepers: goroutines sleeping for a few microseconds, over and
// over, so that Ps go idle and Ms take turns sleeping until the next timer
// while new timers keep arriving. A late wake-up meant for the timer
// sleeper must never reach an M parked without a P. Also time.After in a
// select and AfterFunc callbacks; every count must come out exact.
package main

import (
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var slept, fired, timedOut int64
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3000; i++ {
				time.Sleep(time.Duration(i%7) * time.Microsecond)
				atomic.AddInt64(&slept, 1)
			}
		}()
	}
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			never := make(chan int)
			for i := 0; i < 500; i++ {
				select {
				case <-never:
				case <-time.After(time.Duration(i%5+1) * time.Microsecond):
					atomic.AddInt64(&timedOut, 1)
				}
			}
		}()
	}
	var cbs sync.WaitGroup
	for i := 0; i < 2000; i++ {
		cbs.Add(1)
		time.AfterFunc(time.Duration(i%11)*time.Microsecond, func() {
			atomic.AddInt64(&fired, 1)
			cbs.Done()
		})
	}
	wg.Wait()
	cbs.Wait()
	println("slept", slept, "timed out", timedOut, "fired", fired)
}
