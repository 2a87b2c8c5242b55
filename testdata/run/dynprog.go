// dynprog: dynamic programming: longest common subsequence with
// reconstruction, edit distance, 0/1 knapsack, coin change and longest
// increasing subsequence.
package main

func max(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func min3(a, b, c int) int {
	m := a
	if b < m {
		m = b
	}
	if c < m {
		m = c
	}
	return m
}

func lcs(a, b string) string {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				dp[i][j] = dp[i-1][j-1] + 1
			} else {
				dp[i][j] = max(dp[i-1][j], dp[i][j-1])
			}
		}
	}
	out := ""
	i, j := len(a), len(b)
	for i > 0 && j > 0 {
		if a[i-1] == b[j-1] {
			out = a[i-1:i] + out
			i--
			j--
		} else if dp[i-1][j] >= dp[i][j-1] {
			i--
		} else {
			j--
		}
	}
	return out
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min3(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

type item struct{ weight, value int }

func knapsack(items []item, capacity int) int {
	best := make([]int, capacity+1)
	for _, it := range items {
		for c := capacity; c >= it.weight; c-- {
			best[c] = max(best[c], best[c-it.weight]+it.value)
		}
	}
	return best[capacity]
}

func coinWays(coins []int, total int) int {
	ways := make([]int, total+1)
	ways[0] = 1
	for _, c := range coins {
		for v := c; v <= total; v++ {
			ways[v] += ways[v-c]
		}
	}
	return ways[total]
}

func lis(xs []int) int {
	var tails []int
	for _, x := range xs {
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if tails[mid] < x {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if lo == len(tails) {
			tails = append(tails, x)
		} else {
			tails[lo] = x
		}
	}
	return len(tails)
}

func main() {
	println(lcs("AGGTAB", "GXTXAYB"), lcs("the quick brown fox", "a quick brown dog"))
	println(editDistance("kitten", "sitting"), editDistance("", "abc"), editDistance("flaw", "lawn"))
	items := []item{{12, 4}, {2, 2}, {1, 1}, {1, 2}, {4, 10}}
	println(knapsack(items, 15), knapsack(items, 5))
	println(coinWays([]int{1, 2, 5, 10, 20, 50, 100, 200}, 200))
	println(lis([]int{10, 9, 2, 5, 3, 7, 101, 18}), lis([]int{0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15}))
}
