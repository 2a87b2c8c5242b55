package main

func main() {
	x := []int{1}
	close(x)
}
