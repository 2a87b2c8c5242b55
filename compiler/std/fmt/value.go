// Printing a value by its kind, walking composite values element by
// element: structs {a b} (with field names for %+v, Go syntax for %#v),
// slices and arrays [a b], maps map[k:v] with sorted keys, pointers to
// composites at the top level as &{...}, other pointers as addresses.
// Nested values that may be turned into interfaces get their methods
// tried first, as at the top level.

package fmt

import "internal/rtype"

func (p *pp) printValue(value rtype.Value, verb rune, depth int) {
	if depth > 0 && value.IsValid() && value.CanInterface() {
		if p.handleMethods(value.Interface(), value, verb) {
			return
		}
	}
	switch value.Kind() {
	case rtype.Invalid:
		if depth == 0 {
			p.buf.writeString("<invalid reflect.Value>")
		} else if verb == 'v' {
			p.buf.writeString("<nil>")
		} else {
			p.badVerb(nil, value, verb)
		}
	case rtype.Bool:
		p.fmtBool(nil, value, value.Bool(), verb)
	case rtype.Int, rtype.Int8, rtype.Int16, rtype.Int32, rtype.Int64:
		p.fmtInteger(nil, value, uint64(value.Int()), true, verb)
	case rtype.Uint, rtype.Uint8, rtype.Uint16, rtype.Uint32, rtype.Uint64, rtype.Uintptr:
		p.fmtInteger(nil, value, value.Uint(), false, verb)
	case rtype.Float32:
		p.fmtFloat(nil, value, value.Float(), 32, verb)
	case rtype.Float64:
		p.fmtFloat(nil, value, value.Float(), 64, verb)
	case rtype.Complex64:
		p.fmtComplex(nil, value, value.Complex(), 64, verb)
	case rtype.Complex128:
		p.fmtComplex(nil, value, value.Complex(), 128, verb)
	case rtype.String:
		p.fmtString(nil, value, value.String(), verb)
	case rtype.Map:
		p.printMap(value, verb, depth)
	case rtype.Struct:
		p.printStruct(value, verb, depth)
	case rtype.Interface:
		elem := value.Elem()
		if elem.IsValid() {
			p.printValue(elem, verb, depth+1)
		} else if p.fmt.sharpV {
			p.buf.writeString(value.Type().String())
			p.buf.writeString("(nil)")
		} else {
			p.buf.writeString("<nil>")
		}
	case rtype.Array, rtype.Slice:
		p.printList(value, verb, depth)
	case rtype.Pointer:
		if depth == 0 && !value.IsNil() {
			switch elem := value.Elem(); elem.Kind() {
			case rtype.Array, rtype.Slice, rtype.Struct, rtype.Map:
				p.buf.writeByte('&')
				p.printValue(elem, verb, depth+1)
				return
			}
		}
		p.fmtPointer(nil, value, verb)
	case rtype.Chan, rtype.Func, rtype.UnsafePointer:
		p.fmtPointer(nil, value, verb)
	default:
		p.buf.writeByte('?')
		p.buf.writeString(value.Type().String())
		p.buf.writeByte('?')
	}
}

// separator writes what goes between elements: ", " for %#v, else a space.
func (p *pp) separator() {
	if p.fmt.sharpV {
		p.buf.writeString(", ")
	} else {
		p.buf.writeByte(' ')
	}
}

func (p *pp) printMap(value rtype.Value, verb rune, depth int) {
	if p.fmt.sharpV {
		p.buf.writeString(value.Type().String())
		if value.IsNil() {
			p.buf.writeString("(nil)")
			return
		}
		p.buf.writeByte('{')
	} else {
		p.buf.writeString("map[")
	}
	for i, e := range sortedEntries(value) {
		if i > 0 {
			p.separator()
		}
		p.printValue(e.Key, verb, depth+1)
		p.buf.writeByte(':')
		p.printValue(e.Value, verb, depth+1)
	}
	if p.fmt.sharpV {
		p.buf.writeByte('}')
	} else {
		p.buf.writeByte(']')
	}
}

func (p *pp) printStruct(value rtype.Value, verb rune, depth int) {
	if p.fmt.sharpV {
		p.buf.writeString(value.Type().String())
	}
	p.buf.writeByte('{')
	t := value.Type()
	for i := 0; i < value.NumField(); i++ {
		if i > 0 {
			p.separator()
		}
		if p.fmt.plusV || p.fmt.sharpV {
			p.buf.writeString(t.Field(i).Name)
			p.buf.writeByte(':')
		}
		f := value.Field(i)
		if f.Kind() == rtype.Interface && !f.IsNil() {
			f = f.Elem()
		}
		p.printValue(f, verb, depth+1)
	}
	p.buf.writeByte('}')
}

func (p *pp) printList(value rtype.Value, verb rune, depth int) {
	t := value.Type()
	switch verb {
	case 's', 'q', 'x', 'X':
		if t.Elem().Kind() == rtype.Uint8 {
			p.fmtBytes(value.Bytes(), verb, t.String(), value)
			return
		}
	}
	if p.fmt.sharpV {
		p.buf.writeString(t.String())
		if value.Kind() == rtype.Slice && value.IsNil() {
			p.buf.writeString("(nil)")
			return
		}
		p.buf.writeByte('{')
	} else {
		p.buf.writeByte('[')
	}
	for i := 0; i < value.Len(); i++ {
		if i > 0 {
			p.separator()
		}
		p.printValue(value.Index(i), verb, depth+1)
	}
	if p.fmt.sharpV {
		p.buf.writeByte('}')
	} else {
		p.buf.writeByte(']')
	}
}
