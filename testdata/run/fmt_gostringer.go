// GoString for %#v: value and pointer receivers, at the top level and
// nested in slices, maps and struct fields, ignored by %v and %+v; a
// GoStringer that also has String.
package main

import "fmt"

type Color int

func (c Color) GoString() string { return fmt.Sprintf("Color(%d)", int(c)) }

type Ref struct{ ID int }

func (r *Ref) GoString() string { return fmt.Sprintf("&Ref{%d}", r.ID) }

type Both struct{}

func (Both) GoString() string { return "Both{}#" }
func (Both) String() string   { return "both-str" }

type Holder struct {
	C   Color
	R   *Ref
	Cs  []Color
	Map map[string]Color
	B   Both
}

func main() {
	c := Color(3)
	fmt.Printf("%v %+v %#v %d\n", c, c, c, c)
	r := &Ref{7}
	fmt.Printf("%#v %#v\n", r, *r)
	fmt.Printf("%#v\n", Holder{1, &Ref{2}, []Color{3, 4}, map[string]Color{"k": 5}, Both{}})
	fmt.Printf("%v %#v %s\n", Both{}, Both{}, Both{})
	fmt.Printf("%#v\n", []any{Color(8), Both{}, nil})
}
