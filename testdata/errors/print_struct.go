package main

type T struct{ a int }

func main() {
	println(T{1})
	var s []int
	println(s, [2]int{})
}
