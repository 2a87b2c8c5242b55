// Reduction modulo π for the tangent series and Atan: x - k·π with k the
// nearest integer to x/π, so the result lies in about [-π/2, π/2]. Below
// 2**30, the Cody–Waite method (Muller, "Elementary Functions", 1997): π
// in three parts, the first two with enough trailing zero bits that k
// times each is exact. From 2**30 on, the Payne–Hanek method (Ng, "Argument
// reduction for huge arguments: good to the last bit", 1992): the 192 bits
// of 1/π that matter for x's exponent are multiplied by x's 53-bit
// mantissa in integer arithmetic, which leaves frac(x/π) in the top 128
// bits of the low 192; that fraction is truncated to a float64, moved to
// (-1/2, 1/2] and multiplied by π.
package cmplx

import (
	"math"
	"math/bits"
)

// Above this, k·pi1 and k·pi2 may no longer be exact.
const piReduceLimit = 1 << 30

// π = pi1 + pi2 + pi3 to about 102 bits: pi1 and pi2 are π and the
// remainder cut to 23 and 21 significant bits, pi3 the next remainder
// rounded.
const (
	pi1 = 3.141592502593994      // 0x400921fb40000000
	pi2 = 1.5099578831723193e-07 // 0x3e84442d00000000
	pi3 = 1.0780605716316238e-14 // 0x3d08469898cc5170
)

// invPi holds the binary digits of 1/π, 64 per word, the first word
// holding the integer part (0). 19 fraction words cover the exponent of
// the largest float64.
var invPi = [...]uint64{
	0x0000000000000000,
	0x517cc1b727220a94,
	0xfe13abe8fa9a6ee0,
	0x6db14acc9e21c820,
	0xff28b1d5ef5de2b0,
	0xdb92371d2126e970,
	0x0324977504e8c90e,
	0x7f0ef58e5894d39f,
	0x74411afa975da242,
	0x74ce38135a2fbf20,
	0x9cc8eb1cc1a99cfa,
	0x4e422fc5defc941d,
	0x8ffc4bffef02cc07,
	0xf79788c5ad05368f,
	0xb69b3f6793e584db,
	0xa7a31fb34f2ff516,
	0xba93dd63f5f2f8bd,
	0x9e839cfbc5294975,
	0x35fdafd88fc6ae84,
	0x2b0198237e3db5d5,
}

// reducePi returns x reduced modulo π. Arguments of 2**30 and more must
// be finite and positive.
func reducePi(x float64) float64 {
	if math.Abs(x) < piReduceLimit {
		k := float64(int64(x/math.Pi + 0.5))
		return ((x - k*pi1) - k*pi2) - k*pi3
	}
	const (
		fracBits = 52
		bias     = 1023
	)
	b := math.Float64bits(x)
	// x = mant × 2**e with mant a 53-bit integer.
	e := int(b>>fracBits&0x7ff) - bias - fracBits
	mant := b&(1<<fracBits-1) | 1<<fracBits

	// The window of 1/π starts at its bit of weight 2**-(e+1): the bits
	// above it are multiples of 2**-e, which x turns into whole numbers,
	// and those do not change x/π modulo 1.
	word, sh := uint(e+64)/64, uint(e+64)%64
	w0 := invPiWord(word, sh)
	w1 := invPiWord(word+1, sh)
	w2 := invPiWord(word+2, sh)

	// With W the 192-bit integer w0:w1:w2, x/π modulo 1 is mant·W·2**-192
	// (less the dropped tail of 1/π); its bits 2**-1 to 2**-128 are the
	// low 192 bits of mant·W without the last 64: hi and lo.
	p2hi, _ := bits.Mul64(w2, mant)
	p1hi, p1lo := bits.Mul64(w1, mant)
	lo, carry := bits.Add64(p1lo, p2hi, 0)
	hi, _ := bits.Add64(w0*mant, p1hi, carry)

	// Normalise into a float64 (truncating the bits beyond its mantissa).
	lead := uint(bits.LeadingZeros64(hi)) + 1
	hi = hi<<lead | lo>>(64-lead)
	frac := math.Float64frombits(hi>>(64-fracBits) | uint64(bias-lead)<<fracBits)
	if frac > 0.5 {
		frac--
	}
	return math.Pi * frac
}

// invPiWord returns the 64 bits of 1/π starting sh bits into word i.
func invPiWord(i, sh uint) uint64 {
	return invPi[i]<<sh | invPi[i+1]>>(64-sh)
}
