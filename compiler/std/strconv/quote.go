package strconv

import (
	"unicode"
	"unicode/utf8"
)

const lowerhex = "0123456789abcdef"

// IsPrint reports whether r is printable as Go defines it: a letter, mark,
// number, punctuation or symbol, or the ASCII space (unicode.IsPrint).
func IsPrint(r rune) bool {
	if r < 0x7F {
		return r >= 0x20
	}
	return unicode.IsPrint(r)
}

// IsGraphic reports whether r is graphic: printable or a Unicode space
// separator (unicode.IsGraphic).
func IsGraphic(r rune) bool {
	if r < 0x7F {
		return r >= 0x20
	}
	return unicode.IsGraphic(r)
}

// How appendEscaped treats non-ASCII runes.
const (
	keepPrint   = iota // printable runes as they are (Quote)
	escapeASCII        // every non-ASCII rune escaped (QuoteToASCII)
	keepGraphic        // graphic runes as they are (QuoteToGraphic)
)

// appendEscaped appends r as Go writes it inside a quoted literal.
func appendEscaped(buf []byte, r rune, quote byte, mode int) []byte {
	if r == rune(quote) || r == '\\' {
		return append(buf, '\\', byte(r))
	}
	if r < utf8.RuneSelf {
		if IsPrint(r) {
			return append(buf, byte(r))
		}
	} else if mode == keepPrint && IsPrint(r) || mode == keepGraphic && IsGraphic(r) {
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
func appendQuoted(buf []byte, s string, quote byte, mode int) []byte {
	buf = append(buf, quote)
	for len(s) > 0 {
		r, width := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && width == 1 {
			buf = append(buf, '\\', 'x', lowerhex[s[0]>>4], lowerhex[s[0]&0xF])
		} else {
			buf = appendEscaped(buf, r, quote, mode)
		}
		s = s[width:]
	}
	return append(buf, quote)
}

// Quote returns s as a double-quoted Go string literal, with Go escapes
// for control characters and non-printable runes.
func Quote(s string) string { return string(appendQuoted(nil, s, '"', keepPrint)) }

// QuoteToASCII is Quote with every non-ASCII rune escaped too.
func QuoteToASCII(s string) string { return string(appendQuoted(nil, s, '"', escapeASCII)) }

// AppendQuote appends Quote(s) to dst.
func AppendQuote(dst []byte, s string) []byte { return appendQuoted(dst, s, '"', keepPrint) }

// QuoteRune returns r as a single-quoted Go rune literal (invalid runes as
// U+FFFD).
func QuoteRune(r rune) string {
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	return string(appendEscaped([]byte{'\''}, r, '\'', keepPrint)) + "'"
}

// QuoteRuneToASCII is QuoteRune with non-ASCII runes escaped.
func QuoteRuneToASCII(r rune) string { return string(AppendQuoteRuneToASCII(nil, r)) }

// AppendQuoteToASCII appends QuoteToASCII(s) to dst.
func AppendQuoteToASCII(dst []byte, s string) []byte { return appendQuoted(dst, s, '"', escapeASCII) }

// QuoteToGraphic is Quote keeping every graphic rune (IsGraphic, so also
// the Unicode spaces) as it is.
func QuoteToGraphic(s string) string { return string(appendQuoted(nil, s, '"', keepGraphic)) }

// AppendQuoteToGraphic appends QuoteToGraphic(s) to dst.
func AppendQuoteToGraphic(dst []byte, s string) []byte {
	return appendQuoted(dst, s, '"', keepGraphic)
}

// QuoteRuneToGraphic is QuoteRune keeping graphic runes as they are.
func QuoteRuneToGraphic(r rune) string { return string(AppendQuoteRuneToGraphic(nil, r)) }

// AppendQuoteRuneToGraphic appends QuoteRuneToGraphic(r) to dst.
func AppendQuoteRuneToGraphic(dst []byte, r rune) []byte {
	return appendQuotedRune(dst, r, keepGraphic)
}

// AppendQuoteRune appends QuoteRune(r) to dst.
func AppendQuoteRune(dst []byte, r rune) []byte { return appendQuotedRune(dst, r, keepPrint) }

// AppendQuoteRuneToASCII appends QuoteRuneToASCII(r) to dst.
func AppendQuoteRuneToASCII(dst []byte, r rune) []byte { return appendQuotedRune(dst, r, escapeASCII) }

func appendQuotedRune(dst []byte, r rune, mode int) []byte {
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	dst = append(dst, '\'')
	return append(appendEscaped(dst, r, '\'', mode), '\'')
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
