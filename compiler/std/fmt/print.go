// Package fmt: formatted I/O with Go's verbs, as the package documentation
// specifies: Print, Println, Printf and their S (string), F (io.Writer)
// and Append forms, Errorf. Operands of any type are walked with goc's
// reflection layer, internal/rtype. goc's implementation, written from the
// package documentation.
//
// print.go: the entry points, the printer (pp) and how one operand is
// printed: its methods first (Formatter, GoStringer for %#v, error and
// Stringer), then by its dynamic type (value.go walks composite values).
// format.go applies widths, precisions and flags; scan of the format
// string is in printf.go; Errorf in errors.go; map key order in sort.go.
package fmt

import (
	"internal/rtype"
	"io"
	"os"
)

// State is what a Formatter's Format method is given: the output and the
// verb's options.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// Formatter is implemented by values with their own Format method, which
// then prints them for every verb.
type Formatter interface {
	Format(f State, verb rune)
}

// Stringer is implemented by values with a String method, which gives
// their text for %v and the other verbs that accept strings.
type Stringer interface {
	String() string
}

// GoStringer is implemented by values with a GoString method, which gives
// their text for %#v.
type GoStringer interface {
	GoString() string
}

// pp is a printer: the text being built and the state of one call.
type pp struct {
	buf buffer
	fmt formatter
	// reordered: the format used an argument index; goodArgNum: the
	// current one is valid.
	reordered, goodArgNum bool
	// panicking: a method's panic is being printed (a second one is
	// passed on); erroring: a bad verb is being reported (methods are not
	// called then).
	panicking, erroring bool
	// wrapErrs: this is Errorf, which accepts %w; wrappedErrs: the
	// argument numbers %w printed.
	wrapErrs    bool
	wrappedErrs []int
}

func newPrinter() *pp {
	p := new(pp)
	p.fmt.buf = &p.buf
	return p
}

// Write makes pp an io.Writer, for Formatter implementations.
func (p *pp) Write(b []byte) (int, error) {
	p.buf.write(b)
	return len(b), nil
}

// WriteString is Write for a string.
func (p *pp) WriteString(s string) (int, error) {
	p.buf.writeString(s)
	return len(s), nil
}

func (p *pp) Width() (int, bool)     { return p.fmt.wid, p.fmt.widPresent }
func (p *pp) Precision() (int, bool) { return p.fmt.prec, p.fmt.precPresent }

func (p *pp) Flag(c int) bool {
	switch c {
	case '-':
		return p.fmt.minus
	case '+':
		return p.fmt.plus || p.fmt.plusV
	case '#':
		return p.fmt.sharp || p.fmt.sharpV
	case ' ':
		return p.fmt.space
	case '0':
		return p.fmt.zero
	}
	return false
}

// Fprintf formats according to format and writes to w.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrintf(format, a)
	return w.Write(p.buf)
}

// Printf formats according to format and writes to standard output.
func Printf(format string, a ...any) (n int, err error) {
	return Fprintf(os.Stdout, format, a...)
}

// Sprintf formats according to format and returns the text.
func Sprintf(format string, a ...any) string {
	p := newPrinter()
	p.doPrintf(format, a)
	return string(p.buf)
}

// Appendf formats according to format and appends the text to b.
func Appendf(b []byte, format string, a ...any) []byte {
	p := newPrinter()
	p.doPrintf(format, a)
	return append(b, p.buf...)
}

// Fprint writes the operands in their default formats to w, with spaces
// between operands when neither is a string.
func Fprint(w io.Writer, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrint(a)
	return w.Write(p.buf)
}

// Print is Fprint to standard output.
func Print(a ...any) (n int, err error) {
	return Fprint(os.Stdout, a...)
}

// Sprint is Fprint into a string.
func Sprint(a ...any) string {
	p := newPrinter()
	p.doPrint(a)
	return string(p.buf)
}

// Append is Fprint appending to b.
func Append(b []byte, a ...any) []byte {
	p := newPrinter()
	p.doPrint(a)
	return append(b, p.buf...)
}

// Fprintln writes the operands in their default formats to w, separated
// by spaces and followed by a newline.
func Fprintln(w io.Writer, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrintln(a)
	return w.Write(p.buf)
}

// Println is Fprintln to standard output.
func Println(a ...any) (n int, err error) {
	return Fprintln(os.Stdout, a...)
}

// Sprintln is Fprintln into a string.
func Sprintln(a ...any) string {
	p := newPrinter()
	p.doPrintln(a)
	return string(p.buf)
}

// Appendln is Fprintln appending to b.
func Appendln(b []byte, a ...any) []byte {
	p := newPrinter()
	p.doPrintln(a)
	return append(b, p.buf...)
}

func (p *pp) doPrint(a []any) {
	prevString := false
	for i, arg := range a {
		isString := arg != nil && rtype.TypeOf(arg).Kind() == rtype.String
		if i > 0 && !isString && !prevString {
			p.buf.writeByte(' ')
		}
		p.printArg(arg, 'v')
		prevString = isString
	}
}

func (p *pp) doPrintln(a []any) {
	for i, arg := range a {
		if i > 0 {
			p.buf.writeByte(' ')
		}
		p.printArg(arg, 'v')
	}
	p.buf.writeByte('\n')
}

// badVerb reports a verb that does not suit the operand:
// %!verb(type=value), or %!verb(<nil>).
func (p *pp) badVerb(arg any, value rtype.Value, verb rune) {
	p.erroring = true
	p.buf.writeString("%!")
	p.buf.writeRune(verb)
	p.buf.writeByte('(')
	switch {
	case arg != nil:
		p.buf.writeString(rtype.TypeOf(arg).String())
		p.buf.writeByte('=')
		p.printArg(arg, 'v')
	case value.IsValid():
		p.buf.writeString(value.Type().String())
		p.buf.writeByte('=')
		p.printValue(value, 'v', 0)
	default:
		p.buf.writeString("<nil>")
	}
	p.buf.writeByte(')')
	p.erroring = false
}

func (p *pp) fmtBool(arg any, value rtype.Value, v bool, verb rune) {
	switch verb {
	case 't', 'v':
		p.fmt.fmtBoolean(v)
	default:
		p.badVerb(arg, value, verb)
	}
}

// fmt0x64 writes v in hex, with 0x if leading0x.
func (p *pp) fmt0x64(v uint64, leading0x bool) {
	sharp := p.fmt.sharp
	p.fmt.sharp = leading0x
	p.fmt.fmtInteger(v, 16, false, 'v', lowerDigits)
	p.fmt.sharp = sharp
}

func (p *pp) fmtInteger(arg any, value rtype.Value, v uint64, signed bool, verb rune) {
	switch verb {
	case 'v':
		if p.fmt.sharpV && !signed {
			p.fmt0x64(v, true)
		} else {
			p.fmt.fmtInteger(v, 10, signed, verb, lowerDigits)
		}
	case 'd':
		p.fmt.fmtInteger(v, 10, signed, verb, lowerDigits)
	case 'b':
		p.fmt.fmtInteger(v, 2, signed, verb, lowerDigits)
	case 'o', 'O':
		p.fmt.fmtInteger(v, 8, signed, verb, lowerDigits)
	case 'x':
		p.fmt.fmtInteger(v, 16, signed, verb, lowerDigits)
	case 'X':
		p.fmt.fmtInteger(v, 16, signed, verb, upperDigits)
	case 'c':
		p.fmt.fmtC(v)
	case 'q':
		p.fmt.fmtQc(v)
	case 'U':
		p.fmt.fmtUnicode(v)
	default:
		p.badVerb(arg, value, verb)
	}
}

func (p *pp) fmtFloat(arg any, value rtype.Value, v float64, size int, verb rune) {
	switch verb {
	case 'v':
		p.fmt.fmtFloat(v, size, 'g', -1)
	case 'b', 'g', 'G', 'x', 'X':
		p.fmt.fmtFloat(v, size, verb, -1)
	case 'f', 'e', 'E':
		p.fmt.fmtFloat(v, size, verb, 6)
	case 'F':
		p.fmt.fmtFloat(v, size, 'f', 6)
	default:
		p.badVerb(arg, value, verb)
	}
}

// fmtComplex writes (re+imi), each part as fmtFloat writes a float of
// half the size, the imaginary part always signed; a verb floats do not
// take is reported before anything is written.
func (p *pp) fmtComplex(arg any, value rtype.Value, v complex128, size int, verb rune) {
	switch verb {
	case 'v', 'b', 'g', 'G', 'x', 'X', 'f', 'F', 'e', 'E':
	default:
		p.badVerb(arg, value, verb)
		return
	}
	plus := p.fmt.plus
	p.buf.writeByte('(')
	p.fmtFloat(arg, value, real(v), size/2, verb)
	p.fmt.plus = true
	p.fmtFloat(arg, value, imag(v), size/2, verb)
	p.buf.writeString("i)")
	p.fmt.plus = plus
}

func (p *pp) fmtString(arg any, value rtype.Value, v string, verb rune) {
	switch verb {
	case 'v':
		if p.fmt.sharpV {
			p.fmt.fmtQ(v)
		} else {
			p.fmt.fmtS(v)
		}
	case 's':
		p.fmt.fmtS(v)
	case 'x':
		p.fmt.fmtSx(v, lowerDigits)
	case 'X':
		p.fmt.fmtSx(v, upperDigits)
	case 'q':
		p.fmt.fmtQ(v)
	default:
		p.badVerb(arg, value, verb)
	}
}

// fmtBytes prints a byte slice or array: as text for %s %q %x %X, as
// numbers for %v and %d (typeString names its type for %#v).
func (p *pp) fmtBytes(v []byte, verb rune, typeString string, value rtype.Value) {
	switch verb {
	case 'v', 'd':
		if p.fmt.sharpV {
			p.buf.writeString(typeString)
			if v == nil {
				p.buf.writeString("(nil)")
				return
			}
			p.buf.writeByte('{')
			for i, c := range v {
				if i > 0 {
					p.buf.writeString(", ")
				}
				p.fmt0x64(uint64(c), true)
			}
			p.buf.writeByte('}')
			return
		}
		p.buf.writeByte('[')
		for i, c := range v {
			if i > 0 {
				p.buf.writeByte(' ')
			}
			p.fmt.fmtInteger(uint64(c), 10, false, verb, lowerDigits)
		}
		p.buf.writeByte(']')
	case 's':
		p.fmt.fmtBs(v)
	case 'x':
		p.fmt.fmtSx(string(v), lowerDigits)
	case 'X':
		p.fmt.fmtSx(string(v), upperDigits)
	case 'q':
		p.fmt.fmtQ(string(v))
	default:
		p.printValue(value, verb, 0)
	}
}

// fmtPointer prints the word of a pointer, channel, func, map or slice
// value: %p and %v in hex with 0x (without it for %#p), %#v as (T)(0x..),
// or as an integer for %b %o %d %x %X.
func (p *pp) fmtPointer(arg any, value rtype.Value, verb rune) {
	var u uintptr
	switch value.Kind() {
	case rtype.Chan, rtype.Func, rtype.Map, rtype.Pointer, rtype.Slice, rtype.UnsafePointer:
		u = value.Pointer()
	default:
		p.badVerb(arg, value, verb)
		return
	}
	switch verb {
	case 'v':
		if p.fmt.sharpV {
			p.buf.writeByte('(')
			p.buf.writeString(value.Type().String())
			p.buf.writeString(")(")
			if u == 0 {
				p.buf.writeString("nil")
			} else {
				p.fmt0x64(uint64(u), true)
			}
			p.buf.writeByte(')')
		} else if u == 0 {
			p.fmt.padString("<nil>")
		} else {
			p.fmt0x64(uint64(u), !p.fmt.sharp)
		}
	case 'p':
		p.fmt0x64(uint64(u), !p.fmt.sharp)
	case 'b', 'o', 'd', 'x', 'X':
		p.fmtInteger(arg, value, uint64(u), false, verb)
	default:
		p.badVerb(arg, value, verb)
	}
}

// catchPanic, deferred around a call of an operand's method, turns its
// panic into %!verb(PANIC=Method method: value); a nil pointer receiver
// that panicked prints as <nil>.
func (p *pp) catchPanic(arg any, verb rune, method string) {
	err := recover()
	if err == nil {
		return
	}
	if v := rtype.ValueOf(arg); v.Kind() == rtype.Pointer && v.IsNil() {
		p.buf.writeString("<nil>")
		return
	}
	if p.panicking {
		panic(err)
	}
	saved := p.fmt.flags
	savedWid, savedPrec := p.fmt.wid, p.fmt.prec
	p.fmt.clearflags()
	p.buf.writeString("%!")
	p.buf.writeRune(verb)
	p.buf.writeString("(PANIC=")
	p.buf.writeString(method)
	p.buf.writeString(" method: ")
	p.panicking = true
	p.printArg(err, 'v')
	p.panicking = false
	p.buf.writeByte(')')
	p.fmt.flags = saved
	p.fmt.wid, p.fmt.prec = savedWid, savedPrec
}

// handleMethods prints arg through its methods when it has the right
// ones for the verb, and reports whether it did.
func (p *pp) handleMethods(arg any, value rtype.Value, verb rune) bool {
	if p.erroring {
		return false
	}
	if verb == 'w' {
		if _, ok := arg.(error); !ok || !p.wrapErrs {
			p.badVerb(arg, value, verb)
			return true
		}
		verb = 'v'
	}
	if f, ok := arg.(Formatter); ok {
		p.callFormat(f, arg, verb)
		return true
	}
	if p.fmt.sharpV {
		if g, ok := arg.(GoStringer); ok {
			p.callGoString(g, arg, verb)
			return true
		}
		return false
	}
	switch verb {
	case 'v', 's', 'x', 'X', 'q':
		switch v := arg.(type) {
		case error:
			p.callError(v, arg, value, verb)
			return true
		case Stringer:
			p.callString(v, arg, value, verb)
			return true
		}
	}
	return false
}

func (p *pp) callFormat(f Formatter, arg any, verb rune) {
	defer p.catchPanic(arg, verb, "Format")
	f.Format(p, verb)
}

func (p *pp) callGoString(g GoStringer, arg any, verb rune) {
	defer p.catchPanic(arg, verb, "GoString")
	p.fmt.fmtS(g.GoString())
}

func (p *pp) callError(e error, arg any, value rtype.Value, verb rune) {
	defer p.catchPanic(arg, verb, "Error")
	p.fmtString(arg, value, e.Error(), verb)
}

func (p *pp) callString(s Stringer, arg any, value rtype.Value, verb rune) {
	defer p.catchPanic(arg, verb, "String")
	p.fmtString(arg, value, s.String(), verb)
}

// printArg prints one operand.
func (p *pp) printArg(arg any, verb rune) {
	if arg == nil {
		switch verb {
		case 'T', 'v':
			p.fmt.padString("<nil>")
		default:
			p.badVerb(arg, rtype.Value{}, verb)
		}
		return
	}
	switch verb {
	case 'T':
		p.fmt.fmtS(rtype.TypeOf(arg).String())
		return
	case 'p':
		p.fmtPointer(arg, rtype.ValueOf(arg), 'p')
		return
	}
	switch f := arg.(type) {
	case bool:
		p.fmtBool(arg, rtype.Value{}, f, verb)
	case float32:
		p.fmtFloat(arg, rtype.Value{}, float64(f), 32, verb)
	case float64:
		p.fmtFloat(arg, rtype.Value{}, f, 64, verb)
	case complex64:
		p.fmtComplex(arg, rtype.Value{}, complex128(f), 64, verb)
	case complex128:
		p.fmtComplex(arg, rtype.Value{}, f, 128, verb)
	case int:
		p.fmtInteger(arg, rtype.Value{}, uint64(f), true, verb)
	case int8:
		p.fmtInteger(arg, rtype.Value{}, uint64(f), true, verb)
	case int16:
		p.fmtInteger(arg, rtype.Value{}, uint64(f), true, verb)
	case int32:
		p.fmtInteger(arg, rtype.Value{}, uint64(f), true, verb)
	case int64:
		p.fmtInteger(arg, rtype.Value{}, uint64(f), true, verb)
	case uint:
		p.fmtInteger(arg, rtype.Value{}, uint64(f), false, verb)
	case uint8:
		p.fmtInteger(arg, rtype.Value{}, uint64(f), false, verb)
	case uint16:
		p.fmtInteger(arg, rtype.Value{}, uint64(f), false, verb)
	case uint32:
		p.fmtInteger(arg, rtype.Value{}, uint64(f), false, verb)
	case uint64:
		p.fmtInteger(arg, rtype.Value{}, f, false, verb)
	case uintptr:
		p.fmtInteger(arg, rtype.Value{}, uint64(f), false, verb)
	case string:
		p.fmtString(arg, rtype.Value{}, f, verb)
	case []byte:
		p.fmtBytes(f, verb, "[]byte", rtype.ValueOf(arg))
	default:
		if rtype.ReflectValue != nil {
			if v, ok := rtype.ReflectValue(arg); ok {
				p.printReflectValue(v, verb)
				return
			}
		}
		if !p.handleMethods(arg, rtype.Value{}, verb) {
			p.printValue(rtype.ValueOf(arg), verb, 0)
		}
	}
}

// printReflectValue prints a reflect.Value operand as the value it holds
// (its methods too, when it may be made an interface).
func (p *pp) printReflectValue(v rtype.Value, verb rune) {
	if v.IsValid() && v.CanInterface() {
		if p.handleMethods(v.Interface(), rtype.Value{}, verb) {
			return
		}
	}
	p.printValue(v, verb, 0)
}
