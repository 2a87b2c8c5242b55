// A recursive value (a tree of slices of itself) printed with %v and
// %+v, and a Stringer that recursively formats its children with Sprintf.
package main

import (
	"fmt"
	"strings"
)

type Tree struct {
	V    int
	Kids []Tree
}

type Expr struct {
	Op   string
	Args []fmt.Stringer
}

type Lit int

func (l Lit) String() string { return fmt.Sprint(int(l)) }

func (e Expr) String() string {
	parts := make([]string, len(e.Args))
	for i, a := range e.Args {
		parts[i] = fmt.Sprintf("%v", a)
	}
	return "(" + e.Op + " " + strings.Join(parts, " ") + ")"
}

func build(d, v int) Tree {
	t := Tree{V: v}
	if d > 0 {
		for i := 0; i < 2; i++ {
			t.Kids = append(t.Kids, build(d-1, v*2+i))
		}
	}
	return t
}

func main() {
	t := build(3, 1)
	fmt.Printf("%v\n%+v\n", t, t)
	e := Expr{"+", []fmt.Stringer{Lit(1), Expr{"*", []fmt.Stringer{Lit(2), Lit(3)}}, Lit(4)}}
	fmt.Println(e)
	fmt.Printf("%s|%q|%20v|\n", e, e, Lit(5))
}
