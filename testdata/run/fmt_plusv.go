// %+v: field names at every depth, through pointers at the top level,
// inside slices, maps and interfaces; + on numbers inside composites.
package main

import "fmt"

type Leaf struct {
	N   int
	F   float64
	Tag string
}

type Tree struct {
	Name   string
	Leaves []Leaf
	Meta   map[string]any
	Next   *Tree
	Any    any
}

func main() {
	t := &Tree{"root", []Leaf{{1, -2.5, "a"}, {-3, 4, ""}}, map[string]any{"k": Leaf{5, 6, "x"}, "j": 7}, nil, Leaf{}}
	fmt.Printf("%+v\n", t)
	fmt.Printf("%v\n", t)
	fmt.Printf("%+v\n", *t)
	fmt.Printf("%+d\n", []int{1, -1, 0})
	fmt.Printf("%+v %+v\n", []any{1, -2.5}, map[string]int{"x": 1})
	fmt.Printf("%+q %+v\n", []string{"é", "a"}, struct{ S string }{"é"})
}
