// labels: labelled break and continue across nested for, switch inside for,
// and a goto-free search that exits several levels at once.
package main

func find(grid [4][4]int, want int) (int, int) {
	fr, fc := -1, -1
outer:
	for r := 0; r < 4; r++ {
		for c := 0; c < 4; c++ {
			if grid[r][c] == want {
				fr, fc = r, c
				break outer
			}
		}
	}
	return fr, fc
}

func main() {
	var g [4][4]int
	for r := 0; r < 4; r++ {
		for c := 0; c < 4; c++ {
			g[r][c] = r*4 + c
		}
	}
	r, c := find(g, 9)
	println("found 9 at", r, c)
	r, c = find(g, 99)
	println("found 99 at", r, c)

rows:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j > i {
				println()
				continue rows
			}
			if i == 4 {
				break rows
			}
			print(j, " ")
		}
	}
	println("after rows")

	// break inside switch only leaves the switch; labelled break leaves the loop
	n := 0
loop:
	for {
		n++
		switch {
		case n < 3:
			println("small", n)
			continue
		case n == 5:
			break loop
		default:
			println("other", n)
			break
		}
		println("after switch", n)
	}
	println("n", n)

	// primes with labelled continue
	count := 0
next:
	for p := 2; p < 60; p++ {
		for d := 2; d*d <= p; d++ {
			if p%d == 0 {
				continue next
			}
		}
		print(p, " ")
		count++
	}
	println()
	println("primes", count)

	// label on a range loop
	words := []string{"go", "stop", "skip", "end", "never"}
words:
	for _, w := range words {
		for i := range 2 {
			if w == "skip" {
				continue words
			}
			if w == "end" {
				break words
			}
			println(w, i)
		}
	}
}
