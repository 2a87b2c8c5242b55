package main

import (
	"sync"
)

func main() {
	var rw sync.RWMutex
	data := map[int]int{}
	var wg sync.WaitGroup
	reads := make([]int, 8)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				rw.Lock()
				data[w*1000+i] = i
				rw.Unlock()
			}
		}()
	}
	for r := 0; r < 8; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				rw.RLock()
				reads[r] += len(data) - len(data)
				rw.RUnlock()
			}
		}()
	}
	wg.Wait()
	println(len(data), reads[0], reads[7])

	// readers share, a writer excludes
	println(rw.TryRLock(), rw.TryRLock(), rw.TryLock())
	rw.RUnlock()
	rw.RUnlock()
	println(rw.TryLock(), rw.TryRLock())
	rw.Unlock()
	rl := rw.RLocker()
	rl.Lock()
	println(rw.TryLock())
	rl.Unlock()
	println(rw.TryLock())
}
