// panic_slice_order: a slice expression whose low bound exceeds its high bound.
package main

func main() {
	s := "abcdef"
	lo, hi := 2, 4
	for k := 0; k < 3; k++ {
		println(s[lo:hi])
		lo += 2
	}
}
