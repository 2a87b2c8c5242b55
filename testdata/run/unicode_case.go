// Package unicode's case mappings over the whole code space: ToUpper,
// ToLower, ToTitle, To and SimpleFold for every rune, folded into a digest
// of the runes each one changes; the SimpleFold orbits closed; the
// TurkishCase special mappings; strings' and bytes' mapping functions and
// EqualFold on samples and on every orbit.
package main

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
)

type digest struct {
	n int
	h uint64
}

func (d *digest) add(r, m rune) {
	if m == r {
		return
	}
	d.n++
	d.h = (d.h ^ uint64(uint32(r))) * 0x100000001b3
	d.h = (d.h ^ uint64(uint32(m))) * 0x100000001b3
}

func main() {
	var up, lo, ti, fold, to0, to1, to2, bad digest
	orbits, longest, eqf := 0, 0, 0
	for r := rune(-2); r <= unicode.MaxRune+2; r++ {
		up.add(r, unicode.ToUpper(r))
		lo.add(r, unicode.ToLower(r))
		ti.add(r, unicode.ToTitle(r))
		f := unicode.SimpleFold(r)
		fold.add(r, f)
		to0.add(r, unicode.To(unicode.UpperCase, r))
		to1.add(r, unicode.To(unicode.LowerCase, r))
		to2.add(r, unicode.To(unicode.TitleCase, r))
		bad.add(r, unicode.To(unicode.MaxCase, r))
		if f != r && r >= 0 && r <= unicode.MaxRune {
			// Walk the orbit back to r.
			n := 1
			for g := f; g != r && n < 10; g = unicode.SimpleFold(g) {
				n++
			}
			if n > longest {
				longest = n
			}
			if f > r {
				orbits++
			}
			if (r < 0xD800 || r > 0xDFFF) && strings.EqualFold(string(r), string(f)) {
				eqf++
			}
		}
	}
	fmt.Println("ToUpper", up.n, up.h)
	fmt.Println("ToLower", lo.n, lo.h)
	fmt.Println("ToTitle", ti.n, ti.h)
	fmt.Println("SimpleFold", fold.n, fold.h, "ascending steps", orbits, "longest orbit", longest, "EqualFold", eqf)
	fmt.Println("To", to0.n, to0.h, to1.n, to1.h, to2.n, to2.h, "bad case", bad.n, bad.h)

	var tu, tl, tt digest
	for r := rune(0); r < 0x400; r++ {
		tu.add(r, unicode.TurkishCase.ToUpper(r))
		tl.add(r, unicode.TurkishCase.ToLower(r))
		tt.add(r, unicode.AzeriCase.ToTitle(r))
	}
	fmt.Println("TurkishCase", tu.n, tu.h, tl.n, tl.h, tt.n, tt.h, len(unicode.TurkishCase))

	var cr digest
	for _, c := range unicode.CaseRanges {
		for r := rune(c.Lo); r <= rune(c.Hi); r++ {
			cr.add(r, unicode.ToLower(r)+unicode.ToUpper(r)+unicode.ToTitle(r))
		}
	}
	fmt.Println("CaseRanges cover", cr.n, cr.h)

	for _, s := range []string{"hello, world", "Straße", "ǆemal ǉubljana", "ΣΊΣΥΦΟΣ ὀδυσσεύς", "ﬁnance",
		"Ǳ ǲ ǳ", "ɐɑɒ Ɐ", "Ꭰꭰ", "𐐨𐐀", "𞤢𞤀", "ǅungla_ab-cd e'f 9g", "ǈ ǋ", "ιΙͅ", "İı iI", "ꞵꞴ ᲀᲁ"} {
		fmt.Printf("%q %q %q %q %q\n", s, strings.ToUpper(s), strings.ToLower(s), strings.ToTitle(s), strings.Title(s))
		fmt.Printf("  %q %q %q\n", strings.ToUpperSpecial(unicode.TurkishCase, s), strings.ToLowerSpecial(unicode.TurkishCase, s), bytes.Title([]byte(s)))
	}
	pairs := [][2]string{{"Straße", "STRASSE"}, {"K", "\u212a"}, {"ſ", "S"}, {"σς", "ΣΣ"}, {"ǅ", "ǆ"},
		{"µ", "Μ"}, {"ẞ", "ß"}, {"ΐ", "ΐ"}, {"𐐨", "𐐀"}, {"a", "A"}, {"a", "b"}, {"Go", "GO"}, {"θ", "ϑ"}}
	for _, p := range pairs {
		fmt.Println(p[0], p[1], strings.EqualFold(p[0], p[1]), bytes.EqualFold([]byte(p[0]), []byte(p[1])))
	}
}
