package main

import "fmt"

func main() {
	x := 1.5
	x /= 0
	y := -2.0
	y = y / 0
	var z float32 = 0
	z /= 0
	fmt.Println(x, y, z, x > 1e308)
}
