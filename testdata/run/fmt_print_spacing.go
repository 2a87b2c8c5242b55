// Print's spacing rule (a space between operands only when neither is a
// string) applies to the dynamic kind: named string types are strings,
// Stringers and errors are not; Println always separates.
package main

import (
	"errors"
	"fmt"
)

type Name string
type Num int

func (n Num) String() string { return "num" }

func main() {
	fmt.Print(Name("a"), Name("b"), 1, 2, "\n")
	fmt.Print(Num(1), Num(2), "x", Num(3), "\n")
	fmt.Print(errors.New("e1"), errors.New("e2"), "\n")
	fmt.Print(1, nil, 2, "\n")
	fmt.Print(nil, nil, "\n")
	fmt.Print([]string{"a"}, []string{"b"}, "\n")
	fmt.Print('a', 'b', "\n")
	fmt.Println(Name("a"), Name("b"), Num(1))
	fmt.Print("", 1, "", 2, "\n")
	s := fmt.Sprint(1.5, true, "x", false, 2)
	fmt.Println(s, len(s))
}
