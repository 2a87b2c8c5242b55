// An unrecovered runtime error (index out of range) runs the deferred calls
// of every frame first.
package main

func idx(s []int, i int) int {
	defer println("idx deferred")
	return s[i]
}

func main() {
	defer println("main deferred")
	println(idx([]int{1, 2, 3}, 5))
}
