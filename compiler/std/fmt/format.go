// The formatter: one operand's text with its width, precision and flags
// applied (padding, signs, bases, quoting, floats). print.go decides which
// of these a verb and an operand's kind call for. goc's implementation,
// written from the package documentation.

package fmt

import (
	"strconv"
	"unicode/utf8"
)

const (
	lowerDigits = "0123456789abcdefx"
	upperDigits = "0123456789ABCDEFX"
)

// buffer is the text being built.
type buffer []byte

func (b *buffer) write(p []byte)        { *b = append(*b, p...) }
func (b *buffer) writeString(s string)  { *b = append(*b, s...) }
func (b *buffer) writeByte(c byte)      { *b = append(*b, c) }
func (b *buffer) writeRune(r rune)      { *b = utf8.AppendRune(*b, r) }
func (b *buffer) writeRepeat(c byte, n int) {
	for ; n > 0; n-- {
		*b = append(*b, c)
	}
}

// flags are the modifiers of one verb. plusV and sharpV record %+v and
// %#v (plus and sharp are then cleared, as they mean something else for
// the operands).
type flags struct {
	widPresent, precPresent         bool
	minus, plus, sharp, space, zero bool
	plusV, sharpV                   bool
}

// formatter writes operands into buf.
type formatter struct {
	buf *buffer
	flags
	wid, prec int
	// intbuf holds an integer's digits: 64 binary digits, a sign and a
	// prefix fit; larger widths and precisions get a bigger buffer.
	intbuf [68]byte
}

func (f *formatter) clearflags() {
	f.flags = flags{}
	f.wid = 0
	f.prec = 0
}

// padding writes n fill bytes: zeros when zero padding applies (only on
// the left), else spaces.
func (f *formatter) padding(n int) {
	if n <= 0 {
		return
	}
	c := byte(' ')
	if f.zero && !f.minus {
		c = '0'
	}
	f.buf.writeRepeat(c, n)
}

// pad writes b padded to the width (in runes) on the left, or on the
// right with the minus flag.
func (f *formatter) pad(b []byte) {
	if !f.widPresent || f.wid == 0 {
		f.buf.write(b)
		return
	}
	n := f.wid - utf8.RuneCount(b)
	if f.minus {
		f.buf.write(b)
		f.padding(n)
	} else {
		f.padding(n)
		f.buf.write(b)
	}
}

func (f *formatter) padString(s string) {
	if !f.widPresent || f.wid == 0 {
		f.buf.writeString(s)
		return
	}
	n := f.wid - utf8.RuneCountInString(s)
	if f.minus {
		f.buf.writeString(s)
		f.padding(n)
	} else {
		f.padding(n)
		f.buf.writeString(s)
	}
}

// padNoZero pads b with spaces whatever the zero flag says.
func (f *formatter) padNoZero(b []byte) {
	z := f.zero
	f.zero = false
	f.pad(b)
	f.zero = z
}

func (f *formatter) fmtBoolean(v bool) {
	if v {
		f.padString("true")
	} else {
		f.padString("false")
	}
}

// fmtInteger writes u (a two's-complement int64 when signed) in base 2,
// 8, 10 or 16 with digits, honouring precision (minimum digits), zero
// padding (as a precision when no precision is given), sign flags and
// the # prefixes; verb 'O' always gets 0o.
func (f *formatter) fmtInteger(u uint64, base int, signed bool, verb rune, digits string) {
	neg := signed && int64(u) < 0
	if neg {
		u = -u
	}
	minDigits := 0
	if f.precPresent {
		minDigits = f.prec
		if minDigits == 0 && u == 0 {
			z := f.zero
			f.zero = false
			f.padding(f.wid)
			f.zero = z
			return
		}
	} else if f.zero && !f.minus && f.widPresent {
		minDigits = f.wid
		if neg || f.plus || f.space {
			minDigits--
		}
	}
	// Digits are produced backwards into the end of a scratch buffer.
	buf := f.intbuf[:]
	if (f.widPresent || f.precPresent) && 3+f.wid+f.prec > len(buf) {
		buf = make([]byte, 3+f.wid+f.prec)
	}
	i := len(buf)
	b := uint64(base)
	for u >= b {
		i--
		buf[i] = digits[u%b]
		u /= b
	}
	i--
	buf[i] = digits[u]
	for i > 0 && len(buf)-i < minDigits {
		i--
		buf[i] = '0'
	}
	if f.sharp {
		switch base {
		case 2:
			i -= 2
			buf[i], buf[i+1] = '0', 'b'
		case 8:
			if buf[i] != '0' {
				i--
				buf[i] = '0'
			}
		case 16:
			i -= 2
			buf[i], buf[i+1] = '0', digits[16]
		}
	}
	if verb == 'O' {
		i -= 2
		buf[i], buf[i+1] = '0', 'o'
	}
	switch {
	case neg:
		i--
		buf[i] = '-'
	case f.plus:
		i--
		buf[i] = '+'
	case f.space:
		i--
		buf[i] = ' '
	}
	f.padNoZero(buf[i:])
}

// fmtUnicode writes U+0041 (at least four hex digits, more with a larger
// precision), followed by ' 'A'' with the # flag for printable runes.
func (f *formatter) fmtUnicode(u uint64) {
	minDigits := 4
	if f.precPresent && f.prec > 4 {
		minDigits = f.prec
	}
	hex := strconv.FormatUint(u, 16)
	b := []byte("U+")
	for n := len(hex); n < minDigits; n++ {
		b = append(b, '0')
	}
	for i := 0; i < len(hex); i++ {
		c := hex[i]
		if 'a' <= c && c <= 'f' {
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	if f.sharp && u <= utf8.MaxRune && strconv.IsPrint(rune(u)) {
		b = append(b, " '"...)
		b = utf8.AppendRune(b, rune(u))
		b = append(b, '\'')
	}
	f.padNoZero(b)
}

// truncateString cuts s to the precision, counted in runes.
func (f *formatter) truncateString(s string) string {
	if f.precPresent {
		n := f.prec
		for i := range s {
			if n == 0 {
				return s[:i]
			}
			n--
		}
	}
	return s
}

func (f *formatter) fmtS(s string) {
	f.padString(f.truncateString(s))
}

func (f *formatter) fmtBs(b []byte) {
	f.padString(f.truncateString(string(b)))
}

// fmtSx writes the bytes of s in hex (the precision counts bytes); the
// space flag separates bytes, # adds 0x before each group.
func (f *formatter) fmtSx(s string, digits string) {
	n := len(s)
	if f.precPresent && f.prec < n {
		n = f.prec
	}
	width := 2 * n
	if width == 0 {
		if f.widPresent {
			f.padding(f.wid)
		}
		return
	}
	if f.space {
		if f.sharp {
			width *= 2
		}
		width += n - 1
	} else if f.sharp {
		width += 2
	}
	if f.widPresent && f.wid > width && !f.minus {
		f.padding(f.wid - width)
	}
	if f.sharp {
		f.buf.writeByte('0')
		f.buf.writeByte(digits[16])
	}
	for i := 0; i < n; i++ {
		if f.space && i > 0 {
			f.buf.writeByte(' ')
			if f.sharp {
				f.buf.writeByte('0')
				f.buf.writeByte(digits[16])
			}
		}
		f.buf.writeByte(digits[s[i]>>4])
		f.buf.writeByte(digits[s[i]&0xF])
	}
	if f.widPresent && f.wid > width && f.minus {
		f.padding(f.wid - width)
	}
}

// fmtQ writes s quoted: backquoted with # when it can be, escaped to
// ASCII with +.
func (f *formatter) fmtQ(s string) {
	s = f.truncateString(s)
	if f.sharp && strconv.CanBackquote(s) {
		f.padString("`" + s + "`")
		return
	}
	if f.plus {
		f.pad(strconv.AppendQuoteToASCII(nil, s))
	} else {
		f.pad(strconv.AppendQuote(nil, s))
	}
}

func runeOf(c uint64) rune {
	if c > utf8.MaxRune {
		return utf8.RuneError
	}
	return rune(c)
}

// fmtC writes the character c.
func (f *formatter) fmtC(c uint64) {
	f.pad(utf8.AppendRune(nil, runeOf(c)))
}

// fmtQc writes c as a quoted character literal.
func (f *formatter) fmtQc(c uint64) {
	r := runeOf(c)
	if f.plus {
		f.pad(strconv.AppendQuoteRuneToASCII(nil, r))
	} else {
		f.pad(strconv.AppendQuoteRune(nil, r))
	}
}

// fmtFloat writes v (of the given bit size) in strconv format verb with
// the precision given, or prec if none: signs and spaces, infinities and
// NaN never zero-padded, # keeping the point and trailing zeros, zero
// padding after the sign.
func (f *formatter) fmtFloat(v float64, size int, verb rune, prec int) {
	if f.precPresent {
		prec = f.prec
	}
	// num always starts with a sign, removed at the end if not wanted.
	num := strconv.AppendFloat([]byte{'+'}, v, byte(verb), prec, size)
	if num[1] == '-' || num[1] == '+' {
		num = num[1:]
	}
	if f.space && num[0] == '+' && !f.plus {
		num[0] = ' '
	}
	if num[1] == 'I' || num[1] == 'N' {
		if num[1] == 'N' && !f.space && !f.plus {
			num = num[1:]
		}
		f.padNoZero(num)
		return
	}
	if f.sharp && verb != 'b' {
		num = keepPoint(num, verb, prec)
	}
	if f.plus || num[0] != '+' {
		if f.zero && !f.minus && f.widPresent && f.wid > len(num) {
			f.buf.writeByte(num[0])
			f.padding(f.wid - len(num))
			f.buf.write(num[1:])
			return
		}
		f.pad(num)
		return
	}
	f.pad(num[1:])
}

// keepPoint applies the # flag to a formatted float (sign first): a
// decimal point always, and for %g/%x-like verbs trailing zeros up to
// the precision's number of significant digits (6 when shortest).
func keepPoint(num []byte, verb rune, prec int) []byte {
	digits := 0
	switch verb {
	case 'v', 'g', 'G', 'x':
		digits = prec
		if digits == -1 {
			digits = 6
		}
	}
	var tail []byte
	point, nonzero := false, false
	for i := 1; i < len(num); i++ {
		c := num[i]
		if c == '.' {
			point = true
			continue
		}
		if c == 'p' || c == 'P' || (c == 'e' || c == 'E') && verb != 'x' && verb != 'X' {
			tail = append(tail, num[i:]...)
			num = num[:i]
			break
		}
		if c != '0' {
			nonzero = true
		}
		if nonzero {
			digits--
		}
	}
	if !point {
		if len(num) == 2 && num[1] == '0' {
			digits--
		}
		num = append(num, '.')
	}
	for ; digits > 0; digits-- {
		num = append(num, '0')
	}
	return append(num, tail...)
}
