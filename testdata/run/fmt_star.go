// * widths and precisions from operands (any integer type), negative
// widths (left-justify), negative precisions (ignored), combined with
// argument indexes, and non-integer * operands.
package main

import "fmt"

func main() {
	for _, w := range []int{0, 1, 5, -5, 12} {
		fmt.Printf("[%*d][%*s][%-*d]\n", w, 42, w, "ab", w, 7)
	}
	for _, p := range []int{0, 1, 3, -1} {
		fmt.Printf("[%.*f][%.*s][%.*d]\n", p, 3.14159, p, "abcdef", p, 9)
	}
	fmt.Printf("[%*.*f]\n", 10, 3, 2.71828)
	fmt.Printf("[%*d] [%*d] [%*d]\n", int8(4), 1, uint16(3), 2, int64(-4), 3)
	fmt.Printf("[%*d]\n", uint64(1<<63), 1)
	fmt.Printf("[%*d]\n", 10000000, 1)
	fmt.Printf("[%[2]*[1]d] [%[1]*d] [%[3]*.[2]*[1]f]\n", 5, 6, 10)
	fmt.Printf("[%*s]\n", "w", "x")
	fmt.Printf("[%.*s]\n", nil, "x")
	fmt.Printf("[%-*q]\n", 8, "q")
	fmt.Printf("[%0*d] [%-0*d]\n", 6, -12, 6, -12)
}
