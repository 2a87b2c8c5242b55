package main

import "math"

// Exp (coarse), Exp2, Expm1, Pow, Pow10.
func expFuncs() {
	edges := around(2, 709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412,
		-708.3964185322641, 1023.9999999999999, 1024, -1022, -1074, -1075, -1074.5,
		0.34657359027997264, 1.0397207708399179, 38.816242111356935, 0.6931471805599453, -0.6931471805599453,
		1.0/(1<<28), -1.0/(1<<28), 1.0/(1<<54), 56, -56, 20, 19.5)
	small := append(uniform(500, -1, 1), logUniform(500, -60, 0)...)
	// Go's amd64 Exp returns +Inf from about 709.5 on, where the result
	// is still finite (the portable method and arm64 give it).
	wide := uniform(2000, -750, 709.4)
	anyF := anyFinite(1000)

	show("Exp", math.Exp, coarse, specials)
	show("Exp", math.Exp, coarse, edges)
	digest("Exp", "small", math.Exp, coarse, small)
	digest("Exp", "wide", math.Exp, coarse, wide)
	// Exp is exact at its special values.
	show("Exp", math.Exp, exact, []float64{0, negZ, inf, -inf, nan, 710, -746, 1e-9, -1e-9, 1e-300})

	for _, f := range []struct {
		name string
		f    func(float64) float64
	}{{"Exp2", math.Exp2}, {"Expm1", math.Expm1}} {
		show(f.name, f.f, exact, specials)
		show(f.name, f.f, exact, edges)
		digest(f.name, "small", f.f, exact, small)
		digest(f.name, "wide", f.f, exact, wide)
		digest(f.name, "negsmall", f.f, exact, negated(logUniform(500, -60, 0)))
		digest(f.name, "any", f.f, exact, anyF)
	}
	digest("Expm1", "k", math.Expm1, exact, uniform(3000, -40, 60))
	digest("Exp2", "int", math.Exp2, exact, uniform(2000, -1080, 1030))

	// Pow: special pairs, integer exponents (exact, no Exp), fractional.
	pv := []float64{0, negZ, 1, -1, 0.5, -0.5, 2, -2, 3, -3, inf, -inf, nan, 1e-300, 1e300, 0.9999999999999999, 1.0000000000000002}
	var xs, ys []float64
	for _, x := range pv {
		for _, y := range pv {
			xs, ys = append(xs, x), append(ys, y)
		}
	}
	show2("Pow", math.Pow, coarse, xs, ys)
	ints := []float64{4, 5, -5, 7, 63, -64, 1 << 53, 1<<53 + 2, 1 << 63, 1 << 64, -(1 << 64), 1025, -1075}
	xs, ys = nil, nil
	for _, x := range []float64{2, -2, 3, -3, 0.5, 1.5, -1.5, 10, 1e-10, 1e10, 0.999, -1.001} {
		for _, y := range ints {
			xs, ys = append(xs, x), append(ys, y)
		}
	}
	show2("Pow", math.Pow, exact, xs, ys)
	xs, ys = uniform(2000, -10, 10), uniform(2000, -40, 40)
	for i := range ys {
		ys[i] = math.Trunc(ys[i])
	}
	digest2("Pow", "intexp", math.Pow, exact, xs, ys)
	digest2("Pow", "frac", math.Pow, coarse, logUniform(2000, -20, 20), uniform(2000, -30, 30))

	for n := -330; n <= 330; n += 1 {
		if n%7 == 0 || n < -300 || n > 300 || n > -30 && n < 30 {
			say("Pow10(" + itoa(n) + ") = " + hex(exact(math.Pow10(n))))
		}
	}
	say("Pow10(min) = " + hex(exact(math.Pow10(math.MinInt))) + " " + hex(exact(math.Pow10(math.MaxInt))))
}
