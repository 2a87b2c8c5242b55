// Package strings: searching (Index*, LastIndex*, Contains*, Count, Cut),
// splitting (Split, SplitN, SplitAfter, Fields, FieldsFunc) with empty
// separators and inputs, Join, Repeat, Replace with an empty old, case
// mapping, trimming, EqualFold, Map, and Builder; invalid UTF-8 throughout;
// ends with Repeat's panic for a negative count.
package main

import (
	"os"
	"strings"
	"unicode"
)

func q(s string) string { return "[" + s + "]" }

func list(a []string) {
	print(len(a), a == nil, ":")
	for _, s := range a {
		print(" ", q(s))
	}
	println()
}

func main() {
	s := "héllo, wörld, héllo"
	println(strings.Index(s, "llo"), strings.LastIndex(s, "llo"), strings.Index(s, ""), strings.LastIndex(s, ""), strings.Index("", "a"))
	println(strings.IndexByte(s, 'w'), strings.LastIndexByte(s, 'h'), strings.IndexRune(s, 'ö'), strings.IndexRune(s, 'z'), strings.IndexRune("a\xffb", 0xFFFD), strings.IndexRune("ab", -1))
	println(strings.IndexAny(s, "wö"), strings.LastIndexAny(s, "éx"), strings.IndexAny(s, ""), strings.IndexFunc(s, unicode.IsPunct), strings.LastIndexFunc(s, unicode.IsSpace))
	println(strings.Contains(s, "wör"), strings.Contains(s, ""), strings.ContainsRune(s, 'é'), strings.ContainsAny(s, "xyz"), strings.ContainsFunc(s, unicode.IsUpper))
	println(strings.Count(s, "l"), strings.Count(s, ""), strings.Count("aaaa", "aa"), strings.HasPrefix(s, "hé"), strings.HasSuffix(s, "lo"), strings.HasPrefix("", ""))
	b, a, f := strings.Cut(s, ", ")
	println(q(b), q(a), f)
	b, a, f = strings.Cut(s, "#")
	println(q(b), q(a), f)
	r, ok := strings.CutPrefix(s, "hé")
	println(q(r), ok, strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("", ""))
	list(strings.Split(s, ", "))
	list(strings.Split("a,b,,c,", ","))
	list(strings.Split("", ","))
	list(strings.Split("añ\xffz", ""))
	list(strings.SplitN("a,b,c,d", ",", 2))
	list(strings.SplitN("a,b,c,d", ",", 0))
	list(strings.SplitN("abc", "", 2))
	list(strings.SplitAfter("a,b,c", ","))
	list(strings.SplitAfterN("a,b,c", ",", 2))
	list(strings.Fields("  foo bar\t\nbaz\u00a0 qux\u3000end  "))
	list(strings.Fields("   "))
	list(strings.FieldsFunc("a1b22c333", unicode.IsDigit))
	println(strings.Join([]string{"x", "y", "z"}, "--"), q(strings.Join(nil, ",")), strings.Join([]string{"solo"}, ","))
	println(strings.Repeat("ab", 3), q(strings.Repeat("x", 0)), len(strings.Repeat("123", 1000)))
	println(strings.Replace("oink oink oink", "k", "ky", 2), strings.Replace("oink oink oink", "oink", "moo", -1), strings.ReplaceAll("abc", "", "-"), strings.Replace("abc", "", "-", 2))
	println(strings.ToUpper("héllo wörld ß ÿ µ"), strings.ToLower("HÉLLO WÖRLD ΣΑΣ ДОМ"), strings.ToUpper("bad\xffbyte"), strings.ToTitle("title"))
	println(q(strings.TrimSpace(" \t\n x y \r\n")), q(strings.TrimSpace("   ")), q(strings.Trim("xxhixyx", "xy")), q(strings.TrimLeft("xxhix", "x")), q(strings.TrimRight("xxhix", "x")))
	println(q(strings.TrimPrefix("prefix-body", "prefix-")), q(strings.TrimSuffix("body.go", ".go")), q(strings.TrimSuffix("body.go", ".rs")), q(strings.Trim("", "x")), q(strings.Trim("abc", "")))
	println(q(strings.TrimFunc("123abc456", unicode.IsDigit)), q(strings.TrimLeftFunc("ééa", unicode.IsLetter)), q(strings.TrimRightFunc("aé1é", unicode.IsLetter)))
	println(strings.EqualFold("Go", "GO"), strings.EqualFold("straße", "STRASSE"), strings.EqualFold("ǅ", "ǆ"), strings.EqualFold("K", "\u212a"), strings.EqualFold("σ", "ς"), strings.EqualFold("a", "ab"))
	rot := func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+13)%26
		case r == ' ':
			return -1
		}
		return r
	}
	println(strings.Map(rot, "hello world"), strings.Map(unicode.ToUpper, "a\xffb"))
	var sb strings.Builder
	println(sb.Len(), q(sb.String()))
	sb.WriteString("abc")
	sb.WriteByte('-')
	n, _ := sb.WriteRune('€')
	sb.Write([]byte{'!', '?'})
	sb.WriteRune(-5)
	println(n, sb.Len(), sb.String())
	sb.Grow(100)
	println(sb.Cap() >= 100+sb.Len())
	sb.Reset()
	println(sb.Len())
	os.Stdout.WriteString(strings.Repeat("=", 10) + "\n")
	strings.Repeat("x", -1)
}
