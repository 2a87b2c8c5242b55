// Panic and recover many times in a loop with defers: the stack and the
// defer chain must not leak.
package main

var count int

func work(i int) (res int) {
	defer func() {
		if r := recover(); r != nil {
			res = r.(int) + 1
		}
	}()
	defer func() { count++ }()
	if i%2 == 0 {
		panic(i)
	}
	var s []int
	return s[i] // index out of range: a runtime error
}

func deep(n int) int {
	if n == 0 {
		panic(7)
	}
	defer func() { count++ }()
	return deep(n - 1)
}

func catchDeep() (v int) {
	defer func() { v = recover().(int) }()
	return deep(20)
}

func main() {
	sum := 0
	for i := 0; i < 100000; i++ {
		func() {
			defer func() {
				if r := recover(); r != nil {
					sum += 1000000
				}
			}()
			sum += work(i)
		}()
	}
	for i := 0; i < 1000; i++ {
		sum += catchDeep()
	}
	println(sum, count)
}
