package main

import (
	"sync"
)

type queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
	done  bool
}

func main() {
	var once sync.Once
	calls := 0
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { calls++ })
		}()
	}
	wg.Wait()
	println("once:", calls)

	// a panicking Do still counts as done
	var o2 sync.Once
	func() {
		defer func() { println("recovered:", recover().(string)) }()
		o2.Do(func() { panic("boom") })
	}()
	o2.Do(func() { println("not called") })

	f := sync.OnceFunc(func() { println("OnceFunc body") })
	f()
	f()

	// a producer/consumer queue on a Cond
	q := &queue{}
	q.cond = sync.NewCond(&q.mu)
	sum := 0
	var cw sync.WaitGroup
	for c := 0; c < 4; c++ {
		cw.Add(1)
		go func() {
			defer cw.Done()
			for {
				q.mu.Lock()
				for len(q.items) == 0 && !q.done {
					q.cond.Wait()
				}
				if len(q.items) == 0 {
					q.mu.Unlock()
					return
				}
				v := q.items[0]
				q.items = q.items[1:]
				sum += v
				q.mu.Unlock()
			}
		}()
	}
	for i := 1; i <= 1000; i++ {
		q.mu.Lock()
		q.items = append(q.items, i)
		q.mu.Unlock()
		q.cond.Signal()
	}
	q.mu.Lock()
	q.done = true
	q.mu.Unlock()
	q.cond.Broadcast()
	cw.Wait()
	println("sum:", sum)

	// WaitGroup.Go
	var g sync.WaitGroup
	results := make([]int, 10)
	for i := range results {
		g.Go(func() { results[i] = i * i })
	}
	g.Wait()
	println(results[0], results[3], results[9])
}
