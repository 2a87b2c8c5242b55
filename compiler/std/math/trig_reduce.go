// Argument reduction for Sin, Cos and Tan: x = j·π/4 + z with j even
// and |z| <= π/4. Below reduceLimit, the Cody–Waite method: π/4 in three
// parts whose products with j are exact (the Cephes reduction Go's
// portable code uses). From reduceLimit on, the Payne–Hanek method: the
// bits of 4/π that matter for x's exponent are multiplied by x's
// mantissa in 192-bit integer arithmetic, which gives the octant j in
// the top bits and the fraction z·4/π below.
package math

import "math/bits"

// Above this, j·π/4 is no longer exact in three parts.
const reduceLimit = 1 << 29

// octant reduces x >= 0 to (j, z): j in 0..7 even (the octant, rounded
// up to even, modulo 8) and z = x - j·π/4.
func octant(x float64) (j uint64, z float64) {
	const (
		pi4a = 7.85398125648498535156e-1  // 0x3fe921fb40000000
		pi4b = 3.77489470793079817668e-8  // 0x3e64442d00000000
		pi4c = 2.69515142907905952645e-15 // 0x3ce8469898cc5170
	)
	if x >= reduceLimit {
		return payneHanek(x)
	}
	j = uint64(x * (4 / Pi))
	y := float64(j)
	if j&1 == 1 {
		j++
		y++
	}
	j &= 7
	z = ((x - y*pi4a) - y*pi4b) - y*pi4c
	return j, z
}

// fourOverPi holds the binary digits of 4/π, 64 per word, the first word
// holding the integer part (1).
var fourOverPi = [...]uint64{
	0x0000000000000001,
	0x45f306dc9c882a53,
	0xf84eafa3ea69bb81,
	0xb6c52b3278872083,
	0xfca2c757bd778ac3,
	0x6e48dc74849ba5c0,
	0x0c925dd413a32439,
	0xfc3bd63962534e7d,
	0xd1046bea5d768909,
	0xd338e04d68befc82,
	0x7323ac7306a673e9,
	0x3908bf177bf25076,
	0x3ff12fffbc0b301f,
	0xde5e2316b414da3e,
	0xda6cfd9e4f96136e,
	0x9e8c7ecd3cbfd45a,
	0xea4f758fd7cbe2f6,
	0x7a0e73ef14a525d4,
	0xd7f6bf623f1aba10,
	0xac06608df8f6d757,
}

// payneHanek is octant for large finite x.
func payneHanek(x float64) (j uint64, z float64) {
	b := Float64bits(x)
	// x = mant × 2**e with mant a 53-bit integer.
	e := int(b>>expShift&expMask) - expBias - expShift
	mant := b&fracMask | 1<<expShift

	// Take the 192 bits of 4/π starting where x's exponent makes the
	// product's integer part three bits wide.
	word, sh := uint(e+61)/64, uint(e+61)%64
	w0 := fourOverPiWord(word, sh)
	w1 := fourOverPiWord(word+1, sh)
	w2 := fourOverPiWord(word+2, sh)

	// The product's bits from 2**3 down to 2**-125 (bits beyond are
	// dropped, and those above 2**3 are multiples of 8 octants).
	p2hi, _ := bits.Mul64(w2, mant)
	p1hi, p1lo := bits.Mul64(w1, mant)
	lo, carry := bits.Add64(p1lo, p2hi, 0)
	hi, _ := bits.Add64(w0*mant, p1hi, carry)

	j = hi >> 61
	// Normalise the fraction below the octant bits into a float64.
	hi = hi<<3 | lo>>61
	lead := uint(bits.LeadingZeros64(hi)) + 1
	hi = hi<<lead | lo>>(64-lead)
	frac := Float64frombits(hi>>(64-expShift) | uint64(expBias-lead)<<expShift)
	if j&1 == 1 {
		j = (j + 1) & 7
		frac--
	}
	return j, frac * (Pi / 4)
}

// fourOverPiWord returns the 64 bits of 4/π starting sh bits into word i.
func fourOverPiWord(i, sh uint) uint64 {
	return fourOverPi[i]<<sh | fourOverPi[i+1]>>(64-sh)
}
