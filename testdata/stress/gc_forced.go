// gc_forced: goroutines call runtime.GC while others allocate past the
// collector's goal (so they wait in assists) and still others read
// MemStats (which stops the world): every caller must come back after a
// cycle that started after its call, and the data the allocators keep
// must survive intact.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type item struct {
	id   int
	next *item
	pad  [4]int
}

func chain(id, n int) *item {
	var head *item
	for i := 0; i < n; i++ {
		head = &item{id: id*1000 + i, next: head}
	}
	return head
}

func check(id, n int, head *item) bool {
	for i := n - 1; i >= 0; i-- {
		if head == nil || head.id != id*1000+i {
			return false
		}
		head = head.next
	}
	return head == nil
}

func main() {
	var ms0 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	var wg sync.WaitGroup
	const callers, calls = 6, 15
	for g := 0; g < callers; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < calls; i++ {
				runtime.GC()
			}
		}()
	}
	bad := 0
	var mu sync.Mutex
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			keep := chain(g, 500)
			for round := 0; round < 3000; round++ {
				garbage := chain(g+100, 200)
				if !check(g+100, 200, garbage) || !check(g, 500, keep) {
					mu.Lock()
					bad++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for i := 0; i < 50; i++ {
			runtime.ReadMemStats(&ms)
		}
	}()
	wg.Wait()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	// Each caller's calls are sequential and each waits for a cycle that
	// started after it: at least `calls` cycles in all.
	cycles := ms.NumGC - ms0.NumGC
	fmt.Println("bad:", bad)
	fmt.Println("enough cycles:", cycles >= calls)
}
