// Package math/bits: lengths, leading/trailing zeros, population counts,
// rotations (both directions), bit and byte reversal at every width,
// Add/Sub with carries, Mul, Div/Rem with 128-bit dividends, and Div64's
// overflow panic.
package main

import "math/bits"

func main() {
	for _, x := range []uint64{0, 1, 2, 3, 0x80, 0xff, 0x100, 0xdeadbeef, 1 << 63, ^uint64(0), 0x0123456789abcdef} {
		println(x, bits.Len64(x), bits.LeadingZeros64(x), bits.TrailingZeros64(x), bits.OnesCount64(x),
			bits.RotateLeft64(x, 4), bits.RotateLeft64(x, -4), bits.Reverse64(x), bits.ReverseBytes64(x))
		x32, x16, x8 := uint32(x), uint16(x), uint8(x)
		println(" ", bits.Len32(x32), bits.LeadingZeros32(x32), bits.TrailingZeros32(x32), bits.OnesCount32(x32), bits.RotateLeft32(x32, 7), bits.Reverse32(x32), bits.ReverseBytes32(x32))
		println(" ", bits.Len16(x16), bits.LeadingZeros16(x16), bits.TrailingZeros16(x16), bits.OnesCount16(x16), bits.RotateLeft16(x16, -3), bits.Reverse16(x16), bits.ReverseBytes16(x16))
		println(" ", bits.Len8(x8), bits.LeadingZeros8(x8), bits.TrailingZeros8(x8), bits.OnesCount8(x8), bits.RotateLeft8(x8, 9), bits.Reverse8(x8))
		println(" ", bits.Len(uint(x)), bits.LeadingZeros(uint(x)), bits.TrailingZeros(uint(x)), bits.OnesCount(uint(x)), bits.RotateLeft(uint(x), 64), bits.Reverse(uint(x)), bits.ReverseBytes(uint(x)))
	}
	max := ^uint64(0)
	s, c := bits.Add64(max, 1, 0)
	println(s, c)
	s, c = bits.Add64(max, max, 1)
	println(s, c)
	s, c = bits.Add64(1, 2, 1)
	println(s, c)
	d, b := bits.Sub64(0, 1, 0)
	println(d, b)
	d, b = bits.Sub64(5, 3, 1)
	println(d, b)
	d, b = bits.Sub64(5, 5, 1)
	println(d, b)
	s32, c32 := bits.Add32(0xffffffff, 1, 1)
	d32, b32 := bits.Sub32(0, 0, 1)
	println(s32, c32, d32, b32)
	hi, lo := bits.Mul64(max, max)
	println(hi, lo)
	hi, lo = bits.Mul64(0x123456789, 0xabcdef0123)
	println(hi, lo)
	h32, l32 := bits.Mul32(0xffffffff, 0xfffffffe)
	println(h32, l32)
	q, r := bits.Div64(hi, lo, 0xabcdef0123)
	println(q, r)
	q, r = bits.Div64(1, 0, 3)
	println(q, r)
	q32, r32 := bits.Div32(1, 5, 7)
	println(q32, r32)
	println(bits.Rem64(10, 3, 7), bits.Rem32(9, 1, 7), bits.UintSize)
	bits.Div64(5, 0, 5)
}
