// Which verbs call String and Error (%v %s %q %x %X) and which print the
// underlying value (%d %f %t...), with flags passed through to the
// string; a Stringer of every underlying kind.
package main

import "fmt"

type IntS int

func (i IntS) String() string { return fmt.Sprintf("I%d", int(i)) }

type FloatS float64

func (f FloatS) String() string { return "F" }

type BoolS bool

func (b BoolS) String() string { return "B" }

type SliceS []int

func (s SliceS) String() string { return fmt.Sprint("S", len(s)) }

type MapS map[string]int

func (m MapS) String() string { return "M" }

type StructS struct{ A int }

func (s StructS) String() string { return "St" }

func main() {
	i := IntS(65)
	fmt.Printf("%v %s %q %x %X %d %c %U %08b %5v|%-5s|%.1s\n", i, i, i, i, i, i, i, i, i, i, i, i)
	f := FloatS(2.5)
	fmt.Printf("%v %s %f %.1e %g\n", f, f, f, f, f)
	b := BoolS(true)
	fmt.Printf("%v %t %s\n", b, b, b)
	s := SliceS{1, 2}
	fmt.Printf("%v %d %s %x\n", s, s, s, s)
	m := MapS{"a": 1}
	fmt.Printf("%v %d\n", m, m)
	st := StructS{3}
	fmt.Printf("%v %+v %d %#v\n", st, st, st, st)
}
