package main

import "fmt"

func add[S ~string | ~[]byte](buf []byte, s S) []byte {
	return append(buf, s...)
}

type Bytes []byte

func main() {
	b := add(nil, "abc")
	b = add(b, []byte("de"))
	b = add(b, Bytes("f"))
	fmt.Println(string(b))
}
