package main

func fib(c, quit chan int) {
	x, y := 0, 1
	for {
		select {
		case c <- x:
			x, y = y, x+y
		case <-quit:
			println("quit")
			return
		}
	}
}

func main() {
	c := make(chan int)
	quit := make(chan int)
	go func() {
		for i := 0; i < 10; i++ {
			print(<-c, " ")
		}
		println()
		quit <- 0
	}()
	fib(c, quit)

	// default when nothing is ready
	ready := make(chan int, 1)
	select {
	case v := <-ready:
		println("got", v)
	default:
		println("nothing ready")
	}
	ready <- 3
	select {
	case v, ok := <-ready:
		println("got", v, ok)
	default:
		println("nothing ready")
	}

	// send cases and a full buffer
	out := make(chan int, 1)
	for i := 0; i < 3; i++ {
		select {
		case out <- i:
			println("sent", i)
		default:
			println("full at", i)
		}
	}

	// nil channels disable their cases
	var a chan int
	b := make(chan int, 1)
	b <- 8
	select {
	case v := <-a:
		println("a", v)
	case v := <-b:
		println("b", v)
	}

	// closed channels are always ready
	cl := make(chan string)
	close(cl)
	for i := 0; i < 2; i++ {
		select {
		case s, ok := <-cl:
			println("closed:", s == "", ok)
		}
	}

	// break leaves the select; a labelled break leaves the loop
	n := 0
	tick := make(chan int, 10)
	for i := 0; i < 10; i++ {
		tick <- i
	}
	close(tick)
loop:
	for {
		select {
		case v, ok := <-tick:
			if !ok {
				break loop
			}
			if v%2 == 0 {
				break
			}
			n += v
		}
	}
	println("odd sum", n)

	// assigning to existing variables, with conversion to an interface
	var any1 interface{}
	var ok bool
	ch := make(chan int, 1)
	ch <- 11
	select {
	case any1, ok = <-ch:
	}
	println(any1.(int), ok)

	// an empty select with a goroutine that finishes the program is fine:
	// here a select with only a default
	select {
	default:
		println("only default")
	}
}
