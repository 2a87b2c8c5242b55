package main

import "example.com/unexported_literal/p"

func main() {
	t := p.T{1, 2}
	println(t.A)
}
