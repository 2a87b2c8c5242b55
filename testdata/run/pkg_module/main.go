// A module of several packages: qualified consts, vars, funcs, types and
// methods; a renamed import; a blank import run only for its init; package
// initialisation order across packages (dependencies first, each package's
// variables in dependency order, then its init functions); assignment to
// another package's variable; type names in panics qualified by package.
package main

import (
	"example.com/shapes/geom"
	reg "example.com/shapes/internal/registry"
	_ "example.com/shapes/util"
)

var total = geom.Area(sq) + float64(reg.Count())

var sq = geom.Square{Side: geom.Unit * 3}

func init() {
	println("main init", total, len(reg.Names))
}

type named interface{ Name() string }

func main() {
	var s geom.Shape = sq
	println(s.Name(), geom.Area(s))
	r := &geom.Rect{W: 2, H: 5}
	r.Scale(2)
	println(r.Name(), r.W, r.H, geom.Area(r))
	var n named = r
	println(n.Name())
	reg.Add("main")
	for i, name := range reg.Names {
		println(i, name)
	}
	reg.Names = nil
	println(reg.Count(), geom.Pi > 3, geom.Version)
	f := geom.Area
	println(f(geom.Square{Side: 2}))
	m := (*geom.Rect).Scale
	m(r, 0.5)
	println(r.W)
	var any1 any = sq
	if _, ok := any1.(geom.Shape); ok {
		println("square is a shape")
	}
	_ = any1.(*geom.Rect)
}
