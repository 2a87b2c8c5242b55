package main

import "internal/rtype"

func main() {
	_ = rtype.TypeOf(1)
}
