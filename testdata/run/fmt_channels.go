// Values carried through channels printed as they arrive: structs,
// errors and Stringers sent by producer goroutines, a pipeline that
// formats in one goroutine and prints in another, results in order.
package main

import (
	"fmt"
	"strings"
)

type Msg struct {
	ID   int
	Body string
	Tags []string
}

type Level int

func (l Level) String() string { return [...]string{"low", "mid", "high"}[l] }

func main() {
	in := make(chan Msg)
	out := make(chan string)
	go func() {
		for i := 0; i < 5; i++ {
			in <- Msg{i, strings.Repeat("x", i), []string{fmt.Sprint("t", i)}}
		}
		close(in)
	}()
	go func() {
		for m := range in {
			out <- fmt.Sprintf("%+v level=%v", m, Level(m.ID%3))
		}
		close(out)
	}()
	for s := range out {
		fmt.Println(s)
	}
	errs := make(chan error, 3)
	errs <- fmt.Errorf("e%d", 1)
	errs <- nil
	errs <- fmt.Errorf("e%d: %w", 3, fmt.Errorf("cause"))
	close(errs)
	for e := range errs {
		fmt.Printf("%v|", e)
	}
	fmt.Println()
}
