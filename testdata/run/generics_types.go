package main

import (
	"fmt"
	"strings"
)

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

func (l *List[T]) Len() int { return l.size }

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)           { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool      { _, ok := s[v]; return ok }
func NewSet[T comparable]() Set[T] { return make(Set[T]) }

type Tree[T interface{ ~int | ~string }] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(visit func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(visit)
	visit(t.Val)
	t.Right.Walk(visit)
}

type Stack[T any] []T

func (s *Stack[T]) Push(v T) { *s = append(*s, v) }
func (s *Stack[T]) Pop() T {
	old := *s
	v := old[len(old)-1]
	*s = old[:len(old)-1]
	return v
}

func main() {
	p := Pair[string, int]{"a", 1}
	fmt.Printf("%T %v %+v %s\n", p, p, p, p)
	q := Pair[Pair[int, string], []int]{Pair[int, string]{1, "x"}, []int{2}}
	fmt.Printf("%T %v\n", q, q)
	var l List[string]
	for _, s := range []string{"x", "y", "z"} {
		l.Push(s)
	}
	var sb strings.Builder
	l.Each(func(s string) { sb.WriteString(s) })
	fmt.Println(sb.String(), l.Len())
	fmt.Printf("%T\n", &l)
	s := NewSet[int]()
	s.Add(3)
	fmt.Println(s.Has(3), s.Has(4), len(s))
	var t *Tree[int]
	for _, v := range []int{5, 2, 8, 1, 9} {
		t = t.Insert(v)
	}
	t.Walk(func(v int) { fmt.Print(v, " ") })
	fmt.Println()
	var ts *Tree[string]
	for _, v := range []string{"m", "c", "x"} {
		ts = ts.Insert(v)
	}
	ts.Walk(func(v string) { fmt.Print(v, " ") })
	fmt.Println()
	var st Stack[float64]
	st.Push(1.5)
	st.Push(2.5)
	fmt.Println(st.Pop(), len(st))
	var x any = p
	if s, ok := x.(fmt.Stringer); ok {
		fmt.Println("stringer", s.String())
	}
	_, ok := x.(Pair[string, string])
	fmt.Println(ok)
	f := p.String
	fmt.Println(f())
	g := (*List[string]).Len
	fmt.Println(g(&l))
}
