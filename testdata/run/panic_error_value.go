// Unrecovered panic with an error value: printed through Error(), after
// deferred calls ran (and printed).
package main

type myErr struct{ msg string }

func (e *myErr) Error() string { return "myErr: " + e.msg }

func main() {
	defer func() {
		println("deferred sees a panic but does not recover")
	}()
	var err error = &myErr{"bad"}
	panic(err)
}
