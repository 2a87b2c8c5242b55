package main

import (
	"sync"
)

func main() {
	var mu sync.Mutex
	defer func() { println("recover cannot catch it:", recover() != nil) }()
	mu.Unlock()
}
