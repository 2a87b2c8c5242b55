// Integer verbs %d %b %o %O %x %X %c %q %U with widths, precisions and the
// + - # 0 space flags, for signed and unsigned values of every size.
package main

import "fmt"

func main() {
	vals := []int{0, 1, -1, 7, 42, -42, 255, 1000000, -987654321}
	for _, v := range vals {
		fmt.Printf("|%d|%5d|%-5d|%05d|%+d|% d|%.3d|%8.4d|%-8.4d|%+.0d|\n", v, v, v, v, v, v, v, v, v, v)
		fmt.Printf("|%b|%o|%O|%#o|%x|%#x|%X|%#X|%08x|%#08x|%-#8x|\n", v, v, v, v, v, v, v, v, v, v, v)
	}
	fmt.Printf("%d %d %d %d\n", int8(-128), int16(-32768), int32(-2147483648), int64(-9223372036854775808))
	fmt.Printf("%d %x %o %b\n", uint8(255), uint16(65535), uint32(4294967295), uint64(18446744073709551615))
	fmt.Printf("%x %X %#x\n", -255, -255, -255)
	fmt.Printf("%.0d|%5.0d|%-5.0d|\n", 0, 0, 0)
	fmt.Printf("%+05d|% 05d|%-05d|%0-5d|\n", 12, 12, 12, 12)
	fmt.Printf("%c%c%c %c %c\n", 'G', 'o', '!', 0x4E16, 0x1F600)
	fmt.Printf("%q %q %q %q %+q %#q\n", 'a', '\n', '\'', 0x4E16, 0x4E16, 'x')
	fmt.Printf("%U %#U %#U %8U|%-10U|%.6U\n", 'a', 'a', 0x4E16, 'z', 'z', 'z')
	fmt.Printf("%c|%5c|%-5c|\n", -1, 'x', 'y')
	fmt.Printf("%v %v\n", uint(7), uintptr(8))
	fmt.Printf("%#v %#v %#v\n", 42, uint(42), uint8(3))
	fmt.Printf("%x %X\n", uint64(0xDEADBEEF), int64(0xCAFE))
}
