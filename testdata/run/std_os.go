// Package os: Args, Getenv and LookupEnv (set, empty, unset, repeated
// keys, keys that are prefixes of others), Environ, Stdout and Stderr
// as *os.File with Write and WriteString, and Exit with a status.
package main

import "os"

func main() {
	println(len(os.Args), os.Args[0])
	for i, a := range os.Args[1:] {
		println(i, "["+a+"]")
	}
	println(os.Getenv("HOME"), os.Getenv("EMPTY") == "", os.Getenv("MISSING") == "")
	v, ok := os.LookupEnv("EMPTY")
	println("["+v+"]", ok)
	v, ok = os.LookupEnv("MISSING")
	println("["+v+"]", ok)
	v, ok = os.LookupEnv("HOM")
	println("["+v+"]", ok)
	println(os.Getenv("DUP"), len(os.Environ()))
	n, err := os.Stdout.WriteString("to stdout\n")
	println(n, err == nil)
	n, err = os.Stdout.Write([]byte("bytes to stdout\n"))
	println(n, err == nil)
	n, err = os.Stderr.WriteString("to stderr\n")
	println(n, err == nil, os.Stdout.Name(), os.Stderr.Fd())
	n, err = os.Stdout.WriteString("")
	println(n, err == nil)
	os.Exit(3)
	println("not reached")
}
