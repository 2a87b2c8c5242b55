package main

import "fmt"

func bad(yield func(int) bool) {
	yield(1)
	yield(2)
}

func swallow(yield func(int) bool) {
	defer func() { recover() }()
	yield(1)
}

var saved func(int) bool

func keep(yield func(int) bool) {
	saved = yield
	yield(1)
}

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	try("break then yield", func() {
		for x := range bad {
			fmt.Println(x)
			break
		}
	})
	try("panic swallowed", func() {
		for x := range swallow {
			panic(fmt.Sprint("body panic ", x))
		}
	})
	try("yield after loop", func() {
		for x := range keep {
			fmt.Println(x)
		}
		saved(2)
	})
	try("body panic passes through", func() {
		for x := range bad {
			panic(x)
		}
	})
}
