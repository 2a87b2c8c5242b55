// Inverse trigonometric functions: Atan, Atan2, Asin, Acos, the Cephes
// method (as in Go's portable code). atan on [0, 0.66] is
// x + x³·P(x²)/Q(x²); larger arguments are first mapped there with
// atan x = π/4 + atan((x-1)/(x+1)) or π/2 - atan(1/x), π/2 carried with
// its rounding error. Asin and Acos go through Atan with a square root,
// Atan2 through Atan and the quadrant.
package math

// atanSmall returns atan x for 0 <= x <= 0.66.
func atanSmall(x float64) float64 {
	const (
		p0 = -8.750608600031904122785e-01
		p1 = -1.615753718733365076637e+01
		p2 = -7.500855792314704667340e+01
		p3 = -1.228866684490136173410e+02
		p4 = -6.485021904942025371773e+01
		q0 = +2.485846490142306297962e+01
		q1 = +1.650270098316988542046e+02
		q2 = +4.328810604912902668951e+02
		q3 = +4.853903996359136964868e+02
		q4 = +1.945506571482613964425e+02
	)
	z := x * x
	z = z * ((((p0*z+p1)*z+p2)*z+p3)*z + p4) / (((((z+q0)*z+q1)*z+q2)*z+q3)*z + q4)
	return x*z + x
}

// atanPositive returns atan x for x >= 0.
func atanPositive(x float64) float64 {
	const (
		pio2Err  = 6.123233995736765886130e-17 // π/2 - float64(π/2)
		tan3pio8 = 2.41421356237309504880      // tan(3π/8)
	)
	switch {
	case x <= 0.66:
		return atanSmall(x)
	case x > tan3pio8:
		return Pi/2 - atanSmall(1/x) + pio2Err
	}
	return Pi/4 + atanSmall((x-1)/(x+1)) + 0.5*pio2Err
}

// Atan returns the arctangent of x in radians: Atan(±0) = ±0,
// Atan(±Inf) = ±π/2.
func Atan(x float64) float64 {
	switch {
	case x == 0:
		return x
	case x > 0:
		return atanPositive(x)
	}
	return -atanPositive(-x)
}

// Asin returns the arcsine of x: Asin(±0) = ±0, NaN for |x| > 1.
func Asin(x float64) float64 {
	if x == 0 {
		return x
	}
	neg := x < 0
	if neg {
		x = -x
	}
	if x > 1 {
		return NaN()
	}
	c := Sqrt(1 - x*x) // the cosine
	var a float64
	if x > 0.7 {
		a = Pi/2 - atanPositive(c/x)
	} else {
		a = atanPositive(x / c)
	}
	if neg {
		return -a
	}
	return a
}

// Acos returns the arccosine of x, NaN for |x| > 1.
func Acos(x float64) float64 { return Pi/2 - Asin(x) }

// Atan2 returns the arctangent of y/x in the quadrant of (x, y), with
// C99's special cases for zeros and infinities (and NaN if either is
// NaN).
func Atan2(y, x float64) float64 {
	switch {
	case IsNaN(y) || IsNaN(x):
		return NaN()
	case y == 0:
		if x >= 0 && !Signbit(x) {
			return Copysign(0, y)
		}
		return Copysign(Pi, y)
	case x == 0:
		return Copysign(Pi/2, y)
	case IsInf(x, 0):
		yInf := IsInf(y, 0)
		switch {
		case x > 0 && yInf:
			return Copysign(Pi/4, y)
		case x > 0:
			return Copysign(0, y)
		case yInf:
			return Copysign(3*Pi/4, y)
		}
		return Copysign(Pi, y)
	case IsInf(y, 0):
		return Copysign(Pi/2, y)
	}
	q := Atan(y / x)
	if x >= 0 {
		return q
	}
	if q <= 0 {
		return q + Pi
	}
	return q - Pi
}
