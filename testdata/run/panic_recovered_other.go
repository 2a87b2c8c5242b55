// A recovered panic followed, in the same deferred call, by a different
// one: the first is printed as [recovered], then the second.
package main

type E struct{ code int }

func (e E) Error() string { return "E error" }

func main() {
	defer func() {
		recover()
		panic(E{7})
	}()
	panic("first")
}
