// Powers: Pow and Pow10. Pow(x, y) splits y into an integer part, done
// by binary exponentiation on Frexp's fraction and exponent kept apart
// (so intermediate results never overflow), and a fraction in
// [-½, ½], done as Exp(yf·Log(x)); this is the method of Go's portable
// Pow, and it rests on Exp (see exp.go for where Go's Exp differs).
// Pow10 multiplies two exactly representable table entries.
package math

// Pow returns x**y with IEEE 754 / C99 special cases: Pow(x, ±0) = 1,
// Pow(1, y) = 1, Pow(x, 1) = x, NaN in gives NaN, ±0 and ±Inf bases by
// the sign and oddness of y, Pow(-1, ±Inf) = 1, and NaN for a negative
// finite x with a non-integer y.
func Pow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case y == 1:
		return x
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0:
		oddNeg := Signbit(x) && isOddInt(y)
		if y < 0 {
			if oddNeg {
				return Inf(-1)
			}
			return Inf(1)
		}
		if oddNeg {
			return x
		}
		return 0
	case IsInf(y, 0):
		return powHuge(x, y > 0)
	case IsInf(x, -1):
		return Pow(1/x, -y) // as Pow(-0, -y)
	case IsInf(x, 1):
		if y < 0 {
			return 0
		}
		return Inf(1)
	case y == 0.5:
		return Sqrt(x)
	case y == -0.5:
		return 1 / Sqrt(x)
	}

	whole, frac := Modf(Abs(y))
	if frac != 0 && x < 0 {
		return NaN()
	}
	if whole >= 1<<63 {
		// y is an even integer too large to iterate on.
		return powHuge(x, y > 0)
	}

	// acc × 2**accExp accumulates the result.
	acc, accExp := 1.0, 0
	if frac != 0 {
		if frac > 0.5 {
			frac--
			whole++
		}
		acc = Exp(frac * Log(x))
	}
	m, e := Frexp(x)
	for n := int64(whole); n != 0; n >>= 1 {
		if e < -1<<12 || 1<<12 < e {
			// The exponent alone over- or underflows Ldexp.
			accExp += e
			break
		}
		if n&1 == 1 {
			acc *= m
			accExp += e
		}
		m *= m
		e <<= 1
		if m < .5 {
			m += m
			e--
		}
	}
	if y < 0 {
		acc = 1 / acc
		accExp = -accExp
	}
	return Ldexp(acc, accExp)
}

// powHuge is Pow for |y| infinite or beyond 2**63: 1 for x = -1, else 0
// or +Inf depending on whether |x| < 1 and the sign of y.
func powHuge(x float64, yPositive bool) float64 {
	switch {
	case x == -1:
		return 1
	case (Abs(x) < 1) == yPositive:
		return 0
	}
	return Inf(1)
}

// isOddInt reports whether x is an odd integer (all floats of magnitude
// 2**53 and above are even).
func isOddInt(x float64) bool {
	if Abs(x) >= 1<<53 {
		return false
	}
	whole, frac := Modf(x)
	return frac == 0 && int64(whole)&1 == 1
}

// Powers of ten exactly representable below 1e32, and the steps of 32.
var (
	pow10small = [...]float64{
		1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09,
		1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
		1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29,
		1e30, 1e31,
	}
	pow10up   = [...]float64{1e00, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288}
	pow10down = [...]float64{1e-00, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320}
)

// Pow10 returns 10**n: 0 for n < -323, +Inf for n > 308.
func Pow10(n int) float64 {
	switch {
	case n >= 0 && n <= 308:
		return pow10up[n/32] * pow10small[n%32]
	case n < 0 && n >= -323:
		return pow10down[-n/32] / pow10small[-n%32]
	case n > 0:
		return Inf(1)
	}
	return 0
}
