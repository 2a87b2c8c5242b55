// decl_later_types: package-level initialisers that use types declared
// further down: composite literals of slices, structs, maps and arrays of
// later types, nested, and pointers to them.
package main

import "fmt"

var table = Ranges{{1, 2}, {3, 4}}

var point = Point{X: 1, Y: 2}

var byName = Index{"a": {Lo: 5, Hi: 6}}

var grid = Grid{{1, 2}, {3, 4}}

var pp = &Point{X: 7}

var nested = Outer{In: Inner{V: Ranges{{9, 9}}}}

type Ranges []Range

type Range struct{ Lo, Hi int }

type Point struct{ X, Y int }

type Index map[string]Range

type Grid [2][2]int

type Outer struct{ In Inner }

type Inner struct{ V Ranges }

func main() {
	fmt.Println(table, point, byName, grid, *pp, nested)
	fmt.Println(len(table), table[1].Hi, byName["a"].Lo)
}
