package strconv

const digits = "0123456789abcdefghijklmnopqrstuvwxyz"

// formatBits writes u (negated if neg) in base, right-aligned in buf, and
// returns where the text starts.
func formatBits(buf *[65]byte, u uint64, base int, neg bool) int {
	if base < 2 || base > len(digits) {
		panic("strconv: illegal AppendInt/FormatInt base")
	}
	i := len(buf)
	b := uint64(base)
	for u >= b {
		i--
		buf[i] = digits[u%b]
		u /= b
	}
	i--
	buf[i] = digits[u]
	if neg {
		i--
		buf[i] = '-'
	}
	return i
}

// FormatUint returns i in the given base (2 to 36), lower-case letters
// for digits above 9.
func FormatUint(i uint64, base int) string {
	var buf [65]byte
	return string(buf[formatBits(&buf, i, base, false):])
}

// FormatInt returns i in the given base (2 to 36).
func FormatInt(i int64, base int) string {
	var buf [65]byte
	u := uint64(i)
	if i < 0 {
		u = -u
	}
	return string(buf[formatBits(&buf, u, base, i < 0):])
}

// Itoa is FormatInt(int64(i), 10).
func Itoa(i int) string { return FormatInt(int64(i), 10) }

// AppendInt appends FormatInt(i, base) to dst.
func AppendInt(dst []byte, i int64, base int) []byte {
	return append(dst, FormatInt(i, base)...)
}

// AppendUint appends FormatUint(i, base) to dst.
func AppendUint(dst []byte, i uint64, base int) []byte {
	return append(dst, FormatUint(i, base)...)
}

// FormatBool returns "true" or "false".
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// AppendBool appends FormatBool(b) to dst.
func AppendBool(dst []byte, b bool) []byte { return append(dst, FormatBool(b)...) }
