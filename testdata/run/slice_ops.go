// slice_ops: make, slicing with two and three indices, cap after slicing,
// aliasing, copy with overlap, nil vs empty slices, composite literals.
package main

func printInts(name string, s []int) {
	print(name, " len=", len(s), " cap=", cap(s), " [")
	for i, v := range s {
		if i > 0 {
			print(" ")
		}
		print(v)
	}
	println("]")
}

func main() {
	base := make([]int, 10)
	for i := range base {
		base[i] = i
	}
	printInts("base", base)
	printInts("a", base[2:5])
	printInts("b", base[2:5:7])
	printInts("c", base[:0])
	printInts("d", base[8:])
	printInts("e", base[:])
	printInts("f", base[5:5:5])
	t := base[2:5:7]
	t = append(t, 100)
	printInts("t", t)
	printInts("base after", base)
	t = append(t, 200, 300)
	t[0] = -1
	printInts("t grown", t)
	printInts("base untouched", base)
	r := base[3:6]
	printInts("reslice", r[:cap(r)])
	arr := [6]int{1, 2, 3, 4, 5, 6}
	as := arr[1:4]
	as[0] = 20
	println(arr[1], len(as), cap(as))
	as2 := arr[1:3:4]
	println(len(as2), cap(as2))
	n := copy(base, []int{9, 9, 9})
	printInts("copy3", base)
	println("copied", n)
	n = copy(base[2:], base)
	printInts("overlap fwd", base)
	println("copied", n)
	n = copy(base, base[4:])
	printInts("overlap back", base)
	println("copied", n)
	dst := make([]int, 2)
	n = copy(dst, base)
	printInts("short dst", dst)
	println("copied", n)
	var nilS []int
	empty := []int{}
	println(nilS == nil, empty == nil, len(nilS), cap(nilS), len(empty))
	nilS = append(nilS, 1)
	println(nilS == nil, len(nilS))
	m := make([]string, 2, 10)
	m[1] = "one"
	println(len(m), cap(m), m[0] == "", m[1])
	lit := []int{5: 50, 1: 10, 20}
	printInts("keyed", lit)
	nested := [][]int{{1}, {2, 3}, {}, nil}
	for i, row := range nested {
		println(i, len(row), row == nil)
	}
	// 2D slice
	grid := make([][]byte, 3)
	for i := range grid {
		grid[i] = make([]byte, 4)
		for j := range grid[i] {
			grid[i][j] = byte('a' + i + j)
		}
	}
	for _, row := range grid {
		line := ""
		for _, ch := range row {
			line += string(rune(ch))
		}
		println(line)
	}
	// string slicing shares nothing visible but keeps the bytes
	s := "abcdef"
	println(s[1:3], s[:0] == "", s[6:])
	// slice of a slice beyond len but within cap
	k := make([]int, 2, 8)
	k2 := k[1:6]
	println(len(k2), cap(k2))
	// removing an element
	del := []int{0, 1, 2, 3, 4}
	del = append(del[:2], del[3:]...)
	printInts("deleted", del)
	// insert an element
	ins := []int{1, 2, 4}
	ins = append(ins[:2], append([]int{3}, ins[2:]...)...)
	printInts("inserted", ins)
}
