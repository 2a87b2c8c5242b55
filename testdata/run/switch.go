// switch: tagged and tagless switches, multiple values per case, fallthrough,
// default in the middle, init statements, and evaluation order of cases.
package main

var trace string

func val(s string, v int) int {
	trace += s
	return v
}

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	default:
		return "odd"
	}
}

func grade(score int) string {
	switch score / 10 {
	case 10, 9:
		return "A"
	case 8:
		return "B"
	case 7:
		return "C"
	default:
		return "F"
	case 6:
		return "D"
	}
}

func main() {
	for _, n := range []int{-5, 0, 4, 7} {
		println(n, classify(n))
	}
	for _, s := range []int{100, 95, 85, 72, 64, 10} {
		println(s, grade(s))
	}
	for i := 0; i < 5; i++ {
		print(i, ":")
		switch i {
		case 0:
			print(" zero")
			fallthrough
		case 1:
			print(" one-or-fell")
		case 2:
			print(" two")
			fallthrough
		default:
			print(" default")
			fallthrough
		case 4:
			print(" four")
		}
		println()
	}
	switch x := 5; x * 2 {
	case val("a", 1), val("b", 10), val("c", 10):
		println("matched 10 trace", trace)
	}
	trace = ""
	switch val("t", 3) {
	case val("x", 1):
	case val("y", 3):
		println("y trace", trace)
	case val("z", 3):
		println("never")
	}
	s := "go"
	switch s {
	case "rust":
		println("rust")
	case "go", "golang":
		println("gopher")
	}
	var b byte = 'q'
	switch b {
	case 'a', 'e', 'i', 'o', 'u':
		println("vowel")
	default:
		println("consonant", string(rune(b)))
	}
	switch {
	}
	switch x := 3; {
	case x > 2:
		println("x>2")
	}
	f := 2.5
	switch f {
	case 2.5:
		println("float case")
	}
	t := true
	switch t {
	case false:
		println("false")
	case true:
		println("true")
	}
}
