package main

import (
	"fmt"
	"sort"
	"strings"
)

type Queue chan string

func (q Queue) Take() string { return <-q }

type Counts map[string]int

func (c Counts) String() string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%d;", k, c[k])
	}
	return b.String()
}

type Op func(int) int

func (f Op) Apply(x int) int { return f(x) }

type Taker interface{ Take() string }
type Applier interface{ Apply(int) int }

func main() {
	q := make(Queue, 2)
	q <- "first"
	q <- "second"
	var t Taker = q
	fmt.Println(t.Take(), Taker(q).Take())
	var s fmt.Stringer = Counts{"b": 2, "a": 1}
	fmt.Println(s.String(), s)
	var a Applier = Op(func(x int) int { return x * 3 })
	fmt.Println(a.Apply(7))
	f := a.Apply
	fmt.Println(f(2))
}
