// Untyped constants as fmt operands take their default types (int,
// float64, rune, string, bool); typed constants keep theirs; math's
// constants printed at several precisions.
package main

import (
	"fmt"
	"math"
)

const (
	Big   = 1 << 62
	Small = -7
	F     = 1e3
	R     = 'Z'
	S     = "const"
	B     = 1 > 0
)

type Code uint8

const C Code = 200

func main() {
	fmt.Printf("%v %T|%v %T|%v %T|%v %T|%v %T|%v %T|%v %T\n", Big, Big, Small, Small, F, F, R, R, S, S, B, B, C, C)
	fmt.Println(math.Pi, math.E, math.Sqrt2, math.MaxInt64, math.MinInt64, uint64(math.MaxUint64))
	fmt.Printf("%.50f\n%.20e\n%g\n%v\n", math.Pi, math.E, math.MaxFloat32, math.SmallestNonzeroFloat64)
	fmt.Printf("%d %x %o %b\n", math.MaxInt32, math.MaxUint32, math.MaxInt8, math.MaxUint8)
	fmt.Printf("%v %v %v\n", 1/3.0, 2.0/3, float32(1)/3)
	fmt.Println(1e100, 1e-100, 12345678.0, 0.000012345)
}
