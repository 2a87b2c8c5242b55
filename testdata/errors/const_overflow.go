package main

func main() {
	var x int8 = 200
	println(x)
}
