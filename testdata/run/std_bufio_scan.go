// Package bufio: Scanner over os.Stdin (lines, with a CRLF line and a last
// line without newline), then Scanners over strings with ScanWords,
// ScanRunes, ScanBytes, a custom split function, Buffer with a small
// maximum (ErrTooLong).
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strings"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	lines := 0
	for sc.Scan() {
		lines++
		fmt.Printf("%d: %q %d\n", lines, sc.Text(), len(sc.Bytes()))
	}
	fmt.Println("err", sc.Err())

	ws := bufio.NewScanner(strings.NewReader("  the quick\tbrown\n\nfox  jumps\u00a0over "))
	ws.Split(bufio.ScanWords)
	for ws.Scan() {
		fmt.Printf("[%s]", ws.Text())
	}
	fmt.Println()

	rs := bufio.NewScanner(strings.NewReader("héllo, 世界\xff!"))
	rs.Split(bufio.ScanRunes)
	for rs.Scan() {
		fmt.Printf("%q ", rs.Text())
	}
	fmt.Println()

	bs := bufio.NewScanner(strings.NewReader("abc"))
	bs.Split(bufio.ScanBytes)
	for bs.Scan() {
		fmt.Print(bs.Bytes(), " ")
	}
	fmt.Println()

	cs := bufio.NewScanner(strings.NewReader("1,22,,333,4444"))
	cs.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, ','); i >= 0 {
			return i + 1, data[:i], nil
		}
		if atEOF && len(data) > 0 {
			return len(data), data, bufio.ErrFinalToken
		}
		return 0, nil, nil
	})
	for cs.Scan() {
		fmt.Printf("<%s>", cs.Text())
	}
	fmt.Println(cs.Err())

	long := bufio.NewScanner(strings.NewReader("short\n" + strings.Repeat("x", 100) + "\nafter\n"))
	long.Buffer(make([]byte, 10), 20)
	for long.Scan() {
		fmt.Println("tok", long.Text())
	}
	fmt.Println("err", long.Err())

	big := bufio.NewScanner(strings.NewReader(strings.Repeat("y", 70000) + "\n"))
	for big.Scan() {
		fmt.Println(len(big.Text()))
	}
	fmt.Println(big.Err(), big.Err() == bufio.ErrTooLong)

	defer func() { fmt.Println("recovered:", recover()) }()
	s2 := bufio.NewScanner(strings.NewReader("a"))
	s2.Scan()
	s2.Split(bufio.ScanWords)
}
