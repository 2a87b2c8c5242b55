// Binary exponents: Logb and Ilogb read the exponent of x as Frexp
// gives it (so subnormals count from their leading bit).
package math

// Logb returns the binary exponent of x: Logb(±Inf) = +Inf,
// Logb(0) = -Inf, NaN for NaN.
func Logb(x float64) float64 {
	switch {
	case x == 0:
		return Inf(-1)
	case IsInf(x, 0):
		return Inf(1)
	case IsNaN(x):
		return x
	}
	return float64(binaryExp(x))
}

// Ilogb returns the binary exponent of x as an integer:
// Ilogb(0) = MinInt32, MaxInt32 for ±Inf and NaN.
func Ilogb(x float64) int {
	switch {
	case x == 0:
		return MinInt32
	case IsNaN(x) || IsInf(x, 0):
		return MaxInt32
	}
	return binaryExp(x)
}

// binaryExp returns e with 2**e <= |x| < 2**(e+1), x finite and nonzero.
func binaryExp(x float64) int {
	_, e := Frexp(x)
	return e - 1
}
