package main

func main() {
	n := -1
	c := make(chan int, n)
	println(c)
}
