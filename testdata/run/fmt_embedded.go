// Methods promoted through embedded fields are used by fmt as Go uses
// them: an embedded Stringer makes the outer struct a Stringer (its own
// fields are then not printed), an embedded pointer's method too, and an
// embedded field's method is used for the field itself inside %v.
package main

import "fmt"

type Inner struct{ N int }

func (i Inner) String() string { return fmt.Sprintf("Inner<%d>", i.N) }

type Outer struct {
	Inner
	Extra string
}

type PInner struct{ S string }

func (p *PInner) String() string { return "P:" + p.S }

type WithPtr struct {
	*PInner
	K int
}

type Plain struct {
	In  Inner
	Ins []Inner
}

type Shadow struct {
	Inner
}

func (s Shadow) String() string { return "shadow" }

func main() {
	fmt.Println(Outer{Inner{1}, "x"})
	fmt.Printf("%v %+v %s %d\n", Outer{Inner{2}, "y"}, Outer{Inner{3}, "z"}, Outer{Inner{4}, ""}, Outer{Inner{5}, "w"})
	fmt.Println(WithPtr{&PInner{"a"}, 1}, &WithPtr{&PInner{"b"}, 2})
	fmt.Printf("%v %+v\n", Plain{Inner{6}, []Inner{{7}, {8}}}, Plain{})
	fmt.Println(Shadow{Inner{9}}, []Shadow{{}})
	fmt.Printf("%#v\n", Outer{Inner{10}, "g"})
}
