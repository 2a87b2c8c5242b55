// Package os over a pipe with GOMAXPROCS(1): a goroutine blocked in
// File.Read (bufio.Scanner over os.NewFile of the read end) must not hold
// the only processor, or main could never write the lines it waits for.
package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"syscall"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)
	var p [2]int
	if err := syscall.Pipe(p[:]); err != nil {
		fmt.Println(err)
		return
	}
	r := os.NewFile(uintptr(p[0]), "pipe-r")
	w := os.NewFile(uintptr(p[1]), "pipe-w")
	got := make(chan string)
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			got <- sc.Text()
		}
		close(got)
	}()
	time.Sleep(20 * time.Millisecond) // the reader is now blocked in read(2)
	for i := 0; i < 3; i++ {
		n := 0
		for j := 0; j < 1000000; j++ { // busy on the only P
			n += j & 7
		}
		fmt.Fprintf(w, "line %d %d\n", i, n)
		fmt.Println("got", <-got)
	}
	w.Close()
	_, ok := <-got
	fmt.Println("closed", ok, r.Close())
}
