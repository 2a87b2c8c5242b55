// float_print: how println formats float64 values, computed at run time.
package main

func main() {
	a, b := 0.1, 0.2
	println(a + b)
	vals := []float64{0, 1, -1, 0.5, 1e100, 1e-7, 123456789.0, 1e21, 1e20, 123456789012345678,
		3.141592653589793, 2.718281828459045, 1.0 / 3.0, 2.0 / 3.0, 100, 1e6, 1e-5, 1e-4,
		5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 0.000001, 0.0001234, 12345.678}
	for i, v := range vals {
		println(i, v, -v)
	}
	x := 1.0
	for i := 0; i < 12; i++ {
		x *= 10
		println("pow", i+1, x, 1/x)
	}
	s := 0.0
	for i := 0; i < 10; i++ {
		s += 0.1
	}
	println("sum tenths", s, s == 1.0)
	println(float64(7)/2, float64(-7)/2)
	print(a, " ", b, "\n")
}
