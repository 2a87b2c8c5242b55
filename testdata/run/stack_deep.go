package main

// Deep recursion on growing stacks: a million frames in main and in
// several goroutines at once, each frame keeping pointers to the data of
// earlier frames, checked on the way down and on the way back up.

import "fmt"

type link struct {
	val  int
	prev *link
	buf  [3]int
}

// down builds a chain of frames: each frame's link points at the previous
// frame's link (a pointer from the stack into the stack).
func down(n int, prev *link) int {
	var l link
	l.val = n
	l.prev = prev
	l.buf[0], l.buf[1], l.buf[2] = n, n*2, n*3
	if prev != nil && (prev.val != n+1 || prev.buf[2] != 3*(n+1)) {
		panic(fmt.Sprintf("frame %d: previous frame corrupted", n))
	}
	if n == 0 {
		return check(&l, 200)
	}
	r := down(n-1, &l)
	if l.val != n || l.buf[1] != 2*n || (prev != nil && prev.val != n+1) {
		panic(fmt.Sprintf("frame %d: corrupted after the call", n))
	}
	return r + 1
}

// check walks k links back from the deepest frame.
func check(l *link, k int) int {
	s := 0
	for i := 0; i < k && l != nil; i++ {
		if l.buf[0] != l.val {
			panic("walk: corrupted link")
		}
		s += l.val
		l = l.prev
	}
	return s
}

// bigframe has a frame larger than the stack's guard area.
func bigframe(n int) int {
	var a [2000]int
	for i := range a {
		a[i] = n ^ i
	}
	if n == 0 {
		return a[1999]
	}
	return bigframe(n-1) + a[7] - (n ^ 7)
}

func main() {
	fmt.Println("main:", down(1000000, nil))
	fmt.Println("big frames:", bigframe(2000))

	const workers = 4
	results := make(chan string, workers)
	for w := 0; w < workers; w++ {
		go func(w int) {
			n := 250000 * (w + 1)
			results <- fmt.Sprintf("goroutine %d: %d", w, down(n, nil))
		}(w)
	}
	got := map[string]bool{}
	for w := 0; w < workers; w++ {
		got[<-results] = true
	}
	for w := 0; w < workers; w++ {
		fmt.Println(got[fmt.Sprintf("goroutine %d: %d", w, 250000*(w+1)+200*199/2)])
	}
}
