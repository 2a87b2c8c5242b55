package main

import "example.com/unexported_field/p"

func main() {
	t := p.T{A: 1}
	t.M()
	println(t.A, t.b)
}
