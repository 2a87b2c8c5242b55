package main

func main() {
	s := "n="
	n := 5
	println(s + n)
}
