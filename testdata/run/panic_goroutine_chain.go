// An unrecovered chain of panics in a goroutine: its deferred calls run on
// its own stack, then Go's report names that goroutine.
package main

func work(c chan int) {
	defer println("work: last deferred")
	defer func() {
		recover()
		panic("again")
	}()
	var m map[string]int
	m["k"] = 1
	c <- 1
}

func main() {
	c := make(chan int)
	defer println("main's deferred calls do not run")
	go work(c)
	<-c
}
