package main

func main() {
	n := 1
L:
	switch n {
	case 1:
		for i := 0; i < 2; i++ {
			continue L
		}
	}
}
