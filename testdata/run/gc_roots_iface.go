// gc_roots_iface: objects reachable only from interface values survive
// repeated runtime.GC() with their contents intact: boxed structs holding
// pointers, pointers, strings, slices, maps, funcs, arrays of pointers,
// error values (errors.New with a run-time text, fmt.Errorf wrapping), a
// value-receiver method set on a struct with a slice, and interfaces kept
// in a []any, a map[string]any and a struct field.
package main

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
)

type boxed struct {
	l *node
	s string
	b []byte
}

type checker interface {
	Check() string
}

type listHolder struct {
	lists []*node
}

func (h listHolder) Check() string {
	bad := 0
	for i, l := range h.lists {
		if r := checkList(l, 300+i, 6); r[:2] != "ok" {
			bad++
		}
	}
	return fmt.Sprintf("value receiver: %d lists, %d bad", len(h.lists), bad)
}

type ptrHolder struct {
	l *node
}

func (h *ptrHolder) Check() string { return "pointer receiver: " + checkList(h.l, 400, 250) }

type wrap struct {
	x any
	c checker
}

func describe(x any) string {
	switch v := x.(type) {
	case boxed:
		ok := v.s == "boxed-"+strconv.Itoa(12345) && len(v.b) == 64
		for k, c := range v.b {
			ok = ok && c == byte(1*7+k*13+1)
		}
		return fmt.Sprintf("boxed struct: %v %s", ok, checkList(v.l, 1, 400))
	case *node:
		return "pointer: " + checkList(v, 2, 400)
	case string:
		return fmt.Sprintf("string: %d bytes, hash %016x", len(v), mixs(0, v))
	case []int:
		s := 0
		for i, x := range v {
			s += x * (i + 1)
		}
		return fmt.Sprintf("slice: %d ints, weighted sum %d", len(v), s)
	case map[string]int:
		bad := 0
		for k, x := range v {
			if k != "m"+strconv.Itoa(x) {
				bad++
			}
		}
		return fmt.Sprintf("map: %d entries, %d bad", len(v), bad)
	case func() string:
		return "func: " + v()
	case [4]*node:
		r := "array:"
		for i, l := range v {
			r += " " + checkList(l, 10+i, 30)[:2]
		}
		return r
	case error:
		s := "error: " + v.Error()
		if u := errors.Unwrap(v); u != nil {
			s += " / wraps: " + u.Error()
		}
		return s
	case int64:
		return "int64: " + strconv.FormatInt(v, 10)
	case float64:
		return "float64: " + strconv.FormatFloat(v, 'g', -1, 64)
	case checker:
		return v.Check()
	}
	return fmt.Sprintf("unexpected %T", x)
}

func build() []any {
	var xs []any
	xs = append(xs, boxed{l: buildList(1, 400), s: "boxed-" + strconv.Itoa(12345), b: pattern(1, 64)})
	xs = append(xs, buildList(2, 400))
	s := ""
	for i := 0; i < 100; i++ {
		s += strconv.Itoa(i * i)
	}
	xs = append(xs, s)
	ints := make([]int, 1000)
	for i := range ints {
		ints[i] = i ^ 0x55
	}
	xs = append(xs, ints)
	m := map[string]int{}
	for i := 0; i < 300; i++ {
		m["m"+strconv.Itoa(i)] = i
	}
	xs = append(xs, m)
	captured := buildList(3, 100)
	xs = append(xs, func() string { return checkList(captured, 3, 100) })
	xs = append(xs, [4]*node{buildList(10, 30), buildList(11, 30), buildList(12, 30), buildList(13, 30)})
	base := errors.New("base error " + strconv.Itoa(7))
	xs = append(xs, base)
	xs = append(xs, fmt.Errorf("wrapped %d: %w", 99, errors.New("inner "+strconv.Itoa(8))))
	xs = append(xs, int64(1)<<40+12345)
	xs = append(xs, float64(1)/3)
	h := listHolder{}
	for i := 0; i < 30; i++ {
		h.lists = append(h.lists, buildList(300+i, 6))
	}
	xs = append(xs, h)
	xs = append(xs, &ptrHolder{buildList(400, 250)})
	return xs
}

func main() {
	xs := build()
	byName := map[string]any{}
	for i, x := range build() {
		byName["x"+strconv.Itoa(i)] = x
	}
	w := &wrap{x: build()[0], c: &ptrHolder{buildList(400, 250)}}
	for round := 0; round < 3; round++ {
		churn(2)
		fmt.Println("round", round)
		for _, x := range xs {
			fmt.Println("  " + describe(x))
		}
		same := 0
		for i := range xs {
			if describe(byName["x"+strconv.Itoa(i)]) == describe(xs[i]) {
				same++
			}
		}
		fmt.Println("  map of any: same", same, "of", len(byName))
		fmt.Println("  field:", describe(w.x) == describe(xs[0]), w.c.Check())
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
