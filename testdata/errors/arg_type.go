package main

func square(x int) int {
	return x * x
}

func main() {
	f := 1.5
	println(square(f))
}
