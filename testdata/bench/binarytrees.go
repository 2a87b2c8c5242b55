// binarytrees: the Benchmarks Game's allocation benchmark, written here
// from its description: build perfect binary trees bottom-up, walk them to
// count their nodes, and drop them; one long-lived tree stays reachable
// throughout. Each depth's batch of trees is built by its own goroutine.
// Measures allocation and the collector with many short-lived objects.
//
//bench:args 18
//bench:sizes depth 18 (the game's official size is 21)
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

type node struct {
	left, right *node
}

func build(depth int) *node {
	if depth == 0 {
		return &node{}
	}
	return &node{left: build(depth - 1), right: build(depth - 1)}
}

func (n *node) count() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.count() + n.right.count()
}

const minDepth = 4

func main() {
	maxDepth := 18
	if len(os.Args) > 1 {
		maxDepth, _ = strconv.Atoi(os.Args[1])
	}
	if maxDepth < minDepth+2 {
		maxDepth = minDepth + 2
	}

	stretch := maxDepth + 1
	fmt.Printf("stretch tree of depth %d\t check: %d\n", stretch, build(stretch).count())

	longLived := build(maxDepth)

	levels := (maxDepth-minDepth)/2 + 1
	lines := make([]string, levels)
	var wg sync.WaitGroup
	for l := 0; l < levels; l++ {
		wg.Add(1)
		go func(l int) {
			defer wg.Done()
			depth := minDepth + 2*l
			iterations := 1 << (maxDepth - depth + minDepth)
			check := 0
			for i := 0; i < iterations; i++ {
				check += build(depth).count()
			}
			lines[l] = fmt.Sprintf("%d\t trees of depth %d\t check: %d", iterations, depth, check)
		}(l)
	}
	wg.Wait()
	for _, line := range lines {
		fmt.Println(line)
	}
	fmt.Printf("long lived tree of depth %d\t check: %d\n", maxDepth, longLived.count())
}
