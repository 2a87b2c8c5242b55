// %T of many types (basic, named, composite, pointers, funcs, channels,
// interfaces inside composites, types of other packages) and %v of funcs
// and channels being nil or not.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

type MyInt int
type List []MyInt
type Fn func(int) string
type Pair struct {
	K string
	V any
}

func main() {
	var ch chan int
	var rch <-chan string
	var f func()
	var e error = errors.New("x")
	vals := []any{1, int8(1), uint64(1), uintptr(1), 1.5, float32(1.5), "s", 'r', byte(1), true,
		MyInt(3), List{1}, Pair{}, &Pair{}, []any{}, map[string][]int{}, [3]bool{}, ch, rch, f,
		Fn(nil), func(a, b int) (int, error) { return 0, nil }, make(chan<- bool), e, os.Stdout,
		&strings.Builder{}, struct{ A, b int }{}, []*Pair{}, map[MyInt]*List{}, [][2]string{}, new(int), new(*MyInt)}
	for _, v := range vals {
		fmt.Printf("%T\n", v)
	}
	fmt.Printf("%v %v %v\n", ch, f, Fn(nil))
	fmt.Printf("%10T|%-10T|%T\n", 1, "x", nil)
	fmt.Printf("%#v %#v\n", ch, Fn(nil))
}
