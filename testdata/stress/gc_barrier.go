// gc_barrier: the patterns a concurrent collector's write barrier must
// see. Eight goroutines each own 600 nodes that keep moving between
// places while collections run: a heap array of pointers, a map, a
// buffered channel, a slice of interfaces, closures kept in a slice,
// structs copied whole (with several pointer fields), copy() between
// pointer slices, sort.Slice's swaps, an atomic.Value, and locals only
// (a node taken out of every heap place, the place overwritten, garbage
// allocated, then the node put back). Every node carries a tag derived from its id and a
// payload; at the end each goroutine checks that it still has each of its
// nodes exactly once, intact.
package main

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
)

const (
	workers = 8
	perG    = 600
	rounds  = 40000
)

type node struct {
	id      int
	tag     uint64
	payload [6]uint64
	next    *node
}

// pair is copied whole: 88 bytes with three pointer words.
type pair struct {
	a, b  *node
	pad   [8]uint64
	label *string
}

func tagOf(id int) uint64 { return uint64(id)*0x9E3779B97F4A7C15 ^ 0xABCDEF }

func newNode(id int) *node {
	n := &node{id: id, tag: tagOf(id)}
	for i := range n.payload {
		n.payload[i] = tagOf(id + i)
	}
	return n
}

func (n *node) ok() bool {
	if n == nil || n.tag != tagOf(n.id) {
		return false
	}
	for i := range n.payload {
		if n.payload[i] != tagOf(n.id+i) {
			return false
		}
	}
	return true
}

type rng uint64

func (r *rng) next(n int) int {
	x := uint64(*r)
	x ^= x << 13
	x ^= x >> 7
	x ^= x << 17
	*r = rng(x)
	return int(x % uint64(n))
}

// places holds one goroutine's nodes; every node is in exactly one place.
type places struct {
	arr    []*node
	m      map[int]*node
	ch     chan *node
	ifaces []any
	funcs  []func() *node
	pairs  []pair
	atom   atomic.Value // a *node, nil when empty
	held   []*node // nodes only a local variable held (see take)
}

var sink []byte

func garbage(r *rng) {
	sink = make([]byte, 64+r.next(4096))
	_ = &node{id: -1}
}

// take removes some node from a random place; nil if that place is empty.
func (p *places) take(r *rng) *node {
	switch r.next(9) {
	case 0:
		i := r.next(len(p.arr))
		n := p.arr[i]
		p.arr[i] = nil
		return n
	case 1:
		for k, n := range p.m {
			delete(p.m, k)
			return n
		}
	case 2:
		select {
		case n := <-p.ch:
			return n
		default:
		}
	case 3:
		i := r.next(len(p.ifaces))
		if n, ok := p.ifaces[i].(*node); ok {
			p.ifaces[i] = nil
			return n
		}
	case 4:
		i := r.next(len(p.funcs))
		if f := p.funcs[i]; f != nil {
			p.funcs[i] = nil
			return f()
		}
	case 5:
		i := r.next(len(p.pairs))
		pr := p.pairs[i]
		if pr.a != nil {
			// Whole-struct copies move the other pointer (memory copy).
			p.pairs[i] = pair{a: pr.b, label: pr.label}
			return pr.a
		}
	case 6:
		n, _ := p.atom.Swap((*node)(nil)).(*node)
		return n
	case 7:
		// Slide the array with copy(): the element at i is overwritten.
		i := r.next(len(p.arr) - 1)
		n := p.arr[i]
		copy(p.arr[i:], p.arr[i+1:])
		p.arr[len(p.arr)-1] = nil
		return n
	case 8:
		// Reorder the array in place (the runtime's swaps).
		if r.next(16) == 0 {
			sort.Slice(p.arr, func(a, b int) bool {
				x, y := p.arr[a], p.arr[b]
				return x != nil && (y == nil || x.tag < y.tag)
			})
		}
	}
	return nil
}

// put stores n in a random place, falling back to the array.
func (p *places) put(r *rng, n *node) {
	switch r.next(7) {
	case 0:
		p.m[n.id] = n
		return
	case 1:
		select {
		case p.ch <- n:
			return
		default:
		}
	case 2:
		i := r.next(len(p.ifaces))
		if p.ifaces[i] == nil {
			p.ifaces[i] = n
			return
		}
	case 3:
		i := r.next(len(p.funcs))
		if p.funcs[i] == nil {
			p.funcs[i] = func() *node { return n }
			return
		}
	case 4:
		i := r.next(len(p.pairs))
		if p.pairs[i].b == nil {
			pr := p.pairs[i]
			pr.b = n
			p.pairs[i] = pr
			return
		}
	case 5:
		if p.atom.CompareAndSwap((*node)(nil), n) {
			return
		}
	}
	for i := range p.arr {
		if p.arr[i] == nil {
			p.arr[i] = n
			return
		}
	}
	p.held = append(p.held, n)
}

func (p *places) all() []*node {
	var out []*node
	for _, n := range p.arr {
		if n != nil {
			out = append(out, n)
		}
	}
	for _, n := range p.m {
		out = append(out, n)
	}
	close(p.ch)
	for n := range p.ch {
		out = append(out, n)
	}
	for _, x := range p.ifaces {
		if n, ok := x.(*node); ok {
			out = append(out, n)
		}
	}
	for _, f := range p.funcs {
		if f != nil {
			out = append(out, f())
		}
	}
	for _, pr := range p.pairs {
		for _, n := range []*node{pr.a, pr.b} {
			if n != nil {
				out = append(out, n)
			}
		}
	}
	if n, _ := p.atom.Load().(*node); n != nil {
		out = append(out, n)
	}
	return append(out, p.held...)
}

func work(g int, res *[workers]string) {
	r := rng(uint64(g)*7919 + 1)
	label := fmt.Sprintf("g%d", g)
	p := &places{
		arr:    make([]*node, perG),
		m:      make(map[int]*node),
		ch:     make(chan *node, 64),
		ifaces: make([]any, 64),
		funcs:  make([]func() *node, 64),
		pairs:  make([]pair, 64),
	}
	for i := range p.pairs {
		p.pairs[i].label = &label
	}
	p.atom.Store((*node)(nil))
	for i := 0; i < perG; i++ {
		p.arr[i] = newNode(g*perG + i)
	}
	bad := 0
	for i := 0; i < rounds; i++ {
		n := p.take(&r)
		if n == nil {
			continue
		}
		if !n.ok() {
			bad++
		}
		// Only this local holds n now: make garbage (collections start)
		// before putting it back.
		garbage(&r)
		p.put(&r, n)
		if len(p.held) > 0 && r.next(4) == 0 {
			h := p.held[len(p.held)-1]
			p.held[len(p.held)-1] = nil
			p.held = p.held[:len(p.held)-1]
			p.put(&r, h)
		}
	}
	seen := make([]int, perG)
	for _, n := range p.all() {
		if !n.ok() || n.id/perG != g {
			bad++
			continue
		}
		seen[n.id%perG]++
	}
	missing, dup := 0, 0
	for _, c := range seen {
		if c == 0 {
			missing++
		} else if c > 1 {
			dup++
		}
	}
	for _, pr := range p.pairs {
		if pr.label == nil || *pr.label != label {
			bad++
		}
	}
	res[g] = fmt.Sprintf("g%d: %d nodes, %d missing, %d duplicated, %d bad", g, perG, missing, dup, bad)
}

func main() {
	var res [workers]string
	var wg sync.WaitGroup
	for g := 0; g < workers; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(g, &res)
		}()
	}
	wg.Wait()
	for _, s := range res {
		fmt.Println(s)
	}
}
