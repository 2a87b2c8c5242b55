package main

func main() {
	var i uint = 3
	var a = (1 << i) + 4.5
	_ = a
}
