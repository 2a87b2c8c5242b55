// panic(nil) is a *runtime.PanicNilError since Go 1.21.
package main

func main() {
	defer func() {
		r := recover()
		println(r.(error).Error())
		panic(nil)
	}()
	panic(nil)
}
