// gc_roots_timer: objects reachable only from timers survive repeated
// runtime.GC() with their contents intact: the closures of pending
// time.AfterFunc timers (capturing lists, maps and strings), a timer
// stopped and later Reset, and data held by a goroutine blocked on a
// time.NewTimer channel. Main allocates garbage and collects while the
// timers are pending; results are printed in timer order.
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"time"
)

type result struct {
	i int
	s string
}

func main() {
	const n = 10
	done := make(chan result, n+2)
	for i := 0; i < n; i++ {
		l := buildList(i, 300)
		m := map[string]*node{}
		for j := 0; j < 20; j++ {
			m["k"+strconv.Itoa(j)] = buildList(100*i+j+1000, 3)
		}
		s := ""
		for j := 0; j < 50; j++ {
			s += strconv.Itoa(i * j)
		}
		want := mixs(0, s)
		time.AfterFunc(time.Duration(60+5*i)*time.Millisecond, func() {
			bad := 0
			for j := 0; j < 20; j++ {
				if r := checkList(m["k"+strconv.Itoa(j)], 100*i+j+1000, 3); r[:2] != "ok" {
					bad++
				}
			}
			done <- result{i, fmt.Sprintf("%s; map %d bad; string ok %v", checkList(l, i, 300), bad, mixs(0, s) == want)}
		})
	}

	// a timer set far ahead, stopped, then reset to fire soon
	rl := buildList(77, 500)
	t := time.AfterFunc(time.Hour, func() { done <- result{n, "reset: " + checkList(rl, 78, 500)} })
	rl = buildList(78, 500) // captured by reference: the closure checks this one
	t.Stop()
	churn(2)
	t.Reset(70 * time.Millisecond)

	// a goroutine blocked on a timer's channel
	nt := time.NewTimer(80 * time.Millisecond)
	go func() {
		l := buildList(79, 400)
		<-nt.C
		done <- result{n + 1, "NewTimer: " + checkList(l, 79, 400)}
	}()

	for r := 0; r < 6; r++ {
		churn(1)
	}
	got := make([]string, n+2)
	for k := 0; k < n+2; k++ {
		r := <-done
		got[r.i] = r.s
		churn(1)
	}
	for i, s := range got {
		fmt.Println(i, s)
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
