// Text to complex: ParseComplex. goc's implementation, written from the
// package documentation. The input is N, Ni or N±Ni, optionally in
// parentheses, where each N is a floating-point number as ParseFloat
// reads it. Each part is found by scanning a float's syntax from where it
// starts (floatPrefix: sign, decimal or 0x mantissa with '_' separators,
// exponent) or by a leading "inf", "infinity" or "nan" (special, atof.go),
// and converted by ParseFloat; what follows it decides what comes next.
// Errors are *NumError for "ParseComplex" with the whole input: ErrSyntax
// as soon as the form is wrong; ErrRange, with ±Inf in the part that
// overflowed, only when the whole input is well formed.

package strconv

// ParseComplex converts s to a complex number whose parts are rounded as
// ParseFloat rounds them: to float32 for bitSize 64 (a complex64), to
// float64 otherwise. The result has type complex128 either way. A second
// part without a sign needs a '+' before it; a NaN second part takes only
// '+'. Spaces are not allowed.
func ParseComplex(s string, bitSize int) (complex128, error) {
	const fn = "ParseComplex"
	partSize := 64
	if bitSize == 64 {
		partSize = 32
	}
	orig := s
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		s = s[1 : len(s)-1]
	}

	outOfRange := false
	first, n, err := complexPart(s, partSize)
	if err == ErrRange {
		outOfRange = true
	} else if err != nil {
		return 0, syntaxError(fn, orig)
	}
	s = s[n:]

	var re, im float64
	switch {
	case s == "":
		re = first // N
	case s == "i":
		im = first // Ni
	case s[0] == '+' || s[0] == '-':
		// N±Ni: the second part keeps a '-' as its sign. A '+' is
		// dropped (a NaN may not carry one) unless another '+' follows,
		// which stays to be rejected.
		if s[0] == '+' && len(s) > 1 && s[1] != '+' {
			s = s[1:]
		}
		second, n, err := complexPart(s, partSize)
		if err == ErrRange {
			outOfRange = true
		} else if err != nil {
			return 0, syntaxError(fn, orig)
		}
		if s[n:] != "i" {
			return 0, syntaxError(fn, orig)
		}
		re, im = first, second
	default:
		return 0, syntaxError(fn, orig)
	}
	if outOfRange {
		return complex(re, im), rangeError(fn, orig)
	}
	return complex(re, im), nil
}

// complexPart reads the float at the start of s: its value, its length
// and nil, ErrSyntax or ErrRange (then the value is ±Inf).
func complexPart(s string, size int) (f float64, n int, err error) {
	if f, n, ok := special(s); ok {
		return f, n, nil
	}
	n = floatPrefix(s)
	if n == 0 {
		return 0, 0, ErrSyntax
	}
	f, err = ParseFloat(s[:n], size)
	if err != nil {
		if e, ok := err.(*NumError); ok {
			err = e.Err
		}
		return f, n, err
	}
	return f, n, nil
}

// floatPrefix returns the length of the floating-point number that s
// starts with, or 0 if s does not start with a well-formed one: an
// optional sign; digits with at most one point, hexadecimal after "0x"
// (or "0X") when something follows it; then an exponent, e and a
// decimal integer (p for hexadecimal, where it is required). Once an
// exponent letter is there it must be complete. '_' is taken among the
// digits; whether it stands right is left to ParseFloat.
func floatPrefix(s string) int {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	hex := false
	if i+2 < len(s) && s[i] == '0' && lower(s[i+1]) == 'x' {
		hex = true
		i += 2
	}
	sawDigit, sawDot := false, false
mantissa:
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_':
		case c == '.':
			if sawDot {
				break mantissa
			}
			sawDot = true
		case '0' <= c && c <= '9', hex && 'a' <= lower(c) && lower(c) <= 'f':
			sawDigit = true
		default:
			break mantissa
		}
	}
	if !sawDigit {
		return 0
	}
	expLetter := byte('e')
	if hex {
		expLetter = 'p'
	}
	if i == len(s) || lower(s[i]) != expLetter {
		if hex {
			return 0
		}
		return i
	}
	i++
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if i == len(s) || s[i] < '0' || s[i] > '9' {
		return 0
	}
	for i < len(s) && ('0' <= s[i] && s[i] <= '9' || s[i] == '_') {
		i++
	}
	return i
}
