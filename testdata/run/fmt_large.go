// Large widths and precisions: long padding, %.60f and %.40e digits
// (exact decimal expansions), big integers with big precisions, long
// strings and slices.
package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Printf("[%100d]\n", 1)
	fmt.Printf("[%-80s]\n", "left")
	fmt.Printf("%.60f\n", 0.1)
	fmt.Printf("%.40e\n", 1.0/3)
	fmt.Printf("%.70f\n", 5e-324)
	fmt.Printf("%.80d\n", -12345)
	fmt.Printf("%60.50x\n", uint64(1<<63))
	fmt.Printf("%.30g\n", 2.0/3)
	fmt.Printf("%.17g %.17g %.16g\n", 0.1, 1e23, 1e23)
	s := strings.Repeat("ab", 500)
	out := fmt.Sprintf("%s|%q|%x", s, s, s)
	fmt.Println(len(out), out[:20], out[len(out)-20:])
	xs := make([]int, 300)
	for i := range xs {
		xs[i] = i * i
	}
	o := fmt.Sprint(xs)
	fmt.Println(len(o), o[:30], o[len(o)-30:])
}
