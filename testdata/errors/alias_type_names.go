package main

func main() {
	var b byte
	var r rune
	var a any
	var e error
	var x string = b
	x = r
	x = a
	x = e
	_ = x
}
