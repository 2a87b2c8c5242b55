// conversions: between integer widths (truncation, sign extension),
// between integers and floats, and rune/byte/string conversions.
package main

func main() {
	x := 0x12345678_9abcdef0
	println(int8(x), int16(x), int32(x), int64(x))
	println(uint8(x), uint16(x), uint32(x), uint64(x))
	y := -1
	println(uint8(y), uint16(y), uint32(y), uint64(y), uint(y), uintptr(y))
	var b byte = 0xff
	println(int8(b), int(b), int16(int8(b)))
	var s16 int16 = -300
	println(uint8(s16), int8(s16), uint32(s16))
	f := 3.99
	println(int(f), int(-f), int64(f*100), uint8(f))
	big := 1e15
	println(int64(big), int64(big)+1)
	i := 1<<53 + 1
	println(float64(i), int(float64(i)))
	var u64 uint64 = 1<<63 + 1
	println(float64(u64), float32(u64))
	var r rune = 0x4e16
	println(string(r), string(rune(65)), string(rune(0x1F600)))
	println(string(rune(-1)), string(rune(0x110000)), string(rune(0xD800)))
	var by byte = 'z'
	println(string(rune(by)), rune(by), byte('A'+2))
	println(float32(1)/3, float64(float32(1)/3))
	n := 7
	println(float64(n)/2, n/2)
}
