//go:build ignore

// A program of its own (go run ignored.go), never part of the package.
package main

func main() {
	undefinedFunction()
}
