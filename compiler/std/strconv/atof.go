package strconv

import "math"

// maxDigits bounds the digits kept while parsing: beyond it only whether
// a non-zero digit was dropped matters (for rounding exact halves).
const maxDigits = 800

// lower maps an ASCII letter to lower case.
func lower(c byte) byte { return c | 0x20 }

// special parses an infinity or NaN (any case, "inf" or "infinity", with an
// optional sign for infinities), reporting how much of s it used.
func special(s string) (f float64, n int, ok bool) {
	sign := 1
	i := 0
	if s != "" && (s[0] == '+' || s[0] == '-') {
		if s[0] == '-' {
			sign = -1
		}
		i++
	}
	match := func(word string) bool {
		if len(s)-i < len(word) {
			return false
		}
		for k := 0; k < len(word); k++ {
			if lower(s[i+k]) != word[k] {
				return false
			}
		}
		return true
	}
	switch {
	case match("infinity"):
		return math.Inf(sign), i + 8, true
	case match("inf"):
		return math.Inf(sign), i + 3, true
	case i == 0 && match("nan"):
		return math.NaN(), 3, true
	}
	return 0, 0, false
}

// readDecimal parses [+-]digits[.digits][e[+-]digits] into d ('_'
// separating digits as Go allows), reporting the sign and whether the
// whole of s had that form.
func readDecimal(s string, d *decimal) (neg, ok bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	sawDot, sawDigits, separators := false, false, false
	// total counts significant digits, kept or not; dp is where the
	// point is among them.
	total, dp := 0, 0
	for ; i < len(s); i++ {
		c := s[i]
		if c == '.' {
			if sawDot {
				return
			}
			sawDot = true
			dp = total
			continue
		}
		if c == '_' {
			separators = true
			continue
		}
		if c < '0' || c > '9' {
			break
		}
		sawDigits = true
		if c == '0' && total == 0 {
			// A leading zero only moves the point (after it).
			if sawDot {
				dp--
			}
			continue
		}
		total++
		if len(d.d) < maxDigits {
			d.d = append(d.d, c-'0')
		} else if c != '0' {
			d.trunc = true
		}
	}
	if !sawDigits {
		return
	}
	if !sawDot {
		dp = total
	}
	if i < len(s) && lower(s[i]) == 'e' {
		e, next, sep, ok := readExponent(s, i+1)
		if !ok {
			return
		}
		i, separators = next, separators || sep
		dp += e
	}
	if i != len(s) || separators && !underscoresOK(s) {
		return
	}
	d.dp = dp
	d.trim()
	return neg, true
}

// toFloat rounds the exact decimal d to the nearest value of the format
// (ties to even): the bits, and whether it overflowed.
func toFloat(d *decimal, info *floatInfo) (bits uint64, overflow bool) {
	var exp int
	var mant uint64
	maxExp := 1<<info.expbits - 1
	if len(d.d) == 0 {
		return 0, false
	}
	if d.dp > 310 {
		goto overflow
	}
	if d.dp < -330 {
		return 0, false
	}
	// Scale into [1/2, 1): d × 2**exp is the value.
	for d.dp > 0 {
		d.halve()
		exp++
	}
	for d.cmpHalf() < 0 {
		d.double()
		exp--
	}
	// The value is 0.1xxx × 2**exp = 1.xxx × 2**(exp-1).
	exp--
	if exp < info.bias+1 {
		// Subnormal: shift down to the minimum exponent.
		d.shift(exp - (info.bias + 1))
		exp = info.bias + 1
	}
	if exp-info.bias >= maxExp {
		goto overflow
	}
	d.shift(int(info.mantbits) + 1)
	mant = roundedInteger(d)
	if mant == uint64(2)<<info.mantbits {
		mant >>= 1
		exp++
		if exp-info.bias >= maxExp {
			goto overflow
		}
	}
	if mant&(uint64(1)<<info.mantbits) == 0 {
		exp = info.bias // subnormal (or zero) encoding
	}
	bits = mant&(uint64(1)<<info.mantbits-1) | uint64(exp-info.bias)&uint64(maxExp)<<info.mantbits
	return bits, false
overflow:
	return uint64(maxExp) << info.mantbits, true
}

// roundedInteger returns d rounded to an integer, ties to even.
func roundedInteger(d *decimal) uint64 {
	var n uint64
	for i := 0; i < d.dp; i++ {
		n *= 10
		if i < len(d.d) {
			n += uint64(d.d[i])
		}
	}
	up := false
	if d.dp >= 0 && d.dp < len(d.d) {
		c := d.d[d.dp]
		up = c > 5 || c == 5 && (d.dp+1 < len(d.d) || d.trunc || n%2 == 1)
	} else if d.dp < 0 {
		// Below 1/10: rounds to zero.
		up = false
	}
	if up {
		n++
	}
	return n
}

// readExponent parses the [+-]digits of an exponent starting at s[i]
// ('_' allowed between digits; underscoresOK checks where): its value
// (its magnitude capped, far beyond any float's range), where it ends,
// whether it had separators, and whether there were digits.
func readExponent(s string, i int) (e, next int, separators, ok bool) {
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	if i >= len(s) || s[i] < '0' || s[i] > '9' {
		return 0, i, false, false
	}
	for ; i < len(s) && ('0' <= s[i] && s[i] <= '9' || s[i] == '_'); i++ {
		if s[i] == '_' {
			separators = true
			continue
		}
		if e < 100000 {
			e = e*10 + int(s[i]-'0')
		}
	}
	if neg {
		e = -e
	}
	return e, i, separators, true
}

// readHex parses [+-]0x hexdigits[.hexdigits]p[+-]digits ('_' separating
// digits as Go allows): the value is mant × 2**exp, with the bits beyond
// mant's first 60 significant ones only noted in sticky (for rounding
// exact halves).
func readHex(s string) (mant uint64, exp int, neg, sticky, ok bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	if i+2 > len(s) || s[i] != '0' || lower(s[i+1]) != 'x' {
		return
	}
	i += 2
	sawDot, sawDigits, separators := false, false, false
	for ; i < len(s); i++ {
		c := s[i]
		var v uint64
		switch {
		case c == '_':
			separators = true
			continue
		case c == '.':
			if sawDot {
				return
			}
			sawDot = true
			continue
		case '0' <= c && c <= '9':
			v = uint64(c - '0')
		case 'a' <= lower(c) && lower(c) <= 'f':
			v = uint64(lower(c) - 'a' + 10)
		default:
			goto exponent
		}
		sawDigits = true
		if mant>>56 == 0 {
			mant = mant<<4 | v
			if sawDot {
				exp -= 4
			}
		} else {
			sticky = sticky || v != 0
			if !sawDot {
				exp += 4
			}
		}
	}
exponent:
	// The exponent (a power of two) is required.
	if !sawDigits || i >= len(s) || lower(s[i]) != 'p' {
		return
	}
	e, next, sep, ok := readExponent(s, i+1)
	if !ok || next != len(s) || (separators || sep) && !underscoresOK(s) {
		return 0, 0, false, false, false
	}
	return mant, exp + e, neg, sticky, true
}

// hexToFloat rounds mant × 2**exp (sticky: non-zero bits below mant) to
// the nearest value of the format (ties to even): the bits, and whether
// it overflowed. A value too small for the format rounds to zero, as Go's
// does, without an error.
func hexToFloat(mant uint64, exp int, sticky bool, info *floatInfo) (bits uint64, overflow bool) {
	maxExp := 1<<info.expbits - 1
	if mant == 0 {
		return 0, false
	}
	n := 0
	for m := mant; m != 0; m >>= 1 {
		n++
	}
	// The leading bit is worth 2**e; keep mantbits+1 bits, fewer for a
	// subnormal.
	e := exp + n - 1
	shift := n - int(info.mantbits+1)
	if e < info.bias+1 {
		shift += info.bias + 1 - e
		e = info.bias + 1
	}
	switch {
	case shift > 63:
		mant = 0
	case shift > 0:
		rem := mant & (uint64(1)<<uint(shift) - 1)
		half := uint64(1) << uint(shift-1)
		mant >>= uint(shift)
		if rem > half || rem == half && (sticky || mant&1 == 1) {
			mant++
		}
	case shift < 0:
		mant <<= uint(-shift)
	}
	if mant == uint64(2)<<info.mantbits {
		mant >>= 1
		e++
	}
	if e-info.bias >= maxExp {
		return uint64(maxExp) << info.mantbits, true
	}
	if mant&(uint64(1)<<info.mantbits) == 0 {
		e = info.bias // subnormal (or zero) encoding
	}
	return mant&(uint64(1)<<info.mantbits-1) | uint64(e-info.bias)&uint64(maxExp)<<info.mantbits, false
}

// ParseFloat converts s to the nearest float of bitSize 32 or 64 (ties
// to even), as a float64. It accepts decimal numbers with an optional
// sign, fraction and exponent, hexadecimal ones (0x1.8p-2), and "inf",
// "infinity", "nan" in any case; out of range values give ±Inf and
// ErrRange.
func ParseFloat(s string, bitSize int) (float64, error) {
	const fn = "ParseFloat"
	if f, n, ok := special(s); ok && n == len(s) {
		return f, nil
	}
	info := &float64info
	if bitSize == 32 {
		info = &float32info
	}
	var bits uint64
	var overflow, neg bool
	if mant, exp, hneg, sticky, ok := readHex(s); ok {
		neg = hneg
		bits, overflow = hexToFloat(mant, exp, sticky, info)
	} else {
		var d decimal
		var ok bool
		neg, ok = readDecimal(s, &d)
		if !ok {
			return 0, syntaxError(fn, s)
		}
		bits, overflow = toFloat(&d, info)
	}
	if neg {
		bits |= uint64(1) << (info.mantbits + info.expbits)
	}
	var f float64
	if bitSize == 32 {
		f = float64(math.Float32frombits(uint32(bits)))
	} else {
		f = math.Float64frombits(bits)
	}
	if overflow {
		return f, rangeError(fn, s)
	}
	return f, nil
}
