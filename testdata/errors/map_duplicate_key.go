package main

type I interface{ M() }

type T struct{}

func (t *T) M() {}

type V struct{}

func main() {
	m := map[string]int{"a": 1, "a": 2}; _ = m
}
