package main

type result struct {
	id, val int
}

func main() {
	// 10000 goroutines, each sends once; nothing is lost.
	const N = 10000
	c := make(chan int, 64)
	for i := 0; i < N; i++ {
		go func() { c <- i }()
	}
	sum := 0
	for i := 0; i < N; i++ {
		sum += <-c
	}
	println(sum == N*(N-1)/2)

	// a worker pool; results placed by id are deterministic
	jobs := make(chan int, 100)
	results := make(chan result, 100)
	for w := 0; w < 8; w++ {
		go func() {
			for j := range jobs {
				results <- result{j, j * j * j}
			}
		}()
	}
	go func() {
		for i := 0; i < 1000; i++ {
			jobs <- i
		}
		close(jobs)
	}()
	out := make([]int, 1000)
	for i := 0; i < 1000; i++ {
		r := <-results
		out[r.id] = r.val
	}
	ok := true
	for i, v := range out {
		if v != i*i*i {
			ok = false
		}
	}
	println("pool", ok, out[999])

	// a chain of 2000 goroutines passing a token along
	first := make(chan int)
	in := first
	for i := 0; i < 2000; i++ {
		next := make(chan int)
		go func(in <-chan int, out chan<- int) {
			out <- 1 + <-in
		}(in, next)
		in = next
	}
	first <- 0
	println("chain", <-in)

	// a semaphore made of a buffered channel bounds concurrency
	sem := make(chan struct{}, 3)
	done := make(chan int)
	active, peak := 0, 0
	lock := make(chan struct{}, 1)
	for i := 0; i < 50; i++ {
		go func() {
			sem <- struct{}{}
			lock <- struct{}{}
			active++
			if active > peak {
				peak = active
			}
			<-lock
			lock <- struct{}{}
			active--
			<-lock
			<-sem
			done <- 1
		}()
	}
	for i := 0; i < 50; i++ {
		<-done
	}
	println("peak within bound:", peak <= 3, active)
}
