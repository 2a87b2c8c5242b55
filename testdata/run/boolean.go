// boolean: short-circuit evaluation with side effects, boolean variables,
// comparisons of every comparable kind, and De Morgan checks over all inputs.
package main

var log string

func t(name string) bool {
	log += name
	return true
}

func f(name string) bool {
	log += name
	return false
}

func main() {
	log = ""
	r := f("a") && t("b")
	println(r, log)
	log = ""
	r = t("a") || f("b")
	println(r, log)
	log = ""
	r = f("a") || f("b") && t("c") || t("d")
	println(r, log)
	log = ""
	r = !(t("a") && f("b")) == (!t("c") || !f("d"))
	println(r, log)
	bools := [2]bool{false, true}
	for _, p := range bools {
		for _, q := range bools {
			println(p, q, p && q, p || q, p != q, p == q, !(p && q) == (!p || !q))
		}
	}
	var i8a, i8b int8 = -1, 1
	var u8a, u8b uint8 = 255, 1
	println(i8a < i8b, u8a < u8b, "a" < "b", 1.5 < 2.5)
	var e1, e2 struct {
		a int
		b string
	}
	println(e1 == e2)
	e2.b = "x"
	println(e1 == e2, e1 != e2)
	p1, p2 := new(int), new(int)
	println(p1 == p2, p1 == p1)
	var arr1, arr2 [3]string
	arr2[2] = ""
	println(arr1 == arr2)
	ok := len(log) > 0
	if ok {
		println("ok")
	}
	if !ok {
		println("not ok")
	} else if ok && len(log) == 4 {
		println("log length 4")
	}
}
