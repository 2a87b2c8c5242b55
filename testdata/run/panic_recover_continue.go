// A helper recovers, main goes on, and later panics for good.
package main

func protect(f func()) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			println("protect recovered:", r.(string))
			ok = false
		}
	}()
	f()
	return true
}

func main() {
	println(protect(func() { panic("one") }))
	println(protect(func() {}))
	println(protect(func() { panic("two") }))
	var s []int
	defer println("main deferred")
	println(s[3])
}
