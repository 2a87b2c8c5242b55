//go:build cgo

package main

// #include <stdio.h>
import "C"

func init() { note(C.GoString(C.CString("cgo"))) }
