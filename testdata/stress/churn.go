// churn: allocates 20 GB in total (5M objects of 32 bytes, each with a
// 2 to 6 KB buffer) while keeping about 10 MB live: 2500 slots
// replaced in pseudo-random order, each object pointing into a fixed
// shared set of 1000 anchors. Every replaced object is checked first, so
// an object freed while live or overwritten shows up as a bad count. The
// harness also holds its peak RSS to churn.maxrss: memory must be reused.
package main

import "fmt"

type anchor struct {
	id  uint64
	sum uint64
}

type obj struct {
	tag    uint64
	anchor *anchor
	data   []uint64
}

const (
	slots   = 2500
	anchors = 1000
	total   = 5_000_000
)

func tagOf(i uint64) uint64 { return i*0x9E3779B97F4A7C15 + 1 }

func main() {
	shared := make([]*anchor, anchors)
	for i := range shared {
		shared[i] = &anchor{id: uint64(i), sum: uint64(i) * 7}
	}
	live := make([]*obj, slots)
	rng := uint64(88172645463325252)
	bad := 0
	var bytes, sum uint64
	check := func(o *obj) {
		n := len(o.data)
		if o.data[0] != o.tag || o.data[n-1] != ^o.tag || o.data[n/2] != o.tag>>3 {
			bad++
		}
		a := o.anchor
		if a.sum != a.id*7 || a.id != o.tag%anchors {
			bad++
		}
		sum += o.tag ^ uint64(n)
	}
	for i := uint64(0); i < total; i++ {
		rng ^= rng << 13
		rng ^= rng >> 7
		rng ^= rng << 17
		slot := rng % slots
		if old := live[slot]; old != nil {
			check(old)
		}
		words := 256 + int(rng>>40)%512 // 2 KB to 6 KB
		t := tagOf(i)
		d := make([]uint64, words)
		d[0], d[words-1], d[words/2] = t, ^t, t>>3
		live[slot] = &obj{tag: t, anchor: shared[t%anchors], data: d}
		bytes += uint64(words*8 + 32)
	}
	for _, o := range live {
		check(o)
	}
	fmt.Printf("allocated %d GB in %d objects, %d live, %d bad, checksum %016x\n", bytes/1_000_000_000, total*2, slots, bad, sum)
}
