// sync_storm: the sync package under contention. 64 goroutines hammer one
// Mutex (some holding it long enough to push it into starvation mode), an
// RWMutex with readers checking an invariant the writers keep, a Cond
// queue with several consumers, Once, WaitGroups reused in rounds, atomic
// counters and short timers. Every total must come out exact.
package main

import (
	"sync"
	"sync/atomic"
	"time"
)

type account struct {
	mu  sync.Mutex
	bal int
}

func main() {
	// Mutex: 64 goroutines x 3000 increments, every 100th holds it a while.
	var acct account
	var wg sync.WaitGroup
	for g := 0; g < 64; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3000; i++ {
				acct.mu.Lock()
				acct.bal++
				if i%100 == 0 {
					for k := 0; k < 2000; k++ {
						acct.bal += k & 0
					}
				}
				acct.mu.Unlock()
			}
		}()
	}
	wg.Wait()
	println("mutex", acct.bal == 64*3000)

	// RWMutex: writers move value between two cells; readers see the sum.
	var rw sync.RWMutex
	a, b := 1000, 0
	bad := int32(0)
	for g := 0; g < 32; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				if g%4 == 0 {
					rw.Lock()
					a--
					b++
					rw.Unlock()
				} else {
					rw.RLock()
					if a+b != 1000 {
						atomic.AddInt32(&bad, 1)
					}
					rw.RUnlock()
				}
			}
		}()
	}
	wg.Wait()
	println("rwmutex", bad == 0, a+b, b == 8*2000)

	// Cond: 8 producers, 8 consumers over a bounded queue.
	var mu sync.Mutex
	notEmpty := sync.NewCond(&mu)
	notFull := sync.NewCond(&mu)
	var q []int
	const per = 5000
	sum := 0
	got := 0
	var cons sync.WaitGroup
	for c := 0; c < 8; c++ {
		cons.Add(1)
		go func() {
			defer cons.Done()
			for {
				mu.Lock()
				for len(q) == 0 && got < 8*per {
					notEmpty.Wait()
				}
				if got == 8*per {
					mu.Unlock()
					notEmpty.Broadcast()
					return
				}
				sum += q[0]
				q = q[1:]
				got++
				mu.Unlock()
				notFull.Signal()
			}
		}()
	}
	for p := 0; p < 8; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 1; i <= per; i++ {
				mu.Lock()
				for len(q) >= 16 {
					notFull.Wait()
				}
				q = append(q, i)
				mu.Unlock()
				notEmpty.Signal()
			}
		}()
	}
	wg.Wait()
	mu.Lock()
	notEmpty.Broadcast()
	mu.Unlock()
	cons.Wait()
	println("cond", got == 8*per, sum == 8*per*(per+1)/2)

	// Once under a stampede, WaitGroups reused in rounds.
	var once sync.Once
	var inits atomic.Int32
	for round := 0; round < 50; round++ {
		var rwg sync.WaitGroup
		for g := 0; g < 20; g++ {
			rwg.Add(1)
			go func() {
				defer rwg.Done()
				once.Do(func() { inits.Add(1) })
			}()
		}
		rwg.Wait()
	}
	println("once", inits.Load())

	// Timers: 2000 goroutines sleep 0-9 ms, AfterFunc callbacks and timer
	// channels all deliver.
	var fired atomic.Int64
	for g := 0; g < 2000; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(g%10) * time.Millisecond)
			fired.Add(1)
		}()
	}
	for g := 0; g < 500; g++ {
		wg.Add(1)
		time.AfterFunc(time.Duration(g%7)*time.Millisecond, func() {
			fired.Add(1)
			wg.Done()
		})
	}
	for g := 0; g < 500; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-time.After(time.Duration(g%5) * time.Millisecond)
			fired.Add(1)
		}()
	}
	wg.Wait()
	println("timers", fired.Load())
}
