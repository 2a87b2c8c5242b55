package main

import (
	"fmt"
	"strconv"
)

type Stringer interface{ String() string }

type Num int

func (n Num) String() string { return "Num(" + strconv.Itoa(int(n)) + ")" }

type Name struct{ s string }

func (n *Name) String() string { return "Name(" + n.s + ")" }

func Values[T Stringer](xs []T) []func() string {
	var out []func() string
	for _, x := range xs {
		out = append(out, x.String)
	}
	return out
}

func Apply[T Stringer](xs []T) []string {
	f := T.String
	var out []string
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Direct[T Stringer](x T) string { return T.String(x) + "!" }

func main() {
	for _, f := range Values([]Num{1, 2}) {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	fmt.Println(Apply([]Num{3, 4}), Apply([]*Name{{"a"}, {"b"}}))
	fmt.Println(Apply([]Stringer{Num(5), &Name{"c"}}))
	fmt.Println(Direct(Num(6)), Direct[Stringer](&Name{"d"}))
}
