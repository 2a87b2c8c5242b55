// Large arrays of pointers and of structs with pointers (scanned in
// pieces by several marking threads) keep everything they point to while
// collections run.
package main

import "fmt"

type T struct{ v int }
type S struct {
	a *T
	x int
	b *T
}

func main() {
	ptrs := make([]*T, 300000)
	structs := make([]S, 200000)
	for i := range ptrs {
		ptrs[i] = &T{i}
	}
	for i := range structs {
		structs[i] = S{&T{i}, i, &T{-i}}
	}
	bad := 0
	for round := 0; round < 20; round++ {
		for i := 0; i < 100000; i++ {
			_ = make([]byte, 100)
		}
		for i := range ptrs {
			if ptrs[i].v != i {
				bad++
			}
		}
		for i := range structs {
			if structs[i].a.v != i || structs[i].b.v != -i {
				bad++
			}
		}
	}
	fmt.Println("bad", bad)
}
