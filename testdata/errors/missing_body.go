package main

func helper(x int) int

func main() {
	println(helper(1))
}
