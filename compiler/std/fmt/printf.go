// Reading a Printf format: literal text, then for each %: flags, an
// optional argument index [n], a width (number or *), a precision (.
// then number or *), the verb. Problems print in place as Go's fmt does:
// %!v(MISSING), %!v(BADINDEX), %!(BADWIDTH), %!(BADPREC), %!(NOVERB),
// and unused operands at the end as %!(EXTRA type=value, ...).

package fmt

import (
	"internal/rtype"
	"unicode/utf8"
)

// tooLarge reports whether a width, precision or index is absurd.
func tooLarge(x int) bool {
	const limit int = 1e6
	return x > limit || x < -limit
}

// parsenum reads a decimal number at s[start:end].
func parsenum(s string, start, end int) (num int, isnum bool, newi int) {
	if start >= end {
		return 0, false, end
	}
	for newi = start; newi < end && '0' <= s[newi] && s[newi] <= '9'; newi++ {
		if tooLarge(num) {
			return 0, false, end
		}
		num = num*10 + int(s[newi]-'0')
		isnum = true
	}
	return
}

// intFromArg reads operand argNum as an int for a * width or precision.
func intFromArg(a []any, argNum int) (num int, isInt bool, newArgNum int) {
	newArgNum = argNum
	if argNum >= len(a) {
		return
	}
	num, isInt = a[argNum].(int)
	if !isInt {
		switch v := rtype.ValueOf(a[argNum]); v.Kind() {
		case rtype.Int, rtype.Int8, rtype.Int16, rtype.Int32, rtype.Int64:
			n := v.Int()
			if int64(int(n)) == n {
				num, isInt = int(n), true
			}
		case rtype.Uint, rtype.Uint8, rtype.Uint16, rtype.Uint32, rtype.Uint64, rtype.Uintptr:
			n := v.Uint()
			if int64(n) >= 0 && uint64(int(n)) == n {
				num, isInt = int(n), true
			}
		}
	}
	newArgNum = argNum + 1
	if tooLarge(num) {
		num, isInt = 0, false
	}
	return
}

// parseArgNumber reads "[n]" at the start of format: the zero-based
// index, the length read, and whether it was a valid number.
func parseArgNumber(format string) (index int, wid int, ok bool) {
	if len(format) < 3 {
		return 0, 1, false
	}
	for i := 1; i < len(format); i++ {
		if format[i] == ']' {
			n, ok, newi := parsenum(format, 1, i)
			if !ok || newi != i {
				return 0, i + 1, false
			}
			return n - 1, i + 1, true
		}
	}
	return 0, 1, false
}

// argNumber applies an argument index at format[i], if there is one.
func (p *pp) argNumber(argNum int, format string, i int, numArgs int) (newArgNum, newi int, found bool) {
	if len(format) <= i || format[i] != '[' {
		return argNum, i, false
	}
	p.reordered = true
	index, wid, ok := parseArgNumber(format[i:])
	if ok && 0 <= index && index < numArgs {
		return index, i + wid, true
	}
	p.goodArgNum = false
	return argNum, i + wid, ok
}

func (p *pp) doPrintf(format string, a []any) {
	end := len(format)
	argNum := 0
	afterIndex := false // the previous item was an index like [3]
	p.reordered = false
	for i := 0; i < end; {
		p.goodArgNum = true
		start := i
		for i < end && format[i] != '%' {
			i++
		}
		if i > start {
			p.buf.writeString(format[start:i])
		}
		if i >= end {
			break
		}
		i++ // the %
		p.fmt.clearflags()
		simple := false
	flagLoop:
		for ; i < end; i++ {
			switch c := format[i]; c {
			case '#':
				p.fmt.sharp = true
			case '0':
				p.fmt.zero = true
			case '+':
				p.fmt.plus = true
			case '-':
				p.fmt.minus = true
			case ' ':
				p.fmt.space = true
			default:
				// A lower-case ASCII verb right after the flags: the
				// common case, printed at once.
				if 'a' <= c && c <= 'z' && argNum < len(a) {
					p.verb(rune(c), a, argNum)
					argNum++
					i++
					simple = true
				}
				break flagLoop
			}
		}
		if simple {
			continue
		}

		argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
		if i < end && format[i] == '*' {
			i++
			p.fmt.wid, p.fmt.widPresent, argNum = intFromArg(a, argNum)
			if !p.fmt.widPresent {
				p.buf.writeString("%!(BADWIDTH)")
			}
			if p.fmt.wid < 0 {
				p.fmt.wid = -p.fmt.wid
				p.fmt.minus = true
				p.fmt.zero = false
			}
			afterIndex = false
		} else {
			p.fmt.wid, p.fmt.widPresent, i = parsenum(format, i, end)
			if afterIndex && p.fmt.widPresent { // "%[3]2d"
				p.goodArgNum = false
			}
		}

		if i+1 < end && format[i] == '.' {
			i++
			if afterIndex { // "%[3].2d"
				p.goodArgNum = false
			}
			argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
			if i < end && format[i] == '*' {
				i++
				p.fmt.prec, p.fmt.precPresent, argNum = intFromArg(a, argNum)
				if p.fmt.prec < 0 {
					p.fmt.prec = 0
					p.fmt.precPresent = false
				}
				if !p.fmt.precPresent {
					p.buf.writeString("%!(BADPREC)")
				}
				afterIndex = false
			} else {
				p.fmt.prec, p.fmt.precPresent, i = parsenum(format, i, end)
				if !p.fmt.precPresent {
					p.fmt.prec = 0
					p.fmt.precPresent = true
				}
			}
		}

		if !afterIndex {
			argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
		}
		if i >= end {
			p.buf.writeString("%!(NOVERB)")
			break
		}
		verb, size := utf8.DecodeRuneInString(format[i:])
		i += size
		switch {
		case verb == '%':
			p.buf.writeByte('%')
		case !p.goodArgNum:
			p.buf.writeString("%!")
			p.buf.writeRune(verb)
			p.buf.writeString("(BADINDEX)")
		case argNum >= len(a):
			p.buf.writeString("%!")
			p.buf.writeRune(verb)
			p.buf.writeString("(MISSING)")
		default:
			p.verb(verb, a, argNum)
			argNum++
		}
	}

	if !p.reordered && argNum < len(a) {
		p.fmt.clearflags()
		p.buf.writeString("%!(EXTRA ")
		for i, arg := range a[argNum:] {
			if i > 0 {
				p.buf.writeString(", ")
			}
			if arg == nil {
				p.buf.writeString("<nil>")
			} else {
				p.buf.writeString(rtype.TypeOf(arg).String())
				p.buf.writeByte('=')
				p.printArg(arg, 'v')
			}
		}
		p.buf.writeByte(')')
	}
}

// verb prints operand argNum for verb: %w records it for Errorf, and %v
// turns the # and + flags into their %#v and %+v meanings.
func (p *pp) verb(verb rune, a []any, argNum int) {
	switch verb {
	case 'w':
		p.wrappedErrs = append(p.wrappedErrs, argNum)
		fallthrough
	case 'v':
		p.fmt.sharpV = p.fmt.sharp
		p.fmt.sharp = false
		p.fmt.plusV = p.fmt.plus
		p.fmt.plus = false
	}
	p.printArg(a[argNum], verb)
}
