package main

func f() (int, string) { return 1, "a" }

type T struct{ a int }

func main() {
	x := []int{1,2}; x[1.5] = 2
}
