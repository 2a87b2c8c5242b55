// strconv.FormatFloat and AppendFloat against Go, bit for bit: pseudo-
// random float64 and float32 bit patterns (every exponent) in the e, g,
// b and x formats at several precisions and shortest, decimal-looking
// values and exact ties in the f format, and the special values.
package main

import (
	"math"
	"os"
	"strconv"
)

var state uint64 = 0x9E3779B97F4A7C15

func next() uint64 {
	state ^= state << 13
	state ^= state >> 7
	state ^= state << 17
	return state
}

func line(b []byte, v float64, bits int, specs []string) []byte {
	for _, s := range specs {
		prec, _ := strconv.Atoi(s[1:])
		b = strconv.AppendFloat(b, v, s[0], prec, bits)
		b = append(b, ' ')
	}
	return append(b, '\n')
}

func main() {
	wide := []string{"e-1", "e0", "e3", "e16", "e25", "g-1", "g1", "g6", "g17", "g30", "b-1", "x-1", "x0", "x4", "E5", "G9", "X2"}
	narrow := []string{"f-1", "f0", "f1", "f2", "f5", "f12", "e2", "g3", "g-1"}
	var out []byte
	for i := 0; i < 1200; i++ {
		v := math.Float64frombits(next())
		out = line(out, v, 64, wide)
		f := math.Float32frombits(uint32(next()))
		out = line(out, float64(f), 32, wide)
	}
	for i := 0; i < 1200; i++ {
		m := int64(next() % 100000000)
		scale := 1.0
		for k := next() % 12; k > 0; k-- {
			scale *= 10
		}
		v := float64(m) / scale
		if next()%2 == 0 {
			v = -v
		}
		out = line(out, v, 64, narrow)
		out = line(out, float64(float32(v)), 32, narrow)
	}
	for _, v := range []float64{0.5, 1.5, 2.5, 0.125, 0.375, 1e23, 8.41e21, 5e-324, math.MaxFloat64,
		math.SmallestNonzeroFloat32, math.MaxFloat32, 0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1)} {
		out = line(out, v, 64, wide)
		out = line(out, v, 64, narrow)
	}
	out = append(out, strconv.FormatFloat(1.25, 'f', 1, 64)+" "+strconv.FormatFloat(1.35, 'f', 1, 32)+" "+strconv.FormatFloat(3, 'z', 2, 64)+"\n"...)
	os.Stdout.Write(out)
}
