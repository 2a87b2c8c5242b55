// eval_order: operands and call arguments are evaluated left to right;
// assignments evaluate index expressions and operands before storing;
// op-assignment evaluates its left side once.
package main

var trace string

func v(name string, x int) int {
	trace += name
	return x
}

func idx(name string, i int) int {
	trace += "[" + name + "]"
	return i
}

func three(a, b, c int) int {
	return a*100 + b*10 + c
}

func main() {
	r := v("a", 1) + v("b", 2)*v("c", 3)
	println(r, trace)
	trace = ""
	println(three(v("x", 1), v("y", 2), v("z", 3)), trace)
	trace = ""
	arr := []int{0, 0, 0, 0}
	arr[idx("i", 1)] = v("rhs", 5)
	println(arr[1], trace)
	trace = ""
	arr[idx("j", 2)] += v("inc", 7)
	println(arr[2], trace)
	trace = ""
	arr[idx("p", 0)], arr[idx("q", 3)] = v("m", 8), v("n", 9)
	println(arr[0], arr[3], trace)
	// swap through indices that change during assignment
	i := 0
	s := []int{10, 20, 30}
	i, s[i] = 2, 99
	println(i, s[0], s[2])
	a, b := 1, 2
	a, b = b, a+b
	println(a, b)
	// pointer deref on both sides
	x := 3
	p := &x
	*p, x = x+1, *p+10
	println(x)
	trace = ""
	ok := v("l", 1) < v("r", 2) && v("t", 0) == 0
	println(ok, trace)
	trace = ""
	cnt := 0
	for i := v("init", 0); i < v("cond", 3); i += v("post", 1) {
		cnt++
	}
	println(cnt, trace)
	trace = ""
	switch v("tag", 2) {
	case v("c1", 1), v("c2", 2), v("c3", 3):
	}
	println(trace)
	trace = ""
	st := "s" + string(rune('a'+v("sa", 0))) + string(rune('a'+v("sb", 1)))
	println(st, trace)
}
