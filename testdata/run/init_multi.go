// init_multi: a counter advanced by package variable initialisers and by
// several init functions, with an init that calls ordinary functions.
package main

var counter int
var order [8]int
var n int

func record(v int) int {
	order[n] = v
	n++
	return v
}

var v3 = record(3 + w1)
var w1 = record(1)
var v2 = record(2)

func init() {
	counter += 10
	record(100)
}

func setup() {
	counter *= 2
	record(200)
}

func init() {
	setup()
}

func init() {
	for i := 0; i < 3; i++ {
		counter++
	}
	record(300)
}

func main() {
	println("counter", counter)
	for i := 0; i < n; i++ {
		print(order[i], " ")
	}
	println()
	println(v3, w1, v2)
}
