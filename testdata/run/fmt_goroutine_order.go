// Printf from goroutines taking turns through a chain of channels: every
// line is written whole and in the order of the turns; Fprintf to
// os.Stderr from goroutines too.
package main

import (
	"fmt"
	"os"
)

func main() {
	const n = 8
	chans := make([]chan int, n+1)
	for i := range chans {
		chans[i] = make(chan int)
	}
	for i := 0; i < n; i++ {
		go func(i int) {
			for round := range chans[i] {
				fmt.Printf("goroutine %d round %d %v\n", i, round, []string{fmt.Sprint(i * round)})
				if i == n-1 {
					fmt.Fprintf(os.Stderr, "round %d done\n", round)
				}
				chans[i+1] <- round
			}
			close(chans[i+1])
		}(i)
	}
	for r := 0; r < 3; r++ {
		chans[0] <- r
		<-chans[n]
	}
	close(chans[0])
	<-chans[n]
	fmt.Println("all done")
}
