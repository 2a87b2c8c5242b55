// Package reflect: a read-only subset of Go's reflect over goc's
// reflection layer (internal/rtype): TypeOf and Type (String, Name, Kind,
// Elem, Key, Len, NumField, Field, NumMethod, Size), ValueOf and Value
// (Kind, Type, IsValid, IsNil, Bool, Int, Uint, Float, String, Len, Index,
// Elem, NumField, Field, Interface, CanInterface, MapKeys, MapIndex).
// Setting values, calling methods and functions, and making new values
// are not provided. goc's implementation, written from the package
// documentation.
package reflect

import (
	rt "internal/rtype"
	"sync"
)

// Kind is the kind of type a Type represents.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name of Pointer.
const Ptr = Pointer

var kindNames = []string{"invalid", "bool", "int", "int8", "int16", "int32", "int64",
	"uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "float32", "float64",
	"complex64", "complex128", "array", "chan", "func", "interface", "map", "ptr",
	"slice", "string", "struct", "unsafe.Pointer"}

// String returns the kind's name ("int", "struct", "ptr"...).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind" + itoa(int(k))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// Type is the representation of a Go type. Two Types are equal exactly
// when they represent identical types.
type Type interface {
	String() string
	Name() string
	Kind() Kind
	Elem() Type
	Key() Type
	Len() int
	NumField() int
	Field(i int) StructField
	NumMethod() int
	Size() uintptr
}

// StructField describes one field of a struct type.
type StructField struct {
	Name      string
	Type      Type
	Offset    uintptr
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool {
	return len(f.Name) > 0 && f.Name[0] >= 'A' && f.Name[0] <= 'Z'
}

// rtype is the Type implementation: one per type, so that Types compare
// equal as the types are identical.
type rtype struct {
	t rt.Type
}


var (
	typesMu sync.Mutex
	types   = map[rt.Type]*rtype{}
)

func toType(t rt.Type) Type {
	if t == 0 {
		return nil
	}
	typesMu.Lock()
	defer typesMu.Unlock()
	r := types[t]
	if r == nil {
		r = &rtype{t}
		types[t] = r
	}
	return r
}

// TypeOf returns the dynamic type of i, nil for a nil interface.
func TypeOf(i any) Type { return toType(rt.TypeOf(i)) }

func (t *rtype) String() string { return t.t.String() }

// Name returns a defined type's name within its package, the name of a
// predeclared type, and "" for other types.
func (t *rtype) Name() string {
	s := t.t.String()
	if t.t.Named() {
		for i := len(s) - 1; i >= 0; i-- {
			if s[i] == '.' {
				return s[i+1:]
			}
		}
		return s
	}
	switch k := t.Kind(); {
	case k >= Bool && k <= Complex128, k == String, k == UnsafePointer:
		return s
	}
	return ""
}

func (t *rtype) Kind() Kind { return Kind(t.t.Kind()) }

func (t *rtype) mustBe(method string, kinds ...Kind) {
	k := t.Kind()
	for _, want := range kinds {
		if k == want {
			return
		}
	}
	panic("reflect: " + method + " of non-" + kinds[0].String() + " type " + t.String())
}

// Elem returns the element type of an array, channel, map, pointer or
// slice type.
func (t *rtype) Elem() Type {
	switch t.Kind() {
	case Array, Chan, Map, Pointer, Slice:
		return toType(t.t.Elem())
	}
	panic("reflect: Elem of invalid type " + t.String())
}

// Key returns a map type's key type.
func (t *rtype) Key() Type {
	t.mustBe("Key", Map)
	return toType(t.t.Key())
}

// Len returns an array type's length.
func (t *rtype) Len() int {
	t.mustBe("Len", Array)
	return t.t.Len()
}

// NumField returns a struct type's field count.
func (t *rtype) NumField() int {
	t.mustBe("NumField", Struct)
	return t.t.NumField()
}

// Field returns a struct type's i'th field.
func (t *rtype) Field(i int) StructField {
	t.mustBe("Field", Struct)
	if i < 0 || i >= t.t.NumField() {
		panic("reflect: Field index out of bounds")
	}
	f := t.t.Field(i)
	return StructField{f.Name, toType(f.Type), f.Offset, []int{i}, f.Embedded}
}

// NumMethod returns the number of methods of an interface type (0 for
// other types in this subset).
func (t *rtype) NumMethod() int {
	if t.Kind() == Interface {
		return t.t.NumMethod()
	}
	return 0
}

func (t *rtype) Size() uintptr { return t.t.Size() }

// ValueError is the panic of a Value method called on a value of the
// wrong kind.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == Invalid {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

// Value is the reflection interface to a Go value.
type Value struct {
	v rt.Value
}

func init() {
	rt.ReflectValue = func(x any) (rt.Value, bool) {
		v, ok := x.(Value)
		return v.v, ok
	}
}

// ValueOf returns a Value holding i's dynamic value; the zero Value for
// nil.
func ValueOf(i any) Value { return Value{rt.ValueOf(i)} }

func (v Value) mustBe(method string, kinds ...Kind) {
	k := v.Kind()
	for _, want := range kinds {
		if k == want {
			return
		}
	}
	panic(&ValueError{"reflect.Value." + method, k})
}

func (v Value) IsValid() bool { return v.v.IsValid() }
func (v Value) Kind() Kind    { return Kind(v.v.Kind()) }

// Type returns v's type; it panics for the zero Value.
func (v Value) Type() Type {
	if !v.IsValid() {
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	return toType(v.v.Type())
}

// IsNil reports whether a chan, func, interface, map, pointer or slice
// value is nil.
func (v Value) IsNil() bool {
	v.mustBe("IsNil", Chan, Func, Interface, Map, Pointer, Slice, UnsafePointer)
	return v.v.IsNil()
}

func (v Value) Bool() bool {
	v.mustBe("Bool", Bool)
	return v.v.Bool()
}

func (v Value) Int() int64 {
	v.mustBe("Int", Int, Int8, Int16, Int32, Int64)
	return v.v.Int()
}

func (v Value) Uint() uint64 {
	v.mustBe("Uint", Uint, Uint8, Uint16, Uint32, Uint64, Uintptr)
	return v.v.Uint()
}

func (v Value) Float() float64 {
	v.mustBe("Float", Float32, Float64)
	return v.v.Float()
}

func (v Value) Complex() complex128 {
	v.mustBe("Complex", Complex64, Complex128)
	return v.v.Complex()
}

// String returns a string value's contents; for other kinds "<T Value>".
func (v Value) String() string {
	switch v.Kind() {
	case String:
		return v.v.String()
	case Invalid:
		return "<invalid Value>"
	}
	return "<" + v.Type().String() + " Value>"
}

func (v Value) Len() int {
	v.mustBe("Len", Array, Map, Slice, String)
	return v.v.Len()
}

// Index returns element i of an array, slice or string.
func (v Value) Index(i int) Value {
	v.mustBe("Index", Array, Slice, String)
	if i < 0 || i >= v.Len() {
		panic("reflect: " + v.Kind().String() + " index out of range")
	}
	if v.Kind() == String {
		return ValueOf(v.v.String()[i])
	}
	return Value{v.v.Index(i)}
}

// Elem returns the value an interface holds or a pointer points to (the
// zero Value for nil).
func (v Value) Elem() Value {
	v.mustBe("Elem", Interface, Pointer)
	return Value{v.v.Elem()}
}

func (v Value) NumField() int {
	v.mustBe("NumField", Struct)
	return v.v.NumField()
}

func (v Value) Field(i int) Value {
	v.mustBe("Field", Struct)
	if i < 0 || i >= v.v.NumField() {
		panic("reflect: Field index out of range")
	}
	return Value{v.v.Field(i)}
}

// CanInterface reports whether Interface can be used (not for values
// reached through unexported fields).
func (v Value) CanInterface() bool {
	if !v.IsValid() {
		panic(&ValueError{"reflect.Value.CanInterface", Invalid})
	}
	return v.v.CanInterface()
}

// Interface returns v's value as an interface (a copy).
func (v Value) Interface() any {
	if !v.IsValid() {
		panic(&ValueError{"reflect.Value.Interface", Invalid})
	}
	if !v.v.CanInterface() {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	return v.v.Interface()
}

// MapKeys returns a map's keys in unspecified order.
func (v Value) MapKeys() []Value {
	v.mustBe("MapKeys", Map)
	var ks []Value
	for _, e := range v.v.MapEntries() {
		ks = append(ks, Value{e.Key})
	}
	return ks
}

// MapIndex returns the value stored under key, or the zero Value.
func (v Value) MapIndex(key Value) Value {
	v.mustBe("MapIndex", Map)
	k := key.Interface()
	for _, e := range v.v.MapEntries() {
		if e.Key.Interface() == k {
			return Value{e.Value}
		}
	}
	return Value{}
}
