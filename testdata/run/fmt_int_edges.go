// Integer edge values in every base and with every flag: the minimum
// int64 (whose negation overflows), maximum uint64, zero with precision
// 0, sign flags on unsigned values, %c and %q of invalid code points.
package main

import (
	"fmt"
	"math"
)

func main() {
	mi := int64(math.MinInt64)
	fmt.Printf("%d|%x|%X|%o|%b|%+d|% d|%#x|%O\n", mi, mi, mi, mi, mi, mi, mi, mi, mi)
	mu := uint64(math.MaxUint64)
	fmt.Printf("%d|%x|%o|%b|%+d|% d|%#o|%v|%#v\n", mu, mu, mu, mu, mu, mu, mu, mu, mu)
	fmt.Printf("[%.0d][%.0x][%#.0x][%+.0d][%5.0d][%-5.0d|]\n", 0, 0, 0, 0, 0, 0)
	fmt.Printf("[%#b][%#o][%#O][%O][%#x][%#X]\n", 0, 0, 0, 0, 0, 0)
	fmt.Printf("%c|%q|%U|%#U\n", 0x110000, 0x110000, 0x110000, 0x110000)
	fmt.Printf("%c|%q|%U\n", -1, -1, -1)
	fmt.Printf("%q %q %q %q\n", 0, 7, 127, 0xFFFD)
	fmt.Printf("%x %X %#x\n", int8(-1), int16(-1), int32(-1))
	u8, i8 := uint8(255), int8(127)
	fmt.Printf("%d %d\n", u8+1, i8+1)
	fmt.Printf("%.20d|%30.20x|%-30.20o|\n", 123, 0xabc, 8)
}
