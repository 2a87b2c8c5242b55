// Nextafter and Nextafter32: stepping one unit in the last place by
// adding or subtracting one to the bit pattern, which moves to the
// adjacent float of the same sign (and from ±0 to the smallest
// subnormal of y's sign).
package math

// Nextafter returns the next float64 after x towards y: x if x == y, NaN
// if either is NaN.
func Nextafter(x, y float64) float64 {
	switch {
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == y:
		return x
	case x == 0:
		return Copysign(Float64frombits(1), y)
	case (y > x) == (x > 0): // away from zero
		return Float64frombits(Float64bits(x) + 1)
	}
	return Float64frombits(Float64bits(x) - 1)
}

// Nextafter32 returns the next float32 after x towards y: x if x == y,
// NaN if either is NaN.
func Nextafter32(x, y float32) float32 {
	switch {
	case x != x || y != y:
		return float32(NaN())
	case x == y:
		return x
	case x == 0:
		return float32(Copysign(float64(Float32frombits(1)), float64(y)))
	case (y > x) == (x > 0):
		return Float32frombits(Float32bits(x) + 1)
	}
	return Float32frombits(Float32bits(x) - 1)
}
