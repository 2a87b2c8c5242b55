// Inverse circular and hyperbolic functions: Asin, Acos, Asinh, Acosh,
// Atan and Atanh, after Cephes' c9x-complex casin.c, cacos.c and catan.c
// (the method Go's package follows). On the real or imaginary axis,
// where the answer is a real function of one part, math's functions are
// used; infinite and NaN parts get the C99 Annex G results. Otherwise
//
//	asin z  = -i·log(iz + √(1 - z²))
//	asinh z = log(z + √(1 + z²))
//	acos z  = π/2 - asin z
//	acosh z = ±i·acos z (the sign giving a non-negative real part)
//	atan z  = ½·atan2(2x, 1-x²-y²) + (i/4)·log((x²+(y+1)²)/(x²+(y-1)²))
//	atanh z = -i·atan(iz)
//
// for z = x+yi, the real part of atan brought back into (-π/2, π/2] by
// reducePi (tan_reduce.go).
package cmplx

import "math"

// square returns z² with the products of complex multiplication:
// (x² - y²) + (xy + yx)i.
func square(z complex128) (re, im float64) {
	x, y := real(z), imag(z)
	xy := x * y
	return x*x - y*y, xy + xy
}

// Asin returns the inverse sine of x.
func Asin(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case im == 0 && math.Abs(re) <= 1:
		return complex(math.Asin(re), im)
	case re == 0 && math.Abs(im) <= 1:
		return complex(re, math.Asinh(im))
	case math.IsNaN(im):
		if re == 0 {
			return complex(re, math.NaN())
		}
		if math.IsInf(re, 0) {
			return complex(math.NaN(), re)
		}
		return NaN()
	case math.IsInf(im, 0):
		if math.IsNaN(re) {
			return x
		}
		if math.IsInf(re, 0) {
			return complex(math.Copysign(math.Pi/4, re), im)
		}
		return complex(math.Copysign(0, re), im)
	case math.IsInf(re, 0):
		return complex(math.Copysign(math.Pi/2, re), math.Copysign(re, im))
	}
	// √(1 - z²)
	sr, si := square(x)
	root := Sqrt(complex(1-sr, -si))
	// log(iz + √(1 - z²)), then times -i.
	l := Log(complex(-im+real(root), re+imag(root)))
	return complex(imag(l), -real(l))
}

// Asinh returns the inverse hyperbolic sine of x.
func Asinh(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case im == 0 && math.Abs(re) <= 1:
		return complex(math.Asinh(re), im)
	case re == 0 && math.Abs(im) <= 1:
		return complex(re, math.Asin(im))
	case math.IsInf(re, 0):
		if math.IsInf(im, 0) {
			return complex(re, math.Copysign(math.Pi/4, im))
		}
		if math.IsNaN(im) {
			return x
		}
		return complex(re, math.Copysign(0, im))
	case math.IsNaN(re):
		if im == 0 {
			return x
		}
		if math.IsInf(im, 0) {
			return complex(im, re)
		}
		return NaN()
	case math.IsInf(im, 0):
		return complex(math.Copysign(im, re), math.Copysign(math.Pi/2, im))
	}
	// log(z + √(1 + z²))
	sr, si := square(x)
	root := Sqrt(complex(1+sr, si))
	return Log(complex(re+real(root), im+imag(root)))
}

// Acos returns the inverse cosine of x.
func Acos(x complex128) complex128 {
	w := Asin(x)
	return complex(math.Pi/2-real(w), -imag(w))
}

// Acosh returns the inverse hyperbolic cosine of x.
func Acosh(x complex128) complex128 {
	if isZero(x) {
		return complex(0, math.Copysign(math.Pi/2, imag(x)))
	}
	w := Acos(x)
	if imag(w) <= 0 {
		return complex(-imag(w), real(w)) // i·w
	}
	return complex(imag(w), -real(w)) // -i·w
}

// Atan returns the inverse tangent of x.
func Atan(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case im == 0:
		return complex(math.Atan(re), im)
	case re == 0 && math.Abs(im) <= 1:
		return complex(re, math.Atanh(im))
	case math.IsInf(im, 0) || math.IsInf(re, 0):
		if math.IsNaN(re) {
			return complex(math.NaN(), math.Copysign(0, im))
		}
		return complex(math.Copysign(math.Pi/2, re), math.Copysign(0, im))
	case math.IsNaN(re) || math.IsNaN(im):
		return NaN()
	}
	re2 := re * re
	den := 1 - re2 - im*im
	if den == 0 {
		return NaN() // |z| = 1: the angle is undefined here
	}
	angle := reducePi(0.5 * math.Atan2(2*re, den))

	below := im - 1
	q := re2 + below*below // |z - i|²
	if q == 0 {
		return NaN()
	}
	above := im + 1
	ratio := (re2 + above*above) / q // |z + i|² / |z - i|²
	return complex(angle, 0.25*math.Log(ratio))
}

// Atanh returns the inverse hyperbolic tangent of x.
func Atanh(x complex128) complex128 {
	w := Atan(complex(-imag(x), real(x))) // atan(iz)
	return complex(imag(w), -real(w))     // times -i
}
