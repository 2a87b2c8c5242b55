// Circular and hyperbolic sine and cosine: Sin, Cos, Sinh and Cosh, after
// Cephes' c9x-complex csin.c, ccos.c, csinh.c and ccosh.c (the method Go's
// package follows), from the addition formulas
//
//	sin(a+bi)  = sin a·cosh b + i cos a·sinh b
//	cos(a+bi)  = cos a·cosh b - i sin a·sinh b
//	sinh(a+bi) = sinh a·cos b + i cosh a·sin b
//	cosh(a+bi) = cosh a·cos b + i sinh a·sin b
//
// with the C99 Annex G results where a part is infinite or NaN.
package cmplx

import "math"

// Sin returns the sine of x.
func Sin(x complex128) complex128 {
	re, im := real(x), imag(x)
	if im == 0 {
		if math.IsInf(re, 0) || math.IsNaN(re) {
			return complex(math.NaN(), im)
		}
	} else if math.IsInf(im, 0) {
		if re == 0 {
			return x
		}
		if math.IsInf(re, 0) || math.IsNaN(re) {
			return complex(math.NaN(), im)
		}
	} else if re == 0 && math.IsNaN(im) {
		return x
	}
	sin, cos := math.Sincos(re)
	sh, ch := sinhCosh(im)
	return complex(sin*ch, cos*sh)
}

// Cos returns the cosine of x.
func Cos(x complex128) complex128 {
	re, im := real(x), imag(x)
	if im == 0 {
		if math.IsInf(re, 0) || math.IsNaN(re) {
			// The zero imaginary part's sign is that of -sin a·sinh b
			// as far as it is known: -im times re's sign.
			return complex(math.NaN(), -im*math.Copysign(0, re))
		}
	} else if math.IsInf(im, 0) {
		if re == 0 {
			return complex(math.Inf(1), -re*math.Copysign(0, im))
		}
		if math.IsInf(re, 0) || math.IsNaN(re) {
			return complex(math.Inf(1), math.NaN())
		}
	} else if re == 0 && math.IsNaN(im) {
		return complex(math.NaN(), 0)
	}
	sin, cos := math.Sincos(re)
	sh, ch := sinhCosh(im)
	return complex(cos*ch, -sin*sh)
}

// Sinh returns the hyperbolic sine of x.
func Sinh(x complex128) complex128 {
	re, im := real(x), imag(x)
	if re == 0 {
		if math.IsInf(im, 0) || math.IsNaN(im) {
			return complex(re, math.NaN())
		}
	} else if math.IsInf(re, 0) {
		if im == 0 {
			return x
		}
		if math.IsInf(im, 0) || math.IsNaN(im) {
			return complex(re, math.NaN())
		}
	} else if im == 0 && math.IsNaN(re) {
		return complex(math.NaN(), im)
	}
	sin, cos := math.Sincos(im)
	sh, ch := sinhCosh(re)
	return complex(cos*sh, sin*ch)
}

// Cosh returns the hyperbolic cosine of x.
func Cosh(x complex128) complex128 {
	re, im := real(x), imag(x)
	if re == 0 {
		if math.IsInf(im, 0) || math.IsNaN(im) {
			return complex(math.NaN(), re*math.Copysign(0, im))
		}
	} else if math.IsInf(re, 0) {
		if im == 0 {
			return complex(math.Inf(1), im*math.Copysign(0, re))
		}
		if math.IsInf(im, 0) || math.IsNaN(im) {
			return complex(math.Inf(1), math.NaN())
		}
	} else if im == 0 && math.IsNaN(re) {
		return complex(math.NaN(), im)
	}
	sin, cos := math.Sincos(im)
	sh, ch := sinhCosh(re)
	return complex(cos*ch, sin*sh)
}

// sinhCosh returns sinh t and cosh t: from math's rational forms for
// |t| <= 1/2, otherwise from one exponential, (e**t ∓ e**-t)/2.
func sinhCosh(t float64) (sh, ch float64) {
	if math.Abs(t) <= 0.5 {
		return math.Sinh(t), math.Cosh(t)
	}
	half := math.Exp(t)
	halfInv := 0.5 / half
	half *= 0.5
	return half - halfInv, half + halfInv
}
