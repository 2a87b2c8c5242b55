// Nil pointers whose methods fmt calls: a pointer-receiver String that
// handles nil, one that dereferences (the panic prints as <nil>), a
// value-receiver String reached through a nil pointer, nil error values
// of concrete pointer types inside interfaces.
package main

import "fmt"

type Safe struct{ v int }

func (s *Safe) String() string {
	if s == nil {
		return "safe-nil"
	}
	return fmt.Sprint("safe-", s.v)
}

type Unsafe struct{ v int }

func (u *Unsafe) String() string { return fmt.Sprint("unsafe-", u.v) }

type Val struct{ v int }

func (v Val) String() string { return "val" }

type MyErr struct{}

func (e *MyErr) Error() string { return "myerr" }

func find(fail bool) error {
	var p *MyErr
	if fail {
		return p
	}
	return nil
}

func main() {
	var s *Safe
	var u *Unsafe
	var v *Val
	fmt.Println(s, u, v)
	fmt.Printf("[%s] [%v] [%q] [%d]\n", s, u, v, u)
	fmt.Println([]*Safe{nil, {1}}, []*Unsafe{nil})
	e := find(true)
	fmt.Println(e == nil, e)
	fmt.Printf("%v %T\n", find(false), find(true))
}
