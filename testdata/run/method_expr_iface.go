package main

import (
	"fmt"
	"strings"
)

type Val interface{ val() int }

type Big interface {
	Val
	pair(a, b string) (string, int)
}

type I int

func (i I) val() int                           { return int(i) * 3 }
func (i I) pair(a, b string) (string, int)     { return a + b, int(i) }

type S struct{ s string }

func (s *S) val() int                          { return len(s.s) }
func (s *S) pair(a, b string) (string, int)    { return strings.Repeat(a, len(s.s)) + b, 0 }

func main() {
	f := Val.val
	fmt.Println(f(I(1)), Val.val(&S{"abcd"}))
	g := Big.pair
	fmt.Println(g(I(7), "x", "y"))
	fmt.Println(Big.pair(&S{"ab"}, "-", "!"))
	fmt.Printf("%T\n", g)
	h := fmt.Stringer.String
	var sb strings.Builder
	sb.WriteString("built")
	fmt.Println(h(&sb))
}
