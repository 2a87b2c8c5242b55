// hello: the smallest program; println writes to standard error.
package main

func main() {
	println("hello, world")
	print("goc compiles Go", "\n")
}
