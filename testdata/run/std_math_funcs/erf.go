package main

import "math"

// Erf and Erfc: exact below 1.25, coarse on the tail (Exp).
func erfFuncs() {
	edges := around(2, 0.84375, 1.25, 1/0.35, 6, 28, 0.25, 1.0/(1<<28), 1.0/(1<<56), 2.848094538889218e-306)
	for _, f := range []struct {
		name string
		f    func(float64) float64
	}{{"Erf", math.Erf}, {"Erfc", math.Erfc}} {
		show(f.name, f.f, coarse, specials)
		show(f.name, f.f, coarse, negated(edges))
		digest(f.name, "near", f.f, exact, negated(uniform(2000, 0, 1.25)))
		digest(f.name, "tiny", f.f, exact, negated(logUniform(500, -1074, -1)))
		digest(f.name, "tail", f.f, coarse, negated(uniform(2000, 1.25, 30)))
	}
	show("Erf", math.Erf, exact, []float64{0, negZ, minSub, -minSub, 1e-300, 0.5, -0.5, 1, -1, 6, -6, inf, -inf, nan})
	show("Erfc", math.Erfc, exact, []float64{0, negZ, 1e-20, 0.5, -0.5, 1, -1, -7, 28, inf, -inf, nan})
}
