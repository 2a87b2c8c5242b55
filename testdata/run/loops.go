// loops: every form of for: three-clause, condition only, infinite with
// break, continue, empty clauses, multiple variables.
package main

func main() {
	sum := 0
	for i := 0; i < 10; i++ {
		sum += i
	}
	println("sum", sum)
	n := 27
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	println("collatz 27 steps", steps)
	k := 0
	for {
		k++
		if k*k > 200 {
			break
		}
	}
	println("first square over 200", k)
	for i, j := 0, 10; i < j; i, j = i+1, j-1 {
		print(i, ":", j, " ")
	}
	println()
	odd := 0
	for i := 0; i < 20; i++ {
		if i%2 == 0 {
			continue
		}
		odd += i
	}
	println("odd sum", odd)
	i := 0
	for ; i < 5; {
		i += 2
	}
	println("i", i)
	for i = 100; i > 0; i /= 3 {
		print(i, " ")
	}
	println()
	var x uint8
	cnt := 0
	for x = 250; x != 4; x++ {
		cnt++
	}
	println("wrapping loop", cnt)
	// nested loops building a triangle
	for r := 1; r <= 5; r++ {
		line := ""
		for c := 0; c < r; c++ {
			line += "*"
		}
		println(line)
	}
	// down-counting with unsigned guard
	for u := uint(3); u < 10; u-- {
		print(u, " ")
	}
	println()
}
