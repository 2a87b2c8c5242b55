package main

import "example.com/unexported_method/p"

func main() {
	t := &p.T{A: 1}
	println(t.Get())
	t.m()
}
