// Inverse hyperbolic functions: Asinh, Acosh and Atanh, after FreeBSD
// msun's s_asinh.c, e_acosh.c and e_atanh.c (as in Go's portable code):
// the logarithmic formulas rearranged per range so that Log1p takes the
// small part near the origin (or near 1 for Acosh), and Log(x) + ln2 for
// huge arguments, where x² would overflow.
package math

// Asinh returns the inverse hyperbolic sine of x: ±0, ±Inf and NaN give
// themselves.
func Asinh(x float64) float64 {
	const (
		ln2   = 6.93147180559945286227e-01 // 0x3FE62E42FEFA39EF
		small = 1.0 / (1 << 28)
		large = 1 << 28
	)
	if IsNaN(x) || IsInf(x, 0) {
		return x
	}
	neg := x < 0
	if neg {
		x = -x
	}
	var a float64
	switch {
	case x > large:
		a = Log(x) + ln2
	case x > 2:
		a = Log(2*x + 1/(Sqrt(x*x+1)+x))
	case x < small:
		a = x
	default:
		a = Log1p(x + x*x/(1+Sqrt(1+x*x)))
	}
	if neg {
		return -a
	}
	return a
}

// Acosh returns the inverse hyperbolic cosine of x: Acosh(1) = 0,
// Acosh(+Inf) = +Inf, NaN for x < 1 and NaN.
func Acosh(x float64) float64 {
	const large = 1 << 28
	switch {
	case x < 1 || IsNaN(x):
		return NaN()
	case x == 1:
		return 0
	case x >= large:
		return Log(x) + Ln2
	case x > 2:
		return Log(2*x - 1/(x+Sqrt(x*x-1)))
	}
	t := x - 1
	return Log1p(t + Sqrt(2*t+t*t))
}

// Atanh returns the inverse hyperbolic tangent of x: Atanh(±1) = ±Inf,
// Atanh(±0) = ±0, NaN for |x| > 1 and NaN.
func Atanh(x float64) float64 {
	const small = 1.0 / (1 << 28)
	switch {
	case x < -1 || x > 1 || IsNaN(x):
		return NaN()
	case x == 1:
		return Inf(1)
	case x == -1:
		return Inf(-1)
	}
	neg := x < 0
	if neg {
		x = -x
	}
	var a float64
	switch {
	case x < small:
		a = x
	case x < 0.5:
		twoX := x + x
		a = 0.5 * Log1p(twoX+twoX*x/(1-x))
	default:
		a = 0.5 * Log1p((x+x)/(1-x))
	}
	if neg {
		return -a
	}
	return a
}
