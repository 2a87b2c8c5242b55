package main

func f() (int, string) { return 1, "a" }

type T struct{ a int }

func main() {
	s := "abc"; s[0] = 'x'
}
