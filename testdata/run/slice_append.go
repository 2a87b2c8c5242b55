// slice_append: append growth of slices that escape to the heap (each is
// stored in a package variable) must match Go's growslice exactly: doubling
// below 256 elements, a smoother factor above, and rounding up to the
// allocator's size classes. Prints len and cap after every append.
package main

type triple struct{ a, b, c int32 }

var (
	sinkI   []int
	sinkB   []byte
	sinkT   []triple
	sinkS   []string
	sinkI64 []int64
	sinkU16 []uint16
	sinkF32 []float32
)

func main() {
	var s []int
	for i := 0; i < 40; i++ {
		s = append(s, i)
		sinkI = s
		println("int", len(s), cap(s))
	}
	var bs []byte
	for i := 0; i < 70; i++ {
		bs = append(bs, byte(i))
		sinkB = bs
		print(cap(bs), " ")
	}
	println()
	var ts []triple
	for i := 0; i < 30; i++ {
		ts = append(ts, triple{int32(i), 0, 0})
		sinkT = ts
		print(cap(ts), " ")
	}
	println()
	var ss []string
	for i := 0; i < 30; i++ {
		ss = append(ss, "x")
		sinkS = ss
		print(cap(ss), " ")
	}
	println()
	a := []int{1, 2, 3}
	sinkI = a
	a = append(a, 4, 5, 6, 7, 8)
	sinkI = a
	println("multi", len(a), cap(a))
	b := append([]int(nil), a...)
	sinkI = b
	println("spread", len(b), cap(b))
	c := make([]int, 0, 5)
	sinkI = c
	c = append(c, 1, 2)
	d := append(c, 3)
	e := append(c, 4)
	sinkI = d
	sinkI = e
	println("shared", d[2], e[2], len(c), cap(c))
	big := make([]int64, 0)
	sinkI64 = big
	last := -1
	for i := 0; i < 5000; i++ {
		big = append(big, int64(i))
		sinkI64 = big
		if cap(big) != last {
			last = cap(big)
			print(last, " ")
		}
	}
	println()
	var bb []byte
	last = -1
	for i := 0; i < 20000; i++ {
		bb = append(bb, 'x')
		sinkB = bb
		if cap(bb) != last {
			last = cap(bb)
			print(last, " ")
		}
	}
	println()
	var u16 []uint16
	u16 = append(u16, 1, 2, 3, 4, 5, 6, 7)
	sinkU16 = u16
	println("u16", len(u16), cap(u16))
	var f32 []float32
	f32 = append(f32, 1, 2, 3)
	sinkF32 = f32
	println("f32", len(f32), cap(f32))
	x := make([]int, 3, 3)
	sinkI = x
	x = append(x, x...)
	sinkI = x
	println("self", len(x), cap(x))
	y := make([]byte, 5)
	sinkB = y
	y = append(y, make([]byte, 100)...)
	sinkB = y
	println("bulk", len(y), cap(y))
	z := make([]int, 700)
	sinkI = z
	z = append(z, 1)
	sinkI = z
	println("700+1", len(z), cap(z))
}
