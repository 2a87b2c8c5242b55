package main

import "math"

// Cbrt, Remainder, Nextafter, Nextafter32, Logb, Ilogb.
func miscFuncs() {
	anyF := anyFinite(2000)
	show("Cbrt", math.Cbrt, exact, specials)
	show("Cbrt", math.Cbrt, exact, []float64{8, -27, 1e-310, 0.001, 1e300, 3.375})
	digest("Cbrt", "any", math.Cbrt, exact, anyF)
	digest("Cbrt", "mid", math.Cbrt, exact, uniform(2000, -100, 100))

	v := []float64{0, negZ, 1, -1, 1.5, 2.5, -2.5, 3, 5.5, inf, -inf, nan, minSub, 3 * minSub, minNor, math.MaxFloat64, -math.MaxFloat64 / 3}
	var xs, ys []float64
	for _, x := range v {
		for _, y := range v {
			xs, ys = append(xs, x), append(ys, y)
		}
	}
	show2("Remainder", math.Remainder, exact, xs, ys)
	show2("Nextafter", math.Nextafter, exact, xs, ys)
	digest2("Remainder", "mid", math.Remainder, exact, uniform(2000, -100, 100), uniform(2000, -7, 7))
	digest2("Remainder", "any", math.Remainder, exact, anyF, anyFinite(2000))
	digest2("Nextafter", "any", math.Nextafter, exact, anyF, anyFinite(2000))

	f32 := func(x, y float64) float64 { return float64(math.Nextafter32(float32(x), float32(y))) }
	show2("Nextafter32", f32, exact, xs, ys)
	digest2("Nextafter32", "mid", f32, exact, uniform(1000, -1e3, 1e3), uniform(1000, -1e3, 1e3))

	show("Logb", math.Logb, exact, specials)
	digest("Logb", "any", math.Logb, exact, anyF)
	ilogb := func(x float64) float64 { return float64(math.Ilogb(x)) }
	show("Ilogb", ilogb, exact, specials)
	digest("Ilogb", "any", ilogb, exact, anyF)
}
