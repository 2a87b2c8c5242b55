// generics: a discrete-event simulation driven by generic containers: a
// binary heap of events ordered through a constraint (cmp.Ordered-style
// keys), a generic FIFO ring per station and a generic ordered set of
// busy stations; plus a generic map/filter/reduce pipeline over the log.
// Measures code compiled from generic functions and types (goc copies each
// instance; gc shares code by GC shape with dictionaries).
//
//bench:args 3000000
//bench:sizes 3M events
package main

import (
	"fmt"
	"os"
	"strconv"
)

type Ordered interface {
	~int | ~int64 | ~uint64 | ~float64 | ~string
}

// Heap is a binary min-heap of items ordered by their key.
type Heap[K Ordered, V any] struct {
	keys []K
	vals []V
}

func (h *Heap[K, V]) Len() int { return len(h.keys) }

func (h *Heap[K, V]) Push(k K, v V) {
	h.keys = append(h.keys, k)
	h.vals = append(h.vals, v)
	i := len(h.keys) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !(h.keys[i] < h.keys[p]) {
			break
		}
		h.keys[i], h.keys[p] = h.keys[p], h.keys[i]
		h.vals[i], h.vals[p] = h.vals[p], h.vals[i]
		i = p
	}
}

func (h *Heap[K, V]) Pop() (K, V) {
	k, v := h.keys[0], h.vals[0]
	n := len(h.keys) - 1
	h.keys[0], h.vals[0] = h.keys[n], h.vals[n]
	h.keys, h.vals = h.keys[:n], h.vals[:n]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && h.keys[l] < h.keys[m] {
			m = l
		}
		if r < n && h.keys[r] < h.keys[m] {
			m = r
		}
		if m == i {
			break
		}
		h.keys[i], h.keys[m] = h.keys[m], h.keys[i]
		h.vals[i], h.vals[m] = h.vals[m], h.vals[i]
		i = m
	}
	return k, v
}

// Ring is a growable FIFO queue.
type Ring[T any] struct {
	buf        []T
	head, size int
}

func (r *Ring[T]) Put(x T) {
	if r.size == len(r.buf) {
		nb := make([]T, 2*len(r.buf)+4)
		for i := 0; i < r.size; i++ {
			nb[i] = r.buf[(r.head+i)%len(r.buf)]
		}
		r.buf, r.head = nb, 0
	}
	r.buf[(r.head+r.size)%len(r.buf)] = x
	r.size++
}

func (r *Ring[T]) Get() (T, bool) {
	var zero T
	if r.size == 0 {
		return zero, false
	}
	x := r.buf[r.head]
	r.head = (r.head + 1) % len(r.buf)
	r.size--
	return x, true
}

// Set is a sorted set of keys.
type Set[K Ordered] struct{ items []K }

func (s *Set[K]) search(k K) int {
	lo, hi := 0, len(s.items)
	for lo < hi {
		m := (lo + hi) / 2
		if s.items[m] < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func (s *Set[K]) Add(k K) {
	i := s.search(k)
	if i < len(s.items) && s.items[i] == k {
		return
	}
	var zero K
	s.items = append(s.items, zero)
	copy(s.items[i+1:], s.items[i:])
	s.items[i] = k
}

func (s *Set[K]) Remove(k K) {
	i := s.search(k)
	if i < len(s.items) && s.items[i] == k {
		s.items = append(s.items[:i], s.items[i+1:]...)
	}
}

func Map[T, R any](xs []T, f func(T) R) []R {
	out := make([]R, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, a A, f func(A, T) A) A {
	for _, x := range xs {
		a = f(a, x)
	}
	return a
}

type job struct {
	id      int
	station int
	work    float64
}

type event struct {
	kind int // 0 arrival, 1 done
	job  job
}

const stations = 64

func main() {
	n := 3000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	var events Heap[float64, event]
	var queues [stations]Ring[job]
	var busy Set[int]
	seed := uint64(42)
	rnd := func() float64 {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return float64(seed%1000000) / 1000000
	}
	events.Push(0, event{0, job{0, 0, rnd()}})
	var waits []float64
	arrived, done := 0, 0
	now := 0.0
	for events.Len() > 0 && done < n {
		t, ev := events.Pop()
		now = t
		switch ev.kind {
		case 0:
			arrived++
			j := ev.job
			j.station = int(rnd() * stations)
			if arrived < n {
				events.Push(now+rnd()*0.02, event{0, job{arrived, 0, rnd()}})
			}
			queues[j.station].Put(j)
			if busy.search(j.station) >= len(busy.items) || busy.items[busy.search(j.station)] != j.station {
				busy.Add(j.station)
				next, _ := queues[j.station].Get()
				events.Push(now+next.work, event{1, next})
			}
		case 1:
			done++
			if len(waits) < 100000 {
				waits = append(waits, ev.job.work)
			}
			if next, ok := queues[ev.job.station].Get(); ok {
				events.Push(now+next.work, event{1, next})
			} else {
				busy.Remove(ev.job.station)
			}
		}
	}
	long := Filter(waits, func(w float64) bool { return w > 0.5 })
	scaled := Map(long, func(w float64) int { return int(w * 1000) })
	total := Reduce(scaled, 0, func(a, x int) int { return a + x })
	fmt.Printf("events %d done %d busy %d long %d total %d time %.3f\n",
		arrived, done, len(busy.items), len(long), total, now)
}
