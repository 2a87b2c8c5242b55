// stack_growth: recursion deep enough (a million frames with local arrays)
// to need far more stack than a thread starts with; Go grows goroutine
// stacks by copying, so this must work without a crash.
package main

func deep(n int, acc [4]int) int {
	if n == 0 {
		return acc[0] + acc[1] + acc[2] + acc[3]
	}
	acc[n%4]++
	return deep(n-1, acc)
}

func build(p *int, n int) {
	if n == 0 {
		return
	}
	*p += n % 3
	build(p, n-1)
}

func main() {
	println(deep(1000000, [4]int{}))
	total := 0
	build(&total, 500000)
	println(total)
}
