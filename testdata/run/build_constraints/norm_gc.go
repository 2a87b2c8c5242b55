//go:build !goc

// The implementation for Go's compilers, with complex numbers (which goc
// does not compile yet): excluded by the goc tag, as a package excludes
// code a compiler cannot build and offers another.
package main

func norm(x, y float64) float64 {
	c := complex(x, y)
	return sqrt(real(c * complexConj(c)))
}

func complexConj(c complex128) complex128 { return complex(real(c), -imag(c)) }
