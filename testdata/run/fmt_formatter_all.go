// A Formatter receives every verb (even %d on a string-kind type, %w
// outside Errorf reports first) except %T and %p, which fmt handles
// itself; Formatters nested in composites; State.Write return values.
package main

import "fmt"

type F string

func (f F) Format(s fmt.State, verb rune) {
	n, err := s.Write([]byte("<" + string(verb) + ":" + string(f) + ">"))
	if n != len(f)+4 || err != nil {
		panic("bad write")
	}
}

func main() {
	f := F("x")
	for _, v := range "vsdqxXeEfgGtbocU!" {
		fmt.Printf("%"+string(v)+" ", f)
	}
	fmt.Println()
	fmt.Printf("%T %w\n", f, f)
	fmt.Println(f, []F{"a", "b"}, map[F]F{"k": "v"}, struct{ A F }{"s"})
	fmt.Printf("%+v %#v\n", []F{"p"}, struct{ A F }{"t"})
}
