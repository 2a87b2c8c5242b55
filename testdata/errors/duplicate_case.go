package main

func main() {
	n := 2
	switch n {
	case 1:
		println("one")
	case 2, 1:
		println("two")
	}
}
