package main

// With two cases always ready, select must choose uniformly at random.
func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	na, nb := 0, 0
	const N = 20000
	for i := 0; i < N; i++ {
		a <- 1
		b <- 1
		select {
		case <-a:
			na++
			<-b
		case <-b:
			nb++
			<-a
		}
	}
	println(na+nb == N)
	// Expected N/2 each; 6 standard deviations is about 424.
	d := na - nb
	if d < 0 {
		d = -d
	}
	println("balanced:", d < 2*424)

	// Three receive cases from one goroutine's sends: every case is taken.
	c := make(chan int)
	seen := [3]int{}
	x, y, z := make(chan int, 1), make(chan int, 1), make(chan int, 1)
	go func() {
		for i := 0; i < 3000; i++ {
			c <- i
		}
		close(c)
	}()
	for v := range c {
		x <- v
		y <- v
		z <- v
		select {
		case <-x:
			seen[0]++
			<-y
			<-z
		case <-y:
			seen[1]++
			<-x
			<-z
		case <-z:
			seen[2]++
			<-x
			<-y
		}
	}
	println(seen[0] > 800, seen[1] > 800, seen[2] > 800, seen[0]+seen[1]+seen[2])
}
