// Package math's transcendental and related functions against Go's
// results bit for bit: special values, the edges of each method's ranges
// and argument reductions, and a few thousand xorshift arguments per
// function (those folded into one digest line per set). One file per
// area; the helpers are here.
//
// Results are printed as float64 bits in hex, every NaN as one NaN (its
// payload and sign are not specified). Exp and the functions built on it
// (Sinh, Cosh, Tanh, Pow with a fractional exponent) are compared with
// the last 14 bits rounded off ("coarse"): Go's amd64 Exp is assembly
// using another method whose last bits also depend on the CPU's FMA, and
// goc follows Go's portable method (docs/LANGUAGE.md).
package main

import (
	"math"
	"os"
	"strconv"
)

func main() {
	expFuncs()
	logFuncs()
	trigFuncs()
	inverseTrigFuncs()
	hyperbolicFuncs()
	miscFuncs()
	gammaFuncs()
	erfFuncs()
	lgammaFuncs()
}

func say(s string) { os.Stdout.WriteString(s + "\n") }

func hex(b uint64) string { return strconv.FormatUint(b, 16) }

func itoa(n int) string { return strconv.Itoa(n) }

// An encoding of a result: exact bits, or coarse.
type enc func(float64) uint64

func exact(v float64) uint64 {
	if v != v {
		return 0x7ff8000000000000
	}
	return math.Float64bits(v)
}

func coarse(v float64) uint64 { return (exact(v) + 1<<13) >> 14 }

// show prints f at every x of xs, one line each.
func show(name string, f func(float64) float64, e enc, xs []float64) {
	for _, x := range xs {
		say(name + "(" + hex(math.Float64bits(x)) + ") = " + hex(e(f(x))))
	}
}

// digest prints one FNV-style hash of f over xs, and f at the first x.
func digest(name, set string, f func(float64) float64, e enc, xs []float64) {
	h := uint64(14695981039346656037)
	for _, x := range xs {
		h = (h ^ e(f(x))) * 1099511628211
	}
	say(name + " " + set + " n=" + strconv.Itoa(len(xs)) + " first=" + hex(e(f(xs[0]))) + " hash=" + hex(h))
}

// show2 and digest2 are show and digest for functions of two arguments,
// over pairs (xs[i], ys[i]).
func show2(name string, f func(float64, float64) float64, e enc, xs, ys []float64) {
	for i, x := range xs {
		say(name + "(" + hex(math.Float64bits(x)) + ", " + hex(math.Float64bits(ys[i])) + ") = " + hex(e(f(x, ys[i]))))
	}
}

func digest2(name, set string, f func(float64, float64) float64, e enc, xs, ys []float64) {
	h := uint64(14695981039346656037)
	for i, x := range xs {
		h = (h ^ e(f(x, ys[i]))) * 1099511628211
	}
	say(name + " " + set + " n=" + strconv.Itoa(len(xs)) + " hash=" + hex(h))
}

// The argument generator: xorshift64.
var state uint64 = 0x9E3779B97F4A7C15

func next() uint64 {
	state ^= state << 13
	state ^= state >> 7
	state ^= state << 17
	return state
}

// uniform returns n values spread evenly at random over [lo, hi).
func uniform(n int, lo, hi float64) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = lo + (hi-lo)*(float64(next()>>11)/(1<<53))
	}
	return xs
}

// anyFinite returns n finite values with random bits: every binade and
// sign equally likely.
func anyFinite(n int) []float64 {
	xs := make([]float64, 0, n)
	for len(xs) < n {
		x := math.Float64frombits(next())
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			xs = append(xs, x)
		}
	}
	return xs
}

// logUniform returns n positive values whose logarithm is uniform over
// [2**lo, 2**hi): random mantissas in random binades.
func logUniform(n, lo, hi int) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		e := lo + int(next()%uint64(hi-lo))
		m := 1 + float64(next()>>11)/(1<<53)
		xs[i] = math.Ldexp(m, e)
	}
	return xs
}

// around returns x, its neighbours, and for each x the floats k ulps
// away for k = 1..steps on both sides.
func around(steps int, xs ...float64) []float64 {
	var out []float64
	for _, x := range xs {
		out = append(out, x)
		lo, hi := x, x
		for k := 0; k < steps; k++ {
			lo = math.Nextafter(lo, math.Inf(-1))
			hi = math.Nextafter(hi, math.Inf(1))
			out = append(out, lo, hi)
		}
	}
	return out
}

// negated returns xs followed by their negations.
func negated(xs []float64) []float64 {
	out := append([]float64(nil), xs...)
	for _, x := range xs {
		out = append(out, -x)
	}
	return out
}

var (
	inf    = math.Inf(1)
	negZ   = math.Copysign(0, -1)
	nan    = math.NaN()
	minSub = math.SmallestNonzeroFloat64
	minNor = 2.2250738585072014e-308
)

// specials are the values every function is shown at.
var specials = []float64{0, negZ, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 10, -10, inf, -inf, nan,
	minSub, -minSub, minNor, -minNor, 1e-300, -1e-300, 1e-20, -1e-20, 1e300, -1e300,
	math.MaxFloat64, -math.MaxFloat64, math.Pi, -math.Pi, math.E, 1.0 / (1 << 28), 1.0 / (1 << 54), 1e-8, 0.1, 100}
