// Command unicodegen writes goc's Unicode tables,
// compiler/std/unicode/tables.go, from what the Go toolchain running it
// answers: every rune U+0000..U+10FFFF is put to unicode.Is*, unicode.Is(T)
// for the tables goc exports, ToUpper/ToLower/ToTitle, SimpleFold and
// strconv.IsPrint/IsGraphic, and the facts are encoded in goc's own compact
// format (described in compiler/std/unicode/tables.go's header and decoded
// by compiler/std/unicode/decode.go). Real Go is only the oracle here;
// goc's build never needs it.
//
// Run from the repository root, with the Go release goc follows (the
// conformance oracle, docs/TESTING.md):
//
//	go run tools/unicodegen/main.go
//
// It checks its own output before writing: every table and mapping is
// decoded again and compared with the oracle for every rune.
package main

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"runtime"
	"strconv"
	"unicode"
)

const outPath = "compiler/std/unicode/tables.go"

// The range tables goc's unicode exports (Go's names): the categories the
// Is* predicates need and the small ones, then a few scripts. Every table
// is decoded when the package is initialised, so the big rarely used ones
// (C, LC, Lm, Lo, Mc, Mn, Po, So, Common, Cn and most scripts) are left
// out to keep that cheap.
var categories = []string{
	"Cc", "Cf", "Co", "Cs", "L", "Ll", "Lt", "Lu",
	"M", "Me", "N", "Nd", "Nl", "No",
	"P", "Pc", "Pd", "Pe", "Pf", "Pi", "Ps",
	"S", "Sc", "Sk", "Sm", "Z", "Zl", "Zp", "Zs",
}

var scripts = []string{
	"Arabic", "Armenian", "Bengali", "Cyrillic", "Devanagari",
	"Georgian", "Greek", "Han", "Hangul", "Hebrew", "Hiragana", "Inherited",
	"Katakana", "Latin", "Thai",
}

var properties = []string{"White_Space"}

// A span is a set of runes lo, lo+stride, ..., hi.
type span struct{ lo, hi, stride rune }

// spans splits a sorted rune set into the fewest ranges of runs of
// consecutive runes or of runes at an equal larger distance (a dynamic
// programme from the end: at each rune, a consecutive run to its end or
// one short of it, or an equal-distance run of any length). No
// range crosses U+FFFF/U+10000 (Go's R16/R32 split).
func spans(set []rune) []span {
	n := len(set)
	same := func(i, j int) bool { return (set[i] > 0xFFFF) == (set[j] > 0xFFFF) }
	cost := make([]int, n+1)
	end := make([]int, n) // the last index of the range chosen at i
	for i := n - 1; i >= 0; i-- {
		j := i
		for j+1 < n && set[j+1] == set[j]+1 && same(i, j+1) {
			j++
		}
		cost[i], end[i] = 1+cost[j+1], j
		if j > i && 1+cost[j] < cost[i] {
			cost[i], end[i] = 1+cost[j], j-1
		}
		if i+1 < n && same(i, i+1) && set[i+1]-set[i] > 1 {
			d := set[i+1] - set[i]
			for k := i + 1; k < n && set[k]-set[k-1] == d && same(i, k); k++ {
				if 1+cost[k+1] < cost[i] {
					cost[i], end[i] = 1+cost[k+1], k
				}
			}
		}
	}
	var out []span
	for i := 0; i < n; i = end[i] + 1 {
		e := end[i]
		st := rune(1)
		if e > i {
			st = set[i+1] - set[i]
		}
		out = append(out, span{set[i], set[e], st})
	}
	return out
}

func uvarint(b []byte, v uint32) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func zigzag(v int32) uint32 { return uint32(v<<1) ^ uint32(v>>31) }

// encodeSet: per range, uvarint(lo - next) where next is one past the
// previous range's hi (0 at first), then uvarint(n<<1 | s) with n =
// (hi-lo)/stride and s = 1 when the stride is not 1, then uvarint(stride)
// if s.
func encodeSet(sp []span) []byte {
	var b []byte
	next := rune(0)
	for _, s := range sp {
		b = uvarint(b, uint32(s.lo-next))
		n := uint32((s.hi - s.lo) / s.stride)
		if s.stride != 1 {
			b = uvarint(b, n<<1|1)
			b = uvarint(b, uint32(s.stride))
		} else {
			b = uvarint(b, n<<1)
		}
		next = s.hi + 1
	}
	return b
}

func readUvarint(b []byte, i int) (uint32, int) {
	var v uint32
	for sh := 0; ; sh += 7 {
		c := b[i]
		i++
		v |= uint32(c&0x7F) << sh
		if c < 0x80 {
			return v, i
		}
	}
}

func decodeSet(b []byte) map[rune]bool {
	m := map[rune]bool{}
	next := rune(0)
	for i := 0; i < len(b); {
		var gap, v, st uint32
		gap, i = readUvarint(b, i)
		v, i = readUvarint(b, i)
		st = 1
		if v&1 != 0 {
			st, i = readUvarint(b, i)
		}
		lo := next + rune(gap)
		hi := lo + rune(v>>1)*rune(st)
		for r := lo; r <= hi; r += rune(st) {
			m[r] = true
		}
		next = hi + 1
	}
	return m
}

// The case table: ranges of runes whose three deltas (to upper, lower,
// title case) are equal, or runs of upper/lower pairs (Go's UpperLower
// ranges: from lo, each even-offset rune is upper and title case of
// itself and the next one its lower case). Per range: uvarint(lo - next),
// uvarint(n<<1 | p) with n = hi-lo and p = 1 for a pair run; for other
// runs three zigzag uvarints, the deltas.
type caseRange struct {
	lo, hi rune
	pairs  bool
	d      [3]rune
}

func deltas(r rune) [3]rune {
	return [3]rune{unicode.ToUpper(r) - r, unicode.ToLower(r) - r, unicode.ToTitle(r) - r}
}

func caseRanges() []caseRange {
	var out []caseRange
	pair := [3]rune{0, 1, 0}
	pairB := [3]rune{-1, 0, -1}
	for r := rune(0); r <= unicode.MaxRune; {
		d := deltas(r)
		if d == ([3]rune{}) {
			r++
			continue
		}
		if d == pair && deltas(r+1) == pairB {
			lo := r
			for deltas(r) == pair && deltas(r+1) == pairB {
				r += 2
			}
			out = append(out, caseRange{lo, r - 1, true, [3]rune{}})
			continue
		}
		lo := r
		for r <= unicode.MaxRune && deltas(r) == d && !(d == pair && deltas(r+1) == pairB) {
			r++
		}
		out = append(out, caseRange{lo, r - 1, false, d})
	}
	return out
}

func encodeCase(cr []caseRange) []byte {
	var b []byte
	next := rune(0)
	for _, c := range cr {
		b = uvarint(b, uint32(c.lo-next))
		n := uint32(c.hi - c.lo)
		if c.pairs {
			b = uvarint(b, n<<1|1)
		} else {
			b = uvarint(b, n<<1)
			for _, d := range c.d {
				b = uvarint(b, zigzag(d))
			}
		}
		next = c.hi + 1
	}
	return b
}

// The fold table: the runes whose SimpleFold is not the default (ToLower
// if it differs, else ToUpper). Per rune: uvarint(r - next),
// zigzag uvarint(fold - r).
func foldDefault(r rune) rune {
	if l := unicode.ToLower(r); l != r {
		return l
	}
	return unicode.ToUpper(r)
}

func encodeFold() ([]byte, int) {
	var b []byte
	next := rune(0)
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		f := unicode.SimpleFold(r)
		if f == foldDefault(r) {
			continue
		}
		b = uvarint(b, uint32(r-next))
		b = uvarint(b, zigzag(f-r))
		next = r + 1
		n++
	}
	return b, n
}

// Latin-1 properties, one uint16 per rune, little-endian.
const (
	pLetter = 1 << iota
	pUpper
	pLower
	pTitle
	pDigit
	pNumber
	pPunct
	pSpace
	pSymbol
	pMark
	pGraphic
	pPrint
	pControl
)

func latin1() []byte {
	var b []byte
	for r := rune(0); r <= 0xFF; r++ {
		var p uint16
		for _, t := range []struct {
			f   func(rune) bool
			bit uint16
		}{
			{unicode.IsLetter, pLetter}, {unicode.IsUpper, pUpper}, {unicode.IsLower, pLower},
			{unicode.IsTitle, pTitle}, {unicode.IsDigit, pDigit}, {unicode.IsNumber, pNumber},
			{unicode.IsPunct, pPunct}, {unicode.IsSpace, pSpace}, {unicode.IsSymbol, pSymbol},
			{unicode.IsMark, pMark}, {unicode.IsGraphic, pGraphic}, {unicode.IsPrint, pPrint},
			{unicode.IsControl, pControl},
		} {
			if t.f(r) {
				p |= t.bit
			}
		}
		b = append(b, byte(p), byte(p>>8))
	}
	return b
}

func lit(b []byte) string {
	var s bytes.Buffer
	s.WriteString("\"")
	col := 0
	for i, c := range b {
		if col >= 72 && i < len(b) {
			s.WriteString("\" +\n\t\"")
			col = 0
		}
		switch {
		case c == '"' || c == '\\':
			s.WriteByte('\\')
			s.WriteByte(c)
			col += 2
		case c >= 0x20 && c < 0x7F:
			s.WriteByte(c)
			col++
		default:
			fmt.Fprintf(&s, "\\x%02x", c)
			col += 4
		}
	}
	s.WriteString("\"")
	return s.String()
}

func fail(f string, a ...any) {
	fmt.Fprintf(os.Stderr, "unicodegen: "+f+"\n", a...)
	os.Exit(1)
}

func setOf(f func(rune) bool) []rune {
	var s []rune
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if f(r) {
			s = append(s, r)
		}
	}
	return s
}

func checkSet(name string, enc []byte, f func(rune) bool) {
	m := decodeSet(enc)
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if m[r] != f(r) {
			fail("%s: decoded table wrong at %U", name, r)
		}
	}
}

type table struct {
	name string // Go's variable name (_Lu, _Latin, ...)
	enc  []byte
	n16  int
	n32  int
}

func makeTable(name string, f func(rune) bool) table {
	sp := spans(setOf(f))
	t := table{name: name, enc: encodeSet(sp)}
	for _, s := range sp {
		if s.hi <= 0xFFFF {
			t.n16++
		} else {
			t.n32++
		}
	}
	checkSet(name, t.enc, f)
	return t
}

func main() {
	// strconv's IsPrint and IsGraphic are unicode's (goc's strconv calls
	// unicode's); the generator stops if a Go release ever differs.
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if strconv.IsPrint(r) != unicode.IsPrint(r) || strconv.IsGraphic(r) != unicode.IsGraphic(r) {
			fail("strconv.IsPrint/IsGraphic differ from unicode's at %U", r)
		}
	}
	// The predicates above Latin-1 are unions of the category tables and
	// White_Space; check that this is how this Go release defines them.
	in := func(r rune, names ...string) bool {
		for _, n := range names {
			if unicode.Is(unicode.Categories[n], r) {
				return true
			}
		}
		return false
	}
	for r := rune(0x100); r <= unicode.MaxRune; r++ {
		ok := unicode.IsLetter(r) == in(r, "L") && unicode.IsUpper(r) == in(r, "Lu") &&
			unicode.IsLower(r) == in(r, "Ll") && unicode.IsTitle(r) == in(r, "Lt") &&
			unicode.IsDigit(r) == in(r, "Nd") && unicode.IsNumber(r) == in(r, "N") &&
			unicode.IsPunct(r) == in(r, "P") && unicode.IsSymbol(r) == in(r, "S") &&
			unicode.IsMark(r) == in(r, "M") &&
			unicode.IsSpace(r) == unicode.Is(unicode.White_Space, r) &&
			unicode.IsGraphic(r) == in(r, "L", "M", "N", "P", "S", "Zs") &&
			unicode.IsPrint(r) == in(r, "L", "M", "N", "P", "S") &&
			!unicode.IsControl(r)
		if !ok {
			fail("a predicate is not its category union at %U", r)
		}
	}

	var tables []table
	for _, n := range categories {
		rt := unicode.Categories[n]
		if rt == nil {
			fail("no category %s", n)
		}
		tables = append(tables, makeTable("_"+n, func(r rune) bool { return unicode.Is(rt, r) }))
	}
	for _, n := range scripts {
		rt := unicode.Scripts[n]
		if rt == nil {
			fail("no script %s", n)
		}
		tables = append(tables, makeTable("_"+n, func(r rune) bool { return unicode.Is(rt, r) }))
	}
	for _, n := range properties {
		rt := unicode.Properties[n]
		if rt == nil {
			fail("no property %s", n)
		}
		tables = append(tables, makeTable("_"+n, func(r rune) bool { return unicode.Is(rt, r) }))
	}

	cr := caseRanges()
	caseEnc := encodeCase(cr)
	// Check the case ranges against the oracle.
	for _, c := range cr {
		for r := c.lo; r <= c.hi; r++ {
			want := deltas(r)
			got := c.d
			if c.pairs {
				base := c.lo + (r-c.lo)&^1
				got = [3]rune{base - r, base + 1 - r, base - r}
			}
			if got != want {
				fail("case range wrong at %U", r)
			}
		}
	}
	covered := 0
	for _, c := range cr {
		covered += int(c.hi - c.lo + 1)
	}
	mapped := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if deltas(r) != ([3]rune{}) {
			mapped++
		}
	}
	if covered != mapped {
		fail("case ranges cover %d runes, %d have a mapping", covered, mapped)
	}
	foldEnc, nfold := encodeFold()

	var turkish []string
	for _, c := range unicode.TurkishCase {
		turkish = append(turkish, fmt.Sprintf("{0x%04X, 0x%04X, d{%d, %d, %d}}", c.Lo, c.Hi, c.Delta[0], c.Delta[1], c.Delta[2]))
	}

	var out bytes.Buffer
	fmt.Fprintf(&out, `// Code generated by tools/unicodegen from %s's unicode package
// (Unicode %s); DO NOT EDIT.
//
// Range tables (see decode.go): per range, uvarint(lo - next), next being
// one past the previous range's hi (0 at first); uvarint(n<<1 | s), n =
// (hi-lo)/stride, s = 1 when the stride is not 1; then uvarint(stride) if
// s. Ranges are sorted and never cross U+FFFF/U+10000.

package unicode

// Version is the Unicode edition the tables follow.
const Version = %q

`, runtimeVersion(), unicode.Version, unicode.Version)
	fmt.Fprintf(&out, "// latin1Props: Latin-1 classes, a little-endian uint16 of p* bits per rune.\nconst latin1Props = %s\n\n", lit(latin1()))
	total := 0
	for _, t := range tables {
		fmt.Fprintf(&out, "const enc%s = %s // %d+%d ranges\n\n", t.name, lit(t.enc), t.n16, t.n32)
		total += len(t.enc)
	}
	fmt.Fprintf(&out, "// encCase: the case ranges (decode.go, decodeCase); %d ranges.\nconst encCase = %s\n\n", len(cr), lit(caseEnc))
	fmt.Fprintf(&out, "// encFold: runes whose SimpleFold is not their other case (decode.go, decodeFold); %d runes.\nconst encFold = %s\n\n", nfold, lit(foldEnc))
	n16, n32 := 0, 0
	for _, t := range tables {
		n16 += t.n16
		n32 += t.n32
	}
	fmt.Fprintf(&out, "// The sizes of the decoded tables (decode.go).\nconst (\n\tnTables = %d\n\tnR16 = %d\n\tnR32 = %d\n\tnCase = %d\n\tnFold = %d\n)\n\n", len(tables), n16, n32, len(cr), nfold)
	fmt.Fprintf(&out, "var (\n")
	for _, t := range tables {
		fmt.Fprintf(&out, "\t%s = decode(enc%s, %d, %d)\n", t.name, t.name, t.n16, t.n32)
	}
	fmt.Fprintf(&out, ")\n\n")
	// A function, not a composite literal at package level: goc's checker
	// checks package-level initialisers before the types of later files
	// are complete (SpecialCase is declared in unicode.go).
	fmt.Fprintf(&out, "// TurkishCase is the special casing of Turkish and Azeri (dotted and dotless i).\nvar TurkishCase SpecialCase = _TurkishCase\n\nvar _TurkishCase = turkishCase()\n\nfunc turkishCase() SpecialCase {\n\treturn SpecialCase{\n")
	for _, t := range turkish {
		fmt.Fprintf(&out, "\t\t%s,\n", t)
	}
	fmt.Fprintf(&out, "\t}\n}\n")
	total += len(caseEnc) + len(foldEnc) + 512
	src, err := format.Source(out.Bytes())
	if err != nil {
		fail("gofmt: %v", err)
	}
	if err := os.WriteFile(outPath, src, 0o644); err != nil {
		fail("%v", err)
	}
	fmt.Fprintf(os.Stderr, "unicodegen: wrote %s: %d tables, %d bytes of encoded data\n", outPath, len(tables), total)
}

func runtimeVersion() string { return runtime.Version() }
