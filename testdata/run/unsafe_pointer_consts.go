package main

import (
	"fmt"
	"unsafe"
)

func main() {
	p := unsafe.Pointer(uintptr(0x1234))
	q := unsafe.Pointer(^uintptr(0))
	fmt.Println(uintptr(p) == 0x1234, uintptr(q) == ^uintptr(0))
	switch {
	case unsafe.Sizeof(p) != 8:
		fmt.Println("odd")
	case unsafe.Alignof(p) != 8:
		fmt.Println("odder")
	default:
		fmt.Println("ok")
	}
}
