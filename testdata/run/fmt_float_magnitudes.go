// %v/Println of float64 across magnitudes: the switch between %f and %e
// layouts at exponents -4 and 21, powers of ten and two, halves,
// computed values (0.1+0.2), subnormals and the largest values.
package main

import "fmt"

var big = 1e308

func main() {
	v := 1.0
	for i := 0; i < 25; i++ {
		fmt.Println(v, -v, v+0.5, v/3)
		v *= 10
	}
	v = 1.0
	for i := 0; i < 12; i++ {
		fmt.Println(v, v*1.5)
		v /= 10
	}
	p := 1.0
	for i := 0; i < 70; i += 7 {
		fmt.Print(p, " ")
		p *= 128
	}
	fmt.Println()
	fmt.Println(0.1+0.2, 1-0.9, 100.0/3.0, 2.0/3.0*3.0, big*10, -big*10)
	fmt.Println(4.9e-324, 2.2250738585072014e-308, 1.7976931348623157e308)
	fmt.Printf("%v %v %v\n", 999999.0, 9999999.0, 123456789012345678.0)
	fmt.Printf("%g %g %g %g\n", 100000.0, 1000000.0, 0.0001, 0.00001)
}
