package main

// Unbounded recursion: Go's stack-overflow report (the default 1 GB
// limit), exit status 2. (In a goroutine the report is the same, but the
// goroutine's number in Go depends on how many goroutines Go's runtime
// started for itself meanwhile.)

func f(n int) int {
	var a [8]int
	a[n%8] = n
	return f(n+1) + a[0]
}

func main() {
	println("start")
	println(f(0))
}
