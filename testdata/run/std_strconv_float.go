// strconv float conversions: FormatFloat in 'e', 'E', 'f', 'g', 'G' with
// shortest (-1) and fixed precisions, for float64 and float32, over
// ordinary values, powers of ten, halfway cases, the extremes (largest,
// smallest normal and subnormal), zeros, infinities and NaN; ParseFloat of
// the same texts and of tricky inputs (long mantissas, exact halves,
// overflow and underflow, signs, inf/nan spellings, syntax errors), and
// the round trip of the shortest form.
package main

import (
	"math"
	"strconv"
)

var values = []float64{
	0, 1, -1, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 100, 1e6, 123456789, 1e21, 1e22, 1e23,
	0.000001, 0.0000001, 1.5, 2.5, -2.5, 0.5, 1e-5, 123.456, 9.999999999999999e22,
	5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
	math.Pi, math.E, 1 << 53, 1<<53 + 2, 0.1 + 0.2, 3.4028234663852886e38, 1.401298464324817e-45,
}

func main() {
	nz := math.Copysign(0, -1)
	all := append(values, nz, math.Inf(1), math.Inf(-1), math.NaN())
	for _, v := range all {
		println(strconv.FormatFloat(v, 'g', -1, 64), strconv.FormatFloat(v, 'e', -1, 64), strconv.FormatFloat(v, 'f', -1, 64), strconv.FormatFloat(v, 'G', -1, 32))
		println(" ", strconv.FormatFloat(v, 'e', 3, 64), strconv.FormatFloat(v, 'E', 0, 64), strconv.FormatFloat(v, 'f', 2, 64), strconv.FormatFloat(v, 'f', 0, 64), strconv.FormatFloat(v, 'g', 4, 64), strconv.FormatFloat(v, 'g', 0, 64), strconv.FormatFloat(v, 'f', -1, 32))
		s := strconv.FormatFloat(v, 'g', -1, 64)
		back, err := strconv.ParseFloat(s, 64)
		println(" ", back == v || v != v, err == nil, math.Signbit(back) == math.Signbit(v))
	}
	for _, s := range []string{"1", "-0", "+0.5", ".5", "5.", "1e10", "1E-10", "1.7976931348623157e308", "1.7976931348623159e308", "1e309", "-1e309",
		"4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "0.1", "123456789012345678901234567890",
		"9007199254740993", "9007199254740995", "0.30000000000000004", "inf", "-Inf", "+INFINITY", "nan", "NaN",
		"", "-", "e5", "1e", "1e+", "1.2.3", "0x10", "1_000", "1_000.000_1", "1__0", "_1", "1_", "1_.5", "1._5", "1e1_0", "1e_1", "abc", " 1", "1 ",
		"3.4028235e38", "3.4028236e38", "1e-46", "1.4e-45",
		"0.000000000000000000000000000000000000000000000000000000000000000000000000001",
		"1.00000000000000011102230246251565404236316680908203125",
		"1.00000000000000011102230246251565404236316680908203124",
		"1.00000000000000011102230246251565404236316680908203126"} {
		f, err := strconv.ParseFloat(s, 64)
		f32, err32 := strconv.ParseFloat(s, 32)
		e, e32 := "ok", "ok"
		if err != nil {
			e = err.Error()
		}
		if err32 != nil {
			e32 = err32.Error()
		}
		println(strconv.Quote(s), f, math.Float64bits(f), e, f32, e32)
	}
	println(string(strconv.AppendFloat([]byte("x="), 1.25, 'f', 1, 64)))
	// Pseudo-random bit patterns: every shortest form and its parse.
	x := uint64(0x9E3779B97F4A7C15)
	bad := 0
	for i := 0; i < 300; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		v := math.Float64frombits(x)
		s := strconv.FormatFloat(v, 'g', -1, 64)
		back, _ := strconv.ParseFloat(s, 64)
		if math.Float64bits(back) != x && v == v {
			bad++
		}
		f32 := math.Float32frombits(uint32(x))
		s32 := strconv.FormatFloat(float64(f32), 'e', -1, 32)
		if i%10 == 0 {
			println(s, s32, strconv.FormatFloat(v, 'e', 17, 64))
		}
	}
	println("round-trip failures:", bad)
}
