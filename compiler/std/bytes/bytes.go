// Package bytes: functions on byte slices, the mirror of package strings.
// goc's implementation, written from the package documentation.
//
// Searching, counting and case mapping are package strings' functions on
// the bytes seen as a string; functions that return parts of their input
// (Split, Fields, Trim..., Cut) turn the string results back into
// subslices of the original, so they share its memory as Go's do.
package bytes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinRead is the smallest slice Buffer.ReadFrom would pass to Read.
const MinRead = 512

// Equal reports whether a and b have the same bytes (nil equals empty).
func Equal(a, b []byte) bool { return string(a) == string(b) }

// Compare returns -1, 0 or +1 comparing a and b lexically.
func Compare(a, b []byte) int { return strings.Compare(string(a), string(b)) }

// Contains reports whether subslice is in b.
func Contains(b, subslice []byte) bool { return strings.Contains(string(b), string(subslice)) }

// ContainsAny reports whether any rune of chars is in b.
func ContainsAny(b []byte, chars string) bool { return strings.ContainsAny(string(b), chars) }

// ContainsRune reports whether r is in b.
func ContainsRune(b []byte, r rune) bool { return strings.ContainsRune(string(b), r) }

// ContainsFunc reports whether any rune of b satisfies f.
func ContainsFunc(b []byte, f func(rune) bool) bool { return strings.ContainsFunc(string(b), f) }

// Count counts the non-overlapping sep in s (runes + 1 for an empty sep).
func Count(s, sep []byte) int { return strings.Count(string(s), string(sep)) }

// HasPrefix reports whether s begins with prefix.
func HasPrefix(s, prefix []byte) bool { return strings.HasPrefix(string(s), string(prefix)) }

// HasSuffix reports whether s ends with suffix.
func HasSuffix(s, suffix []byte) bool { return strings.HasSuffix(string(s), string(suffix)) }

// Index returns the index of the first sep in s, or -1.
func Index(s, sep []byte) int { return strings.Index(string(s), string(sep)) }

// IndexAny returns the index of the first rune of s in chars, or -1.
func IndexAny(s []byte, chars string) int { return strings.IndexAny(string(s), chars) }

// IndexByte returns the index of the first c in b, or -1.
func IndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// IndexFunc returns the index of the first rune satisfying f, or -1.
func IndexFunc(s []byte, f func(rune) bool) int { return strings.IndexFunc(string(s), f) }

// IndexRune returns the index of the first r in s, or -1.
func IndexRune(s []byte, r rune) int { return strings.IndexRune(string(s), r) }

// LastIndex returns the index of the last sep in s, or -1.
func LastIndex(s, sep []byte) int { return strings.LastIndex(string(s), string(sep)) }

// LastIndexAny returns the index of the last rune of s in chars, or -1.
func LastIndexAny(s []byte, chars string) int { return strings.LastIndexAny(string(s), chars) }

// LastIndexByte returns the index of the last c in s, or -1.
func LastIndexByte(s []byte, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// LastIndexFunc returns the index of the last rune satisfying f, or -1.
func LastIndexFunc(s []byte, f func(rune) bool) int {
	return strings.LastIndexFunc(string(s), f)
}

// EqualFold reports whether s and t are equal under simple case folding.
func EqualFold(s, t []byte) bool { return strings.EqualFold(string(s), string(t)) }

// pieces turns the parts of a split of s back into subslices of s, each
// capped at its length; skip bytes (a removed separator) follow each.
func pieces(s []byte, parts []string, skip int) [][]byte {
	if parts == nil {
		return nil
	}
	out := make([][]byte, len(parts))
	off := 0
	for i, p := range parts {
		end := off + len(p)
		out[i] = s[off:end:end]
		off = end + skip
	}
	return out
}

// Split slices s into the subslices between each sep (into UTF-8
// sequences for an empty sep).
func Split(s, sep []byte) [][]byte {
	return pieces(s, strings.Split(string(s), string(sep)), len(sep))
}

// SplitN is Split into at most n pieces (nil for n == 0, all for n < 0).
func SplitN(s, sep []byte, n int) [][]byte {
	return pieces(s, strings.SplitN(string(s), string(sep), n), len(sep))
}

// SplitAfter is Split keeping each sep at the end of its piece.
func SplitAfter(s, sep []byte) [][]byte {
	return pieces(s, strings.SplitAfter(string(s), string(sep)), 0)
}

// SplitAfterN is SplitAfter into at most n pieces.
func SplitAfterN(s, sep []byte, n int) [][]byte {
	return pieces(s, strings.SplitAfterN(string(s), string(sep), n), 0)
}

// Fields splits s around runs of white space.
func Fields(s []byte) [][]byte { return FieldsFunc(s, unicode.IsSpace) }

// FieldsFunc splits s around runs of runes satisfying f; each field is a
// subslice of s capped at its length.
func FieldsFunc(s []byte, f func(rune) bool) [][]byte {
	out := make([][]byte, 0)
	start := -1
	for i := 0; i <= len(s); {
		r, size := rune(0), 1
		sep := i == len(s)
		if !sep {
			r, size = utf8.DecodeRune(s[i:])
			sep = f(r)
		}
		if sep {
			if start >= 0 {
				out = append(out, s[start:i:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	return out
}

// Join concatenates the slices of s with sep between them, into a new slice.
func Join(s [][]byte, sep []byte) []byte {
	if len(s) == 0 {
		return []byte{}
	}
	var out []byte
	for i, b := range s {
		if i > 0 {
			out = append(out, sep...)
		}
		out = append(out, b...)
	}
	if out == nil {
		out = []byte{}
	}
	return out
}

// Repeat returns count copies of b; it panics for a negative count or an
// overflowing length.
func Repeat(b []byte, count int) []byte {
	switch {
	case count < 0:
		panic("bytes: negative Repeat count")
	case count == 0:
		return []byte{}
	case len(b) > 0 && len(b) > int(^uint(0)>>1)/count:
		panic("bytes: Repeat output length overflow")
	}
	return []byte(strings.Repeat(string(b), count))
}

// Replace returns a copy of s with the first n old replaced by new (n < 0:
// all); without a replacement, a copy that is nil for an empty s.
func Replace(s, old, new []byte, n int) []byte {
	if n == 0 || Count(s, old) == 0 {
		return append([]byte(nil), s...)
	}
	return []byte(strings.Replace(string(s), string(old), string(new), n))
}

// ReplaceAll returns a copy of s with every old replaced by new.
func ReplaceAll(s, old, new []byte) []byte { return Replace(s, old, new, -1) }

// Map returns a copy of s with each rune mapped (dropped if negative).
func Map(mapping func(r rune) rune, s []byte) []byte {
	return []byte(strings.Map(mapping, string(s)))
}

// ToUpper returns a copy of s with every letter in upper case.
func ToUpper(s []byte) []byte { return []byte(strings.ToUpper(string(s))) }

// ToLower returns a copy of s with every letter in lower case.
func ToLower(s []byte) []byte { return []byte(strings.ToLower(string(s))) }

// ToTitle returns a copy of s with every letter in title case.
func ToTitle(s []byte) []byte { return []byte(strings.ToTitle(string(s))) }

// ToUpperSpecial maps s to upper case with c's special mappings first.
func ToUpperSpecial(c unicode.SpecialCase, s []byte) []byte {
	return []byte(strings.ToUpperSpecial(c, string(s)))
}

// ToLowerSpecial maps s to lower case with c's special mappings first.
func ToLowerSpecial(c unicode.SpecialCase, s []byte) []byte {
	return []byte(strings.ToLowerSpecial(c, string(s)))
}

// ToTitleSpecial maps s to title case with c's special mappings first.
func ToTitleSpecial(c unicode.SpecialCase, s []byte) []byte {
	return []byte(strings.ToTitleSpecial(c, string(s)))
}

// Title returns a copy of s with the first letter of every word in title
// case (strings.Title).
func Title(s []byte) []byte { return []byte(strings.Title(string(s))) }

// within returns the subslice of s that the string t (a trimmed form of
// s) is, given how many bytes were trimmed from the front; nil when t is
// empty, as Go's functions that trim at the front return. (Trimming only
// at the back gives s[:0] instead.)
func within(s []byte, t string, front int) []byte {
	if t == "" {
		return nil
	}
	return s[front : front+len(t)]
}

// TrimLeftFunc removes the leading runes satisfying f.
func TrimLeftFunc(s []byte, f func(rune) bool) []byte {
	t := strings.TrimLeftFunc(string(s), f)
	return within(s, t, len(s)-len(t))
}

// TrimRightFunc removes the trailing runes satisfying f.
func TrimRightFunc(s []byte, f func(rune) bool) []byte {
	return s[:len(strings.TrimRightFunc(string(s), f))]
}

// TrimFunc removes the leading and trailing runes satisfying f.
func TrimFunc(s []byte, f func(rune) bool) []byte {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

// TrimSpace removes leading and trailing white space.
func TrimSpace(s []byte) []byte { return TrimFunc(s, unicode.IsSpace) }

// Trim removes the leading and trailing runes in cutset.
func Trim(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	if cutset == "" {
		return s
	}
	t := strings.TrimLeft(string(s), cutset)
	return within(s, strings.TrimRight(t, cutset), len(s)-len(t))
}

// TrimLeft removes the leading runes in cutset.
func TrimLeft(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	if cutset == "" {
		return s
	}
	t := strings.TrimLeft(string(s), cutset)
	return within(s, t, len(s)-len(t))
}

// TrimRight removes the trailing runes in cutset.
func TrimRight(s []byte, cutset string) []byte {
	if len(s) == 0 || cutset == "" {
		return s
	}
	return s[:len(strings.TrimRight(string(s), cutset))]
}

// TrimPrefix returns s without prefix, if it has it.
func TrimPrefix(s, prefix []byte) []byte {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix returns s without suffix, if it has it.
func TrimSuffix(s, suffix []byte) []byte {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// Cut slices s around the first sep.
func Cut(s, sep []byte) (before, after []byte, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, nil, false
}

// CutPrefix returns s without prefix and whether it had it.
func CutPrefix(s, prefix []byte) (after []byte, found bool) {
	if !HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// CutSuffix returns s without suffix and whether it had it.
func CutSuffix(s, suffix []byte) (before []byte, found bool) {
	if !HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

// Clone returns a copy of b (nil for nil).
func Clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append([]byte{}, b...)
}
