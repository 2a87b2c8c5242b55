// os.Pipe: both ends in the netpoller. A reader parked on an empty pipe
// at GOMAXPROCS=1 while main runs, a writer parked on a full pipe, EOF
// after the write end closes, a Read blocked when its end is closed, read
// deadlines (os.ErrDeadlineExceeded), errors after Close, and EPIPE (not
// SIGPIPE) writing to a pipe whose read end is closed.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"syscall"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)
	r, w, err := os.Pipe()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("names:", r.Name(), w.Name())

	got := make(chan string)
	go func() {
		buf := make([]byte, 32)
		n, err := r.Read(buf)
		got <- fmt.Sprint(string(buf[:n]), " ", err)
	}()
	runtime.Gosched()
	sum := 0
	for i := 0; i < 10000000; i++ {
		sum += i & 3
	}
	fmt.Println("main ran:", sum > 0)
	w.Write([]byte("hello"))
	fmt.Println("reader:", <-got)

	// 1 MiB through a 64 KiB pipe: the writer waits for the reader.
	const size = 1 << 20
	go func() {
		b := make([]byte, size)
		for i := range b {
			b[i] = byte(i % 253)
		}
		n, err := w.Write(b)
		fmt.Println("wrote", n, err)
		fmt.Println("close w:", w.Close())
	}()
	data, err := io.ReadAll(r)
	ok := len(data) == size
	for i := range data {
		if data[i] != byte(i%253) {
			ok = false
			break
		}
	}
	fmt.Println("read", len(data), err, "intact:", ok)
	_, err = w.Write([]byte("x"))
	fmt.Println("write after close:", err, errors.Is(err, os.ErrClosed))
	fmt.Println("close r:", r.Close())

	// Deadlines and a Read interrupted by Close.
	r, w, _ = os.Pipe()
	r.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	buf := make([]byte, 4)
	_, err = r.Read(buf)
	fmt.Println("deadline:", err, errors.Is(err, os.ErrDeadlineExceeded))
	r.SetReadDeadline(time.Time{})
	done := make(chan error)
	go func() {
		_, err := r.Read(buf)
		done <- err
	}()
	time.Sleep(10 * time.Millisecond)
	r.Close()
	err = <-done
	fmt.Println("read during close:", err, errors.Is(err, os.ErrClosed))
	_, err = r.Read(buf)
	fmt.Println("read after close:", err)
	_, err = w.Write([]byte("nobody reads"))
	fmt.Println("write to a pipe without reader:", err, errors.Is(err, syscall.EPIPE))
	w.Close()
	f, err := os.Open("std_os_pipe_poll.go")
	if err == nil {
		fmt.Println("file deadline:", f.SetDeadline(time.Now()))
		f.Close()
	}
}
