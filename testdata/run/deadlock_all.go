package main

func main() {
	a := make(chan int)
	b := make(chan int)
	go func() { <-a; b <- 1 }()
	go func() { <-b; a <- 1 }()
	select {
	case <-a:
	case <-b:
	}
}
