package main

import "sort"

type Shape interface {
	Area() int
	Name() string
}

type square struct{ s int }

func (q square) Area() int     { return q.s * q.s }
func (q square) Name() string  { return "square" }
func (q *square) Grow(by int)  { q.s += by }

// labelled embeds an interface: its methods are promoted.
type labelled struct {
	Shape
	label string
}

// Name overrides the promoted one.
type renamed struct {
	Shape
}

func (renamed) Name() string { return "renamed" }

type deep struct {
	*labelled
}

type byArea []Shape

func (b byArea) Len() int           { return len(b) }
func (b byArea) Less(i, j int) bool { return b[i].Area() < b[j].Area() }
func (b byArea) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	l := labelled{square{3}, "three"}
	var s Shape = l
	println(s.Area(), s.Name(), l.label)
	var sp Shape = &l
	println(sp.Area(), sp.Name())
	var r Shape = renamed{square{2}}
	println(r.Area(), r.Name())
	var d Shape = deep{&l}
	println(d.Area(), d.Name())
	l.Shape = square{5}
	println(d.Area(), s.Area())

	shapes := byArea{square{4}, labelled{square{1}, "one"}, renamed{square{3}}}
	sort.Sort(shapes)
	for _, x := range shapes {
		print(x.Name(), ":", x.Area(), " ")
	}
	println()
	sort.Sort(sort.Reverse(shapes))
	println(shapes[0].Area(), shapes[2].Area())

	// a nil embedded interface panics when the promoted method is called
	defer func() {
		r := recover()
		println("recovered:", r.(error).Error())
	}()
	var empty Shape = labelled{}
	println(empty.Area())
}
