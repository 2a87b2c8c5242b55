// panic_index_neg: a negative index into an array is reported with the
// negative value.
package main

func main() {
	var a [4]int
	i := 2
	for j := 0; j < 5; j++ {
		a[i] = j
		i--
		println("stored", j)
	}
}
