// gc_roots_interior: objects whose only reference is an interior pointer
// survive repeated runtime.GC() with their contents intact: a pointer to a
// field in the middle of a struct, to an element of an array (middle and
// last), a slice of the middle of an array (re-sliced to its capacity to
// read the tail), a sub-slice of a byte buffer, a substring of a long
// string, a pointer to a field of a slice element, and interior pointers
// stored in heap objects rather than in locals.
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
)

type big struct {
	pre  [50]int
	mid  node
	post [50]int
}

type item struct {
	id    int
	inner node
	tag   string
}

func main() {
	// a pointer to the middle field of a struct
	b := new(big)
	for i := range b.pre {
		b.pre[i] = -i
		b.post[i] = i
	}
	b.mid = node{next: buildList(1, 500), val: 77, name: "mid", data: pattern(77, 20)}
	field := &b.mid
	b = nil

	// pointers to the middle and the last element of an array
	arr := new([1000]node)
	for i := range arr {
		arr[i] = node{val: i, name: strconv.Itoa(i), data: pattern(i, 3)}
	}
	elem := &arr[500]
	last := &arr[999]
	arr = nil

	// a slice of the middle of an array of pointers
	ptrs := make([]*node, 1000)
	for i := range ptrs {
		ptrs[i] = buildList(1000+i, 3)
	}
	middle := ptrs[300:310]
	ptrs = nil

	// a sub-slice of a byte buffer
	buf := make([]byte, 1<<16)
	for i := range buf {
		buf[i] = byte(i*5 + i>>8)
	}
	window := buf[30000:30016]
	buf = nil

	// a substring of a long string built at run time
	var sb strings.Builder
	for i := 0; i < 3000; i++ {
		sb.WriteString(strconv.Itoa(i))
		sb.WriteByte(',')
	}
	sub := sb.String()[5000:5100]
	want := sb.String()[5000:5100]
	wantSub := string([]byte(want))
	want = ""
	sb.Reset()

	// a pointer to a field of an element of a slice of structs
	items := make([]item, 200)
	for i := range items {
		items[i] = item{id: i, inner: node{next: buildList(2000+i, 2), val: i * 3}, tag: "t" + strconv.Itoa(i)}
	}
	innerPtr := &items[123].inner
	items = nil

	// interior pointers kept in a heap object
	type holder struct {
		ints []*int
		strs []*string
	}
	h := &holder{}
	for i := 0; i < 100; i++ {
		a := new([64]int)
		s := new([8]string)
		for k := range a {
			a[k] = i*1000 + k
		}
		for k := range s {
			s[k] = "s" + strconv.Itoa(i*10+k)
		}
		h.ints = append(h.ints, &a[i%64])
		h.strs = append(h.strs, &s[i%8])
	}

	for round := 0; round < 3; round++ {
		churn(2)
		fmt.Println("round", round)
		fmt.Println("  field:", field.val, field.name, checkData(field.data, 77), checkList(field.next, 1, 500))
		fmt.Println("  elem:", elem.val, elem.name, checkData(elem.data, 500))
		fmt.Println("  last:", last.val, last.name, checkData(last.data, 999))
		tail := middle[:cap(middle)]
		bad := 0
		for i, l := range tail {
			if r := checkList(l, 1300+i, 3); r[:2] != "ok" {
				bad++
			}
		}
		fmt.Println("  middle:", len(middle), cap(middle), "bad lists:", bad)
		wbad := 0
		wtail := window[:cap(window)]
		for k, c := range wtail {
			i := 30000 + k
			if c != byte(i*5+i>>8) {
				wbad++
			}
		}
		fmt.Println("  window:", len(window), cap(window), "bad bytes:", wbad)
		fmt.Println("  substring:", sub == wantSub, sub[:20])
		fmt.Println("  inner:", innerPtr.val, checkList(innerPtr.next, 2123, 2))
		hbad := 0
		for i, p := range h.ints {
			if *p != i*1000+i%64 || *h.strs[i] != "s"+strconv.Itoa(i*10+i%8) {
				hbad++
			}
		}
		fmt.Println("  holder: bad", hbad)
	}
}

func checkData(b []byte, v int) string {
	for k, c := range b {
		if c != byte(v*7+k*13+1) {
			return "BAD data"
		}
	}
	return "data ok"
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
