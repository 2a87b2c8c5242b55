// Error values printed through Error(): %v %s %q %x %d, nil errors,
// errors inside slices, structs (exported and unexported fields), maps,
// errors.Join's multi-line text, os.PathError-like wrapping.
package main

import (
	"errors"
	"fmt"
)

type codeErr struct{ code int }

func (e codeErr) Error() string { return fmt.Sprint("code ", e.code) }

type wrapper struct {
	Err  error
	err  error
	Errs []error
}

func main() {
	e := errors.New("bad thing")
	fmt.Printf("%v|%s|%q|%x|%X|%d|%10v|%-10s|\n", e, e, e, e, e, e, e, e)
	var ne error
	fmt.Printf("%v|%s|%d\n", ne, ne, ne)
	fmt.Println([]error{e, nil, codeErr{3}})
	fmt.Printf("%v\n%+v\n", wrapper{e, codeErr{4}, []error{codeErr{5}}}, wrapper{})
	fmt.Println(map[string]error{"a": e, "b": nil})
	j := errors.Join(e, codeErr{6})
	fmt.Printf("%v|%q\n", j, j)
	fmt.Println(codeErr{7}, &codeErr{8})
}
