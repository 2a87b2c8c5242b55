// Package math: constants and basic floating-point functions. goc's
// implementation, written from the package documentation and IEEE 754;
// every function in this file is exact (correctly rounded or an exact
// operation), so results are bit for bit Go's. The transcendental
// functions are in their own files, each naming the method it follows
// (that of Go's portable code, so results match Go's bit for bit except
// where Go uses assembly: see exp.go and log.go).
package math

// Mathematical constants.
const (
	E   = 2.71828182845904523536028747135266249775724709369995957496696763
	Pi  = 3.14159265358979323846264338327950288419716939937510582097494459
	Phi = 1.61803398874989484820458683436563811772030917980576286213544862

	Sqrt2   = 1.41421356237309504880168872420969807856967187537694807317667974
	SqrtE   = 1.64872127070012814684865078831848970393060779468212066567262549
	SqrtPi  = 1.77245385090551602729816748334114518279754945612238712821380779
	SqrtPhi = 1.27201964951406896425242246173749149171560804184009624861664038

	Ln2    = 0.693147180559945309417232121458176568075500134360255254120680009
	Log2E  = 1 / Ln2
	Ln10   = 2.30258509299404568401799145468436420760110148862877297603332790
	Log10E = 1 / Ln10
)

// Floating-point limits.
const (
	MaxFloat32             = 3.40282346638528859811704183484516925440e+38
	SmallestNonzeroFloat32 = 1.401298464324817070923729583289916131280e-45
	MaxFloat64             = 1.79769313486231570814527423731704356798070e+308
	SmallestNonzeroFloat64 = 4.9406564584124654417656879286822137236505980e-324
)

// Integer limits.
const (
	MaxInt    = 1<<63 - 1
	MinInt    = -1 << 63
	MaxInt8   = 1<<7 - 1
	MinInt8   = -1 << 7
	MaxInt16  = 1<<15 - 1
	MinInt16  = -1 << 15
	MaxInt32  = 1<<31 - 1
	MinInt32  = -1 << 31
	MaxInt64  = 1<<63 - 1
	MinInt64  = -1 << 63
	MaxUint   = 1<<64 - 1
	MaxUint8  = 1<<8 - 1
	MaxUint16 = 1<<16 - 1
	MaxUint32 = 1<<32 - 1
	MaxUint64 = 1<<64 - 1
)

const (
	signMask = 1 << 63
	expMask  = 0x7FF
	expShift = 52
	expBias  = 1023
	fracMask = 1<<expShift - 1
	// The smallest normal float64, 2**-1022.
	smallestNormal = 2.2250738585072014e-308
)

// The bit conversions and the square root are the runtime's
// (runtime/src/stdlib/math.rs): a reinterpretation and one instruction.

// Float64bits returns the IEEE 754 binary representation of f.
func Float64bits(f float64) uint64

// Float64frombits returns the float64 whose representation is b.
func Float64frombits(b uint64) float64

// Float32bits returns the IEEE 754 binary representation of f.
func Float32bits(f float32) uint32

// Float32frombits returns the float32 whose representation is b.
func Float32frombits(b uint32) float32

// Sqrt returns the correctly rounded square root of x (NaN for x < 0,
// and Sqrt(±0) = ±0, Sqrt(+Inf) = +Inf).
func Sqrt(x float64) float64

// Inf returns +Inf if sign >= 0, -Inf otherwise.
func Inf(sign int) float64 {
	if sign >= 0 {
		return Float64frombits(0x7FF0000000000000)
	}
	return Float64frombits(0xFFF0000000000000)
}

// NaN returns an IEEE 754 "not a number" value.
func NaN() float64 { return Float64frombits(0x7FF8000000000001) }

// IsNaN reports whether f is a NaN.
func IsNaN(f float64) bool { return f != f }

// IsInf reports whether f is +Inf (sign > 0), -Inf (sign < 0) or either
// (sign == 0).
func IsInf(f float64, sign int) bool {
	return sign >= 0 && f > MaxFloat64 || sign <= 0 && f < -MaxFloat64
}

// Signbit reports whether x is negative or negative zero.
func Signbit(x float64) bool { return Float64bits(x)&signMask != 0 }

// Copysign returns a value with f's magnitude and sign's sign.
func Copysign(f, sign float64) float64 {
	return Float64frombits(Float64bits(f)&^signMask | Float64bits(sign)&signMask)
}

// Abs returns the absolute value of x.
func Abs(x float64) float64 { return Float64frombits(Float64bits(x) &^ signMask) }

// Trunc returns the integer part of x (Trunc(±0) = ±0, ±Inf and NaN
// unchanged).
func Trunc(x float64) float64 {
	b := Float64bits(x)
	e := int(b>>expShift&expMask) - expBias
	switch {
	case e < 0: // |x| < 1, or zero
		return Float64frombits(b & signMask)
	case e >= expShift: // integral already, or Inf or NaN
		return x
	}
	return Float64frombits(b &^ (1<<uint(expShift-e) - 1))
}

// Floor returns the greatest integer value less than or equal to x.
func Floor(x float64) float64 {
	t := Trunc(x)
	if x < 0 && t != x {
		t--
	}
	return t
}

// Ceil returns the least integer value greater than or equal to x.
func Ceil(x float64) float64 { return -Floor(-x) }

// Round returns the nearest integer, rounding half away from zero.
func Round(x float64) float64 {
	t := Trunc(x)
	if Abs(x-t) >= 0.5 {
		t += Copysign(1, x)
	}
	return t
}

// RoundToEven returns the nearest integer, rounding ties to even.
func RoundToEven(x float64) float64 {
	t := Trunc(x)
	d := Abs(x - t)
	if d > 0.5 || d == 0.5 && Mod(t, 2) != 0 {
		t += Copysign(1, x)
	}
	return t
}

// Modf returns the integer and fractional parts of f, both with f's sign.
func Modf(f float64) (int float64, frac float64) {
	if IsInf(f, 0) {
		return f, NaN()
	}
	int = Trunc(f)
	frac = Copysign(f-int, f)
	return
}

// Frexp breaks f into a fraction in [½, 1) and a power of two:
// f == frac × 2**exp (zero, Inf and NaN give themselves and 0).
func Frexp(f float64) (frac float64, exp int) {
	if f == 0 || IsInf(f, 0) || IsNaN(f) {
		return f, 0
	}
	if Abs(f) < smallestNormal {
		f *= 1 << expShift
		exp = -expShift
	}
	b := Float64bits(f)
	exp += int(b>>expShift&expMask) - expBias + 1
	b = b&^(expMask<<expShift) | (expBias-1)<<expShift
	return Float64frombits(b), exp
}

// Ldexp returns frac × 2**exp, rounded once if the result is subnormal.
func Ldexp(frac float64, exp int) float64 {
	if frac == 0 || IsInf(frac, 0) || IsNaN(frac) {
		return frac
	}
	if Abs(frac) < smallestNormal {
		frac *= 1 << expShift
		exp -= expShift
	}
	b := Float64bits(frac)
	exp += int(b>>expShift&expMask) - expBias
	if exp < -1075 {
		return Copysign(0, frac)
	}
	if exp > expBias {
		return Inf(int(b>>63)*-2 + 1)
	}
	scale := 1.0
	if exp < 1-expBias {
		// A subnormal result: build it 53 binades up, then scale down
		// with one rounding.
		exp += 53
		scale = 1.0 / (1 << 53)
	}
	b = b&^(expMask<<expShift) | uint64(exp+expBias)<<expShift
	return scale * Float64frombits(b)
}

// Mod returns the remainder of x/y with x's sign, exactly (NaN for y == 0,
// infinite x, or a NaN).
func Mod(x, y float64) float64 {
	if y == 0 || IsInf(x, 0) || IsNaN(x) || IsNaN(y) {
		return NaN()
	}
	y = Abs(y)
	yfrac, yexp := Frexp(y)
	r := Abs(x)
	for r >= y {
		rfrac, rexp := Frexp(r)
		if rfrac < yfrac {
			rexp--
		}
		// Subtract the largest y × 2**k not above r; exact.
		r -= Ldexp(y, rexp-yexp)
	}
	return Copysign(r, x)
}

// Max returns the larger of x and y: +Inf if either is, else NaN if either
// is, and +0 over -0.
func Max(x, y float64) float64 {
	switch {
	case IsInf(x, 1) || IsInf(y, 1):
		return Inf(1)
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0 && x == y:
		if Signbit(x) {
			return y
		}
		return x
	case x > y:
		return x
	}
	return y
}

// Min returns the smaller of x and y: -Inf if either is, else NaN if
// either is, and -0 over +0.
func Min(x, y float64) float64 {
	switch {
	case IsInf(x, -1) || IsInf(y, -1):
		return Inf(-1)
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0 && x == y:
		if Signbit(x) {
			return x
		}
		return y
	case x < y:
		return x
	}
	return y
}

// Dim returns max(x-y, 0) (NaN if either is NaN, and for Inf - Inf).
func Dim(x, y float64) float64 {
	v := x - y
	if v <= 0 {
		return 0
	}
	return v
}

// Hypot returns Sqrt(p*p + q*q), avoiding needless overflow.
func Hypot(p, q float64) float64 {
	p, q = Abs(p), Abs(q)
	switch {
	case IsInf(p, 1) || IsInf(q, 1):
		return Inf(1)
	case IsNaN(p) || IsNaN(q):
		return NaN()
	}
	if p < q {
		p, q = q, p
	}
	if p == 0 {
		return 0
	}
	q = q / p
	return p * Sqrt(1+q*q)
}

