// errors.As: concrete pointer and value targets, interface targets (empty
// and with methods), matches deep in Unwrap chains and in joined trees,
// As methods, no match leaving the target unchanged, and the panic for a
// target that is not a pointer.
package main

import "errors"

type PathErr struct {
	Op, Path string
}

func (e *PathErr) Error() string { return e.Op + " " + e.Path }

type Code struct {
	N    int
	Name string
}

func (c Code) Error() string { return c.Name }

type Small int

func (s Small) Error() string { return "small" }

type wrap struct{ inner error }

func (w wrap) Error() string { return "wrap(" + w.inner.Error() + ")" }
func (w wrap) Unwrap() error { return w.inner }

type temporary interface{ Temporary() bool }

type tempErr struct{}

func (tempErr) Error() string   { return "temp" }
func (tempErr) Temporary() bool { return true }

type chameleon struct{}

func (chameleon) Error() string { return "chameleon" }
func (chameleon) As(target any) bool {
	if p, ok := target.(*Small); ok {
		*p = 42
		return true
	}
	return false
}

func main() {
	pe := &PathErr{"open", "/x"}
	var err error = wrap{wrap{pe}}
	var got *PathErr
	println(errors.As(err, &got), got == pe, got.Path)

	var c Code
	println(errors.As(wrap{Code{7, "seven"}}, &c), c.N, c.Name)
	println(errors.As(errors.New("plain"), &c), c.N)

	var s Small
	println(errors.As(errors.Join(errors.New("a"), wrap{Small(3)}), &s), int(s))
	println(errors.As(chameleon{}, &s), int(s))

	var t temporary
	println(errors.As(wrap{tempErr{}}, &t), t != nil && t.Temporary())
	var t2 temporary
	println(errors.As(pe, &t2), t2 == nil)

	var e error
	println(errors.As(wrap{pe}, &e), e.Error())
	var a any
	println(errors.As(pe, &a), a.(*PathErr) == pe)

	println(errors.As(nil, &got))
	errors.As(pe, got)
}
