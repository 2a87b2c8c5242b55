package main

func main() {
	println(len(5))
}
