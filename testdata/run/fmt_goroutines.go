// Sprintf and Printf from many goroutines at once: each result is built
// independently and each Println line is written whole.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make([]string, 64)
	for i := 0; i < 64; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s := ""
			for j := 0; j < 100; j++ {
				s = fmt.Sprintf("g%02d:%x:%v:%.2f", i, j*i, []int{i, j}, float64(i)/3)
			}
			results[i] = s
		}(i)
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}
	ch := make(chan string, 100)
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			ch <- fmt.Sprint("line ", i, " ", map[int]bool{i: true, -i: false})
		}(i)
	}
	wg.Wait()
	close(ch)
	var lines []string
	for l := range ch {
		lines = append(lines, l)
	}
	sort.Strings(lines)
	fmt.Println(len(lines))
	for _, l := range lines {
		fmt.Println(l)
	}
}
