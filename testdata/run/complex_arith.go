// Complex numbers at run time: arithmetic with Go's results for zeros,
// infinities and NaNs, complex64 rounding, comparison, conversion, the
// builtins, println's format, and values in memory (arrays, structs,
// slices, maps, interfaces, channels, closures).
package main

import "math"

type C64 complex64

type pair struct {
	tag byte
	c   complex64
	d   complex128
}

func div(a, b complex128) complex128   { return a / b }
func div64(a, b complex64) complex64   { return a / b }
func mul(a, b complex128) complex128   { return a * b }
func parts(c complex128) (float64, float64) { return real(c), imag(c) }

func main() {
	inf, nan := math.Inf(1), math.NaN()
	zero := 0.0
	vals := []complex128{
		0, complex(zero, -zero), 1, -1i, complex(1, 2), complex(-3.5, 0.25),
		complex(inf, 0), complex(0, -inf), complex(inf, inf), complex(nan, 1),
		complex(1, nan), complex(1e308, 1e308), complex(5e-324, -5e-324),
	}
	for _, a := range vals {
		for _, b := range vals {
			println(a, b, a+b, a-b, mul(a, b), div(a, b), a == b, a != b)
		}
	}
	// complex64 divides in complex128 and rounds.
	x, y := complex64(complex(1, 3)), complex64(complex(7, -0.1))
	println(x/y, div64(x, y), complex128(x)/complex128(y), C64(x)*C64(y))
	println(div64(complex(float32(inf), 1), 0), div64(1, complex(0, float32(inf))))

	// Conversions and the builtins.
	c := complex(1.0/3, -2.0/3)
	c64 := complex64(c)
	println(c, c64, complex128(c64), real(c64), imag(c64))
	re, im := parts(c)
	println(re, im, complex(float32(re), float32(im)) == c64)
	c++
	c *= 2i
	c -= 1
	c /= complex(0, 2)
	println(c, -c, +c)

	// Values in memory.
	arr := [3]complex64{1, 2i, 3 + 3i}
	p := pair{tag: 7, c: 1 - 1i, d: -2 + 0.5i}
	ps := &p
	ps.c *= 2
	ps.d += complex128(ps.c)
	println(arr[0], arr[1], arr[2], p.tag, p.c, p.d)
	s := make([]complex128, 0, 1)
	for i := 0; i < 5; i++ {
		s = append(s, complex(float64(i), float64(-i)))
	}
	println(len(s), s[4], s[1]*s[2])
	m := map[complex128]string{}
	m[complex(0, 0)] = "zero"
	m[complex(-zero, -zero)] = "negative zero"
	m[complex(nan, 0)] = "nan1"
	m[complex(nan, 0)] = "nan2"
	m[1i] = "i"
	println(len(m), m[0], m[1i], m[complex(nan, 0)] == "")
	var e any = c64
	var f any = complex64(c)
	var g any = complex128(c64)
	println(e == f, e == g, e.(complex64) == c64)
	switch v := g.(type) {
	case complex64:
		println("complex64", v)
	case complex128:
		println("complex128", v)
	}
	ch := make(chan complex128, 2)
	ch <- c
	ch <- 2i
	println(<-ch, <-ch)
	acc := complex128(0)
	add := func(d complex128) { acc += d }
	for _, v := range arr {
		add(complex128(v))
	}
	println(acc)
	var nilc complex128
	println(nilc, nilc == 0, -nilc)
}
