// gcpause: keeps 256 MB of 64-byte records live, each pointing into a
// shared set of 4096 entries, and replaces every record eight times over,
// so the collector runs many cycles over a large live heap full of
// pointers; meanwhile a goroutine sleeps for 100 µs in a loop and records
// the longest gap between two of its wake-ups. That worst gap is the pause
// the program observed (a stop-the-world phase or a starved sleeper).
//
// Standard output is a checksum, identical under every implementation; the
// gap is a timing, so it goes to standard error as a `bench:` metric line
// and only standard output is compared.
//
//bench:args 256 8
//bench:compare stdout
//bench:sizes 256 MB live (4M records of 64 bytes) pointing into 4096 shared entries, rewritten 8 times
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"time"
)

// record is 64 bytes: a pointer into the shared set and seven words.
type record struct {
	shared *entry
	v      [7]int64
}

// entry is one of the shared set every record points into.
type entry struct {
	id   int64
	name string
}

const sharedSize = 4096

func main() {
	mb, rounds := 256, 8
	if len(os.Args) > 2 {
		mb, _ = strconv.Atoi(os.Args[1])
		rounds, _ = strconv.Atoi(os.Args[2])
	}
	n := mb << 20 / 64

	var stop atomic.Bool
	worst := make(chan time.Duration)
	go func() {
		const period = 100 * time.Microsecond
		var max time.Duration
		last := time.Now()
		for !stop.Load() {
			time.Sleep(period)
			now := time.Now()
			if gap := now.Sub(last); gap > max {
				max = gap
			}
			last = now
		}
		worst <- max
	}()

	shared := make([]*entry, sharedSize)
	for i := range shared {
		shared[i] = &entry{id: int64(i), name: strconv.Itoa(i)}
	}
	live := make([]*record, n)
	for i := range live {
		live[i] = &record{shared: shared[i%sharedSize], v: [7]int64{int64(i)}}
	}
	for r := 1; r <= rounds; r++ {
		for i := range live {
			old := live[i]
			// the replacement points at another entry of the shared set;
			// the record it replaces becomes garbage
			nr := &record{shared: shared[(old.shared.id+int64(r)*7)%sharedSize]}
			nr.v[0] = old.v[0] + int64(r)
			nr.v[6] = int64(i)
			live[i] = nr
		}
	}
	var sum int64
	for _, rec := range live {
		sum += rec.v[0] + rec.v[6] + rec.shared.id + int64(len(rec.shared.name))
	}
	stop.Store(true)
	gap := <-worst
	fmt.Println("records:", n, "rounds:", rounds, "checksum:", sum)
	fmt.Fprintf(os.Stderr, "bench: worst-gap %.3f ms\n", float64(gap.Microseconds())/1000)
}
