// defer and recover in goroutines: each goroutine has its own defer chain
// and panics; a runtime error recovered inside a goroutine; defer close(c)
// and go close(c), bound builtin calls.
package main

func worker(id int, done chan<- bool, out chan<- int) {
	defer func() { done <- true }()
	defer func() {
		if r := recover(); r != nil {
			if v, ok := r.(int); ok {
				out <- -v
			} else {
				out <- -100
			}
		}
	}()
	if id%2 == 0 {
		panic(id)
	}
	var s []int
	if id == 5 {
		_ = s[id] // a runtime error in a goroutine, recovered there
	}
	out <- id
}

func closer(c chan int) {
	defer close(c)
	for i := 0; i < 3; i++ {
		c <- i
	}
}

func main() {
	done := make(chan bool)
	out := make(chan int, 10)
	for i := 1; i <= 6; i++ {
		go worker(i, done, out)
	}
	for i := 1; i <= 6; i++ {
		<-done
	}
	close(out)
	sum := 0
	n := 0
	for v := range out {
		sum += v
		n++
	}
	println(n, sum)

	c := make(chan int)
	go closer(c)
	total := 0
	for v := range c {
		total += v
	}
	println("closed by defer, total", total)

	fin := make(chan bool)
	c2 := make(chan int)
	go close(c2) // a bound builtin call
	_, ok := <-c2
	println("closed by go close:", !ok)
	go func() {
		defer func() { fin <- recover() == nil }()
	}()
	println("recover in goroutine without panic is nil:", <-fin)
}
