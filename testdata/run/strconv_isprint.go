// strconv's view of the code space: IsPrint and IsGraphic for every rune
// U+0000..U+10FFFF, and Quote, QuoteToASCII, QuoteToGraphic of every rune
// (in strings of 64 runes) and QuoteRune/QuoteRuneToASCII/
// QuoteRuneToGraphic of many, folded into digests; fmt's %q and %+q on
// samples.
package main

import (
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"
)

type digest struct {
	n int
	h uint64
}

func (d *digest) bytes(s string) {
	d.n += len(s)
	for i := 0; i < len(s); i++ {
		d.h = (d.h ^ uint64(s[i])) * 0x100000001b3
	}
}

func main() {
	var pr, gr digest
	np, ng := 0, 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if strconv.IsPrint(r) {
			np++
			pr.h = (pr.h ^ uint64(r)) * 0x100000001b3
		}
		if strconv.IsGraphic(r) {
			ng++
			gr.h = (gr.h ^ uint64(r)) * 0x100000001b3
		}
	}
	fmt.Println("IsPrint", np, pr.h, "IsGraphic", ng, gr.h, strconv.IsPrint(-1), strconv.IsPrint(0x110000))

	var q, qa, qg, qr, qra, qrg digest
	buf := make([]byte, 0, 256)
	for r := rune(0); r <= unicode.MaxRune; r += 64 {
		buf = buf[:0]
		for k := r; k < r+64; k++ {
			buf = utf8.AppendRune(buf, k)
		}
		s := string(buf)
		q.bytes(strconv.Quote(s))
		qa.bytes(strconv.QuoteToASCII(s))
		qg.bytes(strconv.QuoteToGraphic(s))
	}
	for r := rune(-3); r <= unicode.MaxRune+3; r += 5 {
		qr.bytes(strconv.QuoteRune(r))
		qra.bytes(strconv.QuoteRuneToASCII(r))
		qrg.bytes(strconv.QuoteRuneToGraphic(r))
	}
	fmt.Println("Quote", q.n, q.h)
	fmt.Println("QuoteToASCII", qa.n, qa.h)
	fmt.Println("QuoteToGraphic", qg.n, qg.h)
	fmt.Println("QuoteRune", qr.n, qr.h, qra.n, qra.h, qrg.n, qrg.h)

	s := "a\u00a0b\u2002c\u3000d\u200be\u00adf\U0001F600g\u0378h\ufeffi\U000E0001j\xffk\u2028l\u0300m\u061cn\U0010FFFF"
	fmt.Println(strconv.Quote(s))
	fmt.Println(strconv.QuoteToASCII(s))
	fmt.Println(strconv.QuoteToGraphic(s))
	fmt.Println(string(strconv.AppendQuoteToGraphic([]byte("x="), "\u2000\t")), string(strconv.AppendQuoteRuneToGraphic(nil, 0x3000)))
	fmt.Printf("%q\n%+q\n%#q\n%q %+q %#U\n", s, s, "\u3000`", 'ℵ', 'ℵ', 0x1F600)
	fmt.Printf("%x %X\n", "\u0378", 0x0378)
}
