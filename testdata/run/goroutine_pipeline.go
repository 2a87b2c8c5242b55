package main

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func merge(cs ...<-chan int) <-chan int {
	out := make(chan int)
	done := make(chan bool)
	for _, c := range cs {
		go func(c <-chan int) {
			for v := range c {
				out <- v
			}
			done <- true
		}(c)
	}
	go func() {
		for range cs {
			<-done
		}
		close(out)
	}()
	return out
}

// The prime sieve from the Go tour.
func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

func filter(in <-chan int, out chan<- int, prime int) {
	for {
		i := <-in
		if i%prime != 0 {
			out <- i
		}
	}
}

type counter struct{ n int }

func (c *counter) run(in <-chan int, done chan<- int) {
	for v := range in {
		c.n += v
	}
	done <- c.n
}

func main() {
	for v := range sq(sq(gen(1, 2, 3))) {
		println(v)
	}

	// fan-out to three squarers, fan-in: the sum is deterministic
	src := gen(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
	total := 0
	for v := range merge(sq(src), sq(src), sq(src)) {
		total += v
	}
	println("total", total)

	ch := make(chan int)
	go generate(ch)
	for i := 0; i < 25; i++ {
		prime := <-ch
		print(prime, " ")
		ch1 := make(chan int)
		go filter(ch, ch1, prime)
		ch = ch1
	}
	println()

	// a method value as the goroutine's function
	c := &counter{}
	in := make(chan int)
	done := make(chan int)
	go c.run(in, done)
	for i := 1; i <= 100; i++ {
		in <- i
	}
	close(in)
	println("counter", <-done)

	// arguments are evaluated when the go statement runs
	x := 1
	res := make(chan int)
	go func(v int) { res <- v }(x)
	x = 2
	println(<-res, x)
}
