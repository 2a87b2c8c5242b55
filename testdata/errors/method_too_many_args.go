package main

type T struct{ a int }

func (t *T) P() {}
func (t T) V() int { return t.a }

type I int; func (I) String() string { return "" }; func f() { var i I; println(i.String(1)) }

func main() {
}
