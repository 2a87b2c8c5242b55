// The logarithm of the Gamma function, Lgamma, after FreeBSD msun's
// e_lgamma_r.c (as in Go's portable code). On (0, 2) it is approximated
// around the three points 0 or 2, the minimum at 1.4616..., and 1 (with
// lgamma(x) = lgamma(x+1) - log x below 0.9); on [2, 8) the recurrence
// down to [2, 3) over a rational approximation; on [8, 2**58) Stirling's
// series; beyond, x(log x - 1). Negative x go through the reflection
// formula with a sin(πx) that stays exact near the integers.
package math

// The coefficients, lowest degree first, grouped as the evaluation
// interleaves them.
var (
	// lgamma around 2 (or 1 - x around 0): even and odd terms in y².
	lgamAEven = [...]float64{
		7.72156649015328655494e-02, // 0x3FB3C467E37DB0C8
		6.73523010531292681824e-02, // 0x3FB13E001A5562A7
		7.38555086081402883957e-03, // 0x3F7E404FB68FEFE8
		1.19270763183362067845e-03, // 0x3F538A94116F3F5D
		2.20862790713908385557e-04, // 0x3F2CF2ECED10E54D
		2.52144565451257326939e-05, // 0x3EFA7074428CFA52
	}
	lgamAOdd = [...]float64{
		3.22467033424113591611e-01, // 0x3FD4A34CC4A60FAD
		2.05808084325167332806e-02, // 0x3F951322AC92547B
		2.89051383673415629091e-03, // 0x3F67ADD8CCB7926B
		5.10069792153511336608e-04, // 0x3F40B6C689B99C00
		1.08011567247583939954e-04, // 0x3F1C5088987DFB07
		4.48640949618915160150e-05, // 0x3F07858E90A45837
	}
	// lgamma around its minimum: the terms of degree 0, 1, 2 mod 3, in y³.
	lgamT0 = [...]float64{
		4.83836122723810047042e-01,  // 0x3FDEF72BC8EE38A2
		-3.27885410759859649565e-02, // 0xBFA0C9A8DF35B713
		6.10053870246291332635e-03,  // 0x3F78FCE0E370E344
		-1.40346469989232843813e-03, // 0xBF56FE8EBF2D1AF1
		3.15632070903625950361e-04,  // 0x3F34AF6D6C0EBBF7
	}
	lgamT1 = [...]float64{
		-1.47587722994593911752e-01, // 0xBFC2E4278DC6C509
		1.79706750811820387126e-02,  // 0x3F9266E7970AF9EC
		-3.68452016781138256760e-03, // 0xBF6E2EFFB3E914D7
		8.81081882437654011382e-04,  // 0x3F4CDF0CEF61A8E9
		-3.12754168375120860518e-04, // 0xBF347F24ECC38C38
	}
	lgamT2 = [...]float64{
		6.46249402391333854778e-02,  // 0x3FB08B4294D5419B
		-1.03142241298341437450e-02, // 0xBF851F9FBA91EC6A
		2.25964780900612472250e-03,  // 0x3F6282D32E15C915
		-5.38595305356740546715e-04, // 0xBF41A6109C73E0EC
		3.35529192635519073543e-04,  // 0x3F35FD3EE8C2D3F4
	}
	// lgamma around 1: numerator and denominator in y.
	lgamU = [...]float64{
		-7.72156649015328655494e-02, // 0xBFB3C467E37DB0C8
		6.32827064025093366517e-01,  // 0x3FE4401E8B005DFF
		1.45492250137234768737e+00,  // 0x3FF7475CD119BD6F
		9.77717527963372745603e-01,  // 0x3FEF497644EA8450
		2.28963728064692451092e-01,  // 0x3FCD4EAEF6010924
		1.33810918536787660377e-02,  // 0x3F8B678BBF2BAB09
	}
	lgamV = [...]float64{
		1.0,
		2.45597793713041134822e+00, // 0x4003A5D7C2BD619C
		2.12848976379893395361e+00, // 0x40010725A42B18F5
		7.69285150456672783825e-01, // 0x3FE89DFBE45050AF
		1.04222645593369134254e-01, // 0x3FBAAE55D6537C88
		3.21709242282423911810e-03, // 0x3F6A5ABB57D0CF61
	}
	// lgamma on [2, 3): numerator and denominator in x - 2.
	lgamS = [...]float64{
		-7.72156649015328655494e-02, // 0xBFB3C467E37DB0C8
		2.14982415960608852501e-01,  // 0x3FCB848B36E20878
		3.25778796408930981787e-01,  // 0x3FD4D98F4F139F59
		1.46350472652464452805e-01,  // 0x3FC2BB9CBEE5F2F7
		2.66422703033638609560e-02,  // 0x3F9B481C7E939961
		1.84028451407337715652e-03,  // 0x3F5E26B67368F239
		3.19475326584100867617e-05,  // 0x3F00BFECDD17E945
	}
	lgamR = [...]float64{
		1.0,
		1.39200533467621045958e+00, // 0x3FF645A762C4AB74
		7.21935547567138069525e-01, // 0x3FE71A1893D3DCDC
		1.71933865632803078993e-01, // 0x3FC601EDCCFBDF27
		1.86459191715652901344e-02, // 0x3F9317EA742ED475
		7.77942496381893596434e-04, // 0x3F497DDACA41A95B
		7.32668430744625636189e-06, // 0x3EDEBAF7A5B38140
	}
	// Stirling's correction: the constant, then terms in 1/x·(1/x²)**k.
	lgamW = [...]float64{
		4.18938533204672725052e-01,  // 0x3FDACFE390C97D69
		8.33333333333329678849e-02,  // 0x3FB555555555553B
		-2.77777777728775536470e-03, // 0xBF66C16C16B02E5C
		7.93650558643019558500e-04,  // 0x3F4A019F98CF38B6
		-5.95187557450339963135e-04, // 0xBF4380CB8C0FE741
		8.36339918996282139126e-04,  // 0x3F4B67BA4CDAD5D1
		-1.63092934096575273989e-03, // 0xBF5AB89D0B9E43E4
	}
)

// Lgamma returns the natural logarithm and the sign (-1 or +1) of
// Gamma(x): Lgamma(+Inf) = +Inf, Lgamma(0) = +Inf, Lgamma(-integer) =
// +Inf, Lgamma(-Inf) = -Inf, NaN for NaN.
func Lgamma(x float64) (lgamma float64, sign int) {
	const (
		two52 = 1 << 52
		two58 = 1 << 58
		tiny  = 1.0 / (1 << 70)
	)
	switch {
	case IsNaN(x) || IsInf(x, 0):
		return x, 1
	case x == 0:
		return Inf(1), 1
	}
	neg := x < 0
	if neg {
		x = -x
	}
	sign = 1
	if x < tiny {
		if neg {
			sign = -1
		}
		return -Log(x), sign
	}
	var reflect float64 // log(π/|x·sin(πx)|), for negative x
	if neg {
		if x >= two52 {
			return Inf(1), 1 // an integer
		}
		t := sinPi(x)
		if t == 0 {
			return Inf(1), 1
		}
		reflect = Log(Pi / Abs(t*x))
		if t < 0 {
			sign = -1
		}
	}
	switch {
	case x == 1 || x == 2:
		return 0, sign
	case x < 2:
		lgamma = lgammaBelow2(x)
	case x < 8:
		lgamma = lgammaBelow8(x)
	case x < two58:
		t := Log(x)
		z := 1 / x
		w := lgamW[0] + z*poly(lgamW[1:], z*z)
		lgamma = (x-0.5)*(t-1) + w
	default:
		lgamma = x * (Log(x) - 1)
	}
	if neg {
		lgamma = reflect - lgamma
	}
	return lgamma, sign
}

// lgammaBelow2 returns lgamma x for 0 < x < 2, x != 1.
func lgammaBelow2(x float64) float64 {
	const (
		xMin = 1.461632144968362245        // where Γ is least
		tc   = 1.46163214496836224576e+00  // 0x3FF762D86356BE3F, xMin
		tf   = -1.21486290535849611461e-01 // 0xBFBF19B9BCC38A42, lgamma(tc)
		tt   = -3.63867699703950536541e-18 // 0xBC50C7CAA48A971F, its correction
	)
	// The approximation: around 2 (or 0), around xMin, or around 1; y is
	// the offset from that point.
	const (
		aroundTwo = iota
		aroundMin
		aroundOne
	)
	var lg, y float64
	var at int
	if x <= 0.9 {
		lg = -Log(x) // lgamma(x) = lgamma(x+1) - log x
		switch {
		case x >= xMin-1+0.27:
			y, at = 1-x, aroundTwo
		case x >= xMin-1-0.27:
			y, at = x-(tc-1), aroundMin
		default:
			y, at = x, aroundOne
		}
	} else {
		switch {
		case x >= xMin+0.27:
			y, at = 2-x, aroundTwo
		case x >= xMin-0.27:
			y, at = x-tc, aroundMin
		default:
			y, at = x-1, aroundOne
		}
	}
	switch at {
	case aroundTwo:
		z := y * y
		p := y*poly(lgamAEven[:], z) + z*poly(lgamAOdd[:], z)
		return lg + (p - 0.5*y)
	case aroundMin:
		z := y * y
		w := z * y
		p := z*poly(lgamT0[:], w) - (tt - w*(poly(lgamT1[:], w)+y*poly(lgamT2[:], w)))
		return lg + (tf + p)
	}
	p := y * poly(lgamU[:], y)
	return lg + (-0.5*y + p/poly(lgamV[:], y))
}

// lgammaBelow8 returns lgamma x for 2 < x < 8: lgamma(2+y) by a rational
// approximation, plus the logarithm of the product the recurrence
// lgamma(x+1) = lgamma(x) + log x adds from 2+y up to x.
func lgammaBelow8(x float64) float64 {
	n := int(x)
	y := x - float64(n)
	lg := 0.5*y + y*poly(lgamS[:], y)/poly(lgamR[:], y)
	if n >= 3 {
		z := 1.0
		for k := n - 1; k >= 2; k-- {
			z *= y + float64(k)
		}
		lg += Log(z)
	}
	return lg
}

// sinPi returns -sin(πx) for x > 0, reducing x modulo 2 first so that
// sin(πx) is exactly 0 at the integers.
func sinPi(x float64) float64 {
	const (
		two52 = 1 << 52
		two53 = 1 << 53
	)
	if x < 0.25 {
		return -Sin(Pi * x)
	}
	var n int // x's position in eighths of a period, for non-integers
	if z := Floor(x); z != x {
		x = Mod(x, 2)
		n = int(x * 4)
	} else if x >= two53 {
		x, n = 0, 0 // even
	} else {
		if x < two52 {
			z = x + two52 // the last bit is x's parity
		}
		n = int(1 & Float64bits(z))
		x = float64(n)
		n <<= 2
	}
	var s float64
	switch n {
	case 0:
		s = Sin(Pi * x)
	case 1, 2:
		s = Cos(Pi * (0.5 - x))
	case 3, 4:
		s = Sin(Pi * (1 - x))
	case 5, 6:
		s = -Cos(Pi * (x - 1.5))
	default:
		s = Sin(Pi * (x - 2))
	}
	return -s
}
