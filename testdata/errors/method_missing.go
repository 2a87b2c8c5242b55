package main

type T struct{ a int }

func (t *T) P() {}
func (t T) V() int { return t.a }

func f() { var t T; t.Q() }

func main() {
}
