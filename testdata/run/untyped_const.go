// untyped_const: arbitrary-precision untyped constant arithmetic, exact
// division of untyped floats, conversions of constants at use sites.
package main

const Huge = 1 << 200
const Back = Huge >> 190
const F = 1.0 / 3.0
const Exact = 3.0 * F // exactly 1 at compile time
const IntDiv = 7 / 2
const FloatDiv = 7 / 2.0
const R = 'a' + 1
const Mixed = 'x' - 'a' + 0.5
const Big = 1e300 * 1e300 / 1e300
const Str = "con" + "cat"
const Bool = 1 < 2 && "a" < "b"
const MaxU64 = 1<<64 - 1
const MinI64 = -1 << 63
const Shifted = 1.0 << 3 // untyped float constant shifted, representable as int

func main() {
	println(Back)
	println(Exact == 1, IntDiv, FloatDiv)
	println(R, string(rune(R)), Mixed)
	println(Big)
	println(Str, len(Str), Bool)
	var u uint64 = MaxU64
	var i int64 = MinI64
	println(u, i)
	println(Shifted)
	var f32 float32 = F
	var f64 float64 = F
	println(f32, f64)
	const c = 10
	var i8 int8 = c * 12
	var u16 uint16 = c * 6553
	println(i8, u16)
	// untyped constants take the type of the other operand
	var b byte = 200
	println(b + 50, b/3)
	x := 5
	println(x/2, 5/2, 5.0/2, float64(x)/2)
	println(Huge/Huge, (Huge+1)-Huge, Huge%7)
	const third = 1.0 / 3
	println(third*3 == 1)
	var y float64 = 1
	y /= 3
	println(y*3 == 1, y)
	println(len("héllo"), len([3]int{}))
	const complexExpr = (1<<62)*4/8 - 1
	println(complexExpr)
}
