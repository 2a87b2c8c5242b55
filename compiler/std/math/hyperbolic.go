// Hyperbolic functions: Sinh, Cosh and Tanh, the Cephes method (as in
// Go's portable code). For small arguments, rational approximations
// (sinh |x| <= 0.5, tanh |x| < 0.625); otherwise they are formed from
// Exp, so they share its difference from Go on amd64 and arm64 (exp.go).
package math

// Sinh returns the hyperbolic sine of x: Sinh(±0) = ±0, Sinh(±Inf) =
// ±Inf, NaN for NaN.
func Sinh(x float64) float64 {
	const (
		p0 = -0.6307673640497716991184787251e+6
		p1 = -0.8991272022039509355398013511e+5
		p2 = -0.2894211355989563807284660366e+4
		p3 = -0.2630563213397497062819489e+2
		q0 = -0.6307673640497716991212077277e+6
		q1 = 0.1521517378790019070696485176e+5
		q2 = -0.173678953558233699533450911e+3
	)
	neg := x < 0
	if neg {
		x = -x
	}
	var s float64
	if x > 21 {
		s = Exp(x) * 0.5 // e**-x is below half an ulp
	} else if x > 0.5 {
		ex := Exp(x)
		s = (ex - 1/ex) * 0.5
	} else {
		xx := x * x
		s = (((p3*xx+p2)*xx+p1)*xx + p0) * x
		s = s / (((xx+q2)*xx+q1)*xx + q0)
	}
	if neg {
		return -s
	}
	return s
}

// Cosh returns the hyperbolic cosine of x: Cosh(±0) = 1,
// Cosh(±Inf) = +Inf, NaN for NaN.
func Cosh(x float64) float64 {
	x = Abs(x)
	ex := Exp(x)
	if x > 21 {
		return ex * 0.5
	}
	return (ex + 1/ex) * 0.5
}

// Tanh returns the hyperbolic tangent of x: Tanh(±0) = ±0,
// Tanh(±Inf) = ±1, NaN for NaN.
func Tanh(x float64) float64 {
	const (
		maxLog = 8.8029691931113054295988e+01 // log(2**127)
		p0     = -9.64399179425052238628e-1
		p1     = -9.92877231001918586564e1
		p2     = -1.61468768441708447952e3
		q0     = 1.12811678491632931402e2
		q1     = 2.23548839060100448583e3
		q2     = 4.84406305325125486048e3
	)
	z := Abs(x)
	switch {
	case z > 0.5*maxLog:
		if x < 0 {
			return -1
		}
		return 1
	case z >= 0.625:
		z = 1 - 2/(Exp(2*z)+1)
		if x < 0 {
			return -z
		}
		return z
	case x == 0:
		return x
	}
	s := x * x
	return x + x*s*((p0*s+p1)*s+p2)/(((s+q0)*s+q1)*s+q2)
}
