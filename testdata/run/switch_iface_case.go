package main

import "fmt"

type Shape interface{ Area() float64 }

type Sq float64

func (s Sq) Area() float64 { return float64(s * s) }

func classify[T comparable](v T, cases ...any) int {
	for i, c := range cases {
		switch c {
		case v:
			return i
		}
	}
	return -1
}

func main() {
	var i any = 3
	n := 3
	switch i {
	case n:
		fmt.Println("int case")
	}
	switch n {
	case i:
		fmt.Println("iface case")
	}
	var s Shape = Sq(2)
	switch Sq(2) {
	case s:
		fmt.Println("shape case", s.Area())
	}
	fmt.Println(classify(2, "a", 2, 3), classify("x", 1, "y"))
}
