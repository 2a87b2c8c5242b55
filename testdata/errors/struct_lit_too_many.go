package main

func f() (int, string) { return 1, "a" }

type T struct{ a int }

func main() {
	println(T{1, 2})
}
