// new_expr: new(T) gives a pointer to a zero T; since Go 1.26 new(expr)
// gives a pointer to a new variable holding the value.
package main

type pair struct{ a, b int }

func ten() int { return 10 }

func main() {
	p := new(int)
	*p += 3
	q := new(5)
	r := new(ten() * 2)
	s := new(pair{1, 2})
	s.b = 7
	t := new("str")
	f := new(1.5)
	println(*p, *q, *r, s.a, s.b, *t, *f)
	ptrs := []*int{}
	for i := range 3 {
		ptrs = append(ptrs, new(i*i))
	}
	for _, x := range ptrs {
		print(*x, " ")
	}
	println()
}
