// pointers: address-of, new, &T{}, pointer to pointer, pointers into
// arrays, slices and struct fields, pointer comparison, nil checks.
package main

type T struct {
	a int
	s []int
}

func inc(p *int) {
	*p++
}

func swap(a, b *int) {
	*a, *b = *b, *a
}

func newT(n int) *T {
	return &T{a: n, s: make([]int, n)}
}

func main() {
	x := 1
	inc(&x)
	inc(&x)
	println(x)
	y := 10
	swap(&x, &y)
	println(x, y)
	p := new(int)
	println(*p)
	*p = 42
	q := p
	*q++
	println(*p, p == q)
	pp := &p
	**pp = 7
	println(*p)
	t := newT(3)
	t.s[1] = 5
	t.a += 1
	println(t.a, len(t.s), t.s[1])
	t2 := *t
	t2.a = 100
	t2.s[0] = 9
	println(t.a, t2.a, t.s[0])
	arr := [3]int{1, 2, 3}
	ep := &arr[1]
	*ep = 20
	println(arr[1])
	sl := []int{1, 2, 3}
	sp := &sl[2]
	sl[2] = 30
	println(*sp)
	var np *T
	println(np == nil, t != nil)
	a, b := new(int), new(int)
	println(a == b, *a == *b)
	ps := new([4]string)
	ps[2] = "two"
	println(len(ps), ps[2])
	ns := new(T)
	ns.s = append(ns.s, 1)
	println(ns.a, len(ns.s))
	// pointer to struct field keeps the struct alive
	fp := &newT(2).a
	*fp = 77
	println(*fp)
	// a linked structure built with pointers
	type cell struct {
		v    int
		l, r *cell
	}
	var root *cell
	for _, v := range []int{5, 3, 8, 1, 4, 9, 7} {
		pos := &root
		for *pos != nil {
			if v < (*pos).v {
				pos = &(*pos).l
			} else {
				pos = &(*pos).r
			}
		}
		*pos = &cell{v: v}
	}
	// iterative in-order walk with an explicit stack
	var stack []*cell
	cur := root
	for cur != nil || len(stack) > 0 {
		for cur != nil {
			stack = append(stack, cur)
			cur = cur.l
		}
		cur = stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		print(cur.v, " ")
		cur = cur.r
	}
	println()
}
