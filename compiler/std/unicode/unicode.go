// Package unicode: character classes and case mapping. goc's
// implementation, written from the package documentation and the Unicode
// character database.
//
// Exact for ASCII and Latin-1 (U+0000..U+00FF) and for case mapping of
// Latin Extended-A, Greek and Cyrillic basic letters; elsewhere the classes
// come from the compact range table below (the main blocks of letters and
// decimal digits, the Unicode white space, general punctuation), which is
// narrower than Go's full tables: see docs/LANGUAGE.md.
package unicode

const (
	MaxRune         = '\U0010FFFF' // the largest Unicode code point
	ReplacementChar = '\uFFFD'     // the replacement for invalid code points
	MaxASCII        = '\u007F'
	MaxLatin1       = '\u00FF'
)

// A span is an inclusive range of code points.
type span struct{ lo, hi rune }

func in(r rune, table []span) bool {
	for _, s := range table {
		if r < s.lo {
			return false
		}
		if r <= s.hi {
			return true
		}
	}
	return false
}

// Letters above Latin-1 (sorted, inclusive).
var letters = []span{
	{0x100, 0x2C1}, {0x2C6, 0x2D1}, {0x370, 0x374}, {0x376, 0x377},
	{0x37A, 0x37D}, {0x37F, 0x37F}, {0x386, 0x386}, {0x388, 0x38A},
	{0x38C, 0x38C}, {0x38E, 0x3A1}, {0x3A3, 0x3F5}, {0x3F7, 0x481},
	{0x48A, 0x52F}, {0x531, 0x556}, {0x561, 0x587}, {0x5D0, 0x5EA},
	{0x620, 0x64A}, {0x671, 0x6D3}, {0x904, 0x939}, {0xE01, 0xE30},
	{0x10A0, 0x10C5}, {0x10D0, 0x10FA}, {0x1100, 0x1248}, {0x1E00, 0x1F15},
	{0x1F18, 0x1F1D}, {0x1F20, 0x1F45}, {0x1F48, 0x1F4D}, {0x1F50, 0x1F57},
	{0x1F60, 0x1F7D}, {0x1F80, 0x1FB4}, {0x2C00, 0x2CE4}, {0x3041, 0x3096},
	{0x30A1, 0x30FA}, {0x3105, 0x312F}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
	{0xA000, 0xA48C}, {0xAC00, 0xD7A3}, {0xF900, 0xFA6D}, {0xFF21, 0xFF3A},
	{0xFF41, 0xFF5A}, {0xFF66, 0xFFBE}, {0x10400, 0x1044F}, {0x20000, 0x2A6DF},
}

// Decimal digits above ASCII.
var digits = []span{
	{0x660, 0x669}, {0x6F0, 0x6F9}, {0x7C0, 0x7C9}, {0x966, 0x96F},
	{0x9E6, 0x9EF}, {0xA66, 0xA6F}, {0xAE6, 0xAEF}, {0xB66, 0xB6F},
	{0xBE6, 0xBEF}, {0xC66, 0xC6F}, {0xCE6, 0xCEF}, {0xD66, 0xD6F},
	{0xE50, 0xE59}, {0xED0, 0xED9}, {0xF20, 0xF29}, {0x1040, 0x1049},
	{0xFF10, 0xFF19}, {0x1D7CE, 0x1D7FF},
}

// White space above Latin-1 (category Z and the Unicode White_Space ones).
var spaces = []span{
	{0x1680, 0x1680}, {0x2000, 0x200A}, {0x2028, 0x2029}, {0x202F, 0x202F},
	{0x205F, 0x205F}, {0x3000, 0x3000},
}

// Punctuation above Latin-1.
var puncts = []span{
	{0x37E, 0x37E}, {0x387, 0x387}, {0x55A, 0x55F}, {0x589, 0x58A},
	{0x5BE, 0x5BE}, {0x5C0, 0x5C0}, {0x5F3, 0x5F4}, {0x60C, 0x60D},
	{0x61B, 0x61B}, {0x61F, 0x61F}, {0x66A, 0x66D}, {0x964, 0x965},
	{0x2010, 0x2027}, {0x2030, 0x2043}, {0x2045, 0x2051}, {0x2053, 0x205E},
	{0x3001, 0x3003}, {0x3008, 0x3011}, {0x3014, 0x301F}, {0xFF01, 0xFF03},
	{0xFF05, 0xFF0A}, {0xFF0C, 0xFF0F}, {0xFF1A, 0xFF1B}, {0xFF1F, 0xFF20},
}

// latin1 classifies U+0000..U+00FF.
func latin1(r rune) (letter, upper, lower, digit, space, punct bool) {
	switch {
	case 'A' <= r && r <= 'Z', 0xC0 <= r && r <= 0xDE && r != 0xD7:
		return true, true, false, false, false, false
	case 'a' <= r && r <= 'z', 0xDF <= r && r <= 0xFF && r != 0xF7, r == 0xAA, r == 0xB5, r == 0xBA:
		return true, false, r != 0xAA && r != 0xBA, false, false, false
	case '0' <= r && r <= '9':
		return false, false, false, true, false, false
	case r == ' ', '\t' <= r && r <= '\r', r == 0x85, r == 0xA0:
		return false, false, false, false, true, false
	}
	switch r {
	case '!', '"', '#', '%', '&', '\'', '(', ')', '*', ',', '-', '.', '/',
		':', ';', '?', '@', '[', '\\', ']', '_', '{', '}',
		0xA1, 0xA7, 0xAB, 0xB6, 0xB7, 0xBB, 0xBF:
		return false, false, false, false, false, true
	}
	return
}

// IsLetter reports whether r is a letter.
func IsLetter(r rune) bool {
	if r <= MaxLatin1 {
		l, _, _, _, _, _ := latin1(r)
		return l
	}
	return in(r, letters)
}

// IsDigit reports whether r is a decimal digit.
func IsDigit(r rune) bool {
	if r <= MaxLatin1 {
		return '0' <= r && r <= '9'
	}
	return in(r, digits)
}

// IsNumber is IsDigit plus the Latin-1 superscripts and fractions (the
// other number categories are not in goc's table).
func IsNumber(r rune) bool {
	switch r {
	case 0xB2, 0xB3, 0xB9, 0xBC, 0xBD, 0xBE:
		return true
	}
	return IsDigit(r)
}

// IsSpace reports whether r is white space: '\t', '\n', '\v', '\f', '\r',
// ' ', U+0085, U+00A0 and the Unicode space separators.
func IsSpace(r rune) bool {
	if r <= MaxLatin1 {
		_, _, _, _, s, _ := latin1(r)
		return s
	}
	return in(r, spaces)
}

// IsPunct reports whether r is punctuation (category P).
func IsPunct(r rune) bool {
	if r <= MaxLatin1 {
		_, _, _, _, _, p := latin1(r)
		return p
	}
	return in(r, puncts)
}

// IsUpper reports whether r is an upper case letter.
func IsUpper(r rune) bool {
	if r <= MaxLatin1 {
		_, u, _, _, _, _ := latin1(r)
		return u
	}
	if base, ok := digraph(r); ok {
		return r == base
	}
	return ToLower(r) != r
}

// IsLower reports whether r is a lower case letter.
func IsLower(r rune) bool {
	if r <= MaxLatin1 {
		_, _, l, _, _, _ := latin1(r)
		return l
	}
	if base, ok := digraph(r); ok {
		return r == base+2
	}
	if r == 0x138 || r == 0x149 {
		return true // ĸ and ŉ: lower case without an upper case
	}
	return ToUpper(r) != r
}

// digraph finds the Latin digraphs that come in three cases (DŽ, ǅ, ǆ):
// the upper case one's code point; title case is the next, lower case the
// one after.
func digraph(r rune) (rune, bool) {
	switch {
	case 0x1C4 <= r && r <= 0x1CC:
		return 0x1C4 + (r-0x1C4)/3*3, true
	case 0x1F1 <= r && r <= 0x1F3:
		return 0x1F1, true
	}
	return 0, false
}

// pairs are the alternating upper/lower runs of Latin Extended-A: from
// lo to hi, the rune with lo's parity is upper case, the next lower case.
var pairs = []span{{0x100, 0x12F}, {0x132, 0x137}, {0x139, 0x148}, {0x14A, 0x177}, {0x179, 0x17E}}

// ToUpper maps r to upper case (r itself if it has none).
func ToUpper(r rune) rune {
	if base, ok := digraph(r); ok {
		return base
	}
	switch {
	case 'a' <= r && r <= 'z', 0xE0 <= r && r <= 0xFE && r != 0xF7:
		return r - 0x20
	case r == 0xB5:
		return 0x39C
	case r == 0xFF:
		return 0x178
	case r == 0x131:
		return 'I'
	case r == 0x17F:
		return 'S'
	case 0x3B1 <= r && r <= 0x3C9 && r != 0x3C2:
		return r - 0x20
	case r == 0x3C2:
		return 0x3A3
	case 0x430 <= r && r <= 0x44F:
		return r - 0x20
	case 0x450 <= r && r <= 0x45F:
		return r - 0x50
	}
	for _, p := range pairs {
		if p.lo <= r && r <= p.hi {
			if (r-p.lo)%2 == 1 {
				return r - 1
			}
			return r
		}
	}
	return r
}

// ToLower maps r to lower case (r itself if it has none).
func ToLower(r rune) rune {
	if base, ok := digraph(r); ok {
		return base + 2
	}
	switch {
	case 'A' <= r && r <= 'Z', 0xC0 <= r && r <= 0xDE && r != 0xD7:
		return r + 0x20
	case r == 0x130:
		return 'i'
	case r == 0x1E9E:
		return 0xDF // ẞ; ß has no upper case of its own
	case r == 0x178:
		return 0xFF
	case 0x391 <= r && r <= 0x3A9 && r != 0x3A2:
		return r + 0x20
	case 0x410 <= r && r <= 0x42F:
		return r + 0x20
	case 0x400 <= r && r <= 0x40F:
		return r + 0x50
	}
	for _, p := range pairs {
		if p.lo <= r && r <= p.hi {
			if (r-p.lo)%2 == 0 {
				return r + 1
			}
			return r
		}
	}
	return r
}

// ToTitle maps r to title case: upper case, except for the digraphs that
// have a title case of their own.
func ToTitle(r rune) rune {
	if base, ok := digraph(r); ok {
		return base + 1
	}
	return ToUpper(r)
}

// SimpleFold returns the next rune after r in r's case-folding orbit
// (ascending, wrapping around), or r if it has no other case.
func SimpleFold(r rune) rune {
	switch r {
	case 'K':
		return 'k'
	case 'k':
		return 0x212A
	case 0x212A:
		return 'K'
	case 'S':
		return 's'
	case 's':
		return 0x17F
	case 0x17F:
		return 'S'
	case 0xB5:
		return 0x39C
	case 0x39C:
		return 0x3BC
	case 0x3BC:
		return 0xB5
	case 0x3A3:
		return 0x3C2
	case 0x3C2:
		return 0x3C3
	case 0x3C3:
		return 0x3A3
	case 0xDF:
		return 0x1E9E
	case 0x1E9E:
		return 0xDF
	}
	if base, ok := digraph(r); ok {
		return base + (r-base+1)%3
	}
	u, l := ToUpper(r), ToLower(r)
	switch {
	case u != r && u > r:
		return u
	case l != r && l > r:
		return l
	case u != r:
		return u
	case l != r:
		return l
	}
	return r
}
