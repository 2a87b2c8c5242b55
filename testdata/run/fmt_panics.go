// Methods that panic while fmt prints: %!v(PANIC=String method: ...) and
// the same for Error, Format and GoString; a nil pointer receiver whose
// method panics prints <nil>; printing goes on afterwards.
package main

import (
	"errors"
	"fmt"
)

type Bad struct{ msg string }

func (b Bad) String() string { panic(b.msg) }

type BadErr struct{}

func (BadErr) Error() string { panic(errors.New("err in Error")) }

type BadFmt struct{}

func (BadFmt) Format(f fmt.State, c rune) { panic(42) }

type BadGo struct{}

func (BadGo) GoString() string { panic("gostring") }

type T struct{ n int }

func (t *T) String() string { return fmt.Sprint("T", t.n) }

func main() {
	fmt.Println(Bad{"oops"}, "after")
	fmt.Printf("[%s] [%d] [%10v]\n", Bad{"x"}, Bad{"y"}, Bad{"z"})
	fmt.Println(BadErr{})
	fmt.Printf("%v %x\n", BadFmt{}, BadFmt{})
	fmt.Printf("%#v\n", BadGo{})
	var t *T
	fmt.Println(t)
	fmt.Printf("%v %s|\n", t, t)
	fmt.Println([]Bad{{"in slice"}})
	fmt.Println(&T{5})
}
