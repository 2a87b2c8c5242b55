package main

func main() {
	y := 1
	println(y + x)
}
