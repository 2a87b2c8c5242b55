//go:build linux &&

// A //go:build line that does not parse is an error even in a file named
// on the command line, whose constraints are otherwise not applied.
package main

func main() {}
