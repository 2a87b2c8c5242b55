package main

import "math"

// Sin, Cos, Tan, Sincos: near multiples of π/4 (where the reduction
// cancels), across the switch to Payne–Hanek at 2**29, and up to the
// largest floats.
func trigFuncs() {
	var quarter []float64
	for k := 1; k <= 64; k++ {
		quarter = append(quarter, float64(k)*(math.Pi/4))
	}
	for _, k := range []float64{1e3, 1e6, 1e9, 1e12, 1e15, 3.0e17} {
		quarter = append(quarter, k*(math.Pi/2))
	}
	quarter = around(2, quarter...)
	boundary := around(3, 1<<29, 1<<30, 1<<52, 1<<53, 1e22, 0x1.921fb54442d18p+1, 6.283185307179586, 1e-14, 1.1e-7)
	mid := negated(uniform(1500, 0, 100))
	big := negated(logUniform(1000, 0, 1024))
	small := negated(logUniform(500, -1074, 0))

	for _, f := range []struct {
		name string
		f    func(float64) float64
	}{
		{"Sin", math.Sin}, {"Cos", math.Cos}, {"Tan", math.Tan},
		{"Sincos.sin", func(x float64) float64 { s, _ := math.Sincos(x); return s }},
		{"Sincos.cos", func(x float64) float64 { _, c := math.Sincos(x); return c }},
	} {
		show(f.name, f.f, exact, specials)
		show(f.name, f.f, exact, boundary)
		digest(f.name, "quarter", f.f, exact, quarter)
		digest(f.name, "mid", f.f, exact, mid)
		digest(f.name, "big", f.f, exact, big)
		digest(f.name, "small", f.f, exact, small)
	}
}

// Asin, Acos, Atan, Atan2.
func inverseTrigFuncs() {
	unit := negated(append(uniform(1500, 0, 1), around(3, 0.66, 0.7, 1, 0.5, 2.414213562373095)...))
	all := append(negated(logUniform(1500, -1074, 1024)), uniform(1000, -5, 5)...)
	for _, f := range []struct {
		name string
		f    func(float64) float64
	}{{"Asin", math.Asin}, {"Acos", math.Acos}, {"Atan", math.Atan}} {
		show(f.name, f.f, exact, specials)
		digest(f.name, "unit", f.f, exact, unit)
		digest(f.name, "all", f.f, exact, all)
	}
	show("Atan", math.Atan, exact, around(3, 0.66, 2.414213562373095, 1))

	v := []float64{0, negZ, 1, -1, 2.5, -2.5, inf, -inf, nan, minSub, -1e300}
	var ys, xs []float64
	for _, y := range v {
		for _, x := range v {
			ys, xs = append(ys, y), append(xs, x)
		}
	}
	show2("Atan2", math.Atan2, exact, ys, xs)
	digest2("Atan2", "mid", math.Atan2, exact, uniform(2000, -10, 10), uniform(2000, -10, 10))
	digest2("Atan2", "wide", math.Atan2, exact, negated(logUniform(1000, -1074, 1024)), negated(logUniform(1000, -1074, 1024)))
}
