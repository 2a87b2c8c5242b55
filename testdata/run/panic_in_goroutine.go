package main

type E struct{ code int }

func main() {
	c := make(chan int)
	go func() {
		m := map[string]int{}
		println("in goroutine", len(m))
		var p *E
		println(p.code)
	}()
	<-c
}
