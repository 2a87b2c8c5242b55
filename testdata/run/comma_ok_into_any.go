package main

import "fmt"

var c = b
var d = a

var a, b any = any(nil).(bool)

func main() {
	m := map[string]int{"x": 1}
	var v, ok any = m["x"]
	var ch = make(chan int, 1)
	ch <- 5
	var r, rok any
	r, rok = <-ch
	fmt.Println(c, d, v, ok, r, rok)
}
