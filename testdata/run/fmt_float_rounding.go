// Rounding of floats at every precision: exact halves round to even,
// values just above and below halves, rounding that carries into a new
// digit (9.995 → 10.00), %g precision dropping trailing zeros, and the
// %e/%f choice of %g at the boundaries.
package main

import "fmt"

func main() {
	for _, v := range []float64{0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 9.995, 99.95, 999.5, 0.0005, 1e15 + 0.5, 123456.5} {
		fmt.Printf("%.0f %.1f %.2f %.3f | %.0e %.1e %.2e | %.1g %.2g %.3g %.4g\n", v, v, v, v, v, v, v, v, v, v, v)
	}
	for _, v := range []float64{1e-4, 9.9999e-5, 1e-5, 123456, 1234567, 999999.9, 9999995} {
		fmt.Printf("%g %G %.3g %#g %v\n", v, v, v, v, v)
	}
	fmt.Printf("%.3g %.3g %.3g %.10g\n", 100.0, 1000.0, 0.0001, 1e10)
	fmt.Printf("%#.3g %#.3g %#.0e %#.0f %#g\n", 100.0, 1.0, 5.0, 5.0, 0.0)
}
