// Logarithms: Log, Log2 and Log10, after FreeBSD msun's e_log.c (the
// method of Go's portable code). x = 2**k × (1+f) with √2/2 <= 1+f < √2;
// with s = f/(2+f), log(1+f) = f - s·(f - R(s²)) where R is a minimax
// polynomial (logPoly, shared with Log1p), and k·ln2 is added in two
// parts.
//
// Go on amd64 computes Log in assembly with the same steps, except that
// it does not normalise a subnormal x first (its Log of a subnormal is
// far off); goc's answer there is the portable one, as on Go's arm64.
package math

// logPoly returns the R(z) of the logarithm kernels, for z = s², split
// into even and odd parts as msun does when sOdd is set (Log), or in one
// Horner chain (Log1p).
func logPoly(z float64, split bool) float64 {
	const (
		l1 = 6.666666666666735130e-01 // 0x3FE5555555555593
		l2 = 3.999999999940941908e-01 // 0x3FD999999997FA04
		l3 = 2.857142874366239149e-01 // 0x3FD2492494229359
		l4 = 2.222219843214978396e-01 // 0x3FCC71C51D8E78AF
		l5 = 1.818357216161805012e-01 // 0x3FC7466496CB03DE
		l6 = 1.531383769920937332e-01 // 0x3FC39A09D078C69F
		l7 = 1.479819860511658591e-01 // 0x3FC2F112DF3E5244
	)
	if split {
		w := z * z
		odd := z * (l1 + w*(l3+w*(l5+w*l7)))
		even := w * (l2 + w*(l4+w*l6))
		return odd + even
	}
	return z * (l1 + z*(l2+z*(l3+z*(l4+z*(l5+z*(l6+z*l7))))))
}

// Log returns the natural logarithm of x: Log(+Inf) = +Inf,
// Log(0) = -Inf, NaN for x < 0 and for NaN.
func Log(x float64) float64 {
	switch {
	case IsNaN(x) || IsInf(x, 1):
		return x
	case x < 0:
		return NaN()
	case x == 0:
		return Inf(-1)
	}
	m, e := Frexp(x)
	if m < Sqrt2/2 {
		m *= 2
		e--
	}
	f := m - 1
	k := float64(e)
	s := f / (2 + f)
	r := logPoly(s*s, true)
	halfF2 := 0.5 * f * f
	return k*ln2Hi - ((halfF2 - (s*(halfF2+r) + k*ln2Lo)) - f)
}

// Log10 returns the decimal logarithm of x, Log's special cases.
func Log10(x float64) float64 { return Log(x) * (1 / Ln10) }

// Log2 returns the binary logarithm of x, exact for powers of two, with
// Log's special cases.
func Log2(x float64) float64 {
	m, e := Frexp(x)
	if m == 0.5 {
		return float64(e - 1)
	}
	return Log(m)*(1/Ln2) + float64(e)
}
