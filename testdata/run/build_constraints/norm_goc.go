//go:build goc

// goc's implementation: the same result without complex numbers.
package main

func norm(x, y float64) float64 { return sqrt(x*x + y*y) }
