// An unrecovered panic raised by a deferred call while another panic runs:
// Go prints the whole chain.
package main

func main() {
	defer println("last defer still runs")
	defer func() { panic("second") }()
	panic("first")
}
