// A panic raised and recovered inside a deferred call of another panic
// leaves the outer panic running (and recoverable by that deferred call);
// deferred variadic calls, struct results, promoted methods through
// embedded pointers: everything evaluated at the defer statement.
package main

func h() {
	defer func() {
		println("E recovers:", recover().(string))
	}()
	panic("p2")
}

func sum(xs ...int) {
	t := 0
	for _, x := range xs {
		t += x
	}
	println("sum", t)
}

type Big struct{ a [8]int }

func mk(n int) Big {
	var b Big
	b.a[7] = n
	println("mk", n)
	return b
}

type Inner struct{ n int }

func (i *Inner) Show() { println("inner", i.n) }

type Outer struct {
	*Inner
	name string
}

func variadicAndMore() {
	s := []int{4, 5}
	defer sum(1, 2, 3)
	defer sum(s...)
	s[0] = 40
	defer mk(9)
	o := Outer{&Inner{1}, "o"}
	defer o.Show()
	o.Inner = &Inner{2}
	defer o.Show()
}

func main() {
	defer func() {
		println("main recover is nil:", recover() == nil)
	}()
	defer func() {
		h()
		println("D continues, recover sees p1:", recover() != nil)
	}()
	variadicAndMore()
	panic("p1")
}
