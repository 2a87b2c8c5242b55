// gcpause: keeps 256 MB of 64-byte records live and replaces every record
// eight times over, so the collector runs many cycles over a large live
// heap; meanwhile a goroutine sleeps for 100 µs in a loop and records the
// longest it ever waited beyond that. The worst gap is the pause the
// program observed (a stop-the-world phase or a starved sleeper).
//
// Standard output is a checksum, identical under every implementation; the
// gap is a timing, so it goes to standard error as a `bench:` metric line
// and only standard output is compared.
//
//bench:args 256 8
//bench:compare stdout
//bench:sizes 256 MB live (4M records of 64 bytes), rewritten 8 times
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"time"
)

// record is 64 bytes: one pointer and seven words.
type record struct {
	prev *record
	v    [7]int64
}

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
		for !stop.Load() {
			t := time.Now()
			time.Sleep(period)
			if gap := time.Since(t) - period; gap > max {
				max = gap
			}
		}
		worst <- max
	}()

	live := make([]*record, n)
	for i := range live {
		live[i] = &record{v: [7]int64{int64(i)}}
	}
	for r := 1; r <= rounds; r++ {
		for i := range live {
			old := live[i]
			// each new record points at the one replaced just before it,
			// so the heap is a graph, not a flat array of leaves (and no
			// record of an earlier round stays reachable)
			nr := &record{}
			if i > 0 {
				nr.prev = live[i-1]
			}
			nr.v[0] = old.v[0] + int64(r)
			nr.v[6] = int64(i)
			live[i] = nr
		}
	}
	var sum int64
	for _, rec := range live {
		sum += rec.v[0] + rec.v[6]
		if rec.prev != nil {
			sum++
		}
	}
	stop.Store(true)
	gap := <-worst
	fmt.Println("records:", n, "rounds:", rounds, "checksum:", sum)
	fmt.Fprintf(os.Stderr, "bench: worst-gap %.3f ms\n", float64(gap.Microseconds())/1000)
}
