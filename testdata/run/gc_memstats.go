// gc_memstats: runtime.ReadMemStats after collections, printing only facts
// that hold under any correct collector: the cycle count grows with every
// runtime.GC(), the live heap is counted and, once a large structure is
// dropped and collected, shrinks well below what was allocated; frees are
// counted; totals only grow.
package main

import (
	"fmt"
	"runtime"
)

type blob struct {
	next *blob
	pad  [120]byte
}

var sink *blob

func build(n int) *blob {
	var head *blob
	for i := 0; i < n; i++ {
		b := &blob{next: head}
		b.pad[i%120] = byte(i)
		head = b
	}
	return head
}

func main() {
	var m0, m1, m2, m3 runtime.MemStats
	runtime.ReadMemStats(&m0)
	runtime.GC()
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m1)
	fmt.Println("NumGC grew by at least 3:", m1.NumGC >= m0.NumGC+3)
	fmt.Println("HeapAlloc > 0:", m1.HeapAlloc > 0)
	fmt.Println("Sys > 0:", m1.Sys > 0)
	fmt.Println("HeapSys >= HeapInuse:", m1.HeapSys >= m1.HeapInuse)
	fmt.Println("LastGC set:", m1.LastGC > 0)

	// about 32 MB live, then dropped
	sink = build(256 << 10)
	runtime.ReadMemStats(&m2)
	fmt.Println("HeapAlloc >= 30 MB while live:", m2.HeapAlloc >= 30<<20)
	fmt.Println("TotalAlloc grew by >= 30 MB:", m2.TotalAlloc-m1.TotalAlloc >= 30<<20)
	fmt.Println("Mallocs grew by >= 256K:", m2.Mallocs-m1.Mallocs >= 256<<10)
	n := 0
	for b := sink; b != nil; b = b.next {
		n++
	}
	fmt.Println("blobs:", n)
	sink = nil
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m3)
	fmt.Println("HeapAlloc < 16 MB after dropping:", m3.HeapAlloc < 16<<20)
	fmt.Println("Frees grew by >= 256K:", m3.Frees-m2.Frees >= 256<<10)
	fmt.Println("Mallocs >= Frees:", m3.Mallocs >= m3.Frees)
	fmt.Println("TotalAlloc never shrinks:", m3.TotalAlloc >= m2.TotalAlloc && m2.TotalAlloc >= m1.TotalAlloc)
	fmt.Println("NumGC grew by at least 2:", m3.NumGC >= m2.NumGC+2)
	fmt.Println("PauseTotalNs grew:", m3.PauseTotalNs >= m1.PauseTotalNs)
}
