// The netpoller under load: 1000 concurrent connections to one echo
// server, each exchanging 100 messages of varying size and checking every
// echoed byte; then connections opened and closed in a hurry, with reads
// racing closes and deadlines. A lost wake-up hangs it; any corruption
// prints a mismatch.
package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"time"
)

const (
	conns    = 1000
	messages = 100
)

func echo(c net.Conn) {
	defer c.Close()
	buf := make([]byte, 2048)
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
}

func client(addr string, id int, errs chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		errs <- fmt.Sprint("dial: ", err)
		return
	}
	defer c.Close()
	msg := make([]byte, 1500)
	got := make([]byte, 1500)
	for i := 0; i < messages; i++ {
		n := 1 + (id*31+i*17)%len(msg)
		for k := 0; k < n; k++ {
			msg[k] = byte(id + i + k)
		}
		if _, err := c.Write(msg[:n]); err != nil {
			errs <- fmt.Sprint("write: ", err)
			return
		}
		if _, err := io.ReadFull(c, got[:n]); err != nil {
			errs <- fmt.Sprint("read: ", err)
			return
		}
		if string(got[:n]) != string(msg[:n]) {
			errs <- fmt.Sprintf("client %d message %d: mismatch", id, i)
			return
		}
	}
}

func main() {
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
			go echo(c)
		}
	}()
	addr := ln.Addr().String()

	errs := make(chan string, conns)
	var wg sync.WaitGroup
	for i := 0; i < conns; i++ {
		wg.Add(1)
		go client(addr, i, errs, &wg)
	}
	wg.Wait()
	close(errs)
	bad := 0
	for e := range errs {
		if bad < 5 {
			fmt.Println(e)
		}
		bad++
	}
	fmt.Println("echo:", conns, "connections,", messages, "messages each,", bad, "failures")

	// Churn: short connections, reads racing Close and short deadlines.
	var wg2 sync.WaitGroup
	var mu sync.Mutex
	outcomes := map[string]int{}
	for i := 0; i < 300; i++ {
		wg2.Add(1)
		go func(i int) {
			defer wg2.Done()
			c, err := net.Dial("tcp", addr)
			if err != nil {
				mu.Lock()
				outcomes["dial error"]++
				mu.Unlock()
				return
			}
			kind := "closed"
			switch i % 3 {
			case 0:
				go func() {
					time.Sleep(time.Duration(i%5) * time.Millisecond)
					c.Close()
				}()
			case 1:
				c.SetReadDeadline(time.Now().Add(time.Duration(i%7) * time.Millisecond))
				kind = "timeout"
			case 2:
				c.Write([]byte("x"))
				kind = "echo"
			}
			buf := make([]byte, 1)
			_, err = c.Read(buf)
			res := "ok"
			switch {
			case err == nil:
			case errors.Is(err, net.ErrClosed):
				res = "ErrClosed"
			case errors.Is(err, os.ErrDeadlineExceeded):
				res = "timeout"
			default:
				res = err.Error()
			}
			if kind != "closed" {
				c.Close()
			}
			mu.Lock()
			outcomes[kind+" -> "+res]++
			mu.Unlock()
		}(i)
	}
	wg2.Wait()
	for _, k := range []string{"closed -> ErrClosed", "timeout -> timeout", "echo -> ok"} {
		fmt.Println(k, outcomes[k])
		delete(outcomes, k)
	}
	for k, v := range outcomes {
		fmt.Println("unexpected:", k, v)
	}
	ln.Close()
}
