package main

import (
	. "strings"
	"unicode/utf8"
)

func main() {
	println(utf8.UTFMax)
}
