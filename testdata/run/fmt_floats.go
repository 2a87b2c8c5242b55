// Float verbs %e %E %f %F %g %G %v %b %x with precisions, widths and flags,
// float32 and float64, special values, rounding ties.
package main

import (
	"fmt"
	"math"
)

func main() {
	vals := []float64{0, 1, -1, 0.5, 2.5, 3.14159265358979, -123.456, 1e-7, 1e21, 1e20,
		123456789, 0.1, 0.3, 1.0 / 3, 2.0 / 3, 100, 1e6, 999999.5, 5e-324, math.MaxFloat64}
	for _, v := range vals {
		fmt.Printf("%v|%e|%E|%f|%F|%g|%G\n", v, v, v, v, v, v, v)
		fmt.Printf("%.0e|%.2e|%.10e|%.0f|%.2f|%.10f|%.0g|%.3g|%.10g\n", v, v, v, v, v, v, v, v, v)
		fmt.Printf("%12.3f|%-12.3f|%+.3e|% .3g|%012.4f|%+012.4f|%#g|%#.3g|%#.0f|%#e\n", v, v, v, v, v, v, v, v, v, v)
	}
	fmt.Printf("%v %v %v %.2f %5.1f %-6v| %06v %+v\n", math.NaN(), math.Inf(1), math.Inf(-1), math.NaN(), math.Inf(1), math.Inf(-1), math.NaN(), math.Inf(1))
	fmt.Printf("% v %+v %010v\n", math.NaN(), math.NaN(), math.Inf(-1))
	fmt.Printf("%v %v\n", math.Copysign(0, -1), -0.0)
	var f32 float32 = 1.1
	fmt.Printf("%v %g %e %.10f %v\n", f32, f32, f32, f32, float32(16777216.0))
	fmt.Printf("%b %b\n", 1.0, float32(1.5))
	fmt.Printf("%x %X %.3x %#x %x %x\n", 1.0, -255.5, 3.14159, 2.0, 0.0, 5e-324)
	fmt.Printf("%.1f %.1f %.1f %.1f %.0f %.0f %.0f\n", 0.05, 0.15, 0.25, 0.35, 0.5, 1.5, 2.5)
	fmt.Printf("%.3e %.20f %.30e\n", 1.0005, 0.1, 0.1)
	fmt.Printf("%8.3v|%-8.3v|%08.3v\n", 3.14159, 3.14159, -3.14159)
	fmt.Printf("%.100f\n", 1e-50)
	fmt.Printf("%f\n", 1e300)
}
