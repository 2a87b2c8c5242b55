package main

func main() {
	c := make(chan int)
	var v, ok int
	v, ok = <-c
	_, _ = v, ok
}
