package main

func f() (int, string) { return 1, "a" }

type T struct{ a int }

func main() {
	println(append(1, 2))
}
