package main

type MyInt int
type S []int
type P *int
type F func()
type M map[int]int

func main() {
	var a MyInt
	var s S
	var p P
	var f F
	var m M
	var x string = a
	x = s
	x = p
	x = f
	x = m
	_ = x
}
