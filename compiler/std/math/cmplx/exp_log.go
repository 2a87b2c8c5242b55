// Exponential and logarithms: Exp, Log and Log10, after Cephes'
// c9x-complex cexp.c and clog.c (the method Go's package follows).
// e**(a+bi) = e**a·(cos b + i sin b), with the C99 Annex G results where
// a part is infinite or NaN; log z = ln|z| + i·arg z, so the cut is the
// negative real axis and the imaginary part lies in [-π, π]. Log10 scales
// both parts of log z by log10(e).
package cmplx

import "math"

// log10E is 1/ln 10 rounded to float64.
const log10E = 0.43429448190325181667 // 0x3fdbcb7b1526e50e

// Exp returns e**x.
func Exp(x complex128) complex128 {
	re, im := real(x), imag(x)
	if math.IsInf(re, 0) {
		if re > 0 && im == 0 {
			return x // +Inf ± 0i
		}
		if math.IsInf(im, 0) || math.IsNaN(im) {
			// The direction is unknown: a zero of the imaginary
			// part's sign for -Inf, an unknown finite angle for +Inf.
			if re < 0 {
				return complex(0, math.Copysign(0, im))
			}
			return complex(math.Inf(1), math.NaN())
		}
	} else if math.IsNaN(re) && im == 0 {
		return complex(math.NaN(), im) // the zero angle is kept
	}
	mod := math.Exp(re)
	sin, cos := math.Sincos(im)
	return complex(mod*cos, mod*sin)
}

// Log returns the natural logarithm of x (principal value, imaginary
// part in [-π, π]).
func Log(x complex128) complex128 {
	return complex(math.Log(Abs(x)), Phase(x))
}

// Log10 returns the decimal logarithm of x.
func Log10(x complex128) complex128 {
	l := Log(x)
	return complex(log10E*real(l), log10E*imag(l))
}
