package main

func main() {
	var x int = recover()
	println(x)
}
