// panic_divzero: integer division by a zero divisor computed at run time.
package main

func avg(sum, n int) int {
	return sum / n
}

func main() {
	println(avg(10, 2))
	counts := []int{4, 2, 0}
	for _, c := range counts {
		println(avg(100, c))
	}
}
