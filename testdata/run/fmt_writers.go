// Fprint* to the writers of the library: strings.Builder, bytes.Buffer,
// os.Stdout and os.Stderr, a writer that fails (the error comes back),
// and writers used by Formatter implementations.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
)

type failing struct{}

func (failing) Write(p []byte) (int, error) { return 0, errors.New("disk full") }

type half struct{ got []byte }

func (h *half) Write(p []byte) (int, error) {
	h.got = append(h.got, p[:len(p)/2]...)
	return len(p) / 2, nil
}

func main() {
	var sb strings.Builder
	n, err := fmt.Fprintf(&sb, "%s-%d", "sb", 1)
	fmt.Println(sb.String(), n, err)
	var bb bytes.Buffer
	fmt.Fprintln(&bb, "buf", 2.5)
	fmt.Fprint(&bb, "more")
	fmt.Printf("%q %d\n", bb.String(), bb.Len())
	n, err = fmt.Fprintln(failing{}, "x")
	fmt.Println(n, err)
	h := &half{}
	n, err = fmt.Fprint(h, "abcdef")
	fmt.Println(n, err, string(h.got))
	fmt.Fprintf(os.Stderr, "%s %v\n", "stderr", []int{1})
	fmt.Fprintf(os.Stdout, "%s %v\n", "stdout", []int{2})
}
