// strconv.ParseFloat of hexadecimal floats (0x1.8p-2): correctly rounded
// to 32 and 64 bits (ties to even, subnormals, overflow to ±Inf with
// ErrRange, underflow to zero without an error), underscores, syntax
// errors; and ParseComplex with hexadecimal parts.
package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	inputs := []string{
		"0x1p0", "0x1p-2", "-0x1.8p1", "+0X1P+3", "0x.8p1", "0x1.p1", "0x_1p0", "0x1_0p0",
		"0x1p", "0x1", "0xp1", "0x.p1", "0x1.8", "0x1p-1074", "0x1p-1075", "0x1.8p-1075",
		"0x1.0000000000001p0", "0x1.00000000000008p0", "0x1.00000000000018p0",
		"0x1.000000000000080000001p0", "0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023",
		"0x1p1024", "0x1p-149", "0x1p-150", "0x1.000001p0", "0x1.0000008p0", "0x1.0000018p0",
		"0x1.fffffep127", "0x1.ffffffp127", "0xffffffffffffffffffffp0", "0x123456789abcdef0123p-40",
		"0x0p0", "-0x0p0", "0x00000000001p4", "0x1p-2_0", "0x1__0p0", "0x1.8p+_1", "1e10", "0x1.3333333333333p-2",
	}
	for _, s := range inputs {
		for _, bits := range []int{32, 64} {
			f, err := strconv.ParseFloat(s, bits)
			fmt.Printf("%q/%d: %x %v %v\n", s, bits, math.Float64bits(f), f, err)
		}
	}
	for _, s := range []string{"0x1p3+2i", "(0x1.8p1-0x1p-1i)", "0x1p1024+1i"} {
		c, err := strconv.ParseComplex(s, 128)
		fmt.Println(s, c, err)
	}
}
