// Package utf8: encoding and decoding of UTF-8 text. goc's implementation,
// written from the package documentation and the Unicode standard (Table
// 3-7, well-formed byte sequences).
//
// Every decoder here goes through decode, which takes up to four bytes by
// value; the []byte and string variants only gather those bytes, so the
// two families cannot drift apart.
package utf8

const (
	RuneError = '\uFFFD'     // the "error" rune, U+FFFD
	RuneSelf  = 0x80         // runes below this are one byte, themselves
	MaxRune   = '\U0010FFFF' // the largest Unicode code point
	UTFMax    = 4            // the longest encoding of a rune
)

const (
	surrogateMin = 0xD800
	surrogateMax = 0xDFFF
)

// lead returns the length a lead byte announces and the range its second
// byte must be in; length 0 for a byte that cannot start a sequence.
func lead(b0 byte) (n int, lo, hi byte) {
	switch {
	case b0 < RuneSelf:
		return 1, 0, 0
	case b0 >= 0xC2 && b0 <= 0xDF:
		return 2, 0x80, 0xBF
	case b0 == 0xE0:
		return 3, 0xA0, 0xBF
	case b0 == 0xED:
		return 3, 0x80, 0x9F
	case b0 >= 0xE1 && b0 <= 0xEF:
		return 3, 0x80, 0xBF
	case b0 == 0xF0:
		return 4, 0x90, 0xBF
	case b0 >= 0xF1 && b0 <= 0xF3:
		return 4, 0x80, 0xBF
	case b0 == 0xF4:
		return 4, 0x80, 0x8F
	}
	return 0, 0, 0
}

// prefixOK reports whether the continuation bytes among the first n of
// b0..b3 fit an encoding announced by b0 (of length want, second byte in
// lo..hi, later ones in 0x80..0xBF).
func prefixOK(b1, b2, b3 byte, n, want int, lo, hi byte) bool {
	if n >= 2 && want >= 2 && (b1 < lo || b1 > hi) {
		return false
	}
	if n >= 3 && want >= 3 && (b2 < 0x80 || b2 > 0xBF) {
		return false
	}
	if n >= 4 && want >= 4 && (b3 < 0x80 || b3 > 0xBF) {
		return false
	}
	return true
}

// decode decodes the rune the first n (0..4) of b0..b3 begin with.
func decode(b0, b1, b2, b3 byte, n int) (rune, int) {
	if n < 1 {
		return RuneError, 0
	}
	want, lo, hi := lead(b0)
	switch {
	case want == 1:
		return rune(b0), 1
	case want == 0 || n < want || !prefixOK(b1, b2, b3, n, want, lo, hi):
		return RuneError, 1
	case want == 2:
		return rune(b0&0x1F)<<6 | rune(b1&0x3F), 2
	case want == 3:
		return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
	}
	return rune(b0&0x07)<<18 | rune(b1&0x3F)<<12 | rune(b2&0x3F)<<6 | rune(b3&0x3F), 4
}

// full reports whether the first n of b0..b3 hold a whole encoding or an
// invalid one (which decodes as a one-byte RuneError).
func full(b0, b1, b2, b3 byte, n int) bool {
	if n < 1 {
		return false
	}
	want, lo, hi := lead(b0)
	return want <= 1 || n >= want || !prefixOK(b1, b2, b3, n, want, lo, hi)
}

// FullRune reports whether p begins with a full UTF-8 encoding of a rune;
// an invalid encoding counts as full.
func FullRune(p []byte) bool {
	var b [UTFMax]byte
	n := copy(b[:], p)
	return full(b[0], b[1], b[2], b[3], n)
}

// FullRuneInString is FullRune for a string.
func FullRuneInString(s string) bool {
	var b [UTFMax]byte
	n := copy(b[:], s)
	return full(b[0], b[1], b[2], b[3], n)
}

// DecodeRune returns the first rune of p and its width in bytes:
// (RuneError, 0) for an empty p, (RuneError, 1) for an invalid encoding.
func DecodeRune(p []byte) (rune, int) {
	var b [UTFMax]byte
	n := copy(b[:], p)
	return decode(b[0], b[1], b[2], b[3], n)
}

// DecodeRuneInString is DecodeRune for a string.
func DecodeRuneInString(s string) (rune, int) {
	var b [UTFMax]byte
	n := copy(b[:], s)
	return decode(b[0], b[1], b[2], b[3], n)
}

// decodeLast decodes the last rune of the final n bytes of a text, held
// in b[:n].
func decodeLast(b *[UTFMax]byte, n int) (rune, int) {
	if n == 0 {
		return RuneError, 0
	}
	if b[n-1] < RuneSelf {
		return rune(b[n-1]), 1
	}
	start := n - 1
	for start > 0 && !RuneStart(b[start]) {
		start--
	}
	var c [UTFMax]byte
	m := copy(c[:], b[start:n])
	r, size := decode(c[0], c[1], c[2], c[3], m)
	if start+size != n {
		return RuneError, 1
	}
	return r, size
}

// DecodeLastRune returns the last rune of p and its width; (RuneError, 0)
// for an empty p and (RuneError, 1) when p does not end in a valid encoding.
func DecodeLastRune(p []byte) (rune, int) {
	var b [UTFMax]byte
	from := len(p) - UTFMax
	if from < 0 {
		from = 0
	}
	n := copy(b[:], p[from:])
	return decodeLast(&b, n)
}

// DecodeLastRuneInString is DecodeLastRune for a string.
func DecodeLastRuneInString(s string) (rune, int) {
	var b [UTFMax]byte
	from := len(s) - UTFMax
	if from < 0 {
		from = 0
	}
	n := copy(b[:], s[from:])
	return decodeLast(&b, n)
}

// RuneLen returns the number of bytes EncodeRune writes for r, or -1 if r
// cannot be encoded (a surrogate, negative, or above MaxRune).
func RuneLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < RuneSelf:
		return 1
	case r < 0x800:
		return 2
	case surrogateMin <= r && r <= surrogateMax:
		return -1
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return -1
}

// EncodeRune writes the UTF-8 encoding of r (RuneError's if r is not a
// valid rune) into p, which must be large enough, and returns its length.
func EncodeRune(p []byte, r rune) int {
	n := RuneLen(r)
	if n < 0 {
		r, n = RuneError, 3
	}
	switch n {
	case 1:
		p[0] = byte(r)
	case 2:
		_ = p[1]
		p[0] = 0xC0 | byte(r>>6)
		p[1] = 0x80 | byte(r)&0x3F
	case 3:
		_ = p[2]
		p[0] = 0xE0 | byte(r>>12)
		p[1] = 0x80 | byte(r>>6)&0x3F
		p[2] = 0x80 | byte(r)&0x3F
	default:
		_ = p[3]
		p[0] = 0xF0 | byte(r>>18)
		p[1] = 0x80 | byte(r>>12)&0x3F
		p[2] = 0x80 | byte(r>>6)&0x3F
		p[3] = 0x80 | byte(r)&0x3F
	}
	return n
}

// AppendRune appends the UTF-8 encoding of r to p.
func AppendRune(p []byte, r rune) []byte {
	var b [UTFMax]byte
	n := EncodeRune(b[:], r)
	return append(p, b[:n]...)
}

// RuneCount returns the number of runes in p, each invalid byte counting
// as one.
func RuneCount(p []byte) int {
	n := 0
	for i := 0; i < len(p); n++ {
		_, size := DecodeRune(p[i:])
		i += size
	}
	return n
}

// RuneCountInString is RuneCount for a string.
func RuneCountInString(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// RuneStart reports whether b can begin an encoding (is not a
// continuation byte).
func RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// Valid reports whether p is entirely valid UTF-8.
func Valid(p []byte) bool {
	for i := 0; i < len(p); {
		r, size := DecodeRune(p[i:])
		if r == RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// ValidString reports whether s is entirely valid UTF-8.
func ValidString(s string) bool {
	for i, r := range s {
		if r == RuneError {
			if _, size := DecodeRuneInString(s[i:]); size == 1 {
				return false
			}
		}
	}
	return true
}

// ValidRune reports whether r can be encoded (not a surrogate, within
// 0..MaxRune).
func ValidRune(r rune) bool {
	return 0 <= r && r < surrogateMin || surrogateMax < r && r <= MaxRune
}
