package main

func name() string {
	n := 42
	return n
}

func main() {
	println(name())
}
