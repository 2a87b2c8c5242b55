// defer_in_select: a defer inside a select case (the function needs its
// defer frame though no defer is at the top level of its body).
package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex

func f(c chan int) int {
	select {
	case v := <-c:
		return v
	default:
		mu.Lock()
		defer mu.Unlock()
		return -1
	}
}

func main() {
	c := make(chan int, 1)
	fmt.Println(f(c))
	c <- 5
	fmt.Println(f(c))
	mu.Lock()
	fmt.Println("locked again")
}
