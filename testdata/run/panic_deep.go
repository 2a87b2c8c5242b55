// panic_deep: a runtime error raised deep in a recursion.
package main

func walk(s []int, i int) int {
	if i == 0 {
		return s[len(s)]
	}
	return walk(s, i-1) + 1
}

func main() {
	s := []int{1, 2, 3}
	println(walk(s, 50))
}
