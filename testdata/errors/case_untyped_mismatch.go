package main

func f() (int, string) { return 1, "a" }

type T struct{ a int }

func main() {
	switch x := 5; x { case "a": }
}
