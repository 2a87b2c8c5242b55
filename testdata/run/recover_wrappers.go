// recover works in a deferred function reached through argument-binding
// and method-value wrappers, but not through an extra call level, and
// `defer recover()` itself does not recover.
package main

type R struct{ name string }

func (r R) Rec() {
	if v := recover(); v != nil {
		println(r.name, "recovered", v.(string))
	}
}

func (r *R) PRec(tag string) {
	if v := recover(); v != nil {
		println(r.name, tag, "recovered", v.(string))
	}
}

func rec(tag string) {
	if v := recover(); v != nil {
		println(tag, "recovered", v.(string))
	}
}

func viaArgs() {
	defer rec("viaArgs")
	panic("p1")
}

func viaMethod() {
	defer R{"value method"}.Rec()
	panic("p2")
}

func viaPtrMethod() {
	r := &R{"pointer method"}
	defer r.PRec("with arg")
	panic("p3")
}

func viaMethodValue() {
	f := R{"method value"}.Rec
	defer f()
	panic("p4")
}

type Recoverer interface{ Rec() }

func viaIface() {
	var i Recoverer = R{"interface"}
	defer i.Rec()
	panic("p5")
}

func viaFuncValue() {
	f := rec
	defer f("func value")
	panic("p6")
}

func deferRecover() (r any) {
	defer func() { r = recover() }()
	defer recover()
	panic("p7")
}

func viaClosureCall() (r any) {
	defer func() { r = recover() }()
	defer func() { func() { recover() }() }()
	panic("p8")
}

func main() {
	viaArgs()
	viaMethod()
	viaPtrMethod()
	viaMethodValue()
	viaIface()
	viaFuncValue()
	println("defer recover():", deferRecover().(string))
	println("nested call:", viaClosureCall().(string))
}
