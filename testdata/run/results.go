// results: multiple results, named results with bare return, results
// modified before return, blank identifiers, and multi-value passing f(g()).
package main

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func minmax(xs []int) (min, max int) {
	if len(xs) == 0 {
		return
	}
	min, max = xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < min {
			min = x
		}
		if x > max {
			max = x
		}
	}
	return
}

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func named() (s string, n int, ok bool) {
	s = "partial"
	n = 3
	return "override", n * 2, true
}

func add(a, b int) int { return a + b }

func pair() (int, int) { return 20, 22 }

func three() (int, string, bool) { return 1, "two", true }

func show(a int, b string, c bool) {
	println("show", a, b, c)
}

func swap(a, b string) (string, string) {
	return b, a
}

func counter(start int) (next int) {
	next = start
	for i := 0; i < 5; i++ {
		next += i
	}
	return
}

func main() {
	q, r := divmod(17, 5)
	println(q, r)
	lo, hi := minmax([]int{4, -2, 9, 0})
	println(lo, hi)
	lo, hi = minmax(nil)
	println(lo, hi)
	println(split(17))
	s, n, ok := named()
	println(s, n, ok)
	println(add(pair()))
	show(three())
	_, rem := divmod(100, 7)
	println(rem)
	a, b := swap("first", "second")
	println(a, b)
	a, b = b, a
	println(a, b)
	println(counter(10))
	x, y, z := 1, 2, 3
	x, y, z = z, x, y
	println(x, y, z)
	arr := []int{1, 2, 3}
	i := 0
	i, arr[i] = 1, 9 // index evaluated before assignment
	println(i, arr[0], arr[1])
}
