package main

import "math"

// Sinh, Cosh, Tanh (coarse where they use Exp, exact on the rational
// approximations near zero), Asinh, Acosh, Atanh.
func hyperbolicFuncs() {
	edges := around(2, 0.5, 21, 0.625, 44.014845965556525, 710.4758600739439, 1.0/(1<<28), 2, 1<<28)
	wide := uniform(2000, -709.4, 709.4) // see Exp's wide set
	for _, f := range []struct {
		name string
		f    func(float64) float64
	}{{"Sinh", math.Sinh}, {"Cosh", math.Cosh}, {"Tanh", math.Tanh}} {
		show(f.name, f.f, coarse, specials)
		show(f.name, f.f, coarse, edges)
		digest(f.name, "wide", f.f, coarse, wide)
		digest(f.name, "mid", f.f, coarse, uniform(2000, -3, 3))
	}
	digest("Sinh", "near0", math.Sinh, exact, uniform(2000, -0.5, 0.5))
	digest("Tanh", "near0", math.Tanh, exact, uniform(2000, -0.62, 0.62))
	show("Sinh", math.Sinh, exact, []float64{0, negZ, 0.25, -1e-300, inf, -inf, nan})
	show("Tanh", math.Tanh, exact, []float64{0, negZ, 0.25, 45, -45, inf, -inf, nan})

	for _, f := range []struct {
		name string
		f    func(float64) float64
	}{{"Asinh", math.Asinh}, {"Acosh", math.Acosh}, {"Atanh", math.Atanh}} {
		show(f.name, f.f, exact, specials)
		show(f.name, f.f, exact, edges)
		digest(f.name, "unit", f.f, exact, uniform(2000, -1, 1))
		digest(f.name, "mid", f.f, exact, uniform(2000, -5, 5))
		digest(f.name, "any", f.f, exact, negated(logUniform(1000, -1074, 1024)))
	}
	show("Acosh", math.Acosh, exact, around(3, 1, 2))
	show("Atanh", math.Atanh, exact, around(3, 1, -1, 0.5))
}
