// Objects that become garbage between two collections are freed by the
// second: the collector's write barrier is only on while it marks, so a
// pointer overwritten between cycles does not keep the old object for one
// more cycle.
package main

import (
	"fmt"
	"runtime"
)

type record struct {
	p *int
	v [7]int64
}

func heapMB() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc >> 20
}

func main() {
	n := 1 << 18
	live := make([]*record, n)
	for i := range live {
		live[i] = &record{}
	}
	runtime.GC()
	fmt.Println("after setup:", heapMB(), "MB")
	for round := 0; round < 3; round++ {
		for i := 0; i < n/2; i++ {
			live[i] = &record{v: [7]int64{int64(round)}}
		}
		runtime.GC()
		fmt.Println("after replacing half:", heapMB(), "MB")
	}
	runtime.KeepAlive(live)
}
