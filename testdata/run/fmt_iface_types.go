// Values stored in interface types of the program's own (with embedded
// fmt.Stringer, with other methods), printed directly, in slices of those
// interfaces, and as map values; %T of the stored values.
package main

import "fmt"

type Shape interface {
	fmt.Stringer
	Area() float64
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64   { return r.W * r.H }
func (r Rect) String() string  { return fmt.Sprintf("Rect %gx%g", r.W, r.H) }

type Circle struct{ R float64 }

func (c *Circle) Area() float64  { return 3 * c.R * c.R }
func (c *Circle) String() string { return fmt.Sprintf("Circle r=%g", c.R) }

type Named interface{ Name() string }

type Dog struct{ N string }

func (d Dog) Name() string { return d.N }

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1.5}, nil}
	fmt.Println(shapes)
	for _, s := range shapes {
		if s == nil {
			fmt.Printf("%v %T\n", s, s)
			continue
		}
		fmt.Printf("%v %T %.2f\n", s, s, s.Area())
	}
	var n Named = Dog{"rex"}
	fmt.Println(n, []Named{Dog{"a"}, nil})
	fmt.Printf("%v %+v %#v\n", n, n, n)
	m := map[string]Shape{"r": Rect{1, 1}}
	fmt.Println(m)
}
