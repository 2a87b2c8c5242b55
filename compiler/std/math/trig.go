// Sine and cosine: Sin, Cos and Sincos, the Cephes method (as in Go's
// portable code). The argument is reduced to an even octant j and
// |z| <= π/4 (trig_reduce.go); then sin z and cos z come from minimax
// polynomials in z², and the octant picks which of them, with which sign,
// is the answer.
package math

// Coefficients of sin z = z + z³·S(z²) and cos z = 1 - z²/2 + z⁴·C(z²),
// highest degree first.
var (
	sinCoef = [...]float64{
		1.58962301576546568060e-10, // 0x3de5d8fd1fd19ccd
		-2.50507477628578072866e-8, // 0xbe5ae5e5a9291f5d
		2.75573136213857245213e-6,  // 0x3ec71de3567d48a1
		-1.98412698295895385996e-4, // 0xbf2a01a019bfdf03
		8.33333333332211858878e-3,  // 0x3f8111111110f7d0
		-1.66666666666666307295e-1, // 0xbfc5555555555548
	}
	cosCoef = [...]float64{
		-1.13585365213876817300e-11, // 0xbda8fa49a0861a9b
		2.08757008419747316778e-9,   // 0x3e21ee9d7b4e3f05
		-2.75573141792967388112e-7,  // 0xbe927e4f7eac4bc6
		2.48015872888517045348e-5,   // 0x3efa01a019c844f5
		-1.38888888888730564116e-3,  // 0xbf56c16c16c14f91
		4.16666666666665929218e-2,   // 0x3fa555555555554b
	}
)

// horner6 evaluates c[0]·z⁵ + ... + c[5].
func horner6(c *[6]float64, z float64) float64 {
	return ((((c[0]*z+c[1])*z+c[2])*z+c[3])*z+c[4])*z + c[5]
}

// sinCos returns the sine and cosine of a finite x.
func sinCos(x float64) (sin, cos float64) {
	negSin, negCos := false, false
	if x < 0 {
		x = -x
		negSin = true
	}
	j, z := octant(x)
	if j > 3 { // half a turn on: both change sign
		j -= 4
		negSin, negCos = !negSin, !negCos
	}
	if j > 1 { // a quarter turn on: cos changes sign
		negCos = !negCos
	}
	zz := z * z
	s := z + z*zz*horner6(&sinCoef, zz)
	c := 1.0 - 0.5*zz + zz*zz*horner6(&cosCoef, zz)
	if j == 1 || j == 2 {
		s, c = c, s
	}
	if negSin {
		s = -s
	}
	if negCos {
		c = -c
	}
	return s, c
}

// Sin returns the sine of x (radians): Sin(±0) = ±0, NaN for ±Inf and
// NaN.
func Sin(x float64) float64 {
	if x == 0 || IsNaN(x) {
		return x
	}
	if IsInf(x, 0) {
		return NaN()
	}
	s, _ := sinCos(x)
	return s
}

// Cos returns the cosine of x (radians), NaN for ±Inf and NaN.
func Cos(x float64) float64 {
	if IsNaN(x) || IsInf(x, 0) {
		return NaN()
	}
	_, c := sinCos(x)
	return c
}

// Sincos returns Sin(x), Cos(x), with Sincos(±0) = ±0, 1.
func Sincos(x float64) (sin, cos float64) {
	if x == 0 {
		return x, 1
	}
	if IsNaN(x) || IsInf(x, 0) {
		return NaN(), NaN()
	}
	return sinCos(x)
}
