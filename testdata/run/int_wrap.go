// int_wrap: two's-complement wrap-around of every integer width under
// +, -, * and unary minus, with values kept in variables so nothing folds.
package main

func wrap8() {
	var a int8 = 127
	var b int8 = -128
	a++
	b--
	println("int8", a, b)
	var m int8 = 100
	m *= 3
	println("int8 mul", m)
	var n int8 = -128
	n = -n
	println("int8 neg", n)
	var u uint8 = 255
	u++
	println("uint8", u)
	var v uint8 = 0
	v--
	println("uint8 dec", v)
	var w uint8 = 200
	w *= 2
	println("uint8 mul", w)
}

func wrap16() {
	var a int16 = 32767
	a += 1
	var b int16 = -32768
	b -= 1
	println("int16", a, b)
	var m int16 = 300
	m *= 300
	println("int16 mul", m)
	var u uint16 = 65535
	u += 2
	println("uint16", u)
	var v uint16 = 1000
	v *= 1000
	println("uint16 mul", v)
}

func wrap32() {
	var a int32 = 2147483647
	a++
	println("int32", a)
	var m int32 = 65536
	m *= 65536
	println("int32 mul", m)
	var k int32 = 123456789
	k *= 1000
	println("int32 mul2", k)
	var u uint32 = 4294967295
	u++
	println("uint32", u)
	var v uint32 = 3
	v -= 5
	println("uint32 sub", v)
}

func wrap64() {
	var a int64 = 9223372036854775807
	a++
	println("int64", a)
	var b int64 = -9223372036854775808
	b--
	println("int64 dec", b)
	var m int64 = 3037000500
	m *= 3037000500
	println("int64 mul", m)
	var u uint64 = 18446744073709551615
	u++
	println("uint64", u)
	var v uint64 = 0
	v--
	println("uint64 dec", v)
	var w uint64 = 1 << 63
	w *= 2
	println("uint64 mul", w)
}

func wrapPlatform() {
	var a int = 9223372036854775807
	a++
	println("int", a)
	var u uint = 0
	u--
	println("uint", u)
	var p uintptr = 0
	p--
	println("uintptr", p)
	var min int = -9223372036854775808
	println("neg min", -min)
}

func main() {
	wrap8()
	wrap16()
	wrap32()
	wrap64()
	wrapPlatform()
	// accumulate with wrap in a loop
	var h uint32 = 2166136261
	s := "the quick brown fox"
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	println("fnv32", h)
	var h64 uint64 = 14695981039346656037
	for i := 0; i < len(s); i++ {
		h64 ^= uint64(s[i])
		h64 *= 1099511628211
	}
	println("fnv64", h64)
}
