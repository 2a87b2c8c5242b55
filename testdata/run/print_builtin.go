// print_builtin: exactly how print and println format each kind of value:
// spacing rules, booleans, signed and unsigned extremes, pointers and
// slices (printed as addresses, masked by the harness), nil values.
package main

type S struct{ a int }

func main() {
	print("no", "spaces", 1, 2, true, "\n")
	println("spaces", 1, 2, true)
	println()
	print()
	println(-9223372036854775808, 9223372036854775807, uint64(18446744073709551615))
	var i8 int8 = -128
	var u8 uint8 = 255
	var i16 int16 = -32768
	var u16 uint16 = 65535
	var i32 int32 = -2147483648
	var u32 uint32 = 4294967295
	println(i8, u8, i16, u16, i32, u32)
	var up uintptr = 12345
	println(up)
	println(true, false, !true)
	var r rune = 'A'
	var b byte = 'B'
	println(r, b)
	var p *int
	var ps *S
	println(p, ps, p == nil)
	x := 5
	q := &x
	println(q != nil, *q)
	println(q)
	var ns []int
	println(ns, len(ns))
	sl := []int{1, 2, 3}
	println(sl)
	println(sl[1:2])
	println("", "")
	print("", "\n")
	println("embedded\nnewline")
	print(1.5, 2.5, "\n")
	var f32 float32 = 1.25
	println(f32, -f32, float64(f32))
	print(-1, -2, "\n")
}
