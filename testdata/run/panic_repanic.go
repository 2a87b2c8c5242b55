// Recovering a panic and panicking again with the same value: Go prints it
// once, marked [recovered, repanicked].
package main

func main() {
	defer func() {
		r := recover()
		println("recovered", r.(string))
		panic(r)
	}()
	panic("boom")
}
