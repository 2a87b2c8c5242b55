// Build constraints choose the files of a package as go build does: each
// file of this package that is built registers itself in its init
// function; the files that must be left out would not compile (undefined
// names, a second main, import "C", another platform's code). The rules:
// //go:build expressions with &&, || and parentheses; a legacy // +build
// line; _GOOS and _GOARCH name suffixes; files starting with _ and test
// files; constraint lines where go/build does not look for them (inside a
// /* */ comment, a // +build line without a blank line after it); release
// tags; files chosen by the compiler tag and by purego, whose alternatives
// print the same; and an imported package with its own constraints.
package main

import (
	"fmt"
	"sort"

	"example.com/constraints/platform"
)

var found []string

func note(file string) { found = append(found, file) }

func main() {
	sort.Strings(found)
	for _, f := range found {
		fmt.Println(f)
	}
	fmt.Println("word:", word())
	fmt.Println("norm(3, 4):", norm(3, 4))
	fmt.Println("checksum:", checksum([]byte("build constraints")))
	fmt.Println("platform:", platform.Name(), "unix:", platform.Unix)
}
