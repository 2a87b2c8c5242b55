// fmt and reflect with complex values: every float verb with flags,
// widths and precisions (the width applies to each part), %v of composite
// values holding complex numbers, map keys sorted by real then imaginary
// part, %T, bad verbs, and reflect's Complex and Kind.
package main

import (
	"fmt"
	"math"
	"reflect"
)

type C64 complex64

type S struct {
	A complex64
	B []complex128
	C map[complex128]bool
}

func main() {
	vals := []complex128{0, complex(1.5, -2), complex(-1e21, 1e-7),
		complex(math.Inf(1), math.NaN()), complex(math.Copysign(0, -1), math.Inf(-1))}
	formats := []string{"%v", "%+v", "%#v", "%g", "%G", "%e", "%E", "%f", "%F",
		"%.2f", "%8.3f", "%-9.1e|", "%+.3g", "% .2f", "%010.2f", "%x", "%X", "%b", "%.0f", "%#g"}
	for _, v := range vals {
		for _, f := range formats {
			fmt.Printf(f+" ", v)
		}
		fmt.Println()
		fmt.Printf("%v %.3g %x\n", complex64(v), complex64(v), complex64(v))
	}
	fmt.Printf("%d %s %q %t\n", 1i, 1i, 1i, 1i)
	fmt.Printf("%T %T %T %T\n", 1i, complex64(1), C64(2), S{})
	s := S{A: 1 + 2i, B: []complex128{3, 4i}, C: map[complex128]bool{2: true, 1i: false, 1: true, 1 + 1i: true, -1: false}}
	fmt.Println(s)
	fmt.Printf("%v\n%+v\n", s, s)
	fmt.Println(fmt.Sprint(1i, 2i), fmt.Sprintln(C64(3)))
	v := reflect.ValueOf(C64(2 - 1i))
	fmt.Println(v.Kind(), v.Complex(), v.Type(), reflect.ValueOf(1i).Kind())
	fmt.Println(reflect.TypeOf(s).Field(0).Type, reflect.ValueOf(s).Field(0).Complex())
}
