// panic_storm: 64 goroutines, each panicking and recovering 6000 times
// (plain values, runtime errors, nil dereferences through the signal
// handler, nested panics inside deferred calls) while being preempted and
// moved between threads; every goroutine checks its own tally (a wrong
// one ends the program with a panic, status 2).
package main

type node struct{ next *node }

func step(id, i int) (kind int) {
	defer func() {
		switch r := recover().(type) {
		case int:
			kind = 1
		case error:
			if r.Error() == "runtime error: invalid memory address or nil pointer dereference" {
				kind = 2
			} else {
				kind = 3
			}
		case string:
			kind = 4
		}
	}()
	switch (id + i) % 4 {
	case 0:
		panic(i)
	case 1:
		var n *node
		_ = n.next
	case 2:
		s := make([]int, id%3)
		_ = s[i+3]
	case 3:
		func() {
			defer func() {
				recover()
				panic("replaced")
			}()
			panic(i)
		}()
	}
	return 0
}

func main() {
	const workers, rounds = 64, 6000
	done := make(chan bool, workers)
	for w := 0; w < workers; w++ {
		go func() {
			var got [5]int
			for i := 0; i < rounds; i++ {
				got[step(w, i)]++
			}
			ok := got[0] == 0
			for k := 1; k <= 4; k++ {
				ok = ok && got[k] == rounds/4
			}
			done <- ok
		}()
	}
	all := true
	for w := 0; w < workers; w++ {
		all = all && <-done
	}
	if !all {
		panic("a goroutine's tally is wrong")
	}
}
