package main

import "math"

// Gamma: exact up to |x| = 33, coarse beyond (Stirling's series uses Exp
// and Pow).
func gammaFuncs() {
	show("Gamma", math.Gamma, exact, specials[:22])
	show("Gamma", math.Gamma, exact, around(2, 1, 2, 3, 0.5, -0.5, -1, 1e-9, -1e-9, 33, -33, -2.5, 170.5))
	digest("Gamma", "mid", math.Gamma, exact, uniform(3000, -33, 33))
	digest("Gamma", "tiny", math.Gamma, exact, negated(logUniform(500, -1074, -20)))
	show("Gamma", math.Gamma, coarse, []float64{34, 50.5, 143, 144, 171.6, 171.7, 200, 201, -33.5, -100.25, -170.5, -180.5, -1e10 - 0.5, 1e300, -1e300})
	digest("Gamma", "large", math.Gamma, coarse, negated(uniform(2000, 33, 200)))
}

// Lgamma (value and sign): uses Log, Sin and Cos only, so exact
// everywhere except below 2**-70, where it is -Log(|x|) and Go's amd64
// Log of a subnormal is off (those are left out).
func lgammaFuncs() {
	lg := func(x float64) float64 { v, _ := math.Lgamma(x); return v }
	sg := func(x float64) float64 { _, s := math.Lgamma(x); return float64(s) }
	edges := around(2, 1, 2, 0.9, 1.4616321449683622, 0.7316321449683622, 0.2316321449683622,
		1.7316321449683622, 1.2316321449683622, 3, 7.5, 8, 1<<52, 1<<58, 0.25, 1.0/(1<<70))
	normalSpecials := specials[:15]
	for _, f := range []struct {
		name string
		f    func(float64) float64
	}{{"Lgamma", lg}, {"Lgamma.sign", sg}} {
		show(f.name, f.f, exact, normalSpecials)
		show(f.name, f.f, exact, negated(edges))
		digest(f.name, "mid", f.f, exact, uniform(3000, -10, 10))
		digest(f.name, "wide", f.f, exact, negated(logUniform(2000, -70, 1024)))
		digest(f.name, "neg", f.f, exact, uniform(1000, -1e6, 0))
	}
}
