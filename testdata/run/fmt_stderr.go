// Printf to os.Stdout and os.Stderr interleaved, Fprint* through an
// io.Writer of our own (a counting writer), Fprintf's byte counts, and a
// strings.Builder as the writer.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

type counter struct{ n, calls int }

func (c *counter) Write(p []byte) (int, error) {
	c.n += len(p)
	c.calls++
	return len(p), nil
}

func main() {
	fmt.Fprintf(os.Stdout, "out %d\n", 1)
	fmt.Fprintf(os.Stderr, "err %d\n", 2)
	n, err := fmt.Fprintf(os.Stderr, "%s=%v\n", "key", []int{1})
	fmt.Println(n, err)
	c := &counter{}
	var w io.Writer = c
	fmt.Fprint(w, "abc", 1)
	fmt.Fprintln(w, "x")
	fmt.Fprintf(w, "%05d", 3)
	fmt.Println(c.n, c.calls)
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "[%d]", i)
	}
	fmt.Println(sb.String())
	fmt.Printf("%d%%\n", 50)
	fmt.Print()
	fmt.Printf("")
	fmt.Fprintln(os.Stderr)
}
