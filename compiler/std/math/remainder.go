// IEEE 754 remainder, after FreeBSD msun's e_remainder.c: x is first
// reduced exactly modulo 2y with Mod, then y is subtracted once or twice
// so that the result lies in [-y/2, y/2], ties going to the even
// quotient.
package math

// Remainder returns x - n·y with n the integer nearest x/y (ties to
// even): NaN for infinite x, zero y, or NaN; x for infinite y.
func Remainder(x, y float64) float64 {
	const (
		tiny    = 4.45014771701440276618e-308 // 2**-1021: y/2 may be inexact below
		halfMax = MaxFloat64 / 2
	)
	switch {
	case IsNaN(x) || IsNaN(y) || IsInf(x, 0) || y == 0:
		return NaN()
	case IsInf(y, 0):
		return x
	}
	neg := x < 0
	if neg {
		x = -x
	}
	if y < 0 {
		y = -y
	}
	if x == y {
		if neg {
			return Copysign(0, -1)
		}
		return 0
	}
	if y <= halfMax {
		x = Mod(x, y+y) // exact; now x < 2y
	}
	if y < tiny {
		if x+x > y {
			x -= y
			if x+x >= y {
				x -= y
			}
		}
	} else {
		half := 0.5 * y
		if x > half {
			x -= y
			if x >= half {
				x -= y
			}
		}
	}
	if neg {
		return -x
	}
	return x
}
