package main

func main() {
	var b byte = 1 << 8
	println(b)
}
