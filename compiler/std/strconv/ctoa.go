// Complex to text: FormatComplex. goc's implementation, written from the
// package documentation: "(" then the real part, then the imaginary part
// with its sign always written, then "i)"; each part is formatted by
// AppendFloat with the given format and precision, as a float32 for a
// complex64 (bitSize 64) and a float64 for a complex128 (bitSize 128).

package strconv

// FormatComplex converts c to the form (a+bi), a and b formatted as by
// FormatFloat with format fmt and precision prec; bitSize is 64 for a
// complex64 value and 128 for a complex128 one.
func FormatComplex(c complex128, fmt byte, prec, bitSize int) string {
	return string(appendComplex(make([]byte, 0, 64), c, fmt, prec, bitSize))
}

// appendComplex appends FormatComplex(c, fmt, prec, bitSize) to dst.
func appendComplex(dst []byte, c complex128, fmt byte, prec, bitSize int) []byte {
	if bitSize != 64 && bitSize != 128 {
		panic("invalid bitSize") // Go's wording
	}
	partSize := bitSize / 2
	dst = append(dst, '(')
	dst = AppendFloat(dst, real(c), fmt, prec, partSize)
	start := len(dst)
	dst = AppendFloat(dst, imag(c), fmt, prec, partSize)
	// NaN, a non-negative number and an unknown format come without a
	// sign: insert a '+' before them.
	if first := dst[start]; first != '+' && first != '-' {
		dst = append(dst, 0)
		copy(dst[start+1:], dst[start:])
		dst[start] = '+'
	}
	return append(dst, 'i', ')')
}
