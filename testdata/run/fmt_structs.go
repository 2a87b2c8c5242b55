// Composite values with %v, %+v and %#v: structs (nested, embedded,
// unexported fields, pointers inside), slices, arrays, pointers to
// composites printed as &{...}, nil slices, maps and pointers.
package main

import "fmt"

type Point struct{ X, Y int }

type Inner struct {
	A string
	b []int
}

type Outer struct {
	Point
	In    Inner
	P     *Point
	M     map[string]int
	Any   any
	Err   error
	F     float64
	names []string
}

func main() {
	o := Outer{Point{1, 2}, Inner{"x", []int{1, 2}}, nil, map[string]int{"k": 1}, 42, nil, 2.5, []string{"a", "b"}}
	fmt.Printf("%v\n%+v\n%#v\n", o, o, o)
	fmt.Printf("%v %+v %#v\n", &Point{3, 4}, &Point{3, 4}, &Point{3, 4})
	fmt.Printf("%v %v %v\n", []Point{{1, 2}, {3, 4}}, [2]bool{true}, []*int(nil))
	fmt.Printf("%#v %#v %#v %#v\n", []int(nil), []int{}, [0]int{}, map[int]bool(nil))
	fmt.Printf("%v %v %d\n", &[]int{1, 2}, &[2]string{"a", "b"}, &map[string]int{"z": 26})
	fmt.Printf("%v %+v\n", struct{}{}, struct {
		A int
		B string
	}{1, "b"})
	fmt.Printf("%#v\n", struct {
		A int
		B string
	}{1, "b"})
	fmt.Printf("%v %#v\n", []any{1, "a", nil, 2.5, Point{}}, []any{1, "a", nil})
	var np *Point
	fmt.Printf("%v %+v %#v\n", np, np, np)
	fmt.Printf("%v\n", [][]int{{1}, {2, 3}, nil})
	fmt.Printf("%d %x %o\n", Point{10, 11}, []int{255, 16}, [2]int{8, 9})
	fmt.Printf("%6d|%-4v|%03d\n", []int{1, 22}, Point{1, 2}, []int{5, 6})
	fmt.Printf("%#v %#v\n", [2]Point{}, []string{"a", "b"})
	fmt.Printf("%v %#v\n", [3]float64{1, 2.5, 1e21}, []float32{0.1, 2})
}
