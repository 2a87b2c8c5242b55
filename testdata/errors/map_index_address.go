package main

type I interface{ M() }

type T struct{}

func (t *T) M() {}

type V struct{}

func main() {
	m := map[string]int{}; _ = &m["a"]
}
