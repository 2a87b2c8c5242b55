// recursion: fibonacci (naive and memoised), ackermann, towers of hanoi,
// mutual recursion, and recursion over slices.
package main

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func fibMemo(n int, memo []int) int {
	if n < 2 {
		return n
	}
	if memo[n] != 0 {
		return memo[n]
	}
	memo[n] = fibMemo(n-1, memo) + fibMemo(n-2, memo)
	return memo[n]
}

func ack(m, n int) int {
	if m == 0 {
		return n + 1
	}
	if n == 0 {
		return ack(m-1, 1)
	}
	return ack(m-1, ack(m, n-1))
}

var moves int

func hanoi(n int, from, to, via string) {
	if n == 0 {
		return
	}
	hanoi(n-1, from, via, to)
	moves++
	if n >= 4 {
		println("move disk", n, "from", from, "to", to)
	}
	hanoi(n-1, via, to, from)
}

func isEven(n int) bool {
	if n == 0 {
		return true
	}
	return isOdd(n - 1)
}

func isOdd(n int) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}

func sum(xs []int) int {
	if len(xs) == 0 {
		return 0
	}
	return xs[0] + sum(xs[1:])
}

func power(base, exp int) int {
	if exp == 0 {
		return 1
	}
	half := power(base, exp/2)
	if exp%2 == 0 {
		return half * half
	}
	return half * half * base
}

func depth(n int) int {
	if n == 0 {
		return 0
	}
	var pad [16]int
	pad[n%16] = n
	return depth(n-1) + 1 + pad[n%16] - n
}

func main() {
	for i := 0; i <= 25; i += 5 {
		println("fib", i, fib(i))
	}
	memo := make([]int, 91)
	println("fib 90", fibMemo(90, memo))
	for m := 0; m <= 3; m++ {
		for n := 0; n <= 4; n++ {
			print(ack(m, n), " ")
		}
		println()
	}
	println("ack(2,3)", ack(2, 3), "ack(3,5)", ack(3, 5))
	hanoi(6, "A", "C", "B")
	println("moves", moves)
	println(isEven(100), isOdd(77), isEven(7))
	println(sum([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))
	println(power(3, 13), power(2, 62), power(7, 0))
	println("depth", depth(10000))
}
