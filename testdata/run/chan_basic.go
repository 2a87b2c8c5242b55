package main

type pair struct {
	a int
	b string
}

type shape interface{ area() int }

type sq struct{ s int }

func (q sq) area() int { return q.s * q.s }

func producer(out chan<- int, n int) {
	for i := 0; i < n; i++ {
		out <- i * 10
	}
	close(out)
}

func consume(in <-chan int) int {
	t := 0
	for v := range in {
		t += v
	}
	return t
}

func main() {
	// buffered: FIFO, len and cap
	b := make(chan string, 3)
	println(len(b), cap(b))
	b <- "x"
	b <- "y"
	println(len(b), cap(b))
	println(<-b, <-b, len(b))

	// unbuffered hand-off through a goroutine
	u := make(chan int)
	go producer(u, 5)
	println("sum", consume(u))

	// comma-ok after close drains the buffer first
	c := make(chan int, 2)
	c <- 7
	close(c)
	v, ok := <-c
	println(v, ok)
	v, ok = <-c
	println(v, ok)
	println(<-c)

	// structs, pointers, interfaces, channels of channels
	ps := make(chan pair, 1)
	ps <- pair{1, "one"}
	p := <-ps
	println(p.a, p.b)
	ptrs := make(chan *pair, 1)
	ptrs <- &p
	(<-ptrs).a = 99
	println(p.a)
	shapes := make(chan shape, 2)
	shapes <- sq{3}
	shapes <- sq{4}
	println((<-shapes).area() + (<-shapes).area())
	cc := make(chan chan int, 1)
	inner := make(chan int, 1)
	cc <- inner
	inner <- 42
	println(<-<-cc)

	// nil and zero values
	var nc chan int
	println(nc == nil, len(nc), cap(nc))
	var e chan struct{}
	e = make(chan struct{}, 1)
	e <- struct{}{}
	<-e
	println("empty struct ok")

	// channel equality and as map keys
	m := map[chan int]string{u: "u", c: "c"}
	println(m[u], m[c], u == c, u != nil)

	// directional conversions
	var send chan<- int = c
	var recv <-chan int = u
	println(send != nil, recv != nil)

	// a receive statement discards the value
	d := make(chan int, 1)
	d <- 5
	<-d
	println(len(d))
}
