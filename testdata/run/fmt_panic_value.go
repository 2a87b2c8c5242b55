// A program that panics with an error made by fmt.Errorf: the panic
// message is the error's text, after output printed with fmt.
package main

import "fmt"

func main() {
	fmt.Println("before")
	err := fmt.Errorf("failed at step %d: %w", 3, fmt.Errorf("inner %q", "x"))
	panic(err)
}
