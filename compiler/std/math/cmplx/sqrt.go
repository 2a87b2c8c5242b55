// Complex square root: Sqrt, after Cephes' c9x-complex csqrt.c (the
// method Go's package follows). With r = |z|, the root w has
// Re w = √((r+x)/2) and |Im w| = √((r-x)/2); only the one of the two
// without cancellation is computed that way (Re w for x > 0, Im w
// otherwise) and the other comes from 2·Re w·Im w = y. The operands are
// first scaled by 1/4 (large) or 2**54 (small) so that r neither
// overflows nor loses bits, and the root is scaled back by 2 or 2**-27.
package cmplx

import "math"

// Sqrt returns the square root of x with real(Sqrt(x)) >= 0 and
// imag(Sqrt(x)) of imag(x)'s sign (signed zeros included), so the cut is
// the negative real axis.
func Sqrt(x complex128) complex128 {
	re, im := real(x), imag(x)
	if im == 0 {
		// On the real axis: keep the zero's sign in the imaginary part.
		switch {
		case re == 0:
			return complex(0, im)
		case re < 0:
			return complex(0, math.Copysign(math.Sqrt(-re), im))
		}
		return complex(math.Sqrt(re), im)
	}
	if math.IsInf(im, 0) {
		return complex(math.Inf(1), im)
	}
	if re == 0 {
		// On the imaginary axis both parts are √(|y|/2).
		if im < 0 {
			h := math.Sqrt(-0.5 * im)
			return complex(h, -h)
		}
		h := math.Sqrt(0.5 * im)
		return complex(h, h)
	}
	const (
		twoTo54      = 1.8014398509481984e16   // 2**54
		twoToMinus27 = 7.450580596923828125e-9 // 2**-27, √(2**-54)
	)
	a, b := re, im
	var back float64 // undoes the scaling on the root
	if math.Abs(a) > 4 || math.Abs(b) > 4 {
		a *= 0.25
		b *= 0.25
		back = 2
	} else {
		a *= twoTo54
		b *= twoTo54
		back = twoToMinus27
	}
	r := math.Hypot(a, b)
	var u, v float64 // the real part and |imaginary part| of the root
	if a > 0 {
		u = math.Sqrt(0.5*r + 0.5*a)
		v = back * math.Abs((0.5*b)/u)
		u *= back
	} else {
		v = math.Sqrt(0.5*r - 0.5*a)
		u = back * math.Abs((0.5*b)/v)
		v *= back
	}
	if b < 0 {
		return complex(u, -v)
	}
	return complex(u, v)
}
