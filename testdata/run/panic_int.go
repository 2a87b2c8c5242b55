// panic_int: panic with an integer value.
package main

func main() {
	code := 6 * 7
	println("about to panic")
	panic(code)
}
