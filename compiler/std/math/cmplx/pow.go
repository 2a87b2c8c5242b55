// Complex power: Pow, after Cephes' c9x-complex cpow.c (the method Go's
// package follows): x**y = e**(y·log x) worked out in polar form. With
// x = r·e**(iφ) and y = c+di, the modulus is r**c·e**(-dφ) and the
// argument c·φ + d·ln r; the last two terms are only formed when d is
// not zero. A zero base is handled first, extending math.Pow's rules.
package cmplx

import "math"

// Pow returns x**y. For a zero base (either sign): Pow(0, y) is 1 when
// real(y) is zero, +Inf+0i when real(y) < 0 and imag(y) is zero, +Inf+Inf i
// when real(y) < 0 otherwise, 0 when real(y) > 0, and NaN when y is NaN.
func Pow(x, y complex128) complex128 {
	if isZero(x) {
		if IsNaN(y) {
			return NaN()
		}
		c, d := real(y), imag(y)
		if c == 0 {
			return 1
		}
		if c < 0 {
			if d == 0 {
				return complex(math.Inf(1), 0)
			}
			return Inf()
		}
		if c > 0 {
			return 0
		}
		// Only a NaN real part with an infinite imaginary part gets
		// here; Go's package panics on it too.
		panic("not reached")
	}
	r := Abs(x)
	if r == 0 {
		return 0
	}
	c, d := real(y), imag(y)
	mod := math.Pow(r, c)
	phi := Phase(x)
	angle := c * phi
	if d != 0 {
		mod *= math.Exp(-d * phi)
		angle += d * math.Log(r)
	}
	sin, cos := math.Sincos(angle)
	return complex(mod*cos, mod*sin)
}
