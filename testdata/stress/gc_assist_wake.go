// gc_assist_wake: more allocating goroutines than Ps, building and
// dropping binary trees beside a long-lived one, so that goroutines run
// past the heap goal while the collector marks, park until the cycle ends,
// and are made runnable again by the collector's thread, which has no P,
// while idle Ms stop spinning. Every check sum must come out exact and
// the program must not hang.
package main

import "sync"

type node struct{ left, right *node }

func build(d int) *node {
	if d == 0 {
		return &node{}
	}
	return &node{build(d - 1), build(d - 1)}
}

func (n *node) count() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.count() + n.right.count()
}

func main() {
	long := build(16)
	var wg sync.WaitGroup
	sums := make([]int, 12)
	for g := range sums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := 4 + g%8
			for i := 0; i < (1<<19)>>d; i++ {
				sums[g] += build(d).count()
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, s := range sums {
		total += s
	}
	println("total", total, "long", long.count())
}
