// package net at GOMAXPROCS=1: goroutines waiting on sockets are parked in
// the netpoller, not holding the only processor, and are not taken for a
// deadlock while they wait (even when every goroutine waits on a socket
// and no timer is pending).
package main

import (
	"fmt"
	"io"
	"net"
	"runtime"
)

func main() {
	runtime.GOMAXPROCS(1)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}

	// Every goroutine waits on a socket: main in Accept, the client in
	// connect and then in Read. Only the kernel can make progress.
	accepted := make(chan net.Conn)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			fmt.Println("accept:", err)
			return
		}
		accepted <- c
	}()
	client, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println("dial:", err)
		return
	}
	server := <-accepted
	fmt.Println("connected")

	// A reader blocked on the socket while main computes and uses
	// channels on the only P.
	got := make(chan string)
	go func() {
		buf := make([]byte, 64)
		n, err := client.Read(buf)
		got <- fmt.Sprint(string(buf[:n]), " ", err)
	}()
	runtime.Gosched()
	sum := 0
	for i := 0; i < 20000000; i++ {
		sum += i % 7
	}
	ping := make(chan int)
	go func() {
		for v := range ping {
			sum += v
		}
	}()
	for i := 0; i < 1000; i++ {
		ping <- i
	}
	close(ping)
	fmt.Println("main computed", sum > 0)
	server.Write([]byte("wake up"))
	fmt.Println("reader got:", <-got)

	// Both directions full: a writer blocked in Write (the socket buffers
	// are full) and a reader that drains them, switching on one P.
	const size = 8 << 20
	done := make(chan int)
	go func() {
		b := make([]byte, size)
		for i := range b {
			b[i] = byte(i % 251)
		}
		n, err := server.Write(b)
		fmt.Println("wrote", n, err)
		server.Close()
		done <- n
	}()
	data, err := io.ReadAll(client)
	ok := len(data) == size
	for i := range data {
		if data[i] != byte(i%251) {
			ok = false
			break
		}
	}
	fmt.Println("read", len(data), err, "intact:", ok)
	<-done

	// A goroutine still blocked on a socket when main returns does not
	// keep the program alive.
	c2, err := net.Dial("tcp", ln.Addr().String())
	if err == nil {
		go func() {
			buf := make([]byte, 1)
			c2.Read(buf)
			fmt.Println("never printed")
		}()
		runtime.Gosched()
	}
	fmt.Println("done")
}
