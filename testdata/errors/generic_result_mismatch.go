package main

func Id[T any](x T) T { return x }

func main() {
	var s string = Id(1)
	_ = s
}
