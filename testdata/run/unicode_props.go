// Package unicode's classes over the whole code space: for every rune
// U+0000..U+10FFFF each Is* predicate, folded into a digest per predicate
// (how many runes, how many runs, a hash of the runs' bounds); every range
// table goc exports, expanded from its R16/R32 ranges into the same digest
// (so the ranges must be sorted and give the same set as Go's whatever the
// strides), Is on every 7th rune, In/IsOneOf; and some single runes.
package main

import (
	"fmt"
	"unicode"
)

// digest takes the members of a set in increasing order.
type digest struct {
	n, runs    int
	start, end rune // the current run, end exclusive
	h          uint64
	bad        bool
}

func (d *digest) add(r rune) {
	if d.n > 0 && r < d.end {
		d.bad = true
	}
	d.n++
	if d.runs > 0 && r == d.end {
		d.end++
		return
	}
	if d.runs > 0 {
		d.mix(d.start, d.end)
	}
	d.runs++
	d.start, d.end = r, r+1
}

func (d *digest) mix(a, b rune) {
	d.h = (d.h ^ uint64(a)) * 0x100000001b3
	d.h = (d.h ^ uint64(b)) * 0x100000001b3
}

func (d *digest) String() string {
	if d.runs > 0 {
		d.mix(d.start, d.end)
		d.runs = -d.runs
	}
	return fmt.Sprintf("n=%d runs=%d h=%016x bad=%v", d.n, -d.runs, d.h, d.bad)
}

var preds = []struct {
	name string
	f    func(rune) bool
}{
	{"IsLetter", unicode.IsLetter}, {"IsUpper", unicode.IsUpper}, {"IsLower", unicode.IsLower},
	{"IsTitle", unicode.IsTitle}, {"IsDigit", unicode.IsDigit}, {"IsNumber", unicode.IsNumber},
	{"IsPunct", unicode.IsPunct}, {"IsSpace", unicode.IsSpace}, {"IsSymbol", unicode.IsSymbol},
	{"IsMark", unicode.IsMark}, {"IsGraphic", unicode.IsGraphic}, {"IsPrint", unicode.IsPrint},
	{"IsControl", unicode.IsControl},
}

var tables = []struct {
	name string
	t    *unicode.RangeTable
}{
	{"Cc", unicode.Cc}, {"Cf", unicode.Cf}, {"Co", unicode.Co}, {"Cs", unicode.Cs},
	{"L", unicode.L}, {"Letter", unicode.Letter}, {"Ll", unicode.Ll}, {"Lower", unicode.Lower},
	{"Lt", unicode.Lt}, {"Title", unicode.Title}, {"Lu", unicode.Lu}, {"Upper", unicode.Upper},
	{"M", unicode.M}, {"Mark", unicode.Mark}, {"Me", unicode.Me},
	{"N", unicode.N}, {"Number", unicode.Number}, {"Nd", unicode.Nd}, {"Digit", unicode.Digit},
	{"Nl", unicode.Nl}, {"No", unicode.No},
	{"P", unicode.P}, {"Punct", unicode.Punct}, {"Pc", unicode.Pc}, {"Pd", unicode.Pd},
	{"Pe", unicode.Pe}, {"Pf", unicode.Pf}, {"Pi", unicode.Pi}, {"Ps", unicode.Ps},
	{"S", unicode.S}, {"Symbol", unicode.Symbol}, {"Sc", unicode.Sc}, {"Sk", unicode.Sk},
	{"Sm", unicode.Sm}, {"Z", unicode.Z}, {"Space", unicode.Space}, {"Zl", unicode.Zl},
	{"Zp", unicode.Zp}, {"Zs", unicode.Zs},
	{"Arabic", unicode.Arabic}, {"Armenian", unicode.Armenian}, {"Bengali", unicode.Bengali},
	{"Cyrillic", unicode.Cyrillic}, {"Devanagari", unicode.Devanagari},
	{"Georgian", unicode.Georgian}, {"Greek", unicode.Greek}, {"Han", unicode.Han},
	{"Hangul", unicode.Hangul}, {"Hebrew", unicode.Hebrew}, {"Hiragana", unicode.Hiragana},
	{"Inherited", unicode.Inherited}, {"Katakana", unicode.Katakana}, {"Latin", unicode.Latin},
	{"Thai", unicode.Thai}, {"White_Space", unicode.White_Space},
}

func main() {
	fmt.Println("Unicode", unicode.Version)
	ds := make([]digest, len(preds))
	for r := rune(0); r <= unicode.MaxRune; r++ {
		for i, p := range preds {
			if p.f(r) {
				ds[i].add(r)
			}
		}
	}
	for i, p := range preds {
		fmt.Println(p.name, ds[i].String())
	}
	for _, r := range []rune{-1, unicode.MaxRune + 1, -0x80000000} {
		for _, p := range preds {
			if p.f(r) {
				fmt.Println(p.name, "true for", r)
			}
		}
	}

	for _, t := range tables {
		var d digest
		for _, g := range t.t.R16 {
			if g.Stride == 0 || g.Lo > g.Hi {
				d.bad = true
				continue
			}
			for r := rune(g.Lo); r <= rune(g.Hi); r += rune(g.Stride) {
				d.add(r)
			}
		}
		for _, g := range t.t.R32 {
			if g.Stride == 0 || g.Lo > g.Hi || g.Lo < 0x10000 {
				d.bad = true
				continue
			}
			for r := rune(g.Lo); r <= rune(g.Hi); r += rune(g.Stride) {
				d.add(r)
			}
		}
		latin := 0
		for _, g := range t.t.R16 {
			if g.Hi <= unicode.MaxLatin1 {
				latin++
			}
		}
		var is digest
		for r := rune(0); r <= unicode.MaxRune; r += 7 {
			if unicode.Is(t.t, r) {
				is.add(r)
			}
		}
		fmt.Println(t.name, d.String(), "latinOffsetOK", latin == t.t.LatinOffset, "Is/7", is.String())
	}

	var in, one digest
	for r := rune(0); r <= unicode.MaxRune; r += 3 {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			in.add(r)
		}
		if unicode.IsOneOf(unicode.GraphicRanges, r) != unicode.IsGraphic(r) ||
			unicode.IsOneOf(unicode.PrintRanges, r) != (unicode.IsPrint(r) && r != ' ') {
			one.add(r)
		}
	}
	fmt.Println("In(Han,Hiragana,Katakana)/3", in.String())
	fmt.Println("IsOneOf mismatches", one.String())

	for _, r := range []rune{'a', 'Z', '5', ' ', '\t', 0x85, 0xA0, 0xAD, 0xB5, 0xD7, 0x1C5, 0x2028, 0x2029,
		0x3000, 0x0E3F, 0x20AC, 0x0300, 0x0488, 0x0903, 0x0669, 0x2167, 0x00BD, 0x1F600, 0x1D7CE, 0xE000,
		0xD800, 0xFFFD, 0xFEFF, 0x10FFFD, 0x1F1E6, 0x30000, 0xE0001, 0x661F, 0xAC00, 0x16A0} {
		s := ""
		for _, p := range preds {
			if p.f(r) {
				s += " " + p.name[2:]
			}
		}
		fmt.Printf("%U%s\n", r, s)
	}
}
