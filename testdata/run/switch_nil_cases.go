package main

import "fmt"

func main() {
	f := func() {}
	switch f {
	case nil:
		fmt.Println("nil func")
	default:
		fmt.Println("func")
	}
	var m map[int]int
	switch m {
	case nil:
		fmt.Println("nil map")
	}
	s := []int{}
	switch s {
	case nil:
		fmt.Println("nil slice")
	default:
		fmt.Println("empty slice")
	}
	var g func()
	switch g {
	case nil:
		fmt.Println("nil g")
	}
}
