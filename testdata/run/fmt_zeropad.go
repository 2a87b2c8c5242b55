// Zero padding: integers (sign before zeros), with precision (zeros from
// precision, padding with spaces), floats (sign first, not for Inf/NaN),
// strings and byte slices, - overriding 0, %x of strings.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Printf("[%08d][%08d][%+08d][% 08d][%-08d][%08.3d][%8.3d]\n", 42, -42, 42, 42, 42, -42, -42)
	fmt.Printf("[%08x][%#08x][%08b][%#08o][%08X]\n", 255, 255, 5, 8, -255)
	fmt.Printf("[%010.3f][%010.3f][%+010.3f][% 010.3f][%-010.3f][%010e][%010g]\n", 3.14159, -3.14159, 3.14159, 3.14159, 3.14159, 1234.5, 1234.5)
	fmt.Printf("[%010f][%010f][%010f][%-010f]\n", math.Inf(1), math.Inf(-1), math.NaN(), math.NaN())
	fmt.Printf("[%08s][%-08s][%08q][%08v][%08x]\n", "ab", "ab", "ab", "ab", "ab")
	fmt.Printf("[%08v][%08v][%08v]\n", []int{1, -2}, true, []byte("x"))
	fmt.Printf("[%06c][%06U][%06q]\n", 'x', 'x', 'x')
	fmt.Printf("[%00d][%0d][%0-5d]\n", 7, 7, 7)
	fmt.Printf("[%08.0f][%08.0e][%#08.0f]\n", 2.5, 2.5, 2.5)
}
