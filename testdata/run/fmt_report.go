// A typical report: columns padded with %-10s and %8.2f, totals, a
// header built with strings.Repeat, percentages with %%, and Fprintf to
// a strings.Builder then printed at once.
package main

import (
	"fmt"
	"strings"
)

type item struct {
	name  string
	qty   int
	price float64
}

func main() {
	items := []item{{"apple", 3, 0.5}, {"banana", 12, 0.25}, {"cherry", 200, 0.1}, {"durian", 1, 15.75}, {"elderberry-long-name", 7, 2.333}}
	var b strings.Builder
	fmt.Fprintf(&b, "%-12s %5s %8s %9s\n", "NAME", "QTY", "PRICE", "TOTAL")
	fmt.Fprintln(&b, strings.Repeat("-", 37))
	sum := 0.0
	for i, it := range items {
		t := float64(it.qty) * it.price
		sum += t
		fmt.Fprintf(&b, "%-12.12s %5d %8.2f %9.3f %s\n", it.name, it.qty, it.price, t, strings.Repeat("*", i+1))
	}
	fmt.Fprintf(&b, "%-12s %5s %8s %9.3f\n", "total", "", "", sum)
	for _, it := range items {
		fmt.Fprintf(&b, "%6.2f%% %q\n", 100*float64(it.qty)*it.price/sum, it.name)
	}
	fmt.Print(b.String())
	fmt.Printf("%3d|%-3d|%03d|%+3d\n", 5, 5, 5, 5)
	fmt.Printf("%08.3f|%-8.3e|%8.3g|\n", -3.14159, 314.159, 0.000314159)
}
