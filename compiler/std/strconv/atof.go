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
		i++
		if i >= len(s) {
			return
		}
		esign := 1
		if s[i] == '+' || s[i] == '-' {
			if s[i] == '-' {
				esign = -1
			}
			i++
		}
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return
		}
		e := 0
		for ; i < len(s) && ('0' <= s[i] && s[i] <= '9' || s[i] == '_'); i++ {
			if s[i] == '_' {
				separators = true
				continue
			}
			if e < 10000 {
				e = e*10 + int(s[i]-'0')
			}
		}
		dp += e * esign
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

// ParseFloat converts s to the nearest float of bitSize 32 or 64 (ties
// to even), as a float64. It accepts decimal numbers with an optional
// sign, fraction and exponent, and "inf", "infinity", "nan" in any case;
// out of range values give ±Inf and ErrRange.
func ParseFloat(s string, bitSize int) (float64, error) {
	const fn = "ParseFloat"
	if f, n, ok := special(s); ok && n == len(s) {
		return f, nil
	}
	var d decimal
	neg, ok := readDecimal(s, &d)
	if !ok {
		return 0, syntaxError(fn, s)
	}
	info := &float64info
	if bitSize == 32 {
		info = &float32info
	}
	bits, overflow := toFloat(&d, info)
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
