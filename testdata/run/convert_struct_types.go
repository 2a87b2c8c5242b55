package main

import "fmt"

type A struct {
	X int
	S string
}

type B struct {
	X int
	S string
}

type Arr [3]int
type Arr2 [3]int

func main() {
	a := A{1, "a"}
	b := B(a)
	c := struct {
		X int
		S string
	}(b)
	p := &a
	q := (*B)(p)
	q.X = 5
	arr := Arr{1, 2, 3}
	arr2 := Arr2(arr)
	fmt.Println(a, b, c, *q, arr2)
}
