// gc_roots_map: objects reachable only from maps survive repeated
// runtime.GC() with their contents intact: values that are pointers,
// slices, strings and structs with pointers; keys that are strings built
// at run time, pointers, and structs holding strings; maps of maps; a map
// that grows and shrinks (deletes, re-inserts) between collections.
// Hashes over entries are summed, so Go's random iteration order does not
// change the output.
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

type key struct {
	s  string
	id int
}

type val struct {
	p *node
	b []byte
	s string
}

func entryHash(parts ...string) uint64 {
	h := uint64(14695981039346656037)
	for _, p := range parts {
		h = mixs(h, p)
		h = mix(h, 0xff)
	}
	return h
}

func main() {
	byName := map[string]*node{}
	for i := 0; i < 300; i++ {
		byName["list-"+strconv.Itoa(i)] = buildList(i, 7)
	}

	byPtr := map[*node]string{}
	for i := 0; i < 500; i++ {
		n := &node{val: i, name: "k" + strconv.Itoa(i), data: pattern(i, 9)}
		byPtr[n] = "v" + strconv.Itoa(i*3)
	}

	structs := map[key]val{}
	for i := 0; i < 400; i++ {
		k := key{s: "key:" + strconv.Itoa(i*7), id: i}
		structs[k] = val{p: buildList(5000+i, 3), b: pattern(i, 33), s: strconv.Itoa(i) + "!"}
	}

	slices := map[int][]string{}
	for i := 0; i < 200; i++ {
		var ss []string
		for j := 0; j < i%13; j++ {
			ss = append(ss, strconv.Itoa(i)+"/"+strconv.Itoa(j))
		}
		slices[i] = ss
	}

	nested := map[string]map[string]*node{}
	for i := 0; i < 50; i++ {
		in := map[string]*node{}
		for j := 0; j < 20; j++ {
			in["j"+strconv.Itoa(j)] = buildList(i*100+j, 2)
		}
		nested["i"+strconv.Itoa(i)] = in
	}

	growing := map[int]*node{}

	for round := 0; round < 4; round++ {
		// grow and shrink one map between collections
		for i := 0; i < 5000; i++ {
			growing[round*5000+i] = &node{val: round*5000 + i, name: strconv.Itoa(i)}
		}
		for k := range growing {
			if k%3 == round%3 {
				delete(growing, k)
			}
		}
		churn(2)
		fmt.Println("round", round)

		bad, sum := 0, uint64(0)
		for k, l := range byName {
			i, _ := strconv.Atoi(k[5:])
			r := checkList(l, i, 7)
			if r[:2] != "ok" {
				bad++
			}
			sum += entryHash(k, r)
		}
		fmt.Printf("  string keys: %d entries, %d bad, sum %016x\n", len(byName), bad, sum)

		bad, sum = 0, 0
		for n, v := range byPtr {
			if n.name != "k"+strconv.Itoa(n.val) || v != "v"+strconv.Itoa(n.val*3) || checkData(n.data, n.val) != "ok" {
				bad++
			}
			sum += entryHash(n.name, v, string(n.data))
		}
		fmt.Printf("  pointer keys: %d entries, %d bad, sum %016x\n", len(byPtr), bad, sum)

		bad, sum = 0, 0
		for k, v := range structs {
			if k.s != "key:"+strconv.Itoa(k.id*7) || v.s != strconv.Itoa(k.id)+"!" || checkData(v.b, k.id) != "ok" {
				bad++
			}
			r := checkList(v.p, 5000+k.id, 3)
			if r[:2] != "ok" {
				bad++
			}
			sum += entryHash(k.s, v.s, r)
		}
		// lookups by keys built afresh
		found := 0
		for i := 0; i < 400; i++ {
			if v, ok := structs[key{"key:" + strconv.Itoa(i*7), i}]; ok && v.s == strconv.Itoa(i)+"!" {
				found++
			}
		}
		fmt.Printf("  struct keys: %d entries, %d bad, %d found, sum %016x\n", len(structs), bad, found, sum)

		bad, sum = 0, 0
		for i, ss := range slices {
			if len(ss) != i%13 {
				bad++
			}
			for j, s := range ss {
				if s != strconv.Itoa(i)+"/"+strconv.Itoa(j) {
					bad++
				}
				sum += entryHash(s)
			}
		}
		fmt.Printf("  slice values: %d entries, %d bad, sum %016x\n", len(slices), bad, sum)

		bad, sum = 0, 0
		for ik, in := range nested {
			i, _ := strconv.Atoi(ik[1:])
			for jk, l := range in {
				j, _ := strconv.Atoi(jk[1:])
				r := checkList(l, i*100+j, 2)
				if r[:2] != "ok" {
					bad++
				}
				sum += entryHash(ik, jk, r)
			}
		}
		fmt.Printf("  nested maps: %d entries, %d bad, sum %016x\n", len(nested), bad, sum)

		bad = 0
		for k, n := range growing {
			if n.val != k || n.name != strconv.Itoa(k%5000) {
				bad++
			}
		}
		fmt.Printf("  growing: %d entries, %d bad\n", len(growing), bad)
	}
}

func checkData(b []byte, v int) string {
	for k, c := range b {
		if c != byte(v*7+k*13+1) {
			return "BAD data"
		}
	}
	return "ok"
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
