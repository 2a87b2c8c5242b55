// Package unicode: every class and case mapping for U+0000..U+017F (ASCII,
// Latin-1, Latin Extended-A), then samples from Greek, Cyrillic, the
// three-case digraphs, Unicode spaces, digits of other scripts, CJK and
// punctuation; SimpleFold orbits.
package main

import (
	"os"
	"unicode"
)

func classes(r rune) string {
	b := []byte("------")
	if unicode.IsLetter(r) {
		b[0] = 'L'
	}
	if unicode.IsUpper(r) {
		b[1] = 'U'
	}
	if unicode.IsLower(r) {
		b[2] = 'l'
	}
	if unicode.IsDigit(r) {
		b[3] = 'D'
	}
	if unicode.IsSpace(r) {
		b[4] = 'S'
	}
	if unicode.IsPunct(r) {
		b[5] = 'P'
	}
	return string(b)
}

func show(r rune) {
	println(r, classes(r), unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r), unicode.IsNumber(r))
}

func main() {
	for r := rune(0); r < 0x180; r++ {
		show(r)
	}
	for _, r := range []rune{0x391, 0x3A3, 0x3B1, 0x3C2, 0x3C3, 0x3C9, 0x401, 0x410, 0x42F, 0x430, 0x44F, 0x451,
		0x1C4, 0x1C5, 0x1C6, 0x1C7, 0x1CA, 0x1CC, 0x1F1, 0x1F2, 0x1F3,
		0x1680, 0x2000, 0x200A, 0x200B, 0x2028, 0x202F, 0x205F, 0x3000, 0xFEFF,
		0x660, 0x6F5, 0x966, 0xFF10, 0xFF19, 0x4E2D, 0x3042, 0x30AB, 0xAC00,
		0x2010, 0x2014, 0x2026, 0x3001, 0x300C, 0xFF01, 0x20AC, 0x2122, -1, unicode.MaxRune, 0x110000} {
		show(r)
	}
	for _, r := range []rune{'A', 'a', 'K', 'k', 0x212A, 'S', 's', 0x17F, 0xB5, 0x39C, 0x3BC, 0x3A3, 0x3C2, 0x3C3, '1', 0x1C4, 0x1C5, 0x1C6, 0xFF, 0x178, 0xDF} {
		print(r, ":")
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			print(" ", f)
		}
		println()
	}
	os.Stdout.WriteString(string(unicode.ReplacementChar) + "\n")
	println(unicode.MaxASCII, unicode.MaxLatin1)
}
