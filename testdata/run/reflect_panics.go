// The reflect subset's panics for calls on the wrong kind of type or
// value, recovered and printed, and an unrecovered one ending the program
// (with strconv's panic for an illegal bit size before it).
package main

import (
	"fmt"
	"reflect"
	"strconv"
)

type T struct{ a int }

func try(name string, f func()) {
	defer func() { fmt.Printf("%s: %v\n", name, recover()) }()
	f()
}

func main() {
	try("Elem", func() { reflect.TypeOf(1).Elem() })
	try("Key", func() { reflect.TypeOf([]int{}).Key() })
	try("Len", func() { reflect.TypeOf("s").Len() })
	try("NumField", func() { reflect.TypeOf(1.5).NumField() })
	try("Field", func() { reflect.TypeOf(T{}).Field(3) })
	try("Int", func() { reflect.ValueOf(1.5).Int() })
	try("Zero", func() { reflect.ValueOf(nil).Type() })
	try("Interface", func() { reflect.ValueOf(T{}).Field(0).Interface() })
	try("Index", func() { reflect.ValueOf([]int{1}).Index(1) })
	try("Format", func() { strconv.FormatFloat(1, 'g', -1, 16) })
	try("Append", func() { strconv.AppendFloat(nil, 1, 'g', -1, 8) })
	reflect.ValueOf("x").Len()
	reflect.ValueOf(true).Float()
}
