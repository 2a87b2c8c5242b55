// Values behind unexported fields are printed by kind, their methods
// not called (fmt may not turn them into interfaces), while the same
// values in exported fields, or promoted to the outer type, are.
package main

import (
	"errors"
	"fmt"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.0f°", float64(t)) }

type strErr string

func (s strErr) Error() string { return "strErr:" + string(s) }

type inner struct{ n int }

func (i inner) String() string { return "inner!" }

type Box struct {
	Pub   Temp
	priv  Temp
	Err   error
	err   error
	List  []Temp
	list  []Temp
	M     map[Temp]Temp
	m     map[Temp]Temp
	Inner inner
	in    inner
}

type Wrap struct {
	inner
	X int
}

func main() {
	e := errors.New("e")
	b := Box{1, 2, e, strErr("hidden"), []Temp{3}, []Temp{4}, map[Temp]Temp{5: 6}, map[Temp]Temp{7: 8}, inner{9}, inner{10}}
	fmt.Printf("%v\n%+v\n", b, b)
	fmt.Println(Wrap{inner{1}, 2}, []Wrap{{}})
	fmt.Printf("%#v\n", Box{})
}
