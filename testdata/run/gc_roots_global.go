// gc_roots_global: objects reachable only from package-level variables
// survive repeated runtime.GC() with their contents intact: a pointer, a
// slice, a map, a string built at run time, an interface, a closure, an
// array of pointers, a struct with pointer fields and a buffered channel,
// set by init and by main; some are replaced between collections (the old
// values become garbage) and the new ones must be intact.
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
)

var (
	gList   *node
	gSlice  []*node
	gMap    map[string][]byte
	gStr    string
	gIface  any
	gFunc   func() string
	gArr    [8]*node
	gStruct struct {
		p    *node
		strs []string
	}
	gChan chan *node
	gen   int
)

func init() {
	gList = buildList(1, 1000)
	for i := 0; i < 100; i++ {
		gSlice = append(gSlice, buildList(100+i, 7))
	}
	gMap = map[string][]byte{}
	for i := 0; i < 200; i++ {
		gMap["b"+strconv.Itoa(i)] = pattern(i, 50+i)
	}
}

func set(g int) {
	gen = g
	var sb strings.Builder
	for i := 0; i < 500; i++ {
		sb.WriteString(strconv.Itoa(i * g))
	}
	gStr = sb.String()
	gIface = buildList(1000+g, 200)
	l := buildList(2000+g, 150)
	gFunc = func() string { return checkList(l, 2000+g, 150) }
	for i := range gArr {
		gArr[i] = buildList(3000+g*10+i, 12)
	}
	gStruct.p = buildList(4000+g, 80)
	gStruct.strs = nil
	for i := 0; i < 100; i++ {
		gStruct.strs = append(gStruct.strs, strconv.Itoa(g)+":"+strconv.Itoa(i))
	}
	gChan = make(chan *node, 16)
	for i := 0; i < 16; i++ {
		gChan <- buildList(5000+g*100+i, 4)
	}
}

func check() {
	g := gen
	fmt.Println("  list:", checkList(gList, 1, 1000))
	bad := 0
	for i, l := range gSlice {
		if r := checkList(l, 100+i, 7); r[:2] != "ok" {
			bad++
		}
	}
	fmt.Println("  slice:", len(gSlice), "lists,", bad, "bad")
	bad = 0
	for k, b := range gMap {
		i, _ := strconv.Atoi(k[1:])
		if len(b) != 50+i {
			bad++
			continue
		}
		for j, c := range b {
			if c != byte(i*7+j*13+1) {
				bad++
				break
			}
		}
	}
	fmt.Println("  map:", len(gMap), "entries,", bad, "bad")
	var sb strings.Builder
	for i := 0; i < 500; i++ {
		sb.WriteString(strconv.Itoa(i * g))
	}
	fmt.Println("  string:", len(gStr), gStr == sb.String())
	fmt.Println("  interface:", checkList(gIface.(*node), 1000+g, 200))
	fmt.Println("  func:", gFunc())
	for i, l := range gArr {
		if r := checkList(l, 3000+g*10+i, 12); r[:2] != "ok" {
			fmt.Println("  array", i, r)
		}
	}
	fmt.Println("  struct:", checkList(gStruct.p, 4000+g, 80), len(gStruct.strs), gStruct.strs[99])
	for i := 0; i < 16; i++ {
		l := <-gChan
		if r := checkList(l, 5000+g*100+i, 4); r[:2] != "ok" {
			fmt.Println("  chan", i, r)
		}
		gChan <- l
	}
}

func main() {
	set(1)
	for round := 0; round < 4; round++ {
		churn(2)
		fmt.Println("round", round, "generation", gen)
		check()
		if round == 1 {
			set(2)
			churn(1)
		}
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
