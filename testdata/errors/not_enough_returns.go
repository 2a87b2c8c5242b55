package main

func two() (int, string) {
	return 1
}

func main() {
	a, b := two()
	println(a, b)
}
