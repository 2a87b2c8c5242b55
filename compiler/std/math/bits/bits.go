// Package bits: counting, rotating and reversing bits, and full-width
// arithmetic on unsigned integers. goc's implementation, written from the
// package documentation with plain loops and shifts (no tables).
package bits

// UintSize is the size of a uint in bits.
const UintSize = 64

// LeadingZeros returns the number of leading zero bits in x; UintSize for 0.
func LeadingZeros(x uint) int { return UintSize - Len(x) }

// LeadingZeros8 returns the number of leading zero bits in x; 8 for 0.
func LeadingZeros8(x uint8) int { return 8 - Len8(x) }

// LeadingZeros16 returns the number of leading zero bits in x; 16 for 0.
func LeadingZeros16(x uint16) int { return 16 - Len16(x) }

// LeadingZeros32 returns the number of leading zero bits in x; 32 for 0.
func LeadingZeros32(x uint32) int { return 32 - Len32(x) }

// LeadingZeros64 returns the number of leading zero bits in x; 64 for 0.
func LeadingZeros64(x uint64) int { return 64 - Len64(x) }

// TrailingZeros returns the number of trailing zero bits in x; UintSize for 0.
func TrailingZeros(x uint) int { return TrailingZeros64(uint64(x)) }

// TrailingZeros8 returns the number of trailing zero bits in x; 8 for 0.
func TrailingZeros8(x uint8) int { return min(TrailingZeros64(uint64(x)), 8) }

// TrailingZeros16 returns the number of trailing zero bits in x; 16 for 0.
func TrailingZeros16(x uint16) int { return min(TrailingZeros64(uint64(x)), 16) }

// TrailingZeros32 returns the number of trailing zero bits in x; 32 for 0.
func TrailingZeros32(x uint32) int { return min(TrailingZeros64(uint64(x)), 32) }

// TrailingZeros64 returns the number of trailing zero bits in x; 64 for 0.
func TrailingZeros64(x uint64) int {
	if x == 0 {
		return 64
	}
	// x & -x isolates the lowest set bit; its length less one is its index.
	return Len64(x&-x) - 1
}

// OnesCount returns the number of one bits in x.
func OnesCount(x uint) int { return OnesCount64(uint64(x)) }

// OnesCount8 returns the number of one bits in x.
func OnesCount8(x uint8) int { return OnesCount64(uint64(x)) }

// OnesCount16 returns the number of one bits in x.
func OnesCount16(x uint16) int { return OnesCount64(uint64(x)) }

// OnesCount32 returns the number of one bits in x.
func OnesCount32(x uint32) int { return OnesCount64(uint64(x)) }

// OnesCount64 returns the number of one bits in x.
func OnesCount64(x uint64) int {
	// Sum adjacent bits, then pairs, nibbles, and bytes (by multiplication).
	x = x - x>>1&0x5555555555555555
	x = x&0x3333333333333333 + x>>2&0x3333333333333333
	x = (x + x>>4) & 0x0f0f0f0f0f0f0f0f
	return int(x * 0x0101010101010101 >> 56)
}

// RotateLeft returns x rotated left by k bits (right for negative k).
func RotateLeft(x uint, k int) uint { return uint(RotateLeft64(uint64(x), k)) }

// RotateLeft8 returns x rotated left by k bits (right for negative k).
func RotateLeft8(x uint8, k int) uint8 {
	s := uint(k) & 7
	return x<<s | x>>(8-s)
}

// RotateLeft16 returns x rotated left by k bits (right for negative k).
func RotateLeft16(x uint16, k int) uint16 {
	s := uint(k) & 15
	return x<<s | x>>(16-s)
}

// RotateLeft32 returns x rotated left by k bits (right for negative k).
func RotateLeft32(x uint32, k int) uint32 {
	s := uint(k) & 31
	return x<<s | x>>(32-s)
}

// RotateLeft64 returns x rotated left by k bits (right for negative k).
func RotateLeft64(x uint64, k int) uint64 {
	s := uint(k) & 63
	return x<<s | x>>(64-s)
}

// Reverse returns x with its bits in reverse order.
func Reverse(x uint) uint { return uint(Reverse64(uint64(x))) }

// Reverse8 returns x with its bits in reverse order.
func Reverse8(x uint8) uint8 { return uint8(Reverse64(uint64(x)) >> 56) }

// Reverse16 returns x with its bits in reverse order.
func Reverse16(x uint16) uint16 { return uint16(Reverse64(uint64(x)) >> 48) }

// Reverse32 returns x with its bits in reverse order.
func Reverse32(x uint32) uint32 { return uint32(Reverse64(uint64(x)) >> 32) }

// Reverse64 returns x with its bits in reverse order.
func Reverse64(x uint64) uint64 {
	// Swap bits, then pairs, then nibbles; the bytes last.
	x = x>>1&0x5555555555555555 | x&0x5555555555555555<<1
	x = x>>2&0x3333333333333333 | x&0x3333333333333333<<2
	x = x>>4&0x0f0f0f0f0f0f0f0f | x&0x0f0f0f0f0f0f0f0f<<4
	return ReverseBytes64(x)
}

// ReverseBytes returns x with its bytes in reverse order.
func ReverseBytes(x uint) uint { return uint(ReverseBytes64(uint64(x))) }

// ReverseBytes16 returns x with its bytes in reverse order.
func ReverseBytes16(x uint16) uint16 { return x>>8 | x<<8 }

// ReverseBytes32 returns x with its bytes in reverse order.
func ReverseBytes32(x uint32) uint32 { return uint32(ReverseBytes64(uint64(x)) >> 32) }

// ReverseBytes64 returns x with its bytes in reverse order.
func ReverseBytes64(x uint64) uint64 {
	x = x>>8&0x00ff00ff00ff00ff | x&0x00ff00ff00ff00ff<<8
	x = x>>16&0x0000ffff0000ffff | x&0x0000ffff0000ffff<<16
	return x>>32 | x<<32
}

// Len returns the minimum number of bits to represent x; 0 for 0.
func Len(x uint) int { return Len64(uint64(x)) }

// Len8 returns the minimum number of bits to represent x; 0 for 0.
func Len8(x uint8) int { return Len64(uint64(x)) }

// Len16 returns the minimum number of bits to represent x; 0 for 0.
func Len16(x uint16) int { return Len64(uint64(x)) }

// Len32 returns the minimum number of bits to represent x; 0 for 0.
func Len32(x uint32) int { return Len64(uint64(x)) }

// Len64 returns the minimum number of bits to represent x; 0 for 0.
func Len64(x uint64) int {
	n := 0
	for s := 32; s > 0; s >>= 1 {
		if x>>uint(s) != 0 {
			x >>= uint(s)
			n += s
		}
	}
	if x != 0 {
		n++
	}
	return n
}

// Add returns x + y + carry (carry 0 or 1) and the carry out.
func Add(x, y, carry uint) (sum, carryOut uint) {
	s, c := Add64(uint64(x), uint64(y), uint64(carry))
	return uint(s), uint(c)
}

// Add32 returns x + y + carry (carry 0 or 1) and the carry out.
func Add32(x, y, carry uint32) (sum, carryOut uint32) {
	s := uint64(x) + uint64(y) + uint64(carry)
	return uint32(s), uint32(s >> 32)
}

// Add64 returns x + y + carry (carry 0 or 1) and the carry out.
func Add64(x, y, carry uint64) (sum, carryOut uint64) {
	sum = x + y + carry
	// A carry out happened if both top bits were set, or either was and
	// the sum's is clear.
	carryOut = (x&y | (x|y)&^sum) >> 63
	return
}

// Sub returns x - y - borrow (borrow 0 or 1) and the borrow out.
func Sub(x, y, borrow uint) (diff, borrowOut uint) {
	d, b := Sub64(uint64(x), uint64(y), uint64(borrow))
	return uint(d), uint(b)
}

// Sub32 returns x - y - borrow (borrow 0 or 1) and the borrow out.
func Sub32(x, y, borrow uint32) (diff, borrowOut uint32) {
	d := uint64(x) - uint64(y) - uint64(borrow)
	return uint32(d), uint32(d>>32) & 1
}

// Sub64 returns x - y - borrow (borrow 0 or 1) and the borrow out.
func Sub64(x, y, borrow uint64) (diff, borrowOut uint64) {
	diff = x - y - borrow
	borrowOut = (^x&y | ^(x^y)&diff) >> 63
	return
}

// Mul returns the full product of x and y: hi, lo words.
func Mul(x, y uint) (hi, lo uint) {
	h, l := Mul64(uint64(x), uint64(y))
	return uint(h), uint(l)
}

// Mul32 returns the 64-bit product of x and y in two words.
func Mul32(x, y uint32) (hi, lo uint32) {
	p := uint64(x) * uint64(y)
	return uint32(p >> 32), uint32(p)
}

// Mul64 returns the 128-bit product of x and y in two words.
func Mul64(x, y uint64) (hi, lo uint64) {
	const mask32 = 1<<32 - 1
	x0, x1 := x&mask32, x>>32
	y0, y1 := y&mask32, y>>32
	p00 := x0 * y0
	p01 := x0 * y1
	p10 := x1 * y0
	p11 := x1 * y1
	mid := p00>>32 + p01&mask32 + p10&mask32
	hi = p11 + p01>>32 + p10>>32 + mid>>32
	lo = x * y
	return
}

// Div returns the quotient and remainder of (hi, lo) by y; it panics if
// y is zero (division by zero) or y <= hi (the quotient overflows).
func Div(hi, lo, y uint) (quo, rem uint) {
	q, r := Div64(uint64(hi), uint64(lo), uint64(y))
	return uint(q), uint(r)
}

// Div32 is Div for 32-bit words.
func Div32(hi, lo, y uint32) (quo, rem uint32) {
	if y != 0 && y <= hi {
		panic(overflowError)
	}
	z := uint64(hi)<<32 | uint64(lo)
	return uint32(z / uint64(y)), uint32(z % uint64(y))
}

// Div64 is Div for 64-bit words: long division, one bit at a time.
func Div64(hi, lo, y uint64) (quo, rem uint64) {
	if y == 0 {
		_ = hi / y // the run-time divide error
	}
	if y <= hi {
		panic(overflowError)
	}
	r := hi
	for i := 63; i >= 0; i-- {
		top := r >> 63
		r = r<<1 | lo>>uint(i)&1
		quo <<= 1
		if top != 0 || r >= y {
			r -= y
			quo |= 1
		}
	}
	return quo, r
}

// Rem returns the remainder of (hi, lo) by y; unlike Div it does not
// panic when the quotient would overflow.
func Rem(hi, lo, y uint) uint { return uint(Rem64(uint64(hi), uint64(lo), uint64(y))) }

// Rem32 is Rem for 32-bit words.
func Rem32(hi, lo, y uint32) uint32 {
	return uint32((uint64(hi)<<32 | uint64(lo)) % uint64(y))
}

// Rem64 is Rem for 64-bit words.
func Rem64(hi, lo, y uint64) uint64 {
	// (hi%y, lo) has the same remainder and cannot overflow.
	_, rem := Div64(hi%y, lo, y)
	return rem
}

// overflowError is what Go's runtime panics with for an overflowing
// quotient (a runtime.Error there; a plain error value here, printed the same).
var overflowError = runtimeError("integer overflow")

type runtimeError string

func (e runtimeError) Error() string { return "runtime error: " + string(e) }
