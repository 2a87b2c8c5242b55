package strconv

import (
	"unicode"
	"unicode/utf8"
)

const lowerhex = "0123456789abcdef"

// IsPrint reports whether r is printable as Go defines it (letters, marks,
// numbers, punctuation, symbols and the ASCII space). Exact for ASCII and
// Latin-1; above, every rune is printable except the separators, format
// characters, surrogates, private use and non-characters goc knows of.
func IsPrint(r rune) bool {
	switch {
	case r < 0x20, r == 0x7F:
		return false
	case r < 0x7F:
		return true
	case r < 0xA1, r == 0xAD:
		return false
	case r <= 0xFF:
		return true
	case 0x2000 <= r && r <= 0x200F, 0x2028 <= r && r <= 0x202F, 0x205F <= r && r <= 0x206F,
		r == 0x1680, r == 0x3000, r == 0xFEFF, 0xFFF9 <= r && r <= 0xFFFB,
		0xD800 <= r && r <= 0xF8FF, r&0xFFFE == 0xFFFE, r > unicode.MaxRune:
		return false
	}
	return true
}

// appendEscaped appends r as Go writes it inside a quoted literal.
func appendEscaped(buf []byte, r rune, quote byte, ascii bool) []byte {
	if r == rune(quote) || r == '\\' {
		return append(buf, '\\', byte(r))
	}
	if ascii && r < utf8.RuneSelf && IsPrint(r) || !ascii && IsPrint(r) {
		return utf8.AppendRune(buf, r)
	}
	switch r {
	case '\a':
		return append(buf, `\a`...)
	case '\b':
		return append(buf, `\b`...)
	case '\f':
		return append(buf, `\f`...)
	case '\n':
		return append(buf, `\n`...)
	case '\r':
		return append(buf, `\r`...)
	case '\t':
		return append(buf, `\t`...)
	case '\v':
		return append(buf, `\v`...)
	}
	switch {
	case r < ' ' || r == 0x7F:
		return append(buf, '\\', 'x', lowerhex[byte(r)>>4], lowerhex[byte(r)&0xF])
	case !utf8.ValidRune(r):
		r = utf8.RuneError
		fallthrough
	case r < 0x10000:
		buf = append(buf, '\\', 'u')
		for s := 12; s >= 0; s -= 4 {
			buf = append(buf, lowerhex[r>>uint(s)&0xF])
		}
	default:
		buf = append(buf, '\\', 'U')
		for s := 28; s >= 0; s -= 4 {
			buf = append(buf, lowerhex[r>>uint(s)&0xF])
		}
	}
	return buf
}

// appendQuoted appends s between quote characters, escaping as Go source
// would; bytes that are not valid UTF-8 become \x escapes.
func appendQuoted(buf []byte, s string, quote byte, ascii bool) []byte {
	buf = append(buf, quote)
	for len(s) > 0 {
		r, width := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && width == 1 {
			buf = append(buf, '\\', 'x', lowerhex[s[0]>>4], lowerhex[s[0]&0xF])
		} else {
			buf = appendEscaped(buf, r, quote, ascii)
		}
		s = s[width:]
	}
	return append(buf, quote)
}

// Quote returns s as a double-quoted Go string literal, with Go escapes
// for control characters and non-printable runes.
func Quote(s string) string { return string(appendQuoted(nil, s, '"', false)) }

// QuoteToASCII is Quote with every non-ASCII rune escaped too.
func QuoteToASCII(s string) string { return string(appendQuoted(nil, s, '"', true)) }

// AppendQuote appends Quote(s) to dst.
func AppendQuote(dst []byte, s string) []byte { return appendQuoted(dst, s, '"', false) }

// QuoteRune returns r as a single-quoted Go rune literal (invalid runes as
// U+FFFD).
func QuoteRune(r rune) string {
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	return string(appendEscaped([]byte{'\''}, r, '\'', false)) + "'"
}

// QuoteRuneToASCII is QuoteRune with non-ASCII runes escaped.
func QuoteRuneToASCII(r rune) string { return string(AppendQuoteRuneToASCII(nil, r)) }

// AppendQuoteToASCII appends QuoteToASCII(s) to dst.
func AppendQuoteToASCII(dst []byte, s string) []byte { return appendQuoted(dst, s, '"', true) }

// AppendQuoteRune appends QuoteRune(r) to dst.
func AppendQuoteRune(dst []byte, r rune) []byte { return appendQuotedRune(dst, r, false) }

// AppendQuoteRuneToASCII appends QuoteRuneToASCII(r) to dst.
func AppendQuoteRuneToASCII(dst []byte, r rune) []byte { return appendQuotedRune(dst, r, true) }

func appendQuotedRune(dst []byte, r rune, ascii bool) []byte {
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	dst = append(dst, '\'')
	return append(appendEscaped(dst, r, '\'', ascii), '\'')
}

// CanBackquote reports whether s can be written as a raw string literal:
// valid UTF-8 without control characters other than tab, no backquote
// and no U+FEFF.
func CanBackquote(s string) bool {
	for len(s) > 0 {
		r, w := utf8.DecodeRuneInString(s)
		s = s[w:]
		if w > 1 {
			if r == '\uFEFF' {
				return false
			}
			continue
		}
		if r == utf8.RuneError {
			return false
		}
		if (r < ' ' && r != '\t') || r == '`' || r == '\u007F' {
			return false
		}
	}
	return true
}
