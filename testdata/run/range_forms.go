// range_forms: range over arrays, array pointers, slices, strings and
// integers, with every combination of key/value, and range expressions
// evaluated once.
package main

var calls int

func getSlice() []int {
	calls++
	return []int{10, 20, 30}
}

func main() {
	arr := [4]string{"a", "b", "c", "d"}
	for i := range arr {
		print(i, " ")
	}
	println()
	for i, v := range arr {
		print(i, "=", v, " ")
	}
	println()
	for _, v := range arr {
		print(v)
	}
	println()
	// range over array copies it: modifications during the loop are not seen
	nums := [3]int{1, 2, 3}
	for i, v := range nums {
		nums[2] = 100
		println("arr copy", i, v)
	}
	// range over slice shares the backing array
	sl := []int{1, 2, 3}
	for i, v := range sl {
		sl[2] = 100
		println("slice shared", i, v)
	}
	// appending during range does not extend the loop
	count := 0
	for range sl {
		sl = append(sl, 0)
		count++
	}
	println("iterations", count, len(sl))
	for i, v := range getSlice() {
		println(i, v)
	}
	println("calls", calls)
	for i := range 5 {
		print(i, " ")
	}
	println()
	var n8 int8 = 3
	for i := range n8 {
		println("int8 range", i)
	}
	for range 3 {
		print("x")
	}
	println()
	total := 0
	for i := range 0 {
		total += i
	}
	println("empty", total)
	p := &arr
	for i, v := range p {
		print(i, v, " ")
	}
	println()
	var nilSlice []int
	for range nilSlice {
		println("never")
	}
	grid := [2][3]int{{1, 2, 3}, {4, 5, 6}}
	for _, row := range grid {
		for _, c := range row {
			print(c, ",")
		}
		println()
	}
	// loop variable is per-iteration: taking its address yields distinct variables
	var ptrs [3]*int
	for i := range 3 {
		ptrs[i] = &i
	}
	println(*ptrs[0], *ptrs[1], *ptrs[2])
}
