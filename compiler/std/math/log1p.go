// Log1p: log(1+x) accurate near zero, after FreeBSD msun's s_log1p.c.
// u = 1+x is rounded, and c = (1+x) - u is kept as a correction divided
// by u; u is normalised to [√2/2, √2) as 2**k·(1+f), and log(1+f) is
// evaluated as in Log (the same polynomial), or by a short series when
// f is tiny.
package math

// Log1p returns log(1+x): Log1p(±0) = ±0, Log1p(-1) = -Inf,
// Log1p(+Inf) = +Inf, NaN for x < -1 and NaN.
func Log1p(x float64) float64 {
	const (
		sqrt2M1     = 4.142135623730950488017e-01  // √2 - 1
		sqrt2HalfM1 = -2.928932188134524755992e-01 // √2/2 - 1
		small       = 1.0 / (1 << 29)
		tiny        = 1.0 / (1 << 54)
		two53       = 1 << 53
		// the fraction bits of √2: mantissas below go to [1, √2)
		sqrt2Frac = 0x0006a09e667f3bcd
	)
	switch {
	case x < -1 || IsNaN(x):
		return NaN()
	case x == -1:
		return Inf(-1)
	case IsInf(x, 1):
		return Inf(1)
	}
	ax := Abs(x)
	if ax < small {
		if ax < tiny {
			return x
		}
		return x - x*x*0.5
	}

	var f, c float64
	k := 0
	var frac uint64 = 1 // nonzero: f is not tiny
	if ax >= sqrt2M1 || x <= sqrt2HalfM1 {
		u := x
		if ax < two53 {
			u = 1.0 + x
		}
		frac = Float64bits(u)
		k = int((frac >> expShift) - expBias)
		if ax < two53 {
			if k > 0 {
				c = 1.0 - (u - x)
			} else {
				c = x - (u - 1.0)
			}
			c /= u
		}
		frac &= fracMask
		if frac < sqrt2Frac {
			u = Float64frombits(frac | 0x3ff0000000000000)
		} else {
			k++
			u = Float64frombits(frac | 0x3fe0000000000000)
			frac = (0x0010000000000000 - frac) >> 2
		}
		f = u - 1.0
	} else {
		f = x
	}

	kf := float64(k)
	halfF2 := 0.5 * f * f
	if frac == 0 { // |f| < 2**-20
		if f == 0 {
			if k == 0 {
				return 0
			}
			c += kf * ln2Lo
			return kf*ln2Hi + c
		}
		r := halfF2 * (1.0 - 0.66666666666666666*f)
		if k == 0 {
			return f - r
		}
		return kf*ln2Hi - ((r - (kf*ln2Lo + c)) - f)
	}
	s := f / (2.0 + f)
	r := logPoly(s*s, false)
	if k == 0 {
		return f - (halfF2 - s*(halfF2+r))
	}
	return kf*ln2Hi - ((halfF2 - (s*(halfF2+r) + (kf*ln2Lo + c))) - f)
}
