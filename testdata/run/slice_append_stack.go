// slice_append_stack: capacities of slices that never escape. Since Go 1.25
// the gc compiler gives a non-escaping append a 32-byte backing store on the
// stack first, so the first capacity is 32/elemsize (4 ints, 32 bytes, 2
// strings) rather than 1; growth past it follows the heap rules (see
// slice_append.go, where every slice escapes).
package main

type triple struct{ a, b, c int32 }

func main() {
	var s []int
	for i := 0; i < 40; i++ {
		s = append(s, i)
		println("int", len(s), cap(s))
	}
	var bs []byte
	for i := 0; i < 70; i++ {
		bs = append(bs, byte(i))
		print(cap(bs), " ")
	}
	println()
	var ts []triple
	for i := 0; i < 30; i++ {
		ts = append(ts, triple{int32(i), 0, 0})
		print(cap(ts), " ")
	}
	println()
	var ss []string
	for i := 0; i < 30; i++ {
		ss = append(ss, "x")
		print(cap(ss), " ")
	}
	println()
	// appending many at once
	a := []int{1, 2, 3}
	a = append(a, 4, 5, 6, 7, 8)
	println("multi", len(a), cap(a))
	b := append([]int(nil), a...)
	println("spread", len(b), cap(b))
	c := make([]int, 0, 5)
	c = append(c, 1, 2)
	d := append(c, 3)
	e := append(c, 4)
	println("shared", d[2], e[2], len(c), cap(c))
	// large growth steps
	big := make([]int64, 0)
	last := -1
	for i := 0; i < 5000; i++ {
		big = append(big, int64(i))
		if cap(big) != last {
			last = cap(big)
			print(last, " ")
		}
	}
	println()
	var u16 []uint16
	u16 = append(u16, 1, 2, 3, 4, 5, 6, 7)
	println("u16", len(u16), cap(u16))
	var f32 []float32
	f32 = append(f32, 1, 2, 3)
	println("f32", len(f32), cap(f32))
	x := make([]int, 3, 3)
	x = append(x, x...)
	println("self", len(x), cap(x))
	y := make([]byte, 5)
	y = append(y, make([]byte, 100)...)
	println("bulk", len(y), cap(y))
}
