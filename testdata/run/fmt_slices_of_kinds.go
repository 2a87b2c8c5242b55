// Slices and arrays of every element kind with %v and the verbs that
// apply element-wise: %d %x %q %s %t %.2f %e %c %U, widths applied per
// element, empty and nil slices.
package main

import "fmt"

func main() {
	fmt.Printf("%v %d %x %X %o\n", []int{1, -2, 300}, []int8{-1, 2}, []uint16{255, 4096}, []int{255}, [2]int{8, 64})
	fmt.Printf("%q %s %x %v\n", []string{"a b", "c"}, []string{"x", "y"}, []string{"hi", "yo"}, [2]string{})
	fmt.Printf("%t %v\n", []bool{true, false}, [3]bool{true})
	fmt.Printf("%.2f %e %g %v\n", []float64{1, 2.345}, []float32{1.5}, []float64{1e21, 1e-7}, [2]float64{0.1, 0.2})
	fmt.Printf("%c %q %U\n", []rune{'a', '世'}, []rune{'x'}, []int32{0x41})
	fmt.Printf("%5d|%-5d|%05d\n", []int{1, 22}, []int{3}, []int{-4})
	fmt.Printf("%v %v %d %s\n", []int{}, []string(nil), [0]int{}, []string{})
	fmt.Printf("%v %v\n", [][]int{{1, 2}, {}}, [2][2]string{{"a", "b"}, {"c", "d"}})
	fmt.Printf("%x % x %X\n", []byte{1, 171, 205}, [3]byte{1, 2, 3}, []uint8{254})
}
