package main

func f() (int, string) { return 1, "a" }

type T struct{ a int }

func main() {
	type S struct{}; var s S; println(s == nil)
}
