// Package math: constants, bit conversions (float64 and float32), Sqrt,
// Abs, Trunc/Floor/Ceil/Round/RoundToEven, Modf, Frexp/Ldexp (subnormals,
// overflow), Mod, Max/Min with NaN/Inf/±0, Signbit/Copysign, Inf/IsInf/
// IsNaN/NaN, Dim, Hypot, over ordinary and special values.
package main

import "math"

func main() {
	println(math.Pi, math.E, math.Sqrt2, math.Ln2, math.Log2E, math.Log10E, math.Phi)
	println(math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32, math.SmallestNonzeroFloat32)
	println(math.MaxInt64, math.MinInt64, uint64(math.MaxUint64), math.MaxInt8, math.MinInt16, math.MaxUint32)
	nz := math.Copysign(0, -1)
	vals := []float64{0, nz, 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, 3.7, -3.7,
		1e300, -1e-300, 4.9e-324, 2.2250738585072014e-308, 4503599627370496.5, 9007199254740993,
		math.Inf(1), math.Inf(-1), math.NaN(), math.Pi}
	for _, x := range vals {
		println(x, math.Float64bits(x), math.Abs(x), math.Trunc(x), math.Floor(x), math.Ceil(x), math.Round(x), math.RoundToEven(x))
		i, f := math.Modf(x)
		fr, ex := math.Frexp(x)
		println(" ", i, f, fr, ex, math.Ldexp(fr, ex) == x || x != x, math.Sqrt(x), math.Signbit(x), math.IsNaN(x), math.IsInf(x, 0), math.IsInf(x, 1), math.IsInf(x, -1))
	}
	println(math.Float64frombits(0x3FF0000000000000), math.Float64frombits(1), math.Float64frombits(0x7FF0000000000000))
	println(math.Float32bits(1.5), math.Float32frombits(0x40490FDB), math.Float32bits(float32(math.Inf(-1))))
	println(math.Ldexp(1, 1023), math.Ldexp(1, 1024), math.Ldexp(-1, 1024), math.Ldexp(1, -1074), math.Ldexp(1, -1075), math.Ldexp(1.5, -1075), math.Ldexp(3, -1076))
	println(math.Mod(7, 3), math.Mod(-7, 3), math.Mod(7, -3), math.Mod(5.5, 1.25), math.Mod(1e300, 3), math.Mod(1, 0), math.Mod(math.Inf(1), 1), math.Mod(1, math.Inf(1)), math.Mod(nz, 2))
	println(math.Max(1, 2), math.Max(nz, 0), math.Max(0, nz), math.Max(math.NaN(), math.Inf(1)), math.Max(math.NaN(), 1))
	println(math.Min(1, 2), math.Min(nz, 0), math.Min(0, nz), math.Min(math.NaN(), math.Inf(-1)), math.Min(math.NaN(), 1))
	println(math.Copysign(3, -1), math.Copysign(-3, 1), math.Copysign(math.NaN(), -1), math.Signbit(math.Copysign(math.NaN(), -1)))
	println(math.Dim(5, 3), math.Dim(3, 5), math.Hypot(3, 4), math.Hypot(1e300, 1e300), math.Hypot(math.Inf(-1), math.NaN()))
	println(math.Sqrt(2), math.Sqrt(-1), math.Sqrt(nz), math.Sqrt(1e-320), math.Sqrt(math.Inf(1)))
}
