// %#v (Go syntax) for every kind: integers (unsigned in hex), floats,
// strings, bools, named basic types, nil pointers and interfaces,
// structs with interface fields, nested slices, maps with struct keys.
package main

import "fmt"

type MyInt int
type MyUint uint16
type MyStr string
type T struct {
	A any
	B *T
	C []MyInt
	D map[MyStr]bool
	E error
	F func()
}

func main() {
	fmt.Printf("%#v %#v %#v %#v %#v\n", 42, -42, uint(42), uint8(255), uintptr(0))
	fmt.Printf("%#v %#v %#v %#v %#v %#v\n", 1.0, 2.5, 1e21, 1e-7, float32(0.1), -0.0)
	fmt.Printf("%#v %#v %#v %#v\n", "s\"q", true, 'x', byte('y'))
	fmt.Printf("%#v %#v %#v\n", MyInt(5), MyUint(6), MyStr("m"))
	var tp *T
	var e error
	var a any
	fmt.Printf("%#v %#v %#v\n", tp, e, a)
	t := T{A: 3, C: []MyInt{1, 2}, D: map[MyStr]bool{"b": true, "a": false}}
	fmt.Printf("%#v\n", t)
	fmt.Printf("%#v\n", []any{1, "a", nil, MyInt(3), []int{1}})
	fmt.Printf("%#v\n", map[[2]int]string{{1, 2}: "x"})
	fmt.Printf("%#v\n", [][]string{{"a"}, nil, {}})
	fmt.Printf("%#v %#v\n", struct{}{}, []struct{}{{}})
	fmt.Printf("%#x %#o %#b %#X\n", 255, 8, 5, 3054)
	fmt.Printf("%#v\n", &t.C)
}
