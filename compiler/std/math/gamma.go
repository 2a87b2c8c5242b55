// The Gamma function, the Cephes method (as in Go's portable code): for
// |x| <= 33 the recurrence Γ(x+1) = x·Γ(x) brings x into [2, 3), where a
// rational approximation P/Q applies (with Γ(x) ≈ 1/(x(1+γx)) next to
// zero); beyond, Stirling's series for positive x and the reflection
// Γ(-x) = -π/(x·sin(πx)·Γ(x)) for negative x. Stirling's series uses Exp
// and Pow, so for |x| > 33 results can differ from Go's in the last bit
// as Exp's do (exp.go).
package math

// gammaP/gammaQ: the rational approximation of Γ(2+x) on [0, 1), highest
// degree first; stirlingS: the correction series in 1/x.
var (
	gammaP = [...]float64{
		1.60119522476751861407e-04,
		1.19135147006586384913e-03,
		1.04213797561761569935e-02,
		4.76367800457137231464e-02,
		2.07448227648435975150e-01,
		4.94214826801497100753e-01,
		9.99999999999999996796e-01,
	}
	gammaQ = [...]float64{
		-2.31581873324120129819e-05,
		5.39605580493303397842e-04,
		-4.45641913851797240494e-03,
		1.18139785222060435552e-02,
		3.58236398605498653373e-02,
		-2.34591795718243348568e-01,
		7.14304917030273074085e-02,
		1.00000000000000000320e+00,
	}
	stirlingS = [...]float64{
		7.87311395793093628397e-04,
		-2.29549961613378126380e-04,
		-2.68132617805781232825e-03,
		3.47222221605458667310e-03,
		8.33333333333482257126e-02,
	}
)

// Gamma returns Γ(x): Gamma(+Inf) = +Inf, Gamma(±0) = ±Inf, NaN for
// negative integers, -Inf and NaN.
func Gamma(x float64) float64 {
	switch {
	case isNegInt(x) || IsInf(x, -1) || IsNaN(x):
		return NaN()
	case IsInf(x, 1):
		return Inf(1)
	case x == 0:
		return Copysign(Inf(1), x)
	}
	if Abs(x) > 33 {
		return gammaLarge(x)
	}
	z := 1.0 // Γ(x) = z·Γ(x') for the x' the loops leave
	for x >= 3 {
		x--
		z *= x
	}
	for x < 0 {
		if x > -1e-09 {
			return gammaNearZero(x, z)
		}
		z /= x
		x++
	}
	for x < 2 {
		if x < 1e-09 {
			return gammaNearZero(x, z)
		}
		z /= x
		x++
	}
	if x == 2 {
		return z
	}
	x -= 2
	p := 0.0
	for _, c := range gammaP {
		p = p*x + c
	}
	q := 0.0
	for _, c := range gammaQ {
		q = q*x + c
	}
	return z * p / q
}

// gammaNearZero returns z·Γ(x) for 0 < |x| < 1e-9 (or x = 0).
func gammaNearZero(x, z float64) float64 {
	const euler = 0.57721566490153286060651209008240243104215933593992 // γ
	if x == 0 {
		return Inf(1)
	}
	return z / ((1 + euler*x) * x)
}

// gammaLarge returns Γ(x) for |x| > 33.
func gammaLarge(x float64) float64 {
	if x >= 0 {
		a, b := stirling(x)
		return a * b
	}
	q := -x
	n := Floor(q)
	sign := 1
	if int64(n)&1 == 0 {
		sign = -1
	}
	f := q - n // distance to the integer below, then to the nearest
	if f > 0.5 {
		n++
		f = q - n
	}
	s := q * Sin(Pi*f)
	if s == 0 {
		return Inf(sign)
	}
	a, b := stirling(q)
	s = Abs(s)
	d := s * a * b
	if IsInf(d, 0) {
		d = Pi / s / a / b
	} else {
		d = Pi / d
	}
	return float64(sign) * d
}

// stirling returns Γ(x) for x > 33 as a product of two factors, which
// may overflow only together.
func stirling(x float64) (float64, float64) {
	const (
		sqrt2Pi   = 2.506628274631000502417
		powLimit  = 143.01608 // Pow(x, x-0.5) overflows beyond
		overLimit = 200       // Γ(x) overflows beyond
	)
	if x > overLimit {
		return Inf(1), 1
	}
	w := 1 / x
	s := 0.0
	for _, c := range stirlingS {
		s = s*w + c
	}
	w = 1 + w*s
	ex := Exp(x)
	if x > powLimit {
		v := Pow(x, 0.5*x-0.25)
		return v, sqrt2Pi * w * (v / ex)
	}
	return Pow(x, x-0.5) / ex, sqrt2Pi * w
}

// isNegInt reports whether x is a negative integer.
func isNegInt(x float64) bool {
	if x >= 0 {
		return false
	}
	_, f := Modf(x)
	return f == 0
}
