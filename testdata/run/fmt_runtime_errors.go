// Recovered run-time errors printed with fmt: index, slice, nil map,
// nil dereference, division, type assertion and custom panics, through
// %v, %s, %T and the error interface.
package main

import (
	"fmt"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			fmt.Printf("%s: %v | %T\n", name, err, err)
			return
		}
		fmt.Printf("%s: %v (%T)\n", name, r, r)
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	i := 5
	var m map[string]int
	var p *struct{ X int }
	var a any = "str"
	zero := 0
	try("index", func() { _ = s[i] })
	try("slice", func() { _ = s[1:i] })
	try("nilmap", func() { m["x"] = 1 })
	try("nilptr", func() { _ = p.X })
	try("divide", func() { _ = 10 / zero })
	try("assert", func() { _ = a.(int) })
	try("custom", func() { panic(fmt.Sprintf("custom %d", 42)) })
	try("errorf", func() { panic(fmt.Errorf("wrapped: %w", fmt.Errorf("inner"))) })
	try("value", func() { panic([]int{1, 2}) })
}
