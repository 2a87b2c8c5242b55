// gc_roots_chan: objects reachable only from channels survive repeated
// runtime.GC() with their contents intact: the buffers of buffered
// channels of pointers, strings, byte slices, structs with pointers and
// interfaces; a channel of channels; a closed channel still holding
// values; and the values of goroutines blocked sending (on a full
// buffered channel and on an unbuffered one), which only their stacks and
// the channel's wait queue hold.
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

type msg struct {
	l *node
	s string
}

func main() {
	ptrs := make(chan *node, 100)
	for i := 0; i < 100; i++ {
		ptrs <- buildList(i, 20)
	}
	strs := make(chan string, 50)
	for i := 0; i < 50; i++ {
		strs <- "str" + strconv.Itoa(i*i) + "-" + strconv.Itoa(i)
	}
	bytesCh := make(chan []byte, 20)
	for i := 0; i < 20; i++ {
		bytesCh <- pattern(i, 1000+i)
	}
	msgs := make(chan msg, 10)
	for i := 0; i < 10; i++ {
		msgs <- msg{buildList(200+i, 50), strconv.Itoa(i) + "th"}
	}
	anys := make(chan any, 10)
	for i := 0; i < 10; i++ {
		if i%2 == 0 {
			anys <- buildList(300+i, 10)
		} else {
			anys <- msg{buildList(300+i, 10), "odd"}
		}
	}
	chans := make(chan chan *node, 5)
	for i := 0; i < 5; i++ {
		c := make(chan *node, 4)
		for j := 0; j < 4; j++ {
			c <- buildList(400+i*10+j, 5)
		}
		chans <- c
	}
	closed := make(chan *node, 8)
	for i := 0; i < 8; i++ {
		closed <- buildList(500+i, 15)
	}
	close(closed)

	full := make(chan *node, 1)
	full <- buildList(600, 100)
	sent := make(chan bool, 2)
	go func() {
		full <- buildList(601, 100) // blocks: the buffer is full
		sent <- true
	}()
	unbuf := make(chan *node)
	go func() {
		unbuf <- buildList(602, 100) // blocks until main receives
		sent <- true
	}()

	for i := 0; i < 4; i++ {
		churn(2)
		runtime.Gosched()
	}

	bad := 0
	for i := 0; i < 100; i++ {
		if r := checkList(<-ptrs, i, 20); r[:2] != "ok" {
			bad++
		}
	}
	fmt.Println("pointers: 100 received,", bad, "bad")
	h := uint64(0)
	for i := 0; i < 50; i++ {
		s := <-strs
		if s != "str"+strconv.Itoa(i*i)+"-"+strconv.Itoa(i) {
			bad++
		}
		h = mixs(h, s)
	}
	fmt.Printf("strings: 50 received, %d bad, hash %016x\n", bad, h)
	for i := 0; i < 20; i++ {
		b := <-bytesCh
		if len(b) != 1000+i {
			bad++
		}
		for k, c := range b {
			if c != byte(i*7+k*13+1) {
				bad++
				break
			}
		}
	}
	fmt.Println("byte slices: 20 received,", bad, "bad")
	churn(1)
	for i := 0; i < 10; i++ {
		m := <-msgs
		fmt.Println("struct", i, m.s, checkList(m.l, 200+i, 50))
	}
	for i := 0; i < 10; i++ {
		switch v := (<-anys).(type) {
		case *node:
			fmt.Println("any", i, "pointer", checkList(v, 300+i, 10))
		case msg:
			fmt.Println("any", i, "struct", v.s, checkList(v.l, 300+i, 10))
		}
	}
	for i := 0; i < 5; i++ {
		c := <-chans
		churn(1)
		for j := 0; j < 4; j++ {
			if r := checkList(<-c, 400+i*10+j, 5); r[:2] != "ok" {
				bad++
			}
		}
	}
	fmt.Println("channel of channels: 20 lists,", bad, "bad")
	i := 0
	for l := range closed {
		fmt.Println("closed", i, checkList(l, 500+i, 15))
		i++
	}
	fmt.Println("full buffer 1:", checkList(<-full, 600, 100))
	churn(1)
	fmt.Println("full buffer 2:", checkList(<-full, 601, 100))
	fmt.Println("unbuffered:", checkList(<-unbuf, 602, 100))
	<-sent
	<-sent
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
