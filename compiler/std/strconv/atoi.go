// Package strconv: conversions between strings and integers, floats,
// booleans and quoted strings. goc's implementation, written from the
// package documentation. Float conversions work on exact decimals
// (decimal.go); hexadecimal floats are rounded from their bits (atof.go).
package strconv

import "errors"

// ErrRange: a value is out of range for the target type.
var ErrRange = errors.New("value out of range")

// ErrSyntax: a value does not have the right syntax for the target type.
var ErrSyntax = errors.New("invalid syntax")

// A NumError records a failed conversion: the function, its input and why.
type NumError struct {
	Func string // the failing function (ParseInt, ParseUint, ParseBool, Atoi...)
	Num  string // the input
	Err  error  // ErrRange, ErrSyntax, or a base or bit size error
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

// IntSize is the size in bits of an int or uint.
const IntSize = 64

func syntaxError(fn, s string) *NumError { return &NumError{fn, s, ErrSyntax} }

func rangeError(fn, s string) *NumError { return &NumError{fn, s, ErrRange} }

func baseError(fn, s string, base int) *NumError {
	return &NumError{fn, s, errors.New("invalid base " + Itoa(base))}
}

func bitSizeError(fn, s string, bitSize int) *NumError {
	return &NumError{fn, s, errors.New("invalid bit size " + Itoa(bitSize))}
}

// digitValue is c's value as a digit of any base up to 36, or 36.
func digitValue(c byte) uint64 {
	switch {
	case '0' <= c && c <= '9':
		return uint64(c - '0')
	case 'a' <= c && c <= 'z':
		return uint64(c-'a') + 10
	case 'A' <= c && c <= 'Z':
		return uint64(c-'A') + 10
	}
	return 36
}

// prefixBase reads a base prefix (0b, 0o, 0x, or a leading 0 for octal)
// for base 0, returning the base and the digits after it.
func prefixBase(s string) (int, string) {
	if len(s) >= 2 && s[0] == '0' {
		switch s[1] {
		case 'b', 'B':
			return 2, s[2:]
		case 'o', 'O':
			return 8, s[2:]
		case 'x', 'X':
			return 16, s[2:]
		}
	}
	if s[0] == '0' {
		return 8, s[1:]
	}
	return 10, s
}

// underscoresOK checks Go's rule for digit separators: each '_' must
// stand between two digits, or between a base prefix and a digit. s may
// carry a sign; other characters (a point, an exponent) are neither.
func underscoresOK(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	base, digits := 10, s
	if s != "" {
		base, digits = prefixBase(s)
	}
	const (
		other = iota
		digit
		separator
	)
	// A base prefix counts as a digit before a separator (a lone octal
	// 0 is a digit anyway).
	state := other
	if len(digits) < len(s) {
		state = digit
	}
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		switch {
		case c == '_':
			if state != digit {
				return false
			}
			state = separator
		case digitValue(c) < uint64(max(base, 10)):
			state = digit
		default:
			if state == separator {
				return false
			}
			state = other
		}
	}
	return state != separator
}

// ParseUint is ParseInt for unsigned numbers; a sign is not allowed.
func ParseUint(s string, base int, bitSize int) (uint64, error) {
	const fn = "ParseUint"
	if s == "" {
		return 0, syntaxError(fn, s)
	}
	base0 := base == 0
	s0 := s
	switch {
	case 2 <= base && base <= 36:
	case base == 0:
		base, s = prefixBase(s)
		if s == "" && len(s0) > 1 {
			return 0, syntaxError(fn, s0)
		}
	default:
		return 0, baseError(fn, s0, base)
	}
	if bitSize == 0 {
		bitSize = IntSize
	} else if bitSize < 0 || bitSize > 64 {
		return 0, bitSizeError(fn, s0, bitSize)
	}
	maxVal := uint64(1)<<uint(bitSize) - 1
	// Above cutoff, multiplying by base overflows 64 bits.
	cutoff := ^uint64(0)/uint64(base) + 1
	var n uint64
	separators := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' && base0 {
			separators = true
			continue
		}
		d := digitValue(c)
		if d >= uint64(base) {
			return 0, syntaxError(fn, s0)
		}
		if n >= cutoff {
			return maxVal, rangeError(fn, s0)
		}
		n *= uint64(base)
		n1 := n + d
		if n1 < n || n1 > maxVal {
			return maxVal, rangeError(fn, s0)
		}
		n = n1
	}
	if separators && !underscoresOK(s0) {
		return 0, syntaxError(fn, s0)
	}
	return n, nil
}

// ParseInt interprets s in the given base (0, or 2 to 36; 0 means the
// prefix decides: 0b, 0o or 0, 0x, else 10, and '_' separators are
// allowed) with an optional sign, as an integer of bitSize bits (0 means
// int). Out-of-range values give the nearest limit and ErrRange.
func ParseInt(s string, base int, bitSize int) (int64, error) {
	const fn = "ParseInt"
	if s == "" {
		return 0, syntaxError(fn, s)
	}
	s0 := s
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		s = s[1:]
	}
	un, err := ParseUint(s, base, bitSize)
	if err != nil && err.(*NumError).Err != ErrRange {
		ne := err.(*NumError)
		ne.Func = fn
		ne.Num = s0
		return 0, ne
	}
	if bitSize == 0 {
		bitSize = IntSize
	}
	cutoff := uint64(1) << uint(bitSize-1)
	if !neg && un >= cutoff {
		return int64(cutoff - 1), rangeError(fn, s0)
	}
	if neg && un > cutoff {
		return -int64(cutoff), rangeError(fn, s0)
	}
	n := int64(un)
	if neg {
		n = -n
	}
	return n, nil
}

// Atoi is ParseInt(s, 10, 0) as an int, its errors naming Atoi.
func Atoi(s string) (int, error) {
	i, err := ParseInt(s, 10, 0)
	if err != nil {
		ne := err.(*NumError)
		ne.Func = "Atoi"
	}
	return int(i), err
}

// ParseBool accepts 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False.
func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "TRUE", "true", "True":
		return true, nil
	case "0", "f", "F", "FALSE", "false", "False":
		return false, nil
	}
	return false, syntaxError("ParseBool", str)
}
