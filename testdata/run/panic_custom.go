// panic_custom: panic with a string value after some output.
package main

func check(n int) {
	if n > 3 {
		panic("custom failure: n too large")
	}
	println("ok", n)
}

func main() {
	for i := 0; i < 10; i++ {
		check(i)
	}
}
