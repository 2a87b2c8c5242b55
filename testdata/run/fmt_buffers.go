// Writers that are also Stringers: *bytes.Buffer and *strings.Builder
// print their contents through String (pointer receivers), fmt writes
// into them, and their values are used as io.Writer interfaces.
package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

func report(w io.Writer, name string, n int) {
	fmt.Fprintf(w, "%s=%d;", name, n)
}

func main() {
	var buf bytes.Buffer
	report(&buf, "a", 1)
	report(&buf, "b", 2)
	fmt.Println(&buf, buf.Len())
	fmt.Printf("%s|%q|%v|%x\n", &buf, &buf, &buf, &buf)
	var sb strings.Builder
	report(&sb, "c", 3)
	fmt.Println(&sb, sb.Len())
	fmt.Printf("[%10s][%-10v]\n", &sb, &sb)
	ws := []io.Writer{&buf, &sb}
	for i, w := range ws {
		fmt.Fprint(w, "|end", i)
	}
	fmt.Println(buf.String(), sb.String())
}
