// errors.Is and errors.As through Errorf chains mixing custom Is methods,
// interface targets for As, errors.Join inside %w, several %w at once,
// and the texts printed at every level.
package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

type Temporary interface{ Temporary() bool }

type netErr struct{}

func (netErr) Error() string   { return "net down" }
func (netErr) Temporary() bool { return true }

type codeErr int

func (c codeErr) Error() string { return fmt.Sprintf("code %d", int(c)) }
func (c codeErr) Is(target error) bool {
	t, ok := target.(codeErr)
	return ok && t/100 == c/100
}

func main() {
	base := NotFound{"k1"}
	e1 := fmt.Errorf("lookup: %w", base)
	e2 := fmt.Errorf("handler: %w", e1)
	var nf NotFound
	fmt.Println(e2, errors.As(e2, &nf), nf.Key, errors.Is(e2, base), errors.Is(e2, NotFound{"other"}))
	e3 := fmt.Errorf("request: %w", netErr{})
	var tmp Temporary
	fmt.Println(errors.As(e3, &tmp), tmp != nil && tmp.Temporary())
	e4 := fmt.Errorf("status: %w", codeErr(404))
	fmt.Println(e4, errors.Is(e4, codeErr(400)), errors.Is(e4, codeErr(500)))
	j := errors.Join(e1, e3)
	e5 := fmt.Errorf("all: %w", j)
	fmt.Printf("%v\n---\n%q\n", e5, e5)
	fmt.Println(errors.Is(e5, base), errors.As(e5, &tmp))
	e6 := fmt.Errorf("%w; %w; %v", e4, e3, base)
	fmt.Println(e6, errors.Is(e6, codeErr(401)), errors.Is(e6, base))
	for e := error(e2); e != nil; e = errors.Unwrap(e) {
		fmt.Printf("%T: %v\n", e, e)
	}
}
