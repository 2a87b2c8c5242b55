package main

import (
	"errors"
	o "os"
)

func main() {
	_ = errors.New("x")
}

var _ = errors.Is
