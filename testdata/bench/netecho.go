// netecho: a TCP echo server on 127.0.0.1 and 1000 concurrent client
// connections, each sending 200 messages of 128 bytes and waiting for the
// echo; measures the netpoller (parking on EAGAIN, epoll, wake-ups) and
// the scheduler under many ready sockets. Throughput goes to stderr.
//
//bench:args 1000 200
//bench:gomaxprocs 1 2
//bench:compare stdout
//bench:sizes 1000 conns x 200 round trips
package main

import (
	"fmt"
	"io"
	"net"
	"os"
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
			for j := 0; j < msgs; j++ {
				if _, err := c.Write(msg); err != nil {
					break
				}
				if _, err := io.ReadFull(c, got); err != nil {
					break
				}
				n += len(got)
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	elapsed := time.Since(start)
	ln.Close()
	fmt.Println("echoed", total, "bytes over", conns, "connections,", failures, "failures")
	trips := float64(conns * msgs)
	fmt.Fprintf(os.Stderr, "%.0f round trips/s, %.1f MB/s\n", trips/elapsed.Seconds(), float64(2*total)/elapsed.Seconds()/1e6)
}
