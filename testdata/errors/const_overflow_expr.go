package main

const big = 1 << 62

func main() {
	var n int64 = big * 4
	println(n)
}
