// gc_roots_closure: objects reachable only from closures survive repeated
// runtime.GC() with their contents intact: captured pointers, slices, maps,
// strings and struct values, a captured closure, a variable captured by
// reference and replaced later, a method value's bound receiver, and the
// values only a deferred call holds (a deferred closure's captures, a
// deferred call's evaluated arguments, defers made in a loop, and defers
// run while panicking).
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

type summer struct {
	lists []*node
	seed  int
}

func (s *summer) Check() string {
	bad := 0
	for i, l := range s.lists {
		if r := checkList(l, s.seed+i, 20); r[:2] != "ok" {
			bad++
		}
	}
	return fmt.Sprintf("%d lists, %d bad", len(s.lists), bad)
}

func makeChecks() []func() string {
	var fs []func() string

	l := buildList(1, 1000)
	fs = append(fs, func() string { return "pointer: " + checkList(l, 1, 1000) })

	s := make([]*node, 50)
	for i := range s {
		s[i] = buildList(100+i, 5)
	}
	fs = append(fs, func() string {
		bad := 0
		for i, x := range s {
			if r := checkList(x, 100+i, 5); r[:2] != "ok" {
				bad++
			}
		}
		return fmt.Sprintf("slice: %d lists, %d bad", len(s), bad)
	})

	m := map[int]string{}
	for i := 0; i < 500; i++ {
		m[i] = "value-" + strconv.Itoa(i*i)
	}
	fs = append(fs, func() string {
		bad := 0
		for k, v := range m {
			if v != "value-"+strconv.Itoa(k*k) {
				bad++
			}
		}
		return fmt.Sprintf("map: %d entries, %d bad", len(m), bad)
	})

	str := ""
	for i := 0; i < 200; i++ {
		str += strconv.Itoa(i) + ";"
	}
	fs = append(fs, func() string { return fmt.Sprintf("string: %d bytes, hash %016x", len(str), mixs(0, str)) })

	type pair struct {
		a *node
		b []byte
	}
	pv := pair{buildList(3, 300), pattern(3, 500)}
	fs = append(fs, func() string {
		ok := true
		for k, c := range pv.b {
			ok = ok && c == byte(3*7+k*13+1)
		}
		return fmt.Sprintf("struct: %s, bytes ok %v", checkList(pv.a, 3, 300), ok)
	})

	inner := func() string { return checkList(buildList(4, 10), 4, 10) + " " + checkList(l, 1, 1000) }
	fs = append(fs, func() string { return "nested: " + inner() })

	byRef := buildList(5, 100)
	fs = append(fs, func() string { return "by reference: " + checkList(byRef, 6, 200) })
	byRef = buildList(6, 200) // the closure sees the new list

	sm := &summer{seed: 700}
	for i := 0; i < 40; i++ {
		sm.lists = append(sm.lists, buildList(700+i, 20))
	}
	mv := sm.Check
	fs = append(fs, func() string { return "method value: " + mv() })
	return fs
}

func deferredClosure() {
	keep := buildList(7, 800)
	defer func() {
		fmt.Println("deferred closure:", checkList(keep, 7, 800))
	}()
	churn(3)
}

func report(what string, l *node, seed, n int) {
	fmt.Println(what, checkList(l, seed, n))
}

func deferredArgs() {
	defer report("deferred args:", buildList(8, 800), 8, 800)
	churn(3)
}

func deferredLoop() {
	for i := 0; i < 30; i++ {
		l := buildList(900+i, 10)
		defer func() {
			if r := checkList(l, 900+i, 10); r[:2] != "ok" {
				fmt.Println("deferred loop", i, r)
			}
		}()
	}
	churn(3)
}

func deferredPanic() (res string) {
	keep := buildList(9, 600)
	defer func() {
		r := recover()
		churn(2)
		res = fmt.Sprint("deferred while panicking: recovered ", r, ", ", checkList(keep, 9, 600))
	}()
	churn(2)
	panic("boom " + strconv.Itoa(42))
}

func main() {
	fs := makeChecks()
	for round := 0; round < 3; round++ {
		churn(2)
		fmt.Println("round", round)
		for _, f := range fs {
			fmt.Println("  " + f())
		}
	}
	deferredClosure()
	deferredArgs()
	deferredLoop()
	fmt.Println("deferred loop: done")
	fmt.Println(deferredPanic())
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
