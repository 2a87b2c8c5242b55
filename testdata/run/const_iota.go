// const_iota: iota in const blocks, skipped lines, repeated implicit
// expressions, typed and untyped constants, and iota in expressions.
package main

const (
	A = iota
	B
	C
	_
	E
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
	TB
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

const (
	x0, y0 = iota, iota * 10
	x1, y1
	x2, y2
)

const (
	bit0, mask0 = 1 << iota, 1<<iota - 1
	bit1, mask1
	_, _
	bit3, mask3
)

const (
	c0 = "s"
	c1
	c2 = iota
	c3
)

const typed int16 = 1000
const big = 1 << 100
const small = big >> 98

func dayName(d Weekday) string {
	switch d {
	case Sunday:
		return "Sunday"
	case Saturday:
		return "Saturday"
	}
	return "weekday"
}

func main() {
	println(A, B, C, E)
	println(KB, MB, GB, TB)
	for d := Sunday; d <= Saturday; d++ {
		println(d, dayName(d))
	}
	println(x0, y0, x1, y1, x2, y2)
	println(bit0, mask0, bit1, mask1, bit3, mask3)
	println(c0, c1, c2, c3)
	println(typed*30, small, big/big)
	const local = iota
	println("local iota", local)
	const (
		p = iota * iota
		q
		r
	)
	println(p, q, r)
}
