// gc_roots_strings: strings and slices built at run time survive repeated
// runtime.GC() with their contents intact: strings from concatenation in a
// loop (every intermediate string garbage), strconv, fmt.Sprintf,
// strings.Builder, string([]byte), []byte(string), strings.Repeat, Join and
// Split (whose pieces share the original's bytes); slices grown by append
// (pointers, structs with pointers, slices of slices, append of a string's
// bytes), whose outgrown arrays are garbage; and values printed by fmt
// (which walks them through goc's reflection layer) after the collections.
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
)

type rec struct {
	name string
	l    *node
	tags []string
}

func main() {
	cat := ""
	for i := 0; i < 400; i++ {
		cat += strconv.Itoa(i) + "."
	}
	var formatted []string
	for i := 0; i < 300; i++ {
		formatted = append(formatted, fmt.Sprintf("%05d|%x|%q", i, i*i, "s"+strconv.Itoa(i)))
	}
	floats := ""
	for i := 1; i < 200; i++ {
		floats += strconv.FormatFloat(1/float64(i), 'e', 10, 64) + " "
	}
	var sb strings.Builder
	for i := 0; i < 2000; i++ {
		sb.WriteByte(byte('a' + i%26))
	}
	built := sb.String()
	raw := make([]byte, 5000)
	for i := range raw {
		raw[i] = byte('A' + i%23)
	}
	fromBytes := string(raw)
	for i := range raw {
		raw[i] = 0 // the string must have its own copy
	}
	raw = nil
	toBytes := []byte(built)
	rep := strings.Repeat("xyz"+strconv.Itoa(7), 300)
	joined := strings.Join(formatted, ",")
	pieces := strings.Split(joined, ",")
	joined = ""

	var ptrs []*node
	for i := 0; i < 3000; i++ {
		ptrs = append(ptrs, &node{val: i, name: strconv.Itoa(i), data: pattern(i, 5)})
	}
	var recs []rec
	for i := 0; i < 500; i++ {
		recs = append(recs, rec{name: "r" + strconv.Itoa(i), l: buildList(i, 4), tags: strings.Fields("a b c " + strconv.Itoa(i))})
	}
	var grid [][]int
	for i := 0; i < 100; i++ {
		var row []int
		for j := 0; j <= i; j++ {
			row = append(row, i*j)
		}
		grid = append(grid, row)
	}
	var appended []byte
	for i := 0; i < 500; i++ {
		appended = append(appended, strconv.Itoa(i)...)
	}
	type shown struct {
		Name  string
		Vals  []int
		Inner map[string][]string
		P     *[3]string
	}
	show := shown{"shown" + strconv.Itoa(1), []int{3, 1, 4, 1, 5}, map[string][]string{}, &[3]string{"x" + strconv.Itoa(1), "y", "z"}}
	for i := 0; i < 5; i++ {
		show.Inner["k"+strconv.Itoa(i)] = strings.Split(strings.Repeat("v,", i), ",")
	}

	for round := 0; round < 3; round++ {
		churn(2)
		fmt.Println("round", round)
		fmt.Printf("  concatenation: %d bytes, hash %016x\n", len(cat), mixs(0, cat))
		h := uint64(0)
		for _, s := range formatted {
			h = mixs(h, s)
		}
		fmt.Printf("  Sprintf: %d strings, hash %016x, last %s\n", len(formatted), h, formatted[299])
		fmt.Printf("  FormatFloat: %d bytes, hash %016x\n", len(floats), mixs(0, floats))
		fmt.Printf("  Builder: %d bytes, hash %016x\n", len(built), mixs(0, built))
		fmt.Printf("  string(bytes): %d bytes, hash %016x\n", len(fromBytes), mixs(0, fromBytes))
		fmt.Printf("  []byte(string): %v\n", string(toBytes) == built)
		fmt.Printf("  Repeat: %d bytes, hash %016x\n", len(rep), mixs(0, rep))
		same := len(pieces) == len(formatted)
		for i := range pieces {
			same = same && pieces[i] == formatted[i]
		}
		fmt.Println("  Split:", len(pieces), same)
		bad := 0
		for i, p := range ptrs {
			if p.val != i || p.name != strconv.Itoa(i) || p.data[4] != byte(i*7+4*13+1) {
				bad++
			}
		}
		fmt.Println("  appended pointers:", len(ptrs), "bad", bad)
		bad = 0
		for i, r := range recs {
			if r.name != "r"+strconv.Itoa(i) || len(r.tags) != 4 || r.tags[3] != strconv.Itoa(i) || checkList(r.l, i, 4)[:2] != "ok" {
				bad++
			}
		}
		fmt.Println("  appended structs:", len(recs), "bad", bad)
		sum := 0
		for _, row := range grid {
			for _, v := range row {
				sum += v
			}
		}
		fmt.Println("  appended rows:", len(grid), "sum", sum)
		fmt.Printf("  appended bytes: %d, hash %016x\n", len(appended), mixs(0, string(appended)))
		fmt.Printf("  fmt: %v %+v %q\n", show.Vals, show.Inner, *show.P)
		fmt.Printf("  fmt: %v\n", recs[7].tags)
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
