// %p and pointer-shaped values: nil pointers, maps, slices, channels and
// funcs with %v %p %d %x %#v; non-nil ones compared through their text
// (addresses differ between runs) and pointer identity.
package main

import (
	"fmt"
	"strings"
)

type T struct{ A int }

func main() {
	var p *T
	var m map[string]int
	var s []int
	var c chan int
	var f func()
	fmt.Printf("%v %v %v %v %v\n", p, m, s, c, f)
	fmt.Printf("%p %p %p %p %p\n", p, m, s, c, f)
	fmt.Printf("%d %x %#v %#v %#v\n", p, p, p, c, f)
	fmt.Printf("%p %p\n", nil, 5)
	fmt.Printf("%#p|%10p|%-10p|\n", p, p, p)
	q := &T{1}
	r := q
	o := &T{1}
	fmt.Println(fmt.Sprintf("%p", q) == fmt.Sprintf("%p", r), fmt.Sprintf("%p", q) == fmt.Sprintf("%p", o))
	fmt.Println(strings.HasPrefix(fmt.Sprintf("%p", q), "0x"), strings.HasPrefix(fmt.Sprintf("%#p", q), "0x"))
	fmt.Println(fmt.Sprintf("%v", []*T{q})[0] == '[', fmt.Sprintf("%p", []int{1}) != "0x0")
	ms := map[string]int{"a": 1}
	fmt.Println(fmt.Sprintf("%p", ms) == fmt.Sprintf("%p", ms))
	pp := &q
	fmt.Println(strings.HasPrefix(fmt.Sprint(pp), "0x"), fmt.Sprint(*pp))
}
