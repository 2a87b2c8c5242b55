// Expm1: e**x - 1 accurate near zero, after FreeBSD msun's s_expm1.c.
// x = k·ln2 + r (r rounded, with c the rounding error of r); on
// |r| <= ln2/2, e**r - 1 = r + r²/2 + r³·E where E comes from a rational
// correction in r² (the Q coefficients); the result is rebuilt as
// 2**k·(e**r - 1) + (2**k - 1) with the order of operations chosen per
// range of k so that no cancellation loses bits.
package math

// Expm1 returns e**x - 1: Expm1(+Inf) = +Inf, Expm1(-Inf) = -1, NaN for
// NaN, and ±0 for ±0.
func Expm1(x float64) float64 {
	const (
		overflowAt = 7.09782712893383973096e+02 // 0x40862E42FEFA39EF
		ln2x56     = 3.88162421113569373274e+01 // 0x4043687a9f1af2b1
		ln2x3half  = 1.03972077083991796413e+00 // 0x3ff0a2b23f3bab73
		ln2half    = 3.46573590279972654709e-01 // 0x3fd62e42fefa39ef
		invLn2     = 1.44269504088896338700e+00 // 0x3ff71547652b82fe
		tiny       = 1.0 / (1 << 54)

		q1 = -3.33333333333331316428e-02 // 0xBFA11111111110F4
		q2 = 1.58730158725481460165e-03  // 0x3F5A01A019FE5585
		q3 = -7.93650757867487942473e-05 // 0xBF14CE199EAADBB7
		q4 = 4.00821782732936239552e-06  // 0x3ED0CFCA86E65239
		q5 = -2.01099218183624371326e-07 // 0xBE8AFDB76E09C32D
	)
	if IsNaN(x) || IsInf(x, 1) {
		return x
	}
	if IsInf(x, -1) {
		return -1
	}
	neg := x < 0
	ax := Abs(x)
	if ax >= ln2x56 {
		if neg {
			return -1 // e**x is below half an ulp of 1
		}
		if ax >= overflowAt {
			return Inf(1)
		}
	}

	// Reduce: x = k·ln2 + (x - c), c the error of the reduced x.
	k := 0
	var c float64
	switch {
	case ax < tiny:
		return x
	case ax > ln2half:
		var hi, lo float64
		switch {
		case ax < ln2x3half && !neg:
			hi, lo, k = x-ln2Hi, ln2Lo, 1
		case ax < ln2x3half:
			hi, lo, k = x+ln2Hi, -ln2Lo, -1
		default:
			half := 0.5
			if neg {
				half = -0.5
			}
			k = int(invLn2*x + half)
			kf := float64(k)
			hi = x - kf*ln2Hi // exact
			lo = kf * ln2Lo
		}
		x = hi - lo
		c = (hi - x) - lo
	}

	halfX := 0.5 * x
	hxs := x * halfX
	r1 := 1 + hxs*(q1+hxs*(q2+hxs*(q3+hxs*(q4+hxs*q5))))
	t := 3 - r1*halfX
	e := hxs * ((r1 - t) / (6.0 - x*t))
	if k == 0 {
		return x - (x*e - hxs)
	}
	e = (x*(e-c) - c)
	e -= hxs
	switch {
	case k == -1:
		return 0.5*(x-e) - 0.5
	case k == 1:
		if x < -0.25 {
			return -2 * (e - (x + 0.5))
		}
		return 1 + 2*(x-e)
	case k <= -2 || k > 56:
		// 2**k - 1 is -1 or 2**k to working precision.
		return scaleByExp(1-(e-x), k) - 1
	case k < 20:
		oneMinus := Float64frombits(0x3ff0000000000000 - (0x20000000000000 >> uint(k))) // 1 - 2**-k
		return scaleByExp(oneMinus-(e-x), k)
	}
	twoToMinusK := Float64frombits(uint64(0x3ff-k) << 52)
	y := x - (e + twoToMinusK)
	y++
	return scaleByExp(y, k)
}

// scaleByExp returns y × 2**k by adding k to the exponent field; y × 2**k
// must be normal.
func scaleByExp(y float64, k int) float64 {
	return Float64frombits(Float64bits(y) + uint64(k)<<expShift)
}
