package main

func main() {
	var r <-chan int = make(chan int)
	var s chan<- int = r
	_ = s
}
