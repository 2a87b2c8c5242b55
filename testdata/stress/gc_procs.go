// gc_procs: GOMAXPROCS changes (stopping the world from a goroutine)
// while collections mark and sweep concurrently and six goroutines build
// and check trees: retired Ps keep caches and write-barrier buffers that
// the collector must still flush.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type node struct {
	l, r *node
	v    int
}

func build(d, v int) *node {
	if d == 0 {
		return &node{v: v}
	}
	return &node{build(d-1, v), build(d-1, v), v}
}

func sum(n *node) int {
	if n == nil {
		return 0
	}
	return n.v + sum(n.l) + sum(n.r)
}

func main() {
	var wg sync.WaitGroup
	bad := 0
	var mu sync.Mutex
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			keep := build(10, g)
			for i := 0; i < 300; i++ {
				t := build(8, i)
				if sum(t) != i*511 || sum(keep) != g*2047 {
					mu.Lock()
					bad++
					mu.Unlock()
				}
			}
		}()
	}
	stop := make(chan bool)
	go func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			runtime.GOMAXPROCS(1 + i%8)
		}
	}()
	wg.Wait()
	close(stop)
	fmt.Println("bad", bad)
}
