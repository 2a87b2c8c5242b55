//go:build !gc && !gccgo && !goc

package main

func sqrt(x float64) float64 { return unknownCompiler }
