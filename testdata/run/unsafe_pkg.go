package main

import (
	"fmt"
	"unsafe"
)

type T struct {
	A int8
	B int64
	C bool
	D string
	E [3]int16
	F struct{}
}

type Inner struct{ X, Y int32 }
type Outer struct {
	Pad byte
	Inner
	Z []int
}

func Size[T any]() uintptr {
	var z T
	return unsafe.Sizeof(z)
}

func main() {
	var t T
	fmt.Println(unsafe.Sizeof(t), unsafe.Alignof(t), unsafe.Offsetof(t.B), unsafe.Offsetof(t.D), unsafe.Offsetof(t.E), unsafe.Offsetof(t.F))
	var o Outer
	fmt.Println(unsafe.Sizeof(o), unsafe.Offsetof(o.Y), unsafe.Offsetof(o.Z), unsafe.Sizeof(o.Inner))
	const c = unsafe.Sizeof(int32(0)) * 2
	var arr [c]byte
	fmt.Println(len(arr), Size[string](), Size[T](), Size[[5]int32]())
	xs := []int{10, 20, 30, 40}
	p := unsafe.Pointer(&xs[0])
	p2 := (*int)(unsafe.Add(p, 2*unsafe.Sizeof(xs[0])))
	fmt.Println(*p2)
	u := uintptr(p) + unsafe.Sizeof(xs[0])
	fmt.Println(*(*int)(unsafe.Pointer(u)))
	s := unsafe.Slice(&xs[1], 2)
	fmt.Println(s, len(s), cap(s))
	b := []byte("hello")
	str := unsafe.String(&b[0], 4)
	fmt.Println(str, *unsafe.StringData("xyz"), *unsafe.SliceData(xs))
	f := 1.5
	bits := *(*uint64)(unsafe.Pointer(&f))
	fmt.Printf("%#x\n", bits)
	var np unsafe.Pointer
	fmt.Println(np == nil, unsafe.Slice((*int)(nil), 0) == nil)
	fmt.Printf("%T %T\n", np, unsafe.Sizeof(0))
	func() {
		defer func() { fmt.Println(recover()) }()
		n := -1
		_ = unsafe.Slice(&xs[0], n)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		var q *byte
		_ = unsafe.String(q, 3)
	}()
}
