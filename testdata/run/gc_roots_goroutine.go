// gc_roots_goroutine: objects reachable only from the stacks of parked
// goroutines survive repeated runtime.GC() with their contents intact: a
// goroutine blocked in a channel receive, one blocked in a select, one
// parked at the bottom of a 300-frame recursion (a root in every frame),
// one blocked on a sync.Mutex, one on a sync.WaitGroup and one sleeping.
// Main allocates garbage and collects while they wait, then releases them
// and each checks what it holds.
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"time"
)

// deep recurses d frames, each holding its own node, parks at the bottom,
// then checks every frame's node on the way up.
func deep(d int, ready chan<- bool, release <-chan bool) (int, uint64) {
	n := &node{val: d, name: "frame" + strconv.Itoa(d), data: pattern(d, 40)}
	if d == 0 {
		ready <- true
		<-release
		return 0, 0
	}
	bad, h := deep(d-1, ready, release)
	if n.val != d || n.name != "frame"+strconv.Itoa(d) {
		bad++
	}
	for k, c := range n.data {
		if c != byte(d*7+k*13+1) {
			bad++
		}
		h = mix(h, uint64(c))
	}
	return bad, mix(h, uint64(n.val))
}

func main() {
	const kinds = 6
	results := make([]string, kinds)
	ready := make(chan bool)
	release := make(chan bool)
	never := make(chan int)
	var wg sync.WaitGroup
	wg.Add(kinds)

	go func() { // blocked in a receive
		l := buildList(1, 3000)
		ready <- true
		<-release
		results[0] = "recv:   " + checkList(l, 1, 3000)
		wg.Done()
	}()

	go func() { // blocked in a select with two cases
		l := buildList(2, 2000)
		m := map[string]*node{}
		for p := l; p != nil; p = p.next {
			m[p.name] = p
		}
		l = nil
		ready <- true
		select {
		case <-release:
		case v := <-never:
			results[1] = "never " + strconv.Itoa(v)
		}
		head := m["n200000"]
		results[1] = "select: " + checkList(head, 2, 2000) + " map " + strconv.Itoa(len(m))
		for k, v := range m {
			if k != v.name {
				results[1] = "select: BAD map entry " + k
			}
		}
		wg.Done()
	}()

	go func() { // parked 300 frames deep
		bad, h := deep(300, ready, release)
		results[2] = fmt.Sprintf("deep:   %d bad frames, hash %016x", bad, h)
		wg.Done()
	}()

	var mu sync.Mutex
	mu.Lock()
	go func() { // blocked on a mutex
		l := buildList(4, 1500)
		ready <- true
		mu.Lock()
		results[3] = "mutex:  " + checkList(l, 4, 1500)
		mu.Unlock()
		wg.Done()
	}()

	var gate sync.WaitGroup
	gate.Add(1)
	go func() { // blocked on a WaitGroup
		s := make([]*node, 0)
		for i := 0; i < 100; i++ {
			s = append(s, buildList(500+i, 10))
		}
		ready <- true
		gate.Wait()
		res := "ok"
		for i, l := range s {
			if r := checkList(l, 500+i, 10); r[:2] != "ok" {
				res = r
			}
		}
		results[4] = "wait:   " + res + " (100 lists)"
		wg.Done()
	}()

	go func() { // asleep in time.Sleep
		l := buildList(6, 1000)
		ready <- true
		time.Sleep(20 * time.Millisecond)
		results[5] = "sleep:  " + checkList(l, 6, 1000)
		wg.Done()
	}()

	for i := 0; i < kinds; i++ {
		<-ready
	}
	churn(6)
	close(release)
	mu.Unlock()
	gate.Done()
	churn(2)
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}
}

// ---- shared by the gc_roots_* programs ----

// node is the linked structure whose contents every check walks.
type node struct {
	next *node
	val  int
	name string
	data []byte
}

// pattern returns n bytes that depend on v and on their index.
func pattern(v, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(v*7 + i*13 + 1)
	}
	return b
}

// buildList returns a list of n nodes whose contents depend on seed.
func buildList(seed, n int) *node {
	var head *node
	for i := n - 1; i >= 0; i-- {
		v := seed*100000 + i
		head = &node{next: head, val: v, name: "n" + strconv.Itoa(v), data: pattern(v, 1+v%29)}
	}
	return head
}

// checkList walks a list built by buildList(seed, n) and says what is wrong
// with it ("ok" if nothing), with a hash of everything it read.
func checkList(l *node, seed, n int) string {
	h := uint64(14695981039346656037)
	i := 0
	for p := l; p != nil; p = p.next {
		v := seed*100000 + i
		if p.val != v {
			return fmt.Sprintf("BAD node %d: val %d, want %d", i, p.val, v)
		}
		if p.name != "n"+strconv.Itoa(v) {
			return fmt.Sprintf("BAD node %d: name %q", i, p.name)
		}
		if len(p.data) != 1+v%29 {
			return fmt.Sprintf("BAD node %d: %d data bytes", i, len(p.data))
		}
		for k, c := range p.data {
			if c != byte(v*7+k*13+1) {
				return fmt.Sprintf("BAD node %d: data[%d] = %d", i, k, c)
			}
			h = mix(h, uint64(c))
		}
		h = mix(h, uint64(p.val))
		h = mixs(h, p.name)
		i++
	}
	if i != n {
		return fmt.Sprintf("BAD: %d nodes, want %d", i, n)
	}
	return fmt.Sprintf("ok (%d nodes, hash %016x)", n, h)
}

func mix(h, v uint64) uint64 {
	h ^= v
	return h * 1099511628211
}

func mixs(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = mix(h, uint64(s[i]))
	}
	return h
}

// junk is garbage that overwrites reused memory with non-zero words.
type junk struct {
	next *junk
	a, b int
	s    string
	buf  []byte
}

var sink any

// churn allocates rounds x 4000 objects of many sizes, fills them, drops
// them, and collects after each round: memory a collector wrongly freed
// is reused and overwritten before the next check.
func churn(rounds int) {
	for r := 0; r < rounds; r++ {
		var head *junk
		for i := 0; i < 4000; i++ {
			b := make([]byte, 8<<uint(i%10))
			for k := 0; k < len(b); k += 3 {
				b[k] = byte(0xA5 ^ i)
			}
			head = &junk{next: head, a: -i, b: ^i, s: strconv.Itoa(i * 31), buf: b}
			if i%64 == 63 {
				sink = head
				head = nil
			}
		}
		sink = head
		runtime.GC()
	}
	sink = nil
}
