package main

func main() {
	c := make(chan<- int)
	for v := range c {
		println(v)
	}
}
