package main

func f() (int, string) { return 1, "a" }

type T struct{ a int }

func main() {
	var a [2]int = [3]int{}; println(a)
}
