// Package rtype is goc's small reflection layer: enough of reflect's Type
// and Value for fmt to walk any value. A Type is the address of the
// compiler's type descriptor for it (0 for none); a Value is a type, the
// address of the value's bytes, and whether it was reached through an
// unexported struct field (then, as in reflect, it must not be turned back
// into an interface to call its methods).
//
// An address that may point into the heap is always held as a pointer
// (*byte), never as a uintptr: the collector is precise, and only a
// pointer-typed word keeps the object it points into alive (and the stack
// maps see only pointer-typed slots). goc has no package unsafe, so the
// runtime does the two things unsafe would: add (unsafe.Add) and loadPtr
// (a pointer word read as a pointer). Type stays a uintptr: descriptors are
// static data, never collected.
//
// The body-less functions are in runtime/src/stdlib/rtype.rs, the only
// code that knows the descriptor layout (docs/RUNTIME.md, "Run-time type
// information").
package rtype

import "math"

// Kind numbers the kinds of types as reflect.Kind does.
type Kind uint8

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

// Type is a type descriptor's address; 0 is no type (a nil interface).
type Type uintptr

func typeOf(x any) Type
func kindOf(t Type) Kind
func nameOf(t Type) string
func elemOf(t Type) Type
func keyOf(t Type) Type
func arrayLen(t Type) int
func sizeOf(t Type) uintptr
func isNamed(t Type) bool
func numMethod(t Type) int
func numField(t Type) int
func fieldName(t Type, i int) string
func fieldType(t Type, i int) Type
func fieldOffset(t Type, i int) uintptr
func fieldEmbedded(t Type, i int) bool
func valueAddr(x any) *byte
func add(p *byte, off uintptr) *byte
func loadPtr(addr *byte) *byte
func load(addr *byte, size int) uint64
func loadString(addr *byte) string
func loadIface(t Type, addr *byte) any
func packEface(t Type, addr *byte) any
func mapIterInit(t Type, m *byte, it *mapIter)
func mapIterNext(it *mapIter)

// mapIter is the runtime's map iterator, runtime/src/map.rs's Iter
// (goc_abi::map::iter::SIZE_OF bytes, 16 words). Its words that hold
// addresses are pointers here, so that an iterator on the stack keeps the
// map, its table and the current entry alive.
type mapIter struct {
	key    *byte // the current key; nil when the iteration is over
	elem   *byte // the current value
	m      *byte // the map
	t      *byte // the map's type descriptor (static)
	groups *byte // the table being walked
	state  [11]uintptr
}

// TypeOf returns x's dynamic type, 0 for nil.
func TypeOf(x any) Type { return typeOf(x) }

// Kind returns t's kind (Invalid for 0).
func (t Type) Kind() Kind {
	if t == 0 {
		return Invalid
	}
	return kindOf(t)
}

// String returns t as %T prints it.
func (t Type) String() string {
	if t == 0 {
		return "<nil>"
	}
	return nameOf(t)
}

// Elem returns the element type of a pointer, slice, array, channel or
// map type.
func (t Type) Elem() Type { return elemOf(t) }

// Key returns a map type's key type.
func (t Type) Key() Type { return keyOf(t) }

// Len returns an array type's length.
func (t Type) Len() int { return arrayLen(t) }

// Size returns the size of a value in bytes.
func (t Type) Size() uintptr { return sizeOf(t) }

// Named reports whether t is a defined type.
func (t Type) Named() bool { return isNamed(t) }

// NumMethod returns the number of methods of an interface type.
func (t Type) NumMethod() int { return numMethod(t) }

// NumField returns a struct type's number of fields.
func (t Type) NumField() int { return numField(t) }

// StructField describes one field of a struct type.
type StructField struct {
	Name     string
	Type     Type
	Offset   uintptr
	Embedded bool
}

// Field returns a struct type's field i.
func (t Type) Field(i int) StructField {
	return StructField{fieldName(t, i), fieldType(t, i), fieldOffset(t, i), fieldEmbedded(t, i)}
}

// Exported reports whether the field's name starts with an upper-case
// letter (ASCII, as goc's identifiers of other scripts have no case).
func (f StructField) Exported() bool {
	return len(f.Name) > 0 && f.Name[0] >= 'A' && f.Name[0] <= 'Z'
}

// Value is a value of a known type at a known address.
type Value struct {
	typ  Type
	addr *byte
	ro   bool
}

// ReflectValue, set by package reflect when a program imports it, reports
// whether x is a reflect.Value and the Value inside: fmt prints such an
// operand as the value it holds, as Go's fmt does.
var ReflectValue func(x any) (Value, bool)

// ValueOf returns the Value of x's dynamic value; the zero Value for nil.
func ValueOf(x any) Value {
	return Value{typeOf(x), valueAddr(x), false}
}

// IsValid reports whether v holds a value.
func (v Value) IsValid() bool { return v.typ != 0 }

// Type returns v's type.
func (v Value) Type() Type { return v.typ }

// Kind returns v's kind.
func (v Value) Kind() Kind { return v.typ.Kind() }

// CanInterface reports whether Interface may be used: false for values
// reached through unexported fields.
func (v Value) CanInterface() bool { return v.typ != 0 && !v.ro }

// Interface returns v as an interface value (a copy of it). For an
// interface-kind value it is the interface's dynamic value.
func (v Value) Interface() any {
	if v.typ.Kind() == Interface {
		return loadIface(v.typ, v.addr)
	}
	return packEface(v.typ, v.addr)
}

func (v Value) word(size uintptr) uint64 { return load(v.addr, int(size)) }

// Bool returns a bool value.
func (v Value) Bool() bool { return load(v.addr, 1) != 0 }

// Int returns the value of any signed integer kind, sign-extended.
func (v Value) Int() int64 {
	switch v.Kind() {
	case Int8:
		return int64(int8(load(v.addr, 1)))
	case Int16:
		return int64(int16(load(v.addr, 2)))
	case Int32:
		return int64(int32(load(v.addr, 4)))
	}
	return int64(load(v.addr, 8))
}

// Uint returns the value of any unsigned integer kind.
func (v Value) Uint() uint64 { return v.word(v.typ.Size()) }

// Float returns the value of a float32 or float64.
func (v Value) Float() float64 {
	if v.Kind() == Float32 {
		return float64(math.Float32frombits(uint32(load(v.addr, 4))))
	}
	return math.Float64frombits(load(v.addr, 8))
}

// Complex returns the value of a complex64 or complex128.
func (v Value) Complex() complex128 {
	if v.Kind() == Complex64 {
		bits := load(v.addr, 8)
		re := math.Float32frombits(uint32(bits))
		im := math.Float32frombits(uint32(bits >> 32))
		return complex(float64(re), float64(im))
	}
	re := math.Float64frombits(load(v.addr, 8))
	im := math.Float64frombits(load(add(v.addr, 8), 8))
	return complex(re, im)
}

// String returns a string value.
func (v Value) String() string { return loadString(v.addr) }

// Pointer returns the word of a pointer, map, channel or func value (the
// code address of a func value is behind it, as in reflect).
func (v Value) Pointer() uintptr {
	if v.Kind() == Func {
		f := loadPtr(v.addr)
		if f == nil {
			return 0
		}
		return uintptr(load(f, 8))
	}
	return uintptr(load(v.addr, 8))
}

// IsNil reports whether a pointer, map, channel, func, interface or slice
// value is nil.
func (v Value) IsNil() bool { return load(v.addr, 8) == 0 }

// Len returns the length of an array, slice, string or map.
func (v Value) Len() int {
	switch v.Kind() {
	case Array:
		return v.typ.Len()
	case Slice, String:
		return int(load(add(v.addr, 8), 8))
	case Map:
		m := loadPtr(v.addr)
		if m == nil {
			return 0
		}
		return int(load(m, 8))
	}
	panic("rtype: Len of " + v.typ.String())
}

// Index returns element i of an array or slice (0 <= i < Len()).
func (v Value) Index(i int) Value {
	et := v.typ.Elem()
	base := v.addr
	if v.Kind() == Slice {
		base = loadPtr(v.addr)
	}
	return Value{et, add(base, uintptr(i)*et.Size()), v.ro}
}

// Bytes returns the elements of a []byte (or of a byte array) as a slice
// sharing their memory's contents, copied.
func (v Value) Bytes() []byte {
	n := v.Len()
	b := make([]byte, n)
	for i := 0; i < n; i++ {
		b[i] = byte(load(v.Index(i).addr, 1))
	}
	return b
}

// Elem returns the value a pointer points to, or an interface's dynamic
// value; the zero Value for nil.
func (v Value) Elem() Value {
	if v.Kind() == Interface {
		x := loadIface(v.typ, v.addr)
		r := ValueOf(x)
		r.ro = v.ro
		return r
	}
	p := loadPtr(v.addr)
	if p == nil {
		return Value{}
	}
	return Value{v.typ.Elem(), p, v.ro}
}

// NumField returns a struct value's number of fields.
func (v Value) NumField() int { return v.typ.NumField() }

// Field returns a struct value's field i.
func (v Value) Field(i int) Value {
	f := v.typ.Field(i)
	return Value{f.Type, add(v.addr, f.Offset), v.ro || !f.Exported()}
}

// MapEntry is one key and value of a map.
type MapEntry struct {
	Key, Value Value
}

// MapEntries returns a map's entries in the runtime's iteration order.
func (v Value) MapEntries() []MapEntry {
	m := loadPtr(v.addr)
	var out []MapEntry
	if m == nil {
		return out
	}
	kt, vt := v.typ.Key(), v.typ.Elem()
	var it mapIter
	mapIterInit(v.typ, m, &it)
	for it.key != nil {
		out = append(out, MapEntry{Value{kt, it.key, v.ro}, Value{vt, it.elem, v.ro}})
		mapIterNext(&it)
	}
	return out
}
