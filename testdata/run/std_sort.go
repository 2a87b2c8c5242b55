// Package sort: Ints, Float64s (NaNs first), Strings, the *AreSorted
// checks, Search and the Search* helpers (found, missing, past the end),
// Find, Sort and Stable on a user Interface, Reverse, Slice and
// SliceStable on slices of structs (stability checked on equal keys),
// IntSlice/StringSlice methods, empty and one-element inputs, and a
// larger pseudo-random input checked against IsSorted.
package main

import (
	"math"
	"sort"
	"strings"
)

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

func show(p []person) {
	for _, x := range p {
		print(x.name, ":", x.age, " ")
	}
	println()
}

func ints(a []int) {
	for _, x := range a {
		print(x, " ")
	}
	println()
}

func main() {
	a := []int{5, 2, 8, -1, 0, 9, 3, 3, 7}
	println(sort.IntsAreSorted(a))
	sort.Ints(a)
	ints(a)
	println(sort.IntsAreSorted(a), sort.SearchInts(a, 3), sort.SearchInts(a, 4), sort.SearchInts(a, 100), sort.SearchInts(a, -5))
	f := []float64{2.5, math.NaN(), -1, math.Inf(1), 0, math.Inf(-1), 1e-9}
	sort.Float64s(f)
	for _, x := range f {
		print(x, " ")
	}
	println(sort.Float64sAreSorted(f), sort.SearchFloat64s(f, 1))
	s := strings.Fields("pear apple fig banana cherry apple date")
	sort.Strings(s)
	println(strings.Join(s, ","), sort.StringsAreSorted(s), sort.SearchStrings(s, "cherry"), sort.SearchStrings(s, "zz"))
	i, found := sort.Find(len(s), func(k int) int { return strings.Compare("fig", s[k]) })
	println(i, found)
	i, found = sort.Find(len(s), func(k int) int { return strings.Compare("coconut", s[k]) })
	println(i, found)
	println(sort.Search(100, func(k int) bool { return k*k >= 50 }), sort.Search(0, func(int) bool { return true }))

	people := []person{{"ann", 30}, {"bob", 25}, {"cid", 30}, {"dan", 20}, {"eve", 25}, {"fay", 30}, {"gus", 20}}
	p2 := append([]person(nil), people...)
	sort.Stable(byAge(p2))
	show(p2)
	sort.Stable(sort.Reverse(byAge(p2)))
	show(p2)
	p3 := append([]person(nil), people...)
	sort.SliceStable(p3, func(i, j int) bool { return p3[i].age > p3[j].age })
	show(p3)
	p4 := append([]person(nil), people...)
	sort.Slice(p4, func(i, j int) bool { return p4[i].name > p4[j].name })
	show(p4)
	println(sort.SliceIsSorted(p4, func(i, j int) bool { return p4[i].name > p4[j].name }), sort.IsSorted(byAge(p4)))
	p5 := append([]person(nil), people...)
	sort.Sort(byAge(p5))
	println(sort.IsSorted(byAge(p5)), p5[0].age, p5[6].age)

	is := sort.IntSlice{3, 1, 2}
	is.Sort()
	println(is[0], is[1], is[2], is.Search(2), is.Len())
	ss := sort.StringSlice{"b", "a"}
	sort.Sort(sort.Reverse(ss))
	println(ss[0], ss[1])
	var empty []int
	sort.Ints(empty)
	one := []string{"x"}
	sort.Strings(one)
	println(len(empty), one[0])

	big := make([]int, 2000)
	x := uint32(12345)
	for k := range big {
		x = x*1664525 + 1013904223
		big[k] = int(x >> 20)
	}
	sort.Ints(big)
	println(sort.IntsAreSorted(big), big[0], big[1999])
	type pair struct{ k, seq int }
	ps := make([]pair, 500)
	for k := range ps {
		x = x*1664525 + 1013904223
		ps[k] = pair{int(x >> 28), k}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].k < ps[j].k })
	ok := true
	for k := 1; k < len(ps); k++ {
		if ps[k-1].k > ps[k].k || ps[k-1].k == ps[k].k && ps[k-1].seq > ps[k].seq {
			ok = false
		}
	}
	println(ok, ps[0].k, ps[499].k)
}
