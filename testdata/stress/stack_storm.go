// stack_storm: 10,000 goroutines grow their stacks at the same time
// while the heap churns (so collections run, moving and shrinking stacks
// of parked goroutines): each goroutine recurses to a depth of its own,
// keeping in every frame a pointer to the previous frame's data and a
// heap object, parks on a channel at the bottom, then checks every frame
// on the way back up. Results are summed in a fixed order.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type frame struct {
	depth int
	prev  *frame
	obj   *[4]int
}

func dive(id, depth, max int, prev *frame, gate chan struct{}) int {
	f := frame{depth: depth, prev: prev, obj: &[4]int{id, depth, id ^ depth, 7}}
	if prev != nil && (prev.depth != depth-1 || prev.obj[1] != depth-1 || prev.obj[0] != id) {
		panic("corrupted frame on the way down")
	}
	var r int
	if depth == max {
		<-gate
		r = id
	} else {
		r = dive(id, depth+1, max, &f, gate)
	}
	if f.depth != depth || f.obj[2] != id^depth || (prev != nil && prev.depth != depth-1) {
		panic("corrupted frame on the way up")
	}
	return r + f.obj[3] - 7
}

func main() {
	const n = 10000
	gate := make(chan struct{})
	results := make([]int, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = dive(i, 0, 20+i%180, nil, gate)
		}(i)
	}
	// Garbage while the goroutines park, so collections run with them.
	var keep [][]byte
	for i := 0; i < 1000; i++ {
		keep = append(keep, make([]byte, 4096))
		if len(keep) > 100 {
			keep = keep[:0]
		}
	}
	runtime.GC()
	close(gate)
	wg.Wait()
	sum := 0
	for i, r := range results {
		if r != i {
			panic(fmt.Sprint("goroutine ", i, " returned ", r))
		}
		sum += r
	}
	fmt.Println("goroutines:", n, "sum:", sum)

	// Deep recursion in waves while collecting.
	for wave := 0; wave < 3; wave++ {
		var wg2 sync.WaitGroup
		for i := 0; i < 500; i++ {
			wg2.Add(1)
			go func(i int) {
				defer wg2.Done()
				g := make(chan struct{})
				close(g)
				if dive(i, 0, 1000+i, nil, g) != i {
					panic("wave: wrong result")
				}
			}(i)
		}
		runtime.GC()
		wg2.Wait()
	}
	fmt.Println("waves done")
}
