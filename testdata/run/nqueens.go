// nqueens: counts solutions of the n-queens problem for n = 1..9 with
// backtracking over boolean arrays, and prints the first 8-queens board.
package main

var cols [16]bool
var diag1 [32]bool
var diag2 [32]bool
var pos [16]int
var printed bool

func solve(row, n int) int {
	if row == n {
		if n == 8 && !printed {
			printed = true
			for r := 0; r < n; r++ {
				line := ""
				for c := 0; c < n; c++ {
					if pos[r] == c {
						line += "Q"
					} else {
						line += "."
					}
				}
				println(line)
			}
		}
		return 1
	}
	count := 0
	for c := 0; c < n; c++ {
		if cols[c] || diag1[row+c] || diag2[row-c+n] {
			continue
		}
		cols[c], diag1[row+c], diag2[row-c+n] = true, true, true
		pos[row] = c
		count += solve(row+1, n)
		cols[c], diag1[row+c], diag2[row-c+n] = false, false, false
	}
	return count
}

func main() {
	for n := 1; n <= 9; n++ {
		println(n, solve(0, n))
	}
}
