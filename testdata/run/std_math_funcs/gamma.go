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
