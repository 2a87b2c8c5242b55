// An imported package with a malformed //go:build line: the error is at
// the import, naming the file.
package main

import "example.com/badtag/sub"

func main() { sub.F() }
