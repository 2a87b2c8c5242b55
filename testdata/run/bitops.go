// bitops: &, |, ^, &^, unary ^ on signed and unsigned values.
package main

func main() {
	a, b := 0xf0f0, 0x3c3c
	println(a&b, a|b, a^b, a&^b, ^a)
	var x int8 = 0x55
	var y int8 = -0x56
	println(x&y, x|y, x^y, x&^y, ^x, ^y)
	var u uint8 = 0x55
	println(^u, u&^0x0f, u|0xa0)
	var w uint32 = 0
	println(^w, ^uint16(0), ^uint64(0))
	var m int64 = -1
	println(m&^0xff, m^0x7fffffffffffffff)
	// gray code
	for i := uint(0); i < 16; i++ {
		g := i ^ (i >> 1)
		print(g, " ")
	}
	println()
	// lowest set bit and clearing it
	n := 0b1011_0100
	for n != 0 {
		low := n & -n
		print(low, " ")
		n &^= low
	}
	println()
	println(0o17, 0x1F, 0b101, 1_000_000, 0x_ff)
}
