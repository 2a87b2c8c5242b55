// float32 values print with the shortest digits that read back as the
// same float32 (not the float64's): %v, Println, %g, %e and conversions;
// float32 inside structs, slices and maps.
package main

import "fmt"

type F struct {
	A float32
	B []float32
}

func main() {
	vals := []float32{0.1, 0.2, 0.3, 1.0 / 3, 16777216, 16777217, 3.4028235e38, 1.4e-45, 1e-10, 123456.789, 312985.125, 7.0e-4}
	for _, v := range vals {
		fmt.Println(v, float64(v))
		fmt.Printf("%v|%g|%e|%.3f|%G|%.10g\n", v, v, v, v, v, v)
	}
	fmt.Println(F{0.1, []float32{0.7, 2.5}}, map[float32]bool{0.1: true, 0.01: false})
	var sum float32
	for i := 0; i < 10; i++ {
		sum += 0.1
	}
	fmt.Println(sum, sum == 1)
}
