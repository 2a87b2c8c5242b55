// Stringer, error, GoStringer and Formatter are used where Go uses them:
// top level and nested (exported fields, elements, map keys and values),
// not for unexported fields; pointer and value receivers; error wins over
// String; %#v asks GoString; Formatter sees flags, width and precision.
package main

import (
	"errors"
	"fmt"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type PtrS struct{ n int }

func (p *PtrS) String() string { return fmt.Sprintf("PtrS(%d)", p.n) }

type Both struct{}

func (Both) String() string { return "string" }
func (Both) Error() string  { return "error" }

type Go struct{ V int }

func (g Go) GoString() string { return fmt.Sprintf("Go!%d", g.V) }
func (g Go) String() string   { return "plain" }

type Fmt struct{ s string }

func (f Fmt) Format(st fmt.State, verb rune) {
	w, wok := st.Width()
	p, pok := st.Precision()
	fmt.Fprintf(st, "F[%c w=%d,%v p=%d,%v", verb, w, wok, p, pok)
	for _, c := range "+-# 0" {
		if st.Flag(int(c)) {
			fmt.Fprintf(st, " %c", c)
		}
	}
	st.Write([]byte("]" + f.s))
}

type Holder struct {
	Temp   Celsius
	temp   Celsius
	P      *PtrS
	E      error
	Inside []Celsius
}

func main() {
	c := Celsius(21.5)
	fmt.Println(c, []Celsius{1, 2})
	fmt.Printf("%v %s %q %x %d %5.1f\n", c, c, c, c, c, c)
	fmt.Printf("%v %v\n", &PtrS{1}, PtrS{2})
	fmt.Println(Both{}, errors.New("plain error"))
	fmt.Printf("%v %+v %#v %s\n", Go{1}, Go{2}, Go{3}, []Go{{4}})
	fmt.Printf("%#v\n", []Go{{5}, {6}})
	fmt.Printf("%v|%+8.3x|%-#d|% 0s|%q\n", Fmt{"a"}, Fmt{"b"}, Fmt{"c"}, Fmt{"d"}, []Fmt{{"e"}})
	fmt.Printf("%#v %T\n", Fmt{"g"}, Fmt{})
	h := Holder{1, 2, &PtrS{3}, errors.New("boom"), []Celsius{4}}
	fmt.Printf("%v\n%+v\n", h, h)
	fmt.Println(map[Celsius]Celsius{3: 4, 1: 2})
	var np *PtrS
	fmt.Println(np == nil)
	var e error
	fmt.Printf("%v %d\n", e, e)
}
