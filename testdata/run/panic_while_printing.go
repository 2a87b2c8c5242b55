// An Error method that panics while the final report is prepared: Go's
// fatal error "panic while printing panic value".
package main

type E struct{}

func (E) Error() string { panic("inside Error") }

func main() {
	defer println("deferred")
	panic(E{})
}
