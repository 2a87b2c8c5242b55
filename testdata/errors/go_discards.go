package main

func main() {
	s := []int{1}
	go len(s)
}
