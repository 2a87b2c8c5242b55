// fmt functions used as values: Sprint stored in a variable and passed
// around, Sprintf through a func(string, ...any) string parameter,
// method values of a Stringer, variadic forwarding with a... .
package main

import "fmt"

type Pt struct{ X, Y int }

func (p Pt) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

func logf(format string, args ...any) string {
	return fmt.Sprintf("log: "+format, args...)
}

func apply(f func(...any) string, xs ...any) string { return f(xs...) }

func main() {
	sp := fmt.Sprint
	fmt.Println(sp(1, 2, "x"), apply(fmt.Sprintln, "a", 1))
	fmt.Println(logf("%d-%s", 1, "b"), logf("none"), logf("%v", []any{1, nil}...))
	p := Pt{1, 2}
	str := p.String
	fmt.Println(str(), fmt.Sprint(p), fmt.Sprintf("%v|%s|%+v|%#v", p, p, p, p))
	var sf func(string, ...any) string = fmt.Sprintf
	fmt.Println(sf("%05.1f", 3.14159))
	args := []any{"k", 2}
	fmt.Println(fmt.Sprintf("%s=%d", args...))
	fmt.Println(fmt.Sprint(args...), fmt.Sprint(args))
}
