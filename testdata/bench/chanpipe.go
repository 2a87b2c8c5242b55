// chanpipe: four producers and four consumers share one channel with a
// buffer of 128; ten million integers pass through it. Measures a
// contended buffered channel.
//
//bench:args 10000000
//bench:sizes 10M items
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

const workers = 4

func main() {
	n := 10000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	ch := make(chan int, 128)
	var producers, consumers sync.WaitGroup
	sums := make([]int, workers)
	counts := make([]int, workers)
	for p := 0; p < workers; p++ {
		producers.Add(1)
		go func(p int) {
			defer producers.Done()
			// producer p sends the numbers congruent to p modulo workers
			for v := p; v < n; v += workers {
				ch <- v
			}
		}(p)
	}
	for c := 0; c < workers; c++ {
		consumers.Add(1)
		go func(c int) {
			defer consumers.Done()
			for v := range ch {
				sums[c] += v
				counts[c]++
			}
		}(c)
	}
	producers.Wait()
	close(ch)
	consumers.Wait()
	sum, count := 0, 0
	for c := 0; c < workers; c++ {
		sum += sums[c]
		count += counts[c]
	}
	fmt.Println("items:", count, "sum:", sum)
}
