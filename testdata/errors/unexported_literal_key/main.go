package main

import "example.com/unexported_literal_key/p"

func main() {
	t := p.T{A: 1, b: 2}
	println(t.A)
}
