// Panics raised by deferred calls of deferred calls while a runtime error
// panic runs: the whole chain, oldest first.
package main

func main() {
	defer func() {
		defer func() {
			panic("inner again")
		}()
		panic("in defer")
	}()
	var m map[string]int
	m["x"] = 1
}
