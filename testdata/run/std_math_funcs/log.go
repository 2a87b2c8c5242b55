package main

import "math"

// Log, Log2, Log10, Log1p. Go's amd64 Log is assembly that does not
// normalise subnormal arguments; Log and Log10 are shown at normal ones.
func logFuncs() {
	var near1 []float64
	for k := 1; k <= 60; k++ {
		d := math.Ldexp(1, -k)
		near1 = append(near1, 1+d, 1-d/2)
	}
	near1 = append(near1, around(20, 1, math.Sqrt2, math.Sqrt2/2, 2, 0.5)...)
	pos := append(logUniform(2000, -1022, 1024), uniform(1000, 0, 4)...)
	anyF := anyFinite(1000)
	var normal []float64
	for _, x := range append(append([]float64(nil), specials...), anyF...) {
		if math.Abs(x) >= minNor || x == 0 || x != x || math.IsInf(x, 0) {
			normal = append(normal, x)
		}
	}
	sub := logUniform(500, -1074, -1022)

	for _, f := range []struct {
		name string
		f    func(float64) float64
	}{{"Log", math.Log}, {"Log10", math.Log10}, {"Log2", math.Log2}} {
		show(f.name, f.f, exact, near1)
		digest(f.name, "pos", f.f, exact, pos)
		digest(f.name, "normal", f.f, exact, normal)
	}
	show("Log", math.Log, exact, []float64{0, negZ, -1, inf, -inf, nan, minNor, math.MaxFloat64, math.E, 10})
	show("Log2", math.Log2, exact, specials)
	digest("Log2", "sub", math.Log2, exact, sub)
	for e := -1074; e <= 1023; e += 37 {
		say("Log2(2**" + itoa(e) + ") = " + hex(exact(math.Log2(math.Ldexp(1, e)))))
	}

	show("Log1p", math.Log1p, exact, specials)
	show("Log1p", math.Log1p, exact, around(3, -1, -0.2928932188134524, 0.41421356237309503, 1.0/(1<<29), 1.0/(1<<54), 1<<53, 9.5367431640625e-07))
	show("Log1p", math.Log1p, exact, near1)
	digest("Log1p", "small", math.Log1p, exact, negated(logUniform(1000, -60, -1)))
	digest("Log1p", "pos", math.Log1p, exact, pos)
	digest("Log1p", "mid", math.Log1p, exact, uniform(2000, -1, 3))
	digest("Log1p", "any", math.Log1p, exact, anyF)
}
