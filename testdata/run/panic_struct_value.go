// Unrecovered panic with a struct value after deferred calls ran: Go prints
// the type and the address of the boxed value.
package main

type T struct{ a, b int }

func f() {
	defer println("deferred in f")
	panic(T{1, 2})
}

func main() {
	defer println("deferred in main")
	f()
}
