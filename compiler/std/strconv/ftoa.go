// Float to text: FormatFloat and AppendFloat, bit-exact with Go. The
// decimal digits (shortest round-tripping, or rounded exactly to a
// number of digits, ties to even) come from the runtime
// (runtime_floatDigits, runtime/src/ftoa.rs); this file lays them out in
// each format. Written from the package documentation.

package strconv

import "math"

// runtime_floatDigits writes the digits of |v| to buf and returns how many
// (trailing zeros removed; 0 for zero) and the decimal point's position
// (digits d1 d2 ... mean 0.d1d2... * 10^dp). mode 0: shortest (is32: for
// a float32); 1: prec significant digits; 2: prec digits after the point.
// n is -1 when buf is too small.
func runtime_floatDigits(buf []byte, v float64, is32 bool, mode int, prec int) (n int, dp int)

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

// decimalDigits is a digit string with its decimal point position.
type decimalDigits struct {
	d  []byte
	dp int
}

func floatDigits(v float64, is32 bool, mode, prec int) decimalDigits {
	size := 40
	switch mode {
	case 1:
		size = prec + 40
	case 2:
		size = prec + 400
	}
	buf := make([]byte, size)
	n, dp := runtime_floatDigits(buf, v, is32, mode, prec)
	return decimalDigits{buf[:n], dp}
}

// FormatFloat converts f to a string in format fmt ('b', 'e', 'E', 'f',
// 'g', 'G', 'x', 'X') with precision prec (-1: the fewest digits that read
// back as f), rounding f to a float32 first when bitSize is 32.
func FormatFloat(f float64, fmt byte, prec, bitSize int) string {
	if bitSize != 32 && bitSize != 64 {
		panic("strconv: illegal FormatFloat bitSize")
	}
	return string(AppendFloat(make([]byte, 0, max(prec+4, 24)), f, fmt, prec, bitSize))
}

// AppendFloat appends FormatFloat(f, fmt, prec, bitSize) to dst.
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	var bits uint64
	var info floatInfo
	switch bitSize {
	case 32:
		bits = uint64(math.Float32bits(float32(f)))
		info = float32info
		f = float64(float32(f))
	case 64:
		bits = math.Float64bits(f)
		info = float64info
	default:
		panic("strconv: illegal AppendFloat bitSize")
	}
	expBits, mantBits, bias := int(info.expbits), int(info.mantbits), info.bias
	neg := bits>>(expBits+mantBits) != 0
	exp := int(bits>>mantBits) & (1<<expBits - 1)
	mant := bits & (1<<mantBits - 1)
	if exp == 1<<expBits-1 {
		switch {
		case mant != 0:
			return append(dst, "NaN"...)
		case neg:
			return append(dst, "-Inf"...)
		}
		return append(dst, "+Inf"...)
	}
	if exp == 0 {
		exp++
	} else {
		mant |= 1 << mantBits
	}
	exp += bias
	switch fmt {
	case 'b':
		return fmtB(dst, neg, mant, exp-mantBits)
	case 'x', 'X':
		return fmtX(dst, prec, fmt, neg, mant, exp, mantBits)
	case 'e', 'E', 'f', 'g', 'G':
	default:
		return append(dst, '%', fmt)
	}

	shortest := prec < 0
	var digs decimalDigits
	if shortest {
		digs = floatDigits(f, bitSize == 32, 0, 0)
		switch fmt {
		case 'e', 'E':
			prec = max(len(digs.d)-1, 0)
		case 'f':
			prec = max(len(digs.d)-digs.dp, 0)
		default:
			prec = len(digs.d)
		}
	} else {
		switch fmt {
		case 'e', 'E':
			digs = floatDigits(f, false, 1, prec+1)
		case 'f':
			digs = floatDigits(f, false, 2, prec)
		default:
			if prec == 0 {
				prec = 1
			}
			digs = floatDigits(f, false, 1, prec)
		}
	}

	switch fmt {
	case 'e', 'E':
		return fmtE(dst, neg, digs, prec, fmt)
	case 'f':
		return fmtF(dst, neg, digs, prec)
	}
	// 'g', 'G': %e when the exponent is below -4 or at least the
	// precision (6 for shortest; the digit count when that is smaller and
	// the value has no fraction digits beyond it).
	eprec := prec
	if eprec > len(digs.d) && len(digs.d) >= digs.dp {
		eprec = len(digs.d)
	}
	if shortest {
		eprec = 6
	}
	x := digs.dp - 1
	if x < -4 || x >= eprec {
		if prec > len(digs.d) {
			prec = len(digs.d)
		}
		return fmtE(dst, neg, digs, prec-1, fmt+'e'-'g')
	}
	if prec > digs.dp {
		prec = len(digs.d)
	}
	return fmtF(dst, neg, digs, max(prec-digs.dp, 0))
}

// fmtE: -d.ddddde±dd with prec digits after the point.
func fmtE(dst []byte, neg bool, digs decimalDigits, prec int, fmt byte) []byte {
	if neg {
		dst = append(dst, '-')
	}
	first := byte('0')
	if len(digs.d) > 0 {
		first = digs.d[0]
	}
	dst = append(dst, first)
	if prec > 0 {
		dst = append(dst, '.')
		i := 1
		for ; i < len(digs.d) && i <= prec; i++ {
			dst = append(dst, digs.d[i])
		}
		for ; i <= prec; i++ {
			dst = append(dst, '0')
		}
	}
	dst = append(dst, fmt)
	x := digs.dp - 1
	if len(digs.d) == 0 {
		x = 0
	}
	if x < 0 {
		dst = append(dst, '-')
		x = -x
	} else {
		dst = append(dst, '+')
	}
	if x < 10 {
		return append(dst, '0', byte(x)+'0')
	}
	if x < 100 {
		return append(dst, byte(x/10)+'0', byte(x%10)+'0')
	}
	return append(dst, byte(x/100)+'0', byte(x/10%10)+'0', byte(x%10)+'0')
}

// fmtF: -ddd.ddd with prec digits after the point.
func fmtF(dst []byte, neg bool, digs decimalDigits, prec int) []byte {
	if neg {
		dst = append(dst, '-')
	}
	if digs.dp > 0 {
		n := min(len(digs.d), digs.dp)
		dst = append(dst, digs.d[:n]...)
		for ; n < digs.dp; n++ {
			dst = append(dst, '0')
		}
	} else {
		dst = append(dst, '0')
	}
	if prec > 0 {
		dst = append(dst, '.')
		for i := 1; i <= prec; i++ {
			c := byte('0')
			if j := digs.dp + i - 1; j >= 0 && j < len(digs.d) {
				c = digs.d[j]
			}
			dst = append(dst, c)
		}
	}
	return dst
}

// fmtB: -ddddp±ddd, the integer mantissa and binary exponent.
func fmtB(dst []byte, neg bool, mant uint64, exp int) []byte {
	if neg {
		dst = append(dst, '-')
	}
	dst = AppendUint(dst, mant, 10)
	dst = append(dst, 'p')
	if exp >= 0 {
		dst = append(dst, '+')
	}
	return AppendInt(dst, int64(exp), 10)
}

// fmtX: -0x1.hhhhp±dd, a hexadecimal fraction (normalised so the leading
// digit is 1, or 0 for zero) and a binary exponent; prec hex digits after
// the point, rounded to nearest even, or as many as needed when prec < 0.
func fmtX(dst []byte, prec int, fmt byte, neg bool, mant uint64, exp, mantBits int) []byte {
	if mant == 0 {
		exp = 0
	}
	// The leading 1 at bit 60, four bits per hex digit below it.
	mant <<= 60 - mantBits
	for mant != 0 && mant&(1<<60) == 0 {
		mant <<= 1
		exp--
	}
	if prec >= 0 && prec < 15 {
		keep := uint(60 - prec*4)
		rest := mant & (1<<keep - 1)
		mant >>= keep
		half := uint64(1) << (keep - 1)
		if rest > half || rest == half && mant&1 == 1 {
			mant++
		}
		mant <<= keep
		if mant&(1<<61) != 0 {
			mant >>= 1
			exp++
		}
	}
	digits := "0123456789abcdef"
	p := byte('p')
	if fmt == 'X' {
		digits = "0123456789ABCDEF"
		p = 'P'
	}
	if neg {
		dst = append(dst, '-')
	}
	dst = append(dst, '0', fmt, '0'+byte(mant>>60&1))
	mant <<= 4
	if prec < 0 && mant != 0 {
		dst = append(dst, '.')
		for mant != 0 {
			dst = append(dst, digits[mant>>60&15])
			mant <<= 4
		}
	} else if prec > 0 {
		dst = append(dst, '.')
		for i := 0; i < prec; i++ {
			dst = append(dst, digits[mant>>60&15])
			mant <<= 4
		}
	}
	dst = append(dst, p)
	if exp < 0 {
		dst = append(dst, '-')
		exp = -exp
	} else {
		dst = append(dst, '+')
	}
	if exp < 10 {
		dst = append(dst, '0')
	}
	return AppendInt(dst, int64(exp), 10)
}
