package main

// Goroutines that never call a function must not starve the others:
// sysmon asks them to yield, and loop back-edges see the request.
func main() {
	stop := false
	spins := make([]int, 4)
	for i := range spins {
		go func() {
			for !stop {
				spins[i]++
			}
		}()
	}
	done := make(chan int)
	go func() {
		s := 0
		for i := 0; i < 50000000; i++ {
			s += i & 7
		}
		done <- s
	}()
	println(<-done)
}
