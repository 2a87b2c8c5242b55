// recover: returns the panic value in a directly deferred call, nil
// otherwise; the recovering function returns normally with its named
// results as they are; execution continues in the caller.
package main

func safeDiv(a, b int) (q int, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			ok = false
			q = -1
		}
	}()
	return a / b, true
}

func valueKinds(which int) (r any) {
	defer func() { r = recover() }()
	switch which {
	case 0:
		panic("a string")
	case 1:
		panic(42)
	case 2:
		panic(3.5)
	case 3:
		panic(true)
	}
	return "no panic"
}

func notDirect() (got any) {
	defer func() {
		got = helper() // recover called by a function the deferred call calls: nil
		recover()      // this one stops the panic
	}()
	panic("x")
}

func helper() any { return recover() }

func noPanic() any {
	defer func() {}()
	return recover()
}

func resultsKept() (n int) {
	defer func() { recover() }()
	n = 5
	panic("boom")
}

func main() {
	println(safeDiv(7, 2))
	println(safeDiv(7, 0))
	for i := 0; i < 5; i++ {
		v := valueKinds(i)
		switch x := v.(type) {
		case string:
			println("string", x)
		case int:
			println("int", x)
		case float64:
			println("float64", x)
		case bool:
			println("bool", x)
		}
	}
	println(notDirect() == nil)
	println(noPanic() == nil)
	println(recover() == nil)
	println(resultsKept())
	println("main continues")
}
