// package net: an echo server on 127.0.0.1:0 and many concurrent clients,
// each sending messages of growing size (some larger than the socket
// buffers, so writes wait in the poller) and checking every echoed byte.
package main

import (
	"fmt"
	"io"
	"net"
	"sort"
	"strings"
	"sync"
)

const (
	clients  = 50
	messages = 20
)

func serve(c net.Conn, wg *sync.WaitGroup) {
	defer wg.Done()
	defer c.Close()
	buf := make([]byte, 4096)
	for {
		n, err := c.Read(buf)
		if n > 0 {
			if _, werr := c.Write(buf[:n]); werr != nil {
				fmt.Println("server write:", werr)
				return
			}
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			fmt.Println("server read:", err)
			return
		}
	}
}

func message(client, i int) []byte {
	size := 1 + (client*7919+i*104729)%3000
	if i == messages-1 {
		size = 300000 // more than the socket buffers hold
	}
	b := make([]byte, size)
	for k := range b {
		b[k] = byte('a' + (client+i+k)%26)
	}
	return b
}

func client(addr string, id int, results chan<- string) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		results <- fmt.Sprintf("client %d: dial: %v", id, err)
		return
	}
	defer c.Close()
	total := 0
	for i := 0; i < messages; i++ {
		msg := message(id, i)
		// Write from another goroutine: a large message is echoed while it
		// is still being sent.
		done := make(chan error, 1)
		go func() {
			_, err := c.Write(msg)
			done <- err
		}()
		got := make([]byte, len(msg))
		if _, err := io.ReadFull(c, got); err != nil {
			results <- fmt.Sprintf("client %d: read: %v", id, err)
			return
		}
		if err := <-done; err != nil {
			results <- fmt.Sprintf("client %d: write: %v", id, err)
			return
		}
		if string(got) != string(msg) {
			results <- fmt.Sprintf("client %d: message %d differs", id, i)
			return
		}
		total += len(msg)
	}
	results <- fmt.Sprintf("client %02d ok: %d messages, %d bytes", id, messages, total)
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	host, _, _ := net.SplitHostPort(ln.Addr().String())
	fmt.Println("listening on", host, ln.Addr().Network())

	var wg sync.WaitGroup
	acceptDone := make(chan int)
	go func() {
		n := 0
		for {
			c, err := ln.Accept()
			if err != nil {
				fmt.Println("accept after close is ErrClosed:", strings.Contains(err.Error(), net.ErrClosed.Error()))
				acceptDone <- n
				return
			}
			n++
			wg.Add(1)
			go serve(c, &wg)
		}
	}()

	results := make(chan string)
	for i := 0; i < clients; i++ {
		go client(ln.Addr().String(), i, results)
	}
	var lines []string
	for i := 0; i < clients; i++ {
		lines = append(lines, <-results)
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
	ln.Close()
	fmt.Println("accepted", <-acceptDone)
	wg.Wait()
	fmt.Println("all servers done")
}
