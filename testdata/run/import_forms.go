// Import forms in one file: plain, renamed, dot (exported names used
// unqualified), and blank; qualified
// types in declarations, conversions, composite literals and type
// switches; a method value and a function value of imported functions.
package main

import (
	. "strings"
	str "strconv"
	_ "unicode"
	"unicode/utf8"
)

type wrapper struct {
	Builder
	n int
}

func classify(x any) string {
	switch v := x.(type) {
	case *str.NumError:
		return "NumError " + v.Func
	case *Builder:
		return "Builder " + v.String()
	}
	return "other"
}

func main() {
	println(ToUpper("dot"), HasPrefix("import", "im"), Repeat("x", 3), Count("cheese", "e"))
	var w wrapper
	w.WriteString("embedded ")
	w.WriteString("builder")
	w.n = w.Len()
	println(w.String(), w.n)
	_, err := str.Atoi("nope")
	println(classify(err), classify(&w.Builder), classify(3))
	f := str.Itoa
	up := Map
	println(f(42), up(func(r rune) rune { return r + 1 }, "HAL"))
	var b Builder
	write := b.WriteString
	write("method value")
	println(b.String(), utf8.RuneLen('€'), utf8.UTFMax)
	ne := str.NumError{Func: "F", Num: "n", Err: str.ErrRange}
	println(ne.Error())
}
