// Nested panics: a deferred call that panics while a panic is running
// replaces it; a later deferred call recovers the newest; re-panics.
package main

func inner() (r any) {
	defer func() { r = recover() }()
	defer func() { panic("second") }()
	panic("first")
}

func repanicRecover() (r any) {
	defer func() { r = recover() }()
	defer func() {
		v := recover()
		panic(v.(string) + " again")
	}()
	panic("original")
}

func deferredPanicNoPanicBefore() (r any) {
	defer func() { r = recover() }()
	defer func() { panic("from defer") }()
	return "normal"
}

func recoverInNested() {
	defer func() {
		// A nested function with its own defers running normally does not
		// recover the outer panic.
		func() {
			defer func() { println("inner recover:", recover() == nil) }()
		}()
		println("outer recover:", recover().(string))
	}()
	panic("p")
}

func main() {
	println(inner().(string))
	println(repanicRecover().(string))
	println(deferredPanicNoPanicBefore().(string))
	recoverInNested()
	println("done")
}
