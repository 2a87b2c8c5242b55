package main

import (
	"sync"
)

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[k]++
}

func main() {
	c := counter{n: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 2000; j++ {
				c.inc([]string{"a", "b", "c"}[j%3])
			}
		}()
	}
	wg.Wait()
	println(c.n["a"], c.n["b"], c.n["c"])

	// TryLock
	var m sync.Mutex
	println(m.TryLock(), m.TryLock())
	m.Unlock()
	println(m.TryLock())
	m.Unlock()

	// a Mutex as a Locker
	var l sync.Locker = &m
	l.Lock()
	l.Unlock()

	// long critical sections push the mutex into starvation mode and out
	total := 0
	var wg2 sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			for j := 0; j < 300; j++ {
				m.Lock()
				for k := 0; k < 1000; k++ {
					total++
				}
				m.Unlock()
			}
		}()
	}
	wg2.Wait()
	println(total)
}
