package main

import "fmt"

func At[T interface{ ~[]int64 | ~[5]int64 | *[5]int64 }](x T, i int) int64 {
	return x[i]
}

func Set[T interface{ []int64 | [5]int64 }](x T) int64 {
	x[2] = 5
	return x[2] + x[3]
}

func Byte[T interface{ []byte | string }](x T) byte { return x[1] }

type Vec []int64

func main() {
	a := [5]int64{1, 2, 3, 4, 5}
	fmt.Println(At(Vec{7, 8}, 1), At(a, 4), At(&a, 0))
	fmt.Println(Set([]int64{1, 2, 3, 4}), Set(a), a)
	fmt.Println(Byte("hey"), Byte([]byte{9, 8}))
}
