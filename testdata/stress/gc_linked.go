// gc_linked: 8 goroutines build and check linked structures while
// allocating heavily and calling runtime.GC() now and then: each round a
// worker builds a binary tree, a list with strings and a map of slices
// from its own pseudo-random stream, checks the structures it built three
// rounds earlier (so they live across many collections), publishes its
// tree for the other workers to check, and drops garbage. Every check
// recomputes the expected contents; the totals are printed in worker order.
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"sync"
)

type tree struct {
	left, right *tree
	val         uint64
	label       string
}

type item struct {
	next *item
	s    string
	n    uint64
}

type set struct {
	seed uint64
	t    *tree
	l    *item
	m    map[int][]uint64
}

func next(x uint64) uint64 {
	x ^= x << 13
	x ^= x >> 7
	x ^= x << 17
	return x
}

func buildTree(depth int, x uint64) *tree {
	t := &tree{val: x, label: strconv.FormatUint(x%100000, 36)}
	if depth > 0 {
		t.left = buildTree(depth-1, next(x))
		t.right = buildTree(depth-1, next(x^0xABCDEF))
	}
	return t
}

// checkTree returns the number of bad nodes and a hash of the tree.
func checkTree(t *tree, depth int, x uint64) (int, uint64) {
	if t == nil {
		return 1, 0
	}
	bad := 0
	if t.val != x || t.label != strconv.FormatUint(x%100000, 36) {
		bad++
	}
	h := x
	if depth > 0 {
		b1, h1 := checkTree(t.left, depth-1, next(x))
		b2, h2 := checkTree(t.right, depth-1, next(x^0xABCDEF))
		bad += b1 + b2
		h = h*31 + h1*17 + h2
	} else if t.left != nil || t.right != nil {
		bad++
	}
	return bad, h
}

func build(seed uint64) *set {
	s := &set{seed: seed, t: buildTree(9, seed), m: map[int][]uint64{}}
	x := seed
	for i := 0; i < 500; i++ {
		x = next(x)
		s.l = &item{next: s.l, s: "item-" + strconv.FormatUint(x%1000003, 10), n: x}
	}
	for i := 0; i < 100; i++ {
		var v []uint64
		for j := 0; j < i%17; j++ {
			x = next(x)
			v = append(v, x)
		}
		s.m[i] = v
	}
	return s
}

func check(s *set) (int, uint64) {
	bad, h := checkTree(s.t, 9, s.seed)
	x := s.seed
	var want []uint64
	for i := 0; i < 500; i++ {
		x = next(x)
		want = append(want, x)
	}
	i := 499
	for it := s.l; it != nil; it = it.next {
		if i < 0 || it.n != want[i] || it.s != "item-"+strconv.FormatUint(want[i]%1000003, 10) {
			bad++
			break
		}
		h = h*3 + it.n
		i--
	}
	if i != -1 {
		bad++
	}
	if len(s.m) != 100 {
		bad++
	}
	for k := 0; k < 100; k++ {
		v := s.m[k]
		if len(v) != k%17 {
			bad++
			continue
		}
		for _, e := range v {
			x = next(x)
			if e != x {
				bad++
			}
			h ^= e
		}
	}
	return bad, h
}

var sink []byte

func main() {
	const workers, rounds = 8, 60
	var mu sync.Mutex
	published := make([]*set, workers)
	results := make([]string, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var ring [3]*set
			bad, peerBad, checked := 0, 0, 0
			var h uint64
			for r := 0; r < rounds; r++ {
				seed := uint64(w+1)*1000003 + uint64(r)*7919
				if old := ring[r%3]; old != nil {
					b, hh := check(old)
					bad += b
					h = h*1099511628211 ^ hh
					checked++
				}
				ring[r%3] = build(seed)
				mu.Lock()
				published[w] = ring[r%3]
				peer := published[(w+1+r)%workers]
				mu.Unlock()
				if peer != nil {
					b, _ := check(peer)
					peerBad += b
				}
				// garbage of many sizes
				for i := 0; i < 600; i++ {
					g := make([]byte, 16<<uint(i%9))
					g[len(g)-1] = byte(i)
					if i%50 == 0 {
						mu.Lock()
						sink = g
						mu.Unlock()
					}
				}
				if r%5 == w%5 {
					runtime.GC()
				}
			}
			for _, s := range ring {
				b, hh := check(s)
				bad += b
				h = h*1099511628211 ^ hh
				checked++
			}
			results[w] = fmt.Sprintf("worker %d: %d sets checked, %d bad, %d bad in peers' sets, hash %016x", w, checked, bad, peerBad, h)
		}()
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}
}
