package main

import . "strings"

// A package-level name that a dot-import also provides.
func Repeat(s string, n int) string { return s }

func main() {
	println(ToUpper(Repeat("x", 2)))
}
