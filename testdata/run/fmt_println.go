// fmt.Print, Println and their S and F forms: default formats of every
// basic kind, spacing rules between operands (Print adds spaces only
// between two non-strings), nil, return values.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("a", "b", 1, 2, true, false, nil)
	fmt.Print("a", "b", 1, 2, "c", 3.5, 'x', "\n")
	fmt.Print(1, 2, 3, "\n")
	n, err := fmt.Println("count me")
	fmt.Println(n, err)
	n, err = fmt.Print("xyz\n")
	fmt.Println(n, err)
	var i8 int8 = -128
	var u16 uint16 = 65535
	var u64 uint64 = 1<<64 - 1
	var i64 int64 = -1 << 63
	var up uintptr = 4096
	var f32 float32 = 0.1
	fmt.Println(i8, u16, u64, i64, up, f32, float64(f32), 1e21, 1e20, 1e-5, 123456789.0)
	fmt.Println(fmt.Sprint(), fmt.Sprintln(), fmt.Sprint(nil, nil), fmt.Sprint("x", nil, "y"))
	s := fmt.Sprintln("with", "newline")
	fmt.Print(s)
	fmt.Fprint(os.Stdout, "F", 1, 2, "\n")
	fmt.Fprintln(os.Stdout, "Fln", 1, 2)
	fmt.Fprintln(os.Stderr, "to stderr", 42)
	fmt.Fprint(os.Stderr, "err", 1, "\n")
	b := fmt.Append([]byte("pre:"), 1, 2, "x")
	b = fmt.Appendln(b, "ln", 3)
	b = fmt.Appendf(b, "%d-%s", 7, "f")
	fmt.Println(string(b))
}
