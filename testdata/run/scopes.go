// scopes: shadowing in blocks, if/switch/for init statements, package
// variables shadowed by locals, and := redeclaration rules.
package main

var x = "package"

func show() string { return x }

func main() {
	println(x)
	x := "main"
	println(x, show())
	{
		x := "block"
		println(x)
		{
			x = "block modified"
			println(x)
		}
		println(x)
	}
	println(x)
	if x := 3; x > 2 {
		println("if", x)
	} else if y := x * 2; y > 0 {
		println("else if", y)
	} else {
		println("else", x, y)
	}
	if n := len(x); n > 10 {
		println("long", n)
	} else if m := n * 2; m > 5 {
		println("medium", n, m)
	}
	for x := 0; x < 2; x++ {
		x := x * 10
		println("for", x)
	}
	a, b := 1, 2
	a, c := 3, 4 // a reused, c new
	println(a, b, c)
	switch x := 7; {
	case x > 5:
		x := "shadow in case"
		println(x)
	}
	println(x)
	var err = 1
	if err := 2; err > 1 {
		println("inner err", err)
	}
	println("outer err", err)
	const k = 1
	{
		const k = "two"
		println(k)
	}
	println(k)
	type T int
	var t T = 5
	{
		type T string
		var t T = "str"
		println(t)
	}
	println(t)
}
