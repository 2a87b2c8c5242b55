// math/cmplx and strconv's complex functions: every function of math/cmplx
// on ordinary values, special values (zeros, infinities, NaNs) and values
// on branch cuts; FormatComplex in every format and ParseComplex with its
// errors. Results of functions built on math.Exp are printed to 14
// digits: Go's amd64 assembly Exp can differ from the portable method goc
// uses in the last bit (docs/LANGUAGE.md).
package main

import (
	"fmt"
	"math"
	"math/cmplx"
	"strconv"
)

func main() {
	inf, nan := math.Inf(1), math.NaN()
	args := []complex128{
		0, complex(math.Copysign(0, -1), 0), 1, -1, 1i, -1i, complex(1, 2),
		complex(-3.5, 0.25), complex(0.5, -0.75), complex(2, math.Copysign(0, -1)),
		complex(-2, 0), complex(-2, math.Copysign(0, -1)), complex(1e-300, 1e-300),
		complex(700, 1), complex(3, 1e10), complex(inf, 0), complex(0, inf),
		complex(-inf, 1), complex(inf, nan), complex(nan, 1), complex(nan, nan),
	}
	funcs := []struct {
		name string
		f    func(complex128) complex128
	}{
		{"Sqrt", cmplx.Sqrt}, {"Exp", cmplx.Exp}, {"Log", cmplx.Log}, {"Log10", cmplx.Log10},
		{"Sin", cmplx.Sin}, {"Cos", cmplx.Cos}, {"Tan", cmplx.Tan}, {"Cot", cmplx.Cot},
		{"Sinh", cmplx.Sinh}, {"Cosh", cmplx.Cosh}, {"Tanh", cmplx.Tanh},
		{"Asin", cmplx.Asin}, {"Acos", cmplx.Acos}, {"Atan", cmplx.Atan},
		{"Asinh", cmplx.Asinh}, {"Acosh", cmplx.Acosh}, {"Atanh", cmplx.Atanh},
		{"Conj", cmplx.Conj},
	}
	for _, fn := range funcs {
		fmt.Print(fn.name, ":")
		for _, a := range args {
			fmt.Printf(" %.14g", fn.f(a))
		}
		fmt.Println()
	}
	for _, a := range args {
		r, th := cmplx.Polar(a)
		fmt.Println(a, cmplx.Abs(a), cmplx.Phase(a), r, th, cmplx.Rect(r, th),
			cmplx.IsInf(a), cmplx.IsNaN(a))
		fmt.Printf("%.14g %.14g\n", cmplx.Pow(a, complex(0.5, 1)), cmplx.Pow(a, 2))
	}
	fmt.Println(cmplx.Inf(), cmplx.NaN(), cmplx.Pow(0, 0), cmplx.Pow(0, -1), cmplx.Pow(0, 1i))
	fmt.Printf("%.14g %.14g\n", cmplx.Tan(complex(1e20, 0.5)), cmplx.Cot(complex(3e9, 1e-3)))

	for _, c := range []complex128{complex(1.5, -2), complex(-1e21, 1e-7), complex(inf, nan), 1i} {
		for _, f := range []byte{'e', 'E', 'f', 'g', 'G', 'b', 'x'} {
			fmt.Print(strconv.FormatComplex(c, f, -1, 128), " ", strconv.FormatComplex(c, f, 3, 64), " ")
		}
		fmt.Println()
	}
	for _, s := range []string{"1+2i", "(1+2i)", "3i", "-i", "+i", "i", "1", "-1e3-2.5e-1i",
		"+Inf-Infi", "NaN+NaNi", "infi", "1e400+1i", "1+1e400i", "1_000+2_0i", "1__0+2i",
		"(1+2i", "1+2", "1+2ii", "", "()", "1e-400+1i", "0x10+2i", "2i+1"} {
		for _, bits := range []int{64, 128} {
			c, err := strconv.ParseComplex(s, bits)
			fmt.Printf("%q/%d: %v %v\n", s, bits, c, err)
		}
	}
}
