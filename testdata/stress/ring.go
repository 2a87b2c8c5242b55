// ring: 1000 goroutines in a ring pass 50 tokens around 40 times; every
// hop is a blocking hand-off, and the count of hops each token made must
// come out exact.
package main

func main() {
	const n, tokens, laps = 1000, 50, 40
	chans := make([]chan int, n)
	for i := range chans {
		chans[i] = make(chan int)
	}
	finished := make(chan int, tokens)
	for i := 0; i < n; i++ {
		in, out := chans[i], chans[(i+1)%n]
		go func() {
			for v := range in {
				if v+1 == n*laps {
					finished <- v + 1
					continue
				}
				out <- v + 1
			}
		}()
	}
	for t := 0; t < tokens; t++ {
		go func() { chans[0] <- 0 }()
	}
	sum := 0
	for t := 0; t < tokens; t++ {
		sum += <-finished
	}
	println(sum == tokens*n*laps)
}
