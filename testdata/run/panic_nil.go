// panic_nil: dereferencing a nil pointer to a struct field; Go prints a
// signal line after the message (its addresses are masked by the harness).
package main

type node struct {
	val  int
	next *node
}

func main() {
	list := &node{1, &node{2, &node{3, nil}}}
	n := list
	for i := 0; i < 5; i++ {
		println("val", n.val)
		n = n.next
	}
}
