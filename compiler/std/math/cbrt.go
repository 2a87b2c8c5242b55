// Cube root, after FreeBSD msun's s_cbrt.c (as in Go's portable code):
// a first guess good to about 5 bits from dividing the exponent field by
// three, a rational step to about 23 bits, rounding to 22 bits so that
// t² is exact, and one Newton step to 53 bits.
package math

// Cbrt returns the cube root of x: ±0, ±Inf and NaN give themselves.
func Cbrt(x float64) float64 {
	const (
		bias1 = 715094163                   // (682-0.03306235651)*2**20, for normal x
		bias2 = 696219795                   // (664-0.03306235651)*2**20, for x scaled by 2**54
		c     = 5.42857142857142815906e-01  // 19/35
		d     = -7.05306122448979611050e-01 // -864/1225
		e     = 1.41428571428571436819e+00  // 99/70
		f     = 1.60714285714285720630e+00  // 45/28
		g     = 3.57142857142857150787e-01  // 5/14
	)
	if x == 0 || IsNaN(x) || IsInf(x, 0) {
		return x
	}
	neg := x < 0
	if neg {
		x = -x
	}
	// The guess: a third of x's bits as an integer, rebiased.
	var t float64
	if x < smallestNormal {
		t = x * (1 << 54)
		t = Float64frombits(Float64bits(t)/3 + bias2<<32)
	} else {
		t = Float64frombits(Float64bits(x)/3 + bias1<<32)
	}
	r := t * t / x
	s := c + r*t
	t *= g + f/(s+e+d/s)
	// Round t to 22 bits, away from zero.
	t = Float64frombits(Float64bits(t)&(0xFFFFFFFFC<<28) + 1<<30)
	// Newton: t += t·(x/t² - t)/(2t + x/t²).
	r = x / (t * t)
	r = (r - t) / (t + t + r)
	t = t + t*r
	if neg {
		return -t
	}
	return t
}
