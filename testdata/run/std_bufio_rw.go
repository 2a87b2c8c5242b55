// Package bufio: Writer to os.Stdout (Buffered, Available, Flush, WriteByte,
// WriteRune, a write larger than the buffer) and to a file; Reader over a
// file and strings: ReadString, ReadBytes, ReadLine with long lines
// (isPrefix), ReadByte/UnreadByte, ReadRune/UnreadRune, Peek, Discard,
// Read, and the errors for invalid unreads and negative counts.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

func main() {
	w := bufio.NewWriterSize(os.Stdout, 32)
	fmt.Println("size", w.Size(), w.Available(), w.Buffered())
	w.WriteString("buffered ")
	w.WriteByte('+')
	w.WriteRune('é')
	w.WriteRune('世')
	fmt.Println("before flush", w.Buffered(), w.Available())
	w.WriteString("\n")
	w.Flush()
	w.WriteString(strings.Repeat("long", 20) + "\n")
	fmt.Fprintf(w, "%d-%s\n", 7, "fmt")
	w.Flush()
	fmt.Println("after flush", w.Buffered())

	dir := os.TempDir() + "/goc_std_bufio_rw_" + strconv.Itoa(os.Getpid())
	os.Mkdir(dir, 0755)
	defer os.RemoveAll(dir)
	f, _ := os.Create(dir + "/lines")
	fw := bufio.NewWriter(f)
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(fw, "line %d\n", i)
	}
	fw.WriteString(strings.Repeat("z", 100) + "\r\nend")
	fmt.Println("flush", fw.Flush())
	f.Close()

	f, _ = os.Open(dir + "/lines")
	r := bufio.NewReader(f)
	s, err := r.ReadString('\n')
	fmt.Printf("%q %v\n", s, err)
	b, err := r.ReadBytes('\n')
	fmt.Printf("%q %v\n", b, err)
	p, err := r.Peek(6)
	fmt.Printf("peek %q %v\n", p, err)
	d, err := r.Discard(7)
	fmt.Println("discard", d, err)
	count := 2
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			fmt.Printf("last %q %v\n", line, err)
			break
		}
		count++
	}
	fmt.Println("lines", count)
	f.Close()

	f, _ = os.Open(dir + "/lines")
	lr := bufio.NewReaderSize(f, 16)
	fmt.Println("size", lr.Size())
	n := 0
	for {
		line, isPrefix, err := lr.ReadLine()
		if err != nil {
			fmt.Println("readline end", err)
			break
		}
		if n < 3 || isPrefix || n > 1000 {
			fmt.Printf("%q %v\n", line, isPrefix)
		}
		n++
	}
	f.Close()

	sr := bufio.NewReader(strings.NewReader("aé世\xffz"))
	c, _ := sr.ReadByte()
	fmt.Println(c, sr.UnreadByte(), sr.UnreadByte())
	for {
		ru, size, err := sr.ReadRune()
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Printf("%q %d ", ru, size)
	}
	fmt.Println(sr.UnreadRune())
	sr2 := bufio.NewReader(strings.NewReader("xy"))
	sr2.ReadRune()
	fmt.Println(sr2.UnreadRune(), sr2.UnreadRune())
	_, err = sr2.Peek(-1)
	fmt.Println(err)
	_, err = sr2.Peek(100)
	fmt.Println(err)
	buf := make([]byte, 1)
	k, err := sr2.Read(buf)
	fmt.Println(k, err, string(buf))
	k, err = sr2.Read(buf)
	fmt.Println(k, err, string(buf))
	k, err = sr2.Read(buf)
	fmt.Println(k, err)
	_, err = sr2.ReadString('\n')
	fmt.Println(err == io.EOF)
	sr3 := bufio.NewReaderSize(strings.NewReader(strings.Repeat("q", 40)), 16)
	_, err = sr3.Peek(20)
	fmt.Println(err)
	fmt.Println(bufio.ErrBufferFull, bufio.ErrNegativeCount, bufio.ErrInvalidUnreadByte, bufio.ErrInvalidUnreadRune)
}
