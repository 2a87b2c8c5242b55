// Package errors: New (distinct values), Unwrap, Is through Unwrap() error
// and Unwrap() []error chains and Is methods, uncomparable targets, Join
// (nil when empty, texts joined by newlines), panics of errors.
package main

import "errors"

type wrapped struct {
	msg   string
	inner error
}

func (w *wrapped) Error() string { return w.msg + ": " + w.inner.Error() }
func (w *wrapped) Unwrap() error { return w.inner }

type code int

func (c code) Error() string { return "code" }
func (c code) Is(target error) bool {
	t, ok := target.(code)
	return ok && (t == 0 || t == c)
}

type sliceErr []int

func (s sliceErr) Error() string { return "slice error" }

var ErrBase = errors.New("base")

func main() {
	a, b := errors.New("same"), errors.New("same")
	println(a == b, a.Error() == b.Error(), a == a)
	w := &wrapped{"outer", &wrapped{"middle", ErrBase}}
	println(w.Error())
	println(errors.Unwrap(w) == w.inner, errors.Unwrap(ErrBase) == nil)
	println(errors.Is(w, ErrBase), errors.Is(w, a), errors.Is(nil, nil), errors.Is(nil, ErrBase), errors.Is(ErrBase, nil))
	println(errors.Is(code(3), code(0)), errors.Is(code(3), code(3)), errors.Is(code(3), code(4)))
	println(errors.Is(sliceErr{1}, sliceErr{1}))
	var se error = sliceErr{1}
	println(errors.Is(&wrapped{"x", se}, se))
	println(errors.Join() == nil, errors.Join(nil, nil) == nil)
	j := errors.Join(a, nil, w, code(7))
	println(j.Error())
	println(errors.Is(j, ErrBase), errors.Is(j, code(7)), errors.Is(j, b), errors.Unwrap(j) == nil)
	j2 := errors.Join(errors.Join(b), code(1))
	println(errors.Is(j2, b), j2.Error())
	println(errors.ErrUnsupported.Error())
	panic(w)
}
