// Circular and hyperbolic tangent and cotangent: Tan, Tanh and Cot, after
// Cephes' c9x-complex ctan.c and ctanh.c (the method Go's package
// follows), from the double-angle forms, for z = x+yi:
//
//	tan z  = (sin 2x + i sinh 2y) / (cos 2x + cosh 2y)
//	tanh z = (sinh 2x + i sin 2y) / (cosh 2x + cos 2y)
//	cot z  = (sin 2x - i sinh 2y) / (cosh 2y - cos 2x)
//
// Near the poles of tan and cot on the real axis the denominator cancels
// badly; when it is below 1/4 it is recomputed from the Taylor series of
// cosh 2y - cos 2x' (tanSeries), where x' is 2x reduced modulo π
// (reducePi, tan_reduce.go): cos 2x' is cos 2x for cot and -cos 2x for
// tan, the series holding only even powers.
package cmplx

import "math"

// Tan returns the tangent of x.
func Tan(x complex128) complex128 {
	re, im := real(x), imag(x)
	if math.IsInf(im, 0) {
		// tan tends to ±i; the real part is a zero of sin 2x's sign.
		if math.IsInf(re, 0) || math.IsNaN(re) {
			return complex(math.Copysign(0, re), math.Copysign(1, im))
		}
		return complex(math.Copysign(0, math.Sin(2*re)), math.Copysign(1, im))
	}
	if re == 0 && math.IsNaN(im) {
		return x
	}
	den := math.Cos(2*re) + math.Cosh(2*im)
	if math.Abs(den) < 0.25 {
		den = tanSeries(x)
	}
	if den == 0 {
		return Inf()
	}
	return complex(math.Sin(2*re)/den, math.Sinh(2*im)/den)
}

// Tanh returns the hyperbolic tangent of x.
func Tanh(x complex128) complex128 {
	re, im := real(x), imag(x)
	if math.IsInf(re, 0) {
		// tanh tends to ±1; the imaginary part is a zero of sin 2y's
		// sign.
		if math.IsInf(im, 0) || math.IsNaN(im) {
			return complex(math.Copysign(1, re), math.Copysign(0, im))
		}
		return complex(math.Copysign(1, re), math.Copysign(0, math.Sin(2*im)))
	}
	if im == 0 && math.IsNaN(re) {
		return x
	}
	den := math.Cosh(2*re) + math.Cos(2*im)
	if den == 0 {
		return Inf()
	}
	return complex(math.Sinh(2*re)/den, math.Sin(2*im)/den)
}

// Cot returns the cotangent of x.
func Cot(x complex128) complex128 {
	re, im := real(x), imag(x)
	den := math.Cosh(2*im) - math.Cos(2*re)
	if math.Abs(den) < 0.25 {
		den = tanSeries(x)
	}
	if den == 0 {
		return Inf()
	}
	return complex(math.Sin(2*re)/den, -math.Sinh(2*im)/den)
}

// tanSeries returns cosh 2y - cos 2x' for z = x+yi, x' = |2x| reduced
// modulo π, summed as Σ (v^n - (-u)^n)/(2n)! over n >= 1 with u = x'²,
// v = (2y)²; terms are taken in pairs (odd n, even n) and the sum stops
// after a pair whose second term no longer changes it (relative to
// 2**-53, and also when that ratio is NaN).
func tanSeries(z complex128) float64 {
	const eps = 1.0 / (1 << 53)
	u := reducePi(math.Abs(2 * real(z)))
	v := math.Abs(2 * imag(z))
	u *= u
	v *= v
	un, vn := 1.0, 1.0 // u^n, v^n
	fact := 1.0        // (2n)!
	k := 0.0           // 2n
	sum := 0.0
	for n := 1; ; n++ {
		k++
		fact *= k
		k++
		fact *= k
		un *= u
		vn *= v
		var term float64
		if n%2 == 1 {
			term = (vn + un) / fact
		} else {
			term = (vn - un) / fact
		}
		sum += term
		if n%2 == 0 && !(math.Abs(term/sum) > eps) {
			return sum
		}
	}
}
