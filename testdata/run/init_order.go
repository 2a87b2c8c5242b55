// init_order: package-level variables are initialised in dependency order,
// not source order; several init functions run in source order after all
// variables; main runs last.
package main

var trace string

func note(s string, v int) int {
	trace += s + " "
	println("init var", s, v)
	return v
}

var a = note("a", b+c)
var b = note("b", f())
var c = note("c", 3)
var d = note("d", 4)

func f() int {
	return c * 10
}

var (
	x, y = note("x", z*2), note("y", 1)
	z    = note("z", 5)
)

var total = sum()

func sum() int {
	return a + b + c + d + x + y + z
}

var table = [4]int{c, b, a, d}
var greeting = prefix + ", world"
var prefix = "hello"

func init() {
	println("first init", trace)
	trace = ""
}

func init() {
	println("second init, total", total)
}

var late = note("late", 1)

func init() {
	println("third init", greeting, table[0], table[1], table[2], table[3], late)
}

func main() {
	println("main", a, b, c, d, x, y, z, trace == "")
}
