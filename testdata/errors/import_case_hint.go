package main

import "errors"

func main() {
	_ = errors.new("x")
}
