// Package cmplx: constants and functions for complex128 values. goc's
// implementation, written from the package documentation; special values
// (infinities, NaNs, signed zeros) follow C99 Annex G as Go's does. This
// file holds the functions that are a single step on the parts: modulus
// and argument (through math.Hypot and math.Atan2), polar form, conjugate,
// and the infinity and NaN constructors and tests. The other functions
// are in their own files, each naming the method it follows (the Cephes
// c9x-complex routines, as Go's package does, so that results match Go's
// bit for bit given the same math package).
package cmplx

import "math"

// Abs returns the modulus |x| = √(re² + im²), computed without needless
// overflow: +Inf if either part is infinite, otherwise NaN if either is
// NaN.
func Abs(x complex128) float64 {
	return math.Hypot(real(x), imag(x))
}

// Phase returns the argument of x, the angle of the point (re, im), in
// [-π, π].
func Phase(x complex128) float64 {
	return math.Atan2(imag(x), real(x))
}

// Polar returns the modulus r and the argument θ of x, so that
// x = r·e**(θi), with θ in [-π, π].
func Polar(x complex128) (r, θ float64) {
	return Abs(x), Phase(x)
}

// Rect returns the complex number with modulus r and argument θ.
func Rect(r, θ float64) complex128 {
	sin, cos := math.Sincos(θ)
	return complex(r*cos, r*sin)
}

// Conj returns the complex conjugate of x: the sign of the imaginary part
// flipped.
func Conj(x complex128) complex128 {
	return complex(real(x), -imag(x))
}

// Inf returns the complex infinity +Inf+Inf i.
func Inf() complex128 {
	inf := math.Inf(1)
	return complex(inf, inf)
}

// NaN returns a complex NaN, NaN+NaN i.
func NaN() complex128 {
	nan := math.NaN()
	return complex(nan, nan)
}

// IsInf reports whether real(x) or imag(x) is infinite.
func IsInf(x complex128) bool {
	return math.IsInf(real(x), 0) || math.IsInf(imag(x), 0)
}

// IsNaN reports whether real(x) or imag(x) is NaN while neither is
// infinite (a value with an infinite part counts as an infinity).
func IsNaN(x complex128) bool {
	if IsInf(x) {
		return false
	}
	return math.IsNaN(real(x)) || math.IsNaN(imag(x))
}

// isZero reports whether both parts of x are zeros (of either sign).
func isZero(x complex128) bool {
	return real(x) == 0 && imag(x) == 0
}
