package main

func main() {
	x := 5
	y := x(3)
	println(y)
}
