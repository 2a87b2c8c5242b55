package main

type I interface{ M() }

type T struct{}

func (t *T) M() {}

type V struct{}

func main() {
	var x int = 1; _ = x.(int)
}
