// panic_nil_write: storing through a nil *int.
package main

func set(p *int, v int) {
	*p = v
}

func main() {
	x := 0
	set(&x, 5)
	println("x", x)
	var p *int
	set(p, 6)
	println("unreachable")
}
