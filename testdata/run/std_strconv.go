// Package strconv: ParseInt/ParseUint in every base form (prefixes,
// underscores, signs), bit sizes with their limits and range errors,
// syntax, base and bit-size errors with Go's NumError texts, Atoi,
// ParseBool, FormatInt/FormatUint/Itoa in several bases, the Append
// functions, Quote/QuoteToASCII/QuoteRune with escapes and invalid UTF-8,
// errors.Is on NumError; ends with FormatInt's panic for base 1.
package main

import (
	"errors"
	"strconv"
)

func pi(s string, base, bits int) {
	v, err := strconv.ParseInt(s, base, bits)
	if err != nil {
		println(v, err.Error(), errors.Is(err, strconv.ErrRange), errors.Is(err, strconv.ErrSyntax))
		return
	}
	println(v)
}

func pu(s string, base, bits int) {
	v, err := strconv.ParseUint(s, base, bits)
	if err != nil {
		println(v, err.Error())
		return
	}
	println(v)
}

func main() {
	for _, s := range []string{"0", "-0", "+42", "-42", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
		"-9223372036854775809", "99999999999999999999999", "", "-", "+", "12a", " 1", "1_000", "0x1F", "1e3"} {
		pi(s, 10, 64)
	}
	for _, s := range []string{"0x1F", "0X1f", "0b101", "0o17", "017", "0", "0x", "0b", "08", "1_000", "0x_1F", "_1", "1__0", "1_", "-0x80", "0b1_0_1", "0_7"} {
		pi(s, 0, 64)
	}
	pi("127", 10, 8)
	pi("128", 10, 8)
	pi("-128", 10, 8)
	pi("-129", 10, 8)
	pi("32767", 10, 16)
	pi("40000", 10, 16)
	pi("2147483648", 10, 32)
	pi("zz", 36, 64)
	pi("ZZ", 36, 64)
	pi("101", 2, 64)
	pi("2", 2, 64)
	pi("1", 1, 64)
	pi("1", 37, 64)
	pi("1", 10, 65)
	pi("1", 10, -1)
	pu("18446744073709551615", 10, 64)
	pu("18446744073709551616", 10, 64)
	pu("255", 10, 8)
	pu("256", 10, 8)
	pu("-1", 10, 64)
	pu("+1", 10, 64)
	pu("ff", 16, 0)
	pu("0xff", 0, 0)
	for _, s := range []string{"123", "-7", "abc", "", "99999999999999999999"} {
		n, err := strconv.Atoi(s)
		if err != nil {
			ne := err.(*strconv.NumError)
			println(n, err.Error(), ne.Func, ne.Num, ne.Err == strconv.ErrSyntax)
		} else {
			println(n)
		}
	}
	for _, s := range []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False", "yes", "tRUE", ""} {
		b, err := strconv.ParseBool(s)
		if err != nil {
			println(b, err.Error())
		} else {
			println(b)
		}
	}
	println(strconv.Itoa(0), strconv.Itoa(-123), strconv.Itoa(9223372036854775807), strconv.Itoa(-9223372036854775808))
	println(strconv.FormatInt(-255, 16), strconv.FormatInt(255, 2), strconv.FormatInt(35, 36), strconv.FormatInt(-9223372036854775808, 2))
	println(strconv.FormatUint(18446744073709551615, 10), strconv.FormatUint(18446744073709551615, 16), strconv.FormatUint(0, 7))
	println(strconv.FormatBool(true), strconv.FormatBool(false), strconv.IntSize)
	b := []byte("x=")
	b = strconv.AppendInt(b, -42, 10)
	b = append(b, ' ')
	b = strconv.AppendUint(b, 42, 8)
	b = append(b, ' ')
	b = strconv.AppendBool(b, true)
	b = append(b, ' ')
	b = strconv.AppendQuote(b, "q\"")
	println(string(b))
	for _, s := range []string{"", "plain", "tab\there", "new\nline", "quote\"back\\slash", "bell\a\b\f\r\v", "\x00\x1f\x7f", "héllo €", "\u00a0\u00ad\u0080", "\u200b\ufeff", "bad\xffbyte\xc3", "emoji 😀", "日本語"} {
		println(strconv.Quote(s), strconv.QuoteToASCII(s))
	}
	for _, r := range []rune{'a', '\'', '"', '\n', 0, 'é', 0x7f, 0xFFFD, 0x10FFFF, -1, 0xD800, 0x1F600} {
		println(strconv.QuoteRune(r))
	}
	println(strconv.IsPrint('a'), strconv.IsPrint(' '), strconv.IsPrint('\t'), strconv.IsPrint(0xA0), strconv.IsPrint('é'))
	var ne *strconv.NumError
	_, err := strconv.Atoi("x")
	println(errors.As(err, &ne), ne.Func, errors.Unwrap(err) == strconv.ErrSyntax)
	strconv.FormatInt(1, 1)
}
