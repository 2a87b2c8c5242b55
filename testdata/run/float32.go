// float32: single-precision arithmetic, rounding on conversion, printing.
package main

func main() {
	var a float32 = 0.1
	var b float32 = 0.2
	println(a+b, a*b, a/b, a-b)
	var big float32 = 16777216
	println(big+1, big+2)
	var f float32 = 1
	for i := 0; i < 30; i++ {
		f *= 3
	}
	println(f)
	var third float32 = 1
	third /= 3
	println(third, float64(third), third*3)
	d := 0.1
	println(float32(d), float64(float32(d)))
	var acc float32
	for i := 0; i < 1000; i++ {
		acc += 0.001
	}
	println(acc)
	var m float32 = 3.4028235e38
	println(m, m*2, -m*2)
	var tiny float32 = 1e-45
	println(tiny, tiny/2)
	println(float32(123456789), float32(0.3333333333), float32(1e10))
	// integer conversions
	var g float32 = -7.9
	h := float32(200.7)
	println(int(g), int32(g), uint8(h), int(h*h))
}
