// panic_index: a slice index out of range found at run time ends the
// program with Go's message and exit status 2.
package main

func lookup(s []int, i int) int {
	return s[i]
}

func main() {
	s := []int{10, 20, 30}
	total := 0
	for i := 0; i < 3; i++ {
		total += lookup(s, i)
	}
	println("total", total)
	println(lookup(s, total/12))
	println("unreachable")
}
