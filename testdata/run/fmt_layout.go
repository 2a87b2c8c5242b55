// Struct fields of every size and alignment (int8 next to int64, bools,
// float32, strings, arrays, nested structs) read at their offsets, in
// values, arrays of structs and maps of structs.
package main

import "fmt"

type Mixed struct {
	A int8
	B int64
	C bool
	D float32
	E uint16
	F string
	G [3]int8
	H struct {
		X bool
		Y float64
	}
	I uint32
	J []int16
	K byte
	L rune
	M uintptr
	N float64
}

func main() {
	m := Mixed{-8, 1 << 40, true, 1.25, 65000, "str", [3]int8{-1, 0, 1}, struct {
		X bool
		Y float64
	}{true, -2.5}, 4000000000, []int16{-300, 300}, 'b', '世', 77, 1e-3}
	fmt.Printf("%v\n%+v\n", m, m)
	arr := [2]Mixed{m, {}}
	fmt.Println(arr[0].F, arr[1].F == "", len(fmt.Sprint(arr)))
	fmt.Println(map[string]Mixed{"k": {A: 1, N: 2}})
	fmt.Printf("%x\n", m.G)
	fmt.Printf("%d %d\n", m.L, m.K)
}
