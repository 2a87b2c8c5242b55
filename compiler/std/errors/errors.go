// Package errors: creating errors and inspecting chains of wrapped errors.
// goc's implementation, written from the package documentation.
package errors

// New returns an error whose Error method returns text; every call gives a
// distinct error, even for equal texts.
func New(text string) error {
	return &errorString{text}
}

type errorString struct {
	s string
}

func (e *errorString) Error() string {
	return e.s
}

// runtime_comparable reports whether x's dynamic type is comparable
// (runtime/src/stdlib/errors.rs).
func runtime_comparable(x any) bool

// Unwrap returns the result of err's Unwrap() error method, or nil. It does
// not unwrap errors whose Unwrap returns []error.
func Unwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

// Is reports whether err or an error in its tree (walked depth first
// through Unwrap() error and Unwrap() []error) equals target or has an
// Is(error) bool method that reports true for it.
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	return is(err, target, runtime_comparable(target))
}

func is(err, target error, comparable bool) bool {
	for {
		if comparable && err == target {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				if e != nil && is(e, target, comparable) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// Join returns an error wrapping the non-nil errs, or nil if there are
// none; its text is their texts separated by newlines.
func Join(errs ...error) error {
	n := 0
	for _, e := range errs {
		if e != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	j := &joinError{errs: make([]error, 0, n)}
	for _, e := range errs {
		if e != nil {
			j.errs = append(j.errs, e)
		}
	}
	return j
}

type joinError struct {
	errs []error
}

func (e *joinError) Error() string {
	if len(e.errs) == 1 {
		return e.errs[0].Error()
	}
	b := []byte(e.errs[0].Error())
	for _, x := range e.errs[1:] {
		b = append(b, '\n')
		b = append(b, x.Error()...)
	}
	return string(b)
}

func (e *joinError) Unwrap() []error {
	return e.errs
}

// The runtime halves of As (runtime/src/stdlib/errors.rs).
func runtime_astarget(target any, errorType any) int
func runtime_asassign(err error, target any) bool

// As finds the first error in err's tree (depth first) whose dynamic type
// is assignable to the type target points to, or whose As(any) bool method
// accepts target, stores it in *target and reports true. It panics if
// target is not a non-nil pointer to an interface type or to a type
// implementing error.
func As(err error, target any) bool {
	if err == nil {
		return false
	}
	if target == nil {
		panic("errors: target cannot be nil")
	}
	switch runtime_astarget(target, (*error)(nil)) {
	case 1:
		panic("errors: target must be a non-nil pointer")
	case 2:
		panic("errors: *target must be interface or implement error")
	}
	return as(err, target)
}

func as(err error, target any) bool {
	for {
		if runtime_asassign(err, target) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				if e != nil && as(e, target) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// ErrUnsupported reports that an operation is not supported.
var ErrUnsupported = New("unsupported operation")
