// Package unicode/utf8: decoding (first and last rune) of valid text,
// empty input, every kind of invalid sequence (stray continuation, bad
// lead, truncated, overlong, surrogate, above U+10FFFF), encoding with
// RuneLen, EncodeRune, AppendRune (invalid runes become U+FFFD), counting,
// validity, FullRune and the constants.
package main

import "unicode/utf8"

var samples = []string{
	"", "a", "é", "€", "𝄞", "a€𝄞z",
	"\x80", "\xc0\x80", "\xc1\xbf", "\xc3", "\xe2\x82", "\xf0\x9d\x84",
	"\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff",
	"ab\xe2\x82", "\xe2\x82\xac\x80", "x\xf0\x9d\x84\x9e", "\xe0\x9f\xbf",
	"\xef\xbf\xbd",
}

func show(s string) {
	r, n := utf8.DecodeRuneInString(s)
	lr, ln := utf8.DecodeLastRuneInString(s)
	b := []byte(s)
	br, bn := utf8.DecodeRune(b)
	blr, bln := utf8.DecodeLastRune(b)
	println(len(s), r, n, lr, ln, br == r && bn == n, blr == lr && bln == ln,
		utf8.RuneCountInString(s), utf8.RuneCount(b),
		utf8.ValidString(s), utf8.Valid(b),
		utf8.FullRuneInString(s), utf8.FullRune(b))
}

func main() {
	println(utf8.RuneError, utf8.RuneSelf, utf8.MaxRune, utf8.UTFMax)
	for _, s := range samples {
		show(s)
	}
	runes := []rune{0, 'a', 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff, 0x110000, -1}
	var out []byte
	for _, r := range runes {
		var buf [4]byte
		n := utf8.EncodeRune(buf[:], r)
		println(r, utf8.RuneLen(r), utf8.ValidRune(r), n, buf[0], buf[1], buf[2], buf[3])
		out = utf8.AppendRune(out, r)
	}
	println(len(out), utf8.RuneCount(out), utf8.Valid(out), string(out[len(out)-6:]))
	println(utf8.RuneStart('a'), utf8.RuneStart(0x80), utf8.RuneStart(0xc3))
	println(utf8.FullRune([]byte{0xe2}), utf8.FullRune([]byte{0xe2, 0x28}), utf8.FullRuneInString("\xf0\x9d\x84"))
	var small [2]byte
	utf8.EncodeRune(small[:], '€')
}
