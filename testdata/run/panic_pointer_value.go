// Unrecovered panic with a pointer value.
package main

type T struct{ a int }

func main() {
	defer println("deferred")
	panic(&T{1})
}
