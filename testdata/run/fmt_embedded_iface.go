// Structs embedding interfaces get their methods: one embedding error or
// fmt.Stringer is printed through the promoted method; with the embedded
// value nil the call panics and fmt reports it as Go does.
package main

import (
	"errors"
	"fmt"
)

type Wrapped struct {
	error
	Code int
}

type Named struct {
	fmt.Stringer
}

type name string

func (n name) String() string { return "name:" + string(n) }

func main() {
	w := Wrapped{errors.New("inner"), 7}
	fmt.Println(w, w.Code)
	fmt.Printf("%v|%s|%+v\n", w, w, w)
	fmt.Println(Named{name("x")}, []Named{{name("y")}})
	var empty Wrapped
	fmt.Println(empty)
	fmt.Printf("%v|%d\n", Named{}, Named{})
	var e error = Wrapped{errors.New("as error"), 1}
	fmt.Println(e, errors.Unwrap(e) == nil)
}
