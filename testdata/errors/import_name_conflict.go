package main

import "strings"

var strings = 1

func main() {
	println(strings)
}
