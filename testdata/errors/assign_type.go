package main

func main() {
	var n int
	var s string = "a"
	n = s
	println(n)
}
