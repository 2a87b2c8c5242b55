// The order fmt prints map entries in, as Go's internal/fmtsort defines
// it: by key, compared by kind: numbers and strings by value (NaN before
// every other float), false before true, pointers and channels by
// address, structs field by field, arrays element by element, interfaces
// nil first, then by dynamic type (descriptor address), then by value.

package fmt

import "internal/rtype"

// sortedEntries returns the map's entries sorted by key (a stable
// insertion sort: maps printed by fmt are small).
func sortedEntries(m rtype.Value) []rtype.MapEntry {
	es := m.MapEntries()
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && compare(es[j].Key, es[j-1].Key) < 0; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
	return es
}

func sign(less, greater bool) int {
	switch {
	case less:
		return -1
	case greater:
		return 1
	}
	return 0
}

func compare(a, b rtype.Value) int {
	if a.Type() != b.Type() {
		return -1 // cannot happen for keys of one map
	}
	switch a.Kind() {
	case rtype.Int, rtype.Int8, rtype.Int16, rtype.Int32, rtype.Int64:
		x, y := a.Int(), b.Int()
		return sign(x < y, x > y)
	case rtype.Uint, rtype.Uint8, rtype.Uint16, rtype.Uint32, rtype.Uint64, rtype.Uintptr:
		x, y := a.Uint(), b.Uint()
		return sign(x < y, x > y)
	case rtype.String:
		x, y := a.String(), b.String()
		return sign(x < y, x > y)
	case rtype.Float32, rtype.Float64:
		return compareFloat(a.Float(), b.Float())
	case rtype.Complex64, rtype.Complex128:
		x, y := a.Complex(), b.Complex()
		if c := compareFloat(real(x), real(y)); c != 0 {
			return c
		}
		return compareFloat(imag(x), imag(y))
	case rtype.Bool:
		x, y := a.Bool(), b.Bool()
		switch {
		case x == y:
			return 0
		case x:
			return 1
		}
		return -1
	case rtype.Pointer, rtype.Chan, rtype.UnsafePointer:
		x, y := a.Pointer(), b.Pointer()
		return sign(x < y, x > y)
	case rtype.Struct:
		for i := 0; i < a.NumField(); i++ {
			if c := compare(a.Field(i), b.Field(i)); c != 0 {
				return c
			}
		}
		return 0
	case rtype.Array:
		for i := 0; i < a.Len(); i++ {
			if c := compare(a.Index(i), b.Index(i)); c != 0 {
				return c
			}
		}
		return 0
	case rtype.Interface:
		x, y := a.Elem(), b.Elem()
		switch {
		case !x.IsValid() && !y.IsValid():
			return 0
		case !x.IsValid():
			return -1
		case !y.IsValid():
			return 1
		}
		if c := sign(x.Type() < y.Type(), x.Type() > y.Type()); c != 0 {
			return c
		}
		return compare(x, y)
	}
	return 0
}

func compareFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	case a == b:
		return 0
	case a != a && b != b:
		return 0
	case a != a:
		return -1
	}
	return 1
}
