// netecho: a TCP echo server on 127.0.0.1 and 1000 concurrent client
// connections, each sending 1000 messages of 128 bytes and waiting for the
// echo; measures the netpoller (parking on EAGAIN, epoll, wake-ups) and
// the scheduler under many ready sockets. Throughput and the 50th and 99th
// percentiles of the round-trip latency go to stderr as bench metrics
// (stdout, which is compared with Go's, has only the byte count).
//
//bench:args 1000 1000
//bench:gomaxprocs 1 2
//bench:compare stdout
//bench:sizes 1000 conns x 1000 round trips
package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"sort"
	"strconv"
	"sync"
	"time"
)

func main() {
	conns, msgs := 1000, 200
	if len(os.Args) > 2 {
		conns, _ = strconv.Atoi(os.Args[1])
		msgs, _ = strconv.Atoi(os.Args[2])
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				buf := make([]byte, 512)
				for {
					n, err := c.Read(buf)
					if n > 0 {
						if _, err := c.Write(buf[:n]); err != nil {
							return
						}
					}
					if err != nil {
						return
					}
				}
			}()
		}
	}()
	start := time.Now()
	var wg sync.WaitGroup
	var mu sync.Mutex
	total, failures := 0, 0
	var trips []int // round-trip times in nanoseconds, every client's
	for i := 0; i < conns; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			c, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				mu.Lock()
				failures++
				mu.Unlock()
				return
			}
			defer c.Close()
			msg := make([]byte, 128)
			got := make([]byte, 128)
			for k := range msg {
				msg[k] = byte(id + k)
			}
			n := 0
			mine := make([]int, 0, msgs)
			for j := 0; j < msgs; j++ {
				t0 := time.Now()
				if _, err := c.Write(msg); err != nil {
					break
				}
				if _, err := io.ReadFull(c, got); err != nil {
					break
				}
				mine = append(mine, int(time.Since(t0)))
				n += len(got)
			}
			mu.Lock()
			total += n
			trips = append(trips, mine...)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	elapsed := time.Since(start)
	ln.Close()
	fmt.Println("echoed", total, "bytes over", conns, "connections,", failures, "failures")
	sort.Ints(trips)
	fmt.Fprintf(os.Stderr, "bench: throughput %.0f trips/s\n", float64(len(trips))/elapsed.Seconds())
	fmt.Fprintf(os.Stderr, "bench: p50-rtt %.2f ms\n", percentile(trips, 50))
	fmt.Fprintf(os.Stderr, "bench: p99-rtt %.2f ms\n", percentile(trips, 99))
}

// percentile of sorted round-trip times (nanoseconds), in milliseconds.
func percentile(sorted []int, p int) float64 {
	if len(sorted) == 0 {
		return 0
	}
	return float64(sorted[(len(sorted)-1)*p/100]) / 1e6
}
