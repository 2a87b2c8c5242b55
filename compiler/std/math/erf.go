// The error function and its complement, Erf and Erfc, after FreeBSD
// msun's s_erf.c (as in Go's portable code). Four ranges of |x|:
// below 0.84375, erf x = x + x·P(x²)/Q(x²); up to 1.25, erf x is erx (a
// float with its low bits zero near erf 1) plus P(s)/Q(s) in s = |x|-1;
// up to 28 (Erfc) or 6 (Erf), erfc x = exp(-x² - 0.5625 + R(1/x²)/S(1/x²))/x
// with two R/S pairs split at 1/0.35, and x² formed exactly from x with
// its low 32 bits cleared; beyond, the limits. The tail uses Exp, so there
// results can differ from Go's in the last bit as Exp's do (exp.go).
package math

// The coefficients, lowest degree first.
var (
	// |x| < 0.84375
	erfSmallP = [...]float64{
		1.28379167095512558561e-01,  // 0x3FC06EBA8214DB68
		-3.25042107247001499370e-01, // 0xBFD4CD7D691CB913
		-2.84817495755985104766e-02, // 0xBF9D2A51DBD7194F
		-5.77027029648944159157e-03, // 0xBF77A291236668E4
		-2.37630166566501626084e-05, // 0xBEF8EAD6120016AC
	}
	erfSmallQ = [...]float64{
		1,
		3.97917223959155352819e-01,  // 0x3FD97779CDDADC09
		6.50222499887672944485e-02,  // 0x3FB0A54C5536CEBA
		5.08130628187576562776e-03,  // 0x3F74D022C4D36B0F
		1.32494738004321644526e-04,  // 0x3F215DC9221C1A10
		-3.96022827877536812320e-06, // 0xBED09C4342A26120
	}
	// 0.84375 <= |x| < 1.25, in |x| - 1
	erfMidP = [...]float64{
		-2.36211856075265944077e-03, // 0xBF6359B8BEF77538
		4.14856118683748331666e-01,  // 0x3FDA8D00AD92B34D
		-3.72207876035701323847e-01, // 0xBFD7D240FBB8C3F1
		3.18346619901161753674e-01,  // 0x3FD45FCA805120E4
		-1.10894694282396677476e-01, // 0xBFBC63983D3E28EC
		3.54783043256182359371e-02,  // 0x3FA22A36599795EB
		-2.16637559486879084300e-03, // 0xBF61BF380A96073F
	}
	erfMidQ = [...]float64{
		1,
		1.06420880400844228286e-01, // 0x3FBB3E6618EEE323
		5.40397917702171048937e-01, // 0x3FE14AF092EB6F33
		7.18286544141962662868e-02, // 0x3FB2635CD99FE9A7
		1.26171219808761642112e-01, // 0x3FC02660E763351F
		1.36370839120290507362e-02, // 0x3F8BEDC26B51DD1C
		1.19844998467991074170e-02, // 0x3F888B545735151D
	}
	// 1.25 <= |x| < 1/0.35, in 1/x²
	erfcNearR = [...]float64{
		-9.86494403484714822705e-03, // 0xBF843412600D6435
		-6.93858572707181764372e-01, // 0xBFE63416E4BA7360
		-1.05586262253232909814e+01, // 0xC0251E0441B0E726
		-6.23753324503260060396e+01, // 0xC04F300AE4CBA38D
		-1.62396669462573470355e+02, // 0xC0644CB184282266
		-1.84605092906711035994e+02, // 0xC067135CEBCCABB2
		-8.12874355063065934246e+01, // 0xC054526557E4D2F2
		-9.81432934416914548592e+00, // 0xC023A0EFC69AC25C
	}
	erfcNearS = [...]float64{
		1,
		1.96512716674392571292e+01,  // 0x4033A6B9BD707687
		1.37657754143519042600e+02,  // 0x4061350C526AE721
		4.34565877475229228821e+02,  // 0x407B290DD58A1A71
		6.45387271733267880336e+02,  // 0x40842B1921EC2868
		4.29008140027567833386e+02,  // 0x407AD02157700314
		1.08635005541779435134e+02,  // 0x405B28A3EE48AE2C
		6.57024977031928170135e+00,  // 0x401A47EF8E484A93
		-6.04244152148580987438e-02, // 0xBFAEEFF2EE749A62
	}
	// |x| >= 1/0.35, in 1/x²
	erfcFarR = [...]float64{
		-9.86494292470009928597e-03, // 0xBF84341239E86F4A
		-7.99283237680523006574e-01, // 0xBFE993BA70C285DE
		-1.77579549177547519889e+01, // 0xC031C209555F995A
		-1.60636384855821916062e+02, // 0xC064145D43C5ED98
		-6.37566443368389627722e+02, // 0xC083EC881375F228
		-1.02509513161107724954e+03, // 0xC09004616A2E5992
		-4.83519191608651397019e+02, // 0xC07E384E9BDC383F
	}
	erfcFarS = [...]float64{
		1,
		3.03380607434824582924e+01,  // 0x403E568B261D5190
		3.25792512996573918826e+02,  // 0x40745CAE221B9F0A
		1.53672958608443695994e+03,  // 0x409802EB189D5118
		3.19985821950859553908e+03,  // 0x40A8FFB7688C246A
		2.55305040643316442583e+03,  // 0x40A3F219CEDF3BE6
		4.74528541206955367215e+02,  // 0x407DA874E79FE763
		-2.24409524465858183362e+01, // 0xC03670E242712D62
	}
)

// erx is erf(1) to 27 bits, the base of the middle range.
const erx = 8.45062911510467529297e-01 // 0x3FEB0AC160000000

// poly evaluates c[0] + x·(c[1] + x·(... + x·c[n-1])).
func poly(c []float64, x float64) float64 {
	p := c[len(c)-1]
	for i := len(c) - 2; i >= 0; i-- {
		p = c[i] + x*p
	}
	return p
}

// erfSmall returns the y of erf x = x + x·y for |x| < 0.84375.
func erfSmall(x float64) float64 {
	z := x * x
	return poly(erfSmallP[:], z) / poly(erfSmallQ[:], z)
}

// erfMid returns erf x - erx for 0.84375 <= x < 1.25.
func erfMid(x float64) float64 {
	s := x - 1
	return poly(erfMidP[:], s) / poly(erfMidQ[:], s)
}

// erfcTail returns x·erfc x for 1.25 <= x < 28.
func erfcTail(x float64) float64 {
	s := 1 / (x * x)
	var r, q float64
	if x < 1/0.35 {
		r, q = poly(erfcNearR[:], s), poly(erfcNearS[:], s)
	} else {
		r, q = poly(erfcFarR[:], s), poly(erfcFarS[:], s)
	}
	hi := Float64frombits(Float64bits(x) & 0xffffffff00000000) // hi² is exact
	return Exp(-hi*hi-0.5625) * Exp((hi-x)*(hi+x)+r/q)
}

// Erf returns the error function of x: Erf(±Inf) = ±1, Erf(±0) = ±0,
// NaN for NaN.
func Erf(x float64) float64 {
	const (
		efx      = 1.28379167095512586316e-01 // 2/√π - 1
		efx8     = 1.02703333676410069053e+00 // 8·efx
		veryTiny = 2.848094538889218e-306     // 2**-1015
		small    = 1.0 / (1 << 28)
	)
	switch {
	case IsNaN(x):
		return NaN()
	case IsInf(x, 1):
		return 1
	case IsInf(x, -1):
		return -1
	}
	neg := x < 0
	if neg {
		x = -x
	}
	var e float64
	switch {
	case x < veryTiny:
		e = 0.125 * (8.0*x + efx8*x) // scaled so efx·x cannot underflow
	case x < small:
		e = x + efx*x
	case x < 0.84375:
		e = x + x*erfSmall(x)
	case x < 1.25:
		if neg {
			return -erx - erfMid(x)
		}
		return erx + erfMid(x)
	case x >= 6:
		e = 1
	default:
		r := erfcTail(x)
		if neg {
			return r/x - 1
		}
		return 1 - r/x
	}
	if neg {
		return -e
	}
	return e
}

// Erfc returns the complementary error function 1 - Erf(x):
// Erfc(+Inf) = 0, Erfc(-Inf) = 2, NaN for NaN.
func Erfc(x float64) float64 {
	const tiny = 1.0 / (1 << 56)
	switch {
	case IsNaN(x):
		return NaN()
	case IsInf(x, 1):
		return 0
	case IsInf(x, -1):
		return 2
	}
	neg := x < 0
	if neg {
		x = -x
	}
	switch {
	case x < 0.84375:
		// 1 - erf x, the subtraction arranged by the size of x.
		e := x
		if x >= tiny {
			y := erfSmall(x)
			if x < 0.25 {
				e = x + x*y
			} else {
				e = 0.5 + (x*y + (x - 0.5))
			}
		}
		if neg {
			return 1 + e
		}
		return 1 - e
	case x < 1.25:
		if neg {
			return 1 + erx + erfMid(x)
		}
		return 1 - erx - erfMid(x)
	case x < 28:
		if neg && x > 6 {
			return 2
		}
		r := erfcTail(x) / x
		if neg {
			return 2 - r
		}
		return r
	}
	if neg {
		return 2
	}
	return 0
}
