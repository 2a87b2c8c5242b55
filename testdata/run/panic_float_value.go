// Unrecovered panic with a float after a recovered one.
package main

func g() {
	defer func() { println("recovered:", recover().(int)) }()
	panic(1)
}

func main() {
	g()
	defer println("deferred")
	panic(-2.5)
}
