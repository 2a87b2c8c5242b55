// maps: literals, reads with comma-ok, op-assignment, delete, len, range
// (order-independent sums), struct and float keys, clear, and the panic
// of an assignment to a nil map.
package main

type key struct {
	a string
	b int
}

func main() {
	m := map[string]int{"one": 1, "two": 2}
	m["three"] = 3
	m["one"] += 10
	println(len(m), m["one"], m["two"], m["missing"])
	v, ok := m["two"]
	println(v, ok)
	_, ok = m["nope"]
	println(ok)
	delete(m, "two")
	println(len(m))
	sum := 0
	for k, v := range m {
		sum += v + len(k)
	}
	println(sum)
	var nilmap map[int]int
	println(len(nilmap), nilmap[5])
	sk := map[key][]int{}
	sk[key{"x", 1}] = append(sk[key{"x", 1}], 5)
	sk[key{"x", 1}] = append(sk[key{"x", 1}], 6)
	println(len(sk[key{"x", 1}]), len(sk))
	counts := make(map[rune]int)
	for _, r := range "hello world" {
		counts[r]++
	}
	println(counts['l'], counts['o'], len(counts))
	fm := map[float64]string{}
	fm[0.0] = "zero"
	println(fm[-0.0 * 1])
	clear(counts)
	println(len(counts))
	nilmap[1] = 2
}
