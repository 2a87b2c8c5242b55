// Tangent, the Cephes method (as in Go's portable code): the argument is
// reduced to |z| <= π/4 (trig_reduce.go), tan z = z + z³·P(z²)/Q(z²),
// and in odd quarter turns the answer is -1/tan z.
package math

// Tan returns the tangent of x (radians): Tan(±0) = ±0, NaN for ±Inf and
// NaN.
func Tan(x float64) float64 {
	const (
		p0 = -1.30936939181383777646e4 // 0xc0c992d8d24f3f38
		p1 = 1.15351664838587416140e6  // 0x413199eca5fc9ddd
		p2 = -1.79565251976484877988e7 // 0xc1711fead3299176
		q1 = 1.36812963470692954678e4  // 0x40cab8a5eeb36572
		q2 = -1.32089234440210967447e6 // 0xc13427bc582abc96
		q3 = 2.50083801823357915839e7  // 0x4177d98fc2ead8ef
		q4 = -5.38695755929454629881e7 // 0xc189afe03cbe5a31
	)
	if x == 0 || IsNaN(x) {
		return x
	}
	if IsInf(x, 0) {
		return NaN()
	}
	neg := x < 0
	x = Abs(x)
	j, z := octant(x)
	zz := z * z
	t := z
	if zz > 1e-14 {
		t = z + z*(zz*((p0*zz+p1)*zz+p2)/((((zz+q1)*zz+q2)*zz+q3)*zz+q4))
	}
	if j&2 == 2 {
		t = -1 / t
	}
	if neg {
		t = -t
	}
	return t
}
