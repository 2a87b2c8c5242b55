// containers: a stack, a FIFO queue and a fixed ring buffer built from
// slices and arrays of structs, and a binary heap priority queue.
package main

type job struct {
	id   int
	prio int
	name string
}

type ring struct {
	buf        [8]int
	head, size int
}

func ringPush(r *ring, v int) bool {
	if r.size == len(r.buf) {
		return false
	}
	r.buf[(r.head+r.size)%len(r.buf)] = v
	r.size++
	return true
}

func ringPop(r *ring) (int, bool) {
	if r.size == 0 {
		return 0, false
	}
	v := r.buf[r.head]
	r.head = (r.head + 1) % len(r.buf)
	r.size--
	return v, true
}

func heapPush(h []job, j job) []job {
	h = append(h, j)
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 2
		if h[p].prio <= h[i].prio {
			break
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
	return h
}

func heapPop(h []job) ([]job, job) {
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(h) && h[l].prio < h[m].prio {
			m = l
		}
		if r < len(h) && h[r].prio < h[m].prio {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	return h, top
}

func main() {
	var stack []string
	for _, w := range []string{"a", "b", "c", "d"} {
		stack = append(stack, w)
	}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		print(top, " ")
	}
	println()
	queue := []int{}
	for i := 0; i < 5; i++ {
		queue = append(queue, i*i)
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		if v == 4 {
			queue = append(queue, 100)
		}
		print(v, " ")
	}
	println()
	var r ring
	for i := 1; i <= 10; i++ {
		println("push", i, ringPush(&r, i))
	}
	for k := 0; k < 3; k++ {
		v, ok := ringPop(&r)
		println("pop", v, ok)
	}
	ringPush(&r, 11)
	for {
		v, ok := ringPop(&r)
		if !ok {
			break
		}
		print(v, " ")
	}
	println()
	var h []job
	names := []string{"write", "read", "sync", "idle", "boot", "net"}
	prios := []int{5, 2, 8, 9, 1, 2}
	for i := range names {
		h = heapPush(h, job{i, prios[i], names[i]})
	}
	for len(h) > 0 {
		var j job
		h, j = heapPop(h)
		println(j.prio, j.name, j.id)
	}
}
