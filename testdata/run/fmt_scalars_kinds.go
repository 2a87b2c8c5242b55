// Every scalar kind through %v, Println and the bad-verb report, so the
// type names and values in %!verb(type=value) are Go's for each.
package main

import "fmt"

type N int

func main() {
	vals := []any{true, int(1), int8(2), int16(3), int32(4), int64(5), uint(6), uint8(7), uint16(8),
		uint32(9), uint64(10), uintptr(11), float32(1.5), float64(2.5), "s", N(12), []byte("b")}
	for _, v := range vals {
		fmt.Printf("%v|%z|%T\n", v, v, v)
	}
	fmt.Println(vals...)
	fmt.Printf("%t %t\n", 1, "x")
	fmt.Printf("%e %f\n", 1, "x")
	fmt.Printf("%c %U\n", 1.5, "x")
	fmt.Printf("%s %q\n", 1.5, false)
}
