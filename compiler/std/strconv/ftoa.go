package strconv

import "math"

// floatInfo describes an IEEE binary format.
type floatInfo struct {
	mantbits uint
	expbits  uint
	bias     int
}

var (
	float32info = floatInfo{23, 8, -127}
	float64info = floatInfo{52, 11, -1023}
)

// FormatFloat formats f (of bitSize 32 or 64) as 'e' (d.ddde±dd), 'E',
// 'f' (ddd.ddd), 'g' ('e' for large or small exponents, else 'f') or 'G',
// with prec digits (after the point for 'e' and 'f', significant for 'g');
// prec -1 gives the fewest digits that read back as f exactly.
func FormatFloat(f float64, fmt byte, prec, bitSize int) string {
	return string(AppendFloat(nil, f, fmt, prec, bitSize))
}

// AppendFloat appends FormatFloat(f, fmt, prec, bitSize) to dst.
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	var bits uint64
	var info floatInfo
	switch bitSize {
	case 32:
		bits = uint64(math.Float32bits(float32(f)))
		info = float32info
	case 64:
		bits = math.Float64bits(f)
		info = float64info
	default:
		panic("strconv: illegal AppendFloat/FormatFloat bitSize")
	}
	neg := bits>>(info.expbits+info.mantbits) != 0
	exp := int(bits>>info.mantbits) & (1<<info.expbits - 1)
	mant := bits & (uint64(1)<<info.mantbits - 1)
	switch exp {
	case 1<<info.expbits - 1:
		switch {
		case mant != 0:
			return append(dst, "NaN"...)
		case neg:
			return append(dst, "-Inf"...)
		}
		return append(dst, "+Inf"...)
	case 0:
		exp++ // subnormal
	default:
		mant |= uint64(1) << info.mantbits
	}
	exp += info.bias
	var d decimal
	d.assign(mant)
	d.shift(exp - int(info.mantbits))
	shortest := prec < 0
	if shortest {
		shortestDigits(&d, mant, exp, &info)
		switch fmt {
		case 'e', 'E':
			prec = max(d.nd()-1, 0)
		case 'f':
			prec = max(d.nd()-d.dp, 0)
		case 'g', 'G':
			prec = d.nd()
		}
	} else {
		switch fmt {
		case 'e', 'E':
			d.roundAt(prec + 1)
		case 'f':
			d.roundAt(d.dp + prec)
		case 'g', 'G':
			if prec == 0 {
				prec = 1
			}
			d.roundAt(prec)
		}
	}
	if neg {
		dst = append(dst, '-')
	}
	switch fmt {
	case 'e', 'E':
		return fmtE(dst, &d, prec, fmt)
	case 'f':
		return fmtF(dst, &d, prec)
	case 'g', 'G':
		eprec := prec
		if eprec > d.nd() && d.nd() >= d.dp {
			eprec = d.nd()
		}
		if shortest {
			eprec = 6
		}
		x := d.dp - 1
		if x < -4 || x >= eprec {
			if prec > d.nd() {
				prec = d.nd()
			}
			return fmtE(dst, &d, prec-1, fmt+'e'-'g')
		}
		if prec > d.dp {
			prec = d.nd()
		}
		return fmtF(dst, &d, max(prec-d.dp, 0))
	}
	return append(dst, '%', fmt)
}

// shortestDigits rounds d (the exact value of mant × 2**(exp-mantbits)) to
// the fewest digits that still lie strictly between the midpoints to the
// neighbouring floats (or on them, when round-half-even would read them
// back as this float).
func shortestDigits(d *decimal, mant uint64, exp int, info *floatInfo) {
	if mant == 0 {
		d.d = d.d[:0]
		d.dp = 0
		return
	}
	var upper, lower decimal
	upper.assign(mant*2 + 1)
	upper.shift(exp - int(info.mantbits) - 1)
	minexp := info.bias + 1
	if mant > uint64(1)<<info.mantbits || exp == minexp {
		lower.assign(mant*2 - 1)
		lower.shift(exp - int(info.mantbits) - 1)
	} else {
		// The float below has the next smaller exponent: it is closer.
		lower.assign(mant*4 - 1)
		lower.shift(exp - int(info.mantbits) - 2)
	}
	inclusive := mant%2 == 0
	top := upper.dp
	for k := 0; ; k++ {
		l := lower.digitAt(top, k)
		m := d.digitAt(top, k)
		u := upper.digitAt(top, k)
		lowerDone := k+1-(top-lower.dp) >= lower.nd()
		okDown := l != m || inclusive && lowerDone
		okUp := m != u && (inclusive || m+1 < u || k+1-(top-upper.dp) < upper.nd())
		n := k + 1 - (top - d.dp)
		switch {
		case okDown && okUp:
			d.roundAt(n)
			return
		case okDown:
			d.roundDownAt(n)
			return
		case okUp:
			d.roundUpAt(n)
			return
		}
	}
}

func appendExpDigits(dst []byte, x int) []byte {
	if x < 10 {
		return append(dst, '0', byte('0'+x))
	}
	if x < 100 {
		return append(dst, byte('0'+x/10), byte('0'+x%10))
	}
	return append(dst, byte('0'+x/100), byte('0'+x/10%10), byte('0'+x%10))
}

// fmtE writes d as d.ddd(prec digits)e±dd.
func fmtE(dst []byte, d *decimal, prec int, fmt byte) []byte {
	first := byte(0)
	if d.nd() > 0 {
		first = d.d[0]
	}
	dst = append(dst, '0'+first)
	if prec > 0 {
		dst = append(dst, '.')
		for i := 1; i <= prec; i++ {
			c := byte(0)
			if i < d.nd() {
				c = d.d[i]
			}
			dst = append(dst, '0'+c)
		}
	}
	dst = append(dst, fmt)
	x := d.dp - 1
	if d.nd() == 0 {
		x = 0
	}
	if x < 0 {
		dst = append(dst, '-')
		x = -x
	} else {
		dst = append(dst, '+')
	}
	return appendExpDigits(dst, x)
}

// fmtF writes d as ddd.ddd with prec digits after the point.
func fmtF(dst []byte, d *decimal, prec int) []byte {
	if d.dp > 0 {
		for i := 0; i < d.dp; i++ {
			c := byte(0)
			if i < d.nd() {
				c = d.d[i]
			}
			dst = append(dst, '0'+c)
		}
	} else {
		dst = append(dst, '0')
	}
	if prec > 0 {
		dst = append(dst, '.')
		for i := 0; i < prec; i++ {
			dst = append(dst, '0'+d.digitAt(d.dp, d.dp+i))
		}
	}
	return dst
}
