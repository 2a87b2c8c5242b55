// Exponentials: Exp and Exp2, after FreeBSD msun's e_exp.c (the same
// method as Go's portable code). The argument is split as
// x = k·ln2 + r with |r| <= ln2/2, ln2 carried in two parts so that
// r = hi - lo keeps its low bits; e**r comes from a degree-5 minimax
// polynomial R in r² through the rational form
// e**r = 1 + 2r/(2 - c), c = r - r²·R(r²), and the power of two is put
// back with Ldexp.
//
// Go on amd64 and arm64 uses assembly for Exp (amd64: another method,
// whose last bit also depends on the CPU's FMA; arm64: this method with
// fused multiply-adds), and arm64 assembly for Exp2. goc computes this
// portable method everywhere, so Exp, and what is built on it (Sinh,
// Cosh, Tanh, Pow with a fractional exponent), can differ from Go's in
// the last bit.
package math

// ln2 split: ln2Hi has its low 32 bits zero, so k·ln2Hi is exact for the
// k that occur; ln2Lo is the rest.
const (
	ln2Hi = 6.93147180369123816490e-01 // 0x3fe62e42fee00000
	ln2Lo = 1.90821492927058770002e-10 // 0x3dea39ef35793c76
)

// Exp returns e**x: +Inf for x above about 709.78, 0 below about
// -745.13, NaN for NaN.
func Exp(x float64) float64 {
	const (
		log2e   = 1.44269504088896338700e+00
		tooBig  = 7.09782712893383973096e+02
		tooTiny = -7.45133219101941108420e+02
		tiny    = 1.0 / (1 << 28)
	)
	if IsNaN(x) {
		return x
	}
	if x > tooBig {
		return Inf(1)
	}
	if x < tooTiny {
		return 0
	}
	if x > -tiny && x < tiny {
		return 1 + x
	}
	// k is x/ln2 rounded to nearest, ties away from zero.
	half := 0.5
	if x < 0 {
		half = -0.5
	}
	k := int(log2e*x + half)
	kf := float64(k)
	return expKernel(x-kf*ln2Hi, kf*ln2Lo, k)
}

// Exp2 returns 2**x, with Exp's special cases.
func Exp2(x float64) float64 {
	const (
		tooBig  = 1.0239999999999999e+03
		tooTiny = -1.0740e+03
	)
	if IsNaN(x) {
		return x
	}
	if x > tooBig {
		return Inf(1)
	}
	if x < tooTiny {
		return 0
	}
	var k int
	if x > 0 {
		k = int(x + 0.5)
	} else if x < 0 {
		k = int(x - 0.5)
	}
	f := x - float64(k) // exact
	return expKernel(f*ln2Hi, -f*ln2Lo, k)
}

// expKernel returns e**(hi-lo) × 2**k for |hi-lo| <= ln2/2.
func expKernel(hi, lo float64, k int) float64 {
	const (
		c1 = 1.66666666666666657415e-01  // 0x3FC5555555555555
		c2 = -2.77777777770155933842e-03 // 0xBF66C16C16BEBD93
		c3 = 6.61375632143793436117e-05  // 0x3F11566AAF25DE2C
		c4 = -1.65339022054652515390e-06 // 0xBEBBBD41C5D26BF1
		c5 = 4.13813679705723846039e-08  // 0x3E66376972BEA4D0
	)
	r := hi - lo
	r2 := r * r
	c := r - r2*(c1+r2*(c2+r2*(c3+r2*(c4+r2*c5))))
	return Ldexp(1-((lo-(r*c)/(2-c))-hi), k)
}
