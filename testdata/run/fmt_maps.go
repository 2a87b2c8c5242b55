// Maps print with keys sorted as Go's fmt sorts them: numbers, strings,
// bools, floats (NaN first), structs and arrays field by field,
// interfaces by type then value; %v %+v %#v; nested maps; nil maps.
package main

import (
	"fmt"
	"math"
)

type K struct {
	A int
	B string
}

func main() {
	fmt.Println(map[int]string{3: "c", 1: "a", 2: "b", -5: "neg", 100: "h"})
	fmt.Println(map[string]int{"zeta": 1, "alpha": 2, "Beta": 3, "": 4, "alphabet": 5})
	fmt.Println(map[bool]int{true: 1, false: 0})
	fmt.Println(map[float64]string{2.5: "x", math.NaN(): "nan", -1: "m", math.Inf(1): "inf", math.Inf(-1): "-inf", 0: "z"})
	fmt.Println(map[K]int{{2, "a"}: 1, {1, "b"}: 2, {1, "a"}: 3})
	fmt.Println(map[[2]int]bool{{2, 1}: true, {1, 2}: false, {1, 1}: true})
	fmt.Println(map[uint8]int{200: 1, 3: 2, 255: 3})
	fmt.Println(map[int8]int{-100: 1, 100: 2, 0: 3})
	fmt.Printf("%v\n%+v\n%#v\n", map[string]K{"b": {1, "x"}, "a": {2, "y"}}, map[string]K{"b": {1, "x"}}, map[string]K{"b": {1, "x"}, "a": {2, "y"}})
	fmt.Println(map[string]map[string]int{"outer2": {"b": 2, "a": 1}, "outer1": {"z": 26}})
	fmt.Println(map[string][]int{"s": {3, 2, 1}, "e": nil})
	var nm map[string]int
	fmt.Printf("%v %#v %d\n", nm, nm, len(nm))
	fmt.Println(map[any]int{"b": 1, "a": 2, nil: 5, "c": 6})
	m := map[int]int{}
	for i := 0; i < 50; i++ {
		m[(i*37)%101] = i
	}
	fmt.Println(m)
	fmt.Printf("%x %d\n", map[int]string{255: "ff", 16: "g"}, map[string]int{"b": 2, "a": 1})
}
