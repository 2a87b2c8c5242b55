package main

func main() {
	var s []int
	defer append(s, 1)
}
