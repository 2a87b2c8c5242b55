// Errorf: plain (an *errors.errorString), one %w (Unwrap returns it;
// errors.Is and errors.As see through chains), several %w (Unwrap()
// []error), %w of a non-error, %w with nil, reordered %w, %T of results.
package main

import (
	"errors"
	"fmt"
)

var ErrBase = errors.New("base")

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("myerr %d", e.Code) }

func main() {
	e0 := fmt.Errorf("plain %d", 1)
	fmt.Printf("%v %T %v\n", e0, e0, errors.Unwrap(e0))
	e1 := fmt.Errorf("ctx: %w", ErrBase)
	fmt.Printf("%v %T %v %v\n", e1, e1, errors.Unwrap(e1) == ErrBase, errors.Is(e1, ErrBase))
	e2 := fmt.Errorf("outer: %w", e1)
	fmt.Println(e2, errors.Is(e2, ErrBase), errors.Unwrap(errors.Unwrap(e2)) == ErrBase)
	me := &MyErr{7}
	e3 := fmt.Errorf("wrapped %w here", me)
	var target *MyErr
	fmt.Println(errors.As(e3, &target), target.Code, target == me)
	e4 := fmt.Errorf("two: %w and %w", ErrBase, me)
	fmt.Printf("%v %T\n", e4, e4)
	if u, ok := e4.(interface{ Unwrap() []error }); ok {
		fmt.Println(len(u.Unwrap()), u.Unwrap()[0] == ErrBase, u.Unwrap()[1] == me)
	}
	fmt.Println(errors.Is(e4, ErrBase), errors.As(e4, &target), errors.Unwrap(e4))
	e5 := fmt.Errorf("not error: %w", 42)
	fmt.Printf("%v %T %v\n", e5, e5, errors.Unwrap(e5))
	e6 := fmt.Errorf("nil: %w", nil)
	fmt.Printf("%v %v\n", e6, errors.Unwrap(e6))
	e7 := fmt.Errorf("%[2]w %[1]w %[2]w", ErrBase, me)
	u7 := e7.(interface{ Unwrap() []error }).Unwrap()
	fmt.Println(e7, len(u7), u7[0] == ErrBase)
	e8 := fmt.Errorf("%v and %s", ErrBase, me)
	fmt.Println(e8, errors.Is(e8, ErrBase))
	e9 := fmt.Errorf("join: %w", errors.Join(ErrBase, me))
	fmt.Println(e9, errors.Is(e9, ErrBase))
	fmt.Printf("%+v|%10v|%q\n", e1, e1, e1)
}
