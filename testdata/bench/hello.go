// hello: the smallest program, for binary size and startup time. It uses
// the println builtin (standard error) so that goc's first milestone builds
// it; each measured run is one start of the program, and the harness makes
// many of them because one run takes about a millisecond.
//
//bench:runs 50
//bench:sizes one line of output; startup and exit only
package main

func main() {
	println("hello, world")
}
