// spawn_waves: 40 waves of 5000 short-lived goroutines; each wave's
// goroutines pass a token along a chain and report to main, which checks
// that none is lost. Dead goroutines are reused by the next wave.
package main

func wave(n int) int {
	first := make(chan int)
	in := first
	report := make(chan int, n)
	for i := 0; i < n; i++ {
		out := make(chan int, i%2)
		go func(in <-chan int, out chan<- int) {
			v := <-in
			report <- 1
			out <- v + 1
		}(in, out)
		in = out
	}
	first <- 0
	last := <-in
	got := 0
	for i := 0; i < n; i++ {
		got += <-report
	}
	if got != n {
		return -1
	}
	return last
}

func main() {
	ok := true
	for w := 0; w < 40; w++ {
		if wave(5000) != 5000 {
			ok = false
		}
	}
	println("waves ok:", ok)
}
