package util

import "example.com/shapes/internal/registry"

func init() {
	println("util init")
	registry.Add("util")
}
