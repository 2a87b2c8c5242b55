package main

import "fmt"

type A4 [4]byte

func main() {
	s := []byte{1, 2, 3, 4, 5}
	p := (*[4]byte)(s)
	p[0] = 9
	a := [3]byte(s[1:])
	a[0] = 7
	var q *A4 = (*A4)(s[1:])
	fmt.Println(s, *p, a, *q, len(p))
	var e []int
	fmt.Println((*[0]int)(e) == nil, [0]int(e))
	defer func() { fmt.Println(recover()) }()
	_ = [8]byte(s)
}
