// Package io.Pipe: a writer goroutine and a reader with small buffers
// (one Write split over several Reads), bufio.Scanner over a PipeReader,
// CloseWithError seen by the reader, writes after the reader closed.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
)

func main() {
	r, w := io.Pipe()
	go func() {
		w.Write([]byte("hello, pipe"))
		fmt.Fprintf(w, "|%d", 42)
		w.Close()
	}()
	buf := make([]byte, 4)
	for {
		n, err := r.Read(buf)
		fmt.Printf("%q %v\n", buf[:n], err)
		if err != nil {
			break
		}
	}

	r2, w2 := io.Pipe()
	go func() {
		for i := 0; i < 5; i++ {
			fmt.Fprintf(w2, "line %d\n", i)
		}
		w2.CloseWithError(errors.New("producer failed"))
	}()
	sc := bufio.NewScanner(r2)
	for sc.Scan() {
		fmt.Println(sc.Text())
	}
	fmt.Println("scan err:", sc.Err())

	r3, w3 := io.Pipe()
	r3.Close()
	n, err := w3.Write([]byte("x"))
	fmt.Println(n, err, err == io.ErrClosedPipe)
	_, err = r3.Read(buf)
	fmt.Println(err)

	r4, w4 := io.Pipe()
	done := make(chan bool)
	go func() {
		all, err := io.ReadAll(r4)
		fmt.Println(len(all), err)
		done <- true
	}()
	big := make([]byte, 100000)
	n, err = w4.Write(big)
	fmt.Println(n, err)
	w4.Close()
	<-done
}
