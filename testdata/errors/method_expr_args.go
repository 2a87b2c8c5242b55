package main

type T struct{ a int }

func (t *T) P() {}
func (t T) V() int { return t.a }

func f() { var p *T; p.V(); p.P(); T.V(T{}, 1) }

func main() {
}
