// tree_reduce: 100k goroutines in a random tree of channels. Every node
// waits for its children's partial sums, adds its own value and passes the
// total to its parent; the root's total must equal the sequential sum.
// Channel capacities are random (0 to 3), so hand-offs mix direct
// transfers, buffering and blocking on both sides.
package main

type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s ^= r.s << 13
	r.s ^= r.s >> 7
	r.s ^= r.s << 17
	return r.s
}

func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

func run(seed uint64, n int) bool {
	r := &rng{seed}
	parent := make([]int, n)
	children := make([]int, n)
	value := make([]int, n)
	want := 0
	for i := 1; i < n; i++ {
		parent[i] = r.intn(i)
		children[parent[i]]++
	}
	for i := 0; i < n; i++ {
		value[i] = r.intn(1000)
		want += value[i]
	}
	in := make([]chan int, n)
	for i := range in {
		in[i] = make(chan int, r.intn(4))
	}
	result := make(chan int)
	for i := n - 1; i >= 0; i-- {
		go func(i int) {
			s := value[i]
			for k := 0; k < children[i]; k++ {
				s += <-in[i]
			}
			if i == 0 {
				result <- s
			} else {
				in[parent[i]] <- s
			}
		}(i)
	}
	return <-result == want
}

func main() {
	println(run(88172645463325252, 100000))
	println(run(2463534242, 50000))
	println(run(7, 1000))
}
