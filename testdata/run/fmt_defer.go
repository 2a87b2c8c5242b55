// fmt inside deferred calls: arguments evaluated at the defer statement,
// deferred Printf during a panic, the recovered value printed with %v and
// %T, and named results changed by a deferred Sprintf.
package main

import (
	"errors"
	"fmt"
)

func describe() (s string) {
	defer func() { s = fmt.Sprintf("[%s]", s) }()
	return "inner"
}

func work(n int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered %v (%T) at n=%d", r, r, n)
		}
	}()
	defer fmt.Println("deferred print, n was", n)
	n *= 10
	if n > 10 {
		panic(errors.New("too big"))
	}
	return nil
}

func main() {
	for i := 0; i < 3; i++ {
		defer fmt.Printf("defer %d %v\n", i, []int{i})
	}
	fmt.Println(describe())
	fmt.Println(work(1))
	fmt.Println(work(5))
}
