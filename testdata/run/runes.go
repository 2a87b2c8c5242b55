// runes: ranging over strings by rune, invalid UTF-8, rune literals,
// string(rune) and rune arithmetic.
package main

func main() {
	s := "aé日😀"
	for i, r := range s {
		println(i, r, string(r))
	}
	bad := "a\xffb\xe6\x97c\xc0\x80"
	for i, r := range bad {
		println("bad", i, r)
	}
	n := 0
	for range "日本語" {
		n++
	}
	println("runes", n, "bytes", len("日本語"))
	for i := range "héllo" {
		print(i, " ")
	}
	println()
	// rot13 by rune
	src := "Hello, Gopher!"
	out := ""
	for _, r := range src {
		switch {
		case r >= 'a' && r <= 'z':
			r = 'a' + (r-'a'+13)%26
		case r >= 'A' && r <= 'Z':
			r = 'A' + (r-'A'+13)%26
		}
		out += string(r)
	}
	println(out)
	// upper-case ASCII letters, keep others
	up := ""
	for _, r := range "mixed Ünïcode text" {
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		up += string(r)
	}
	println(up)
	var r rune = 'x'
	var b byte = 'y'
	println(r, b, r+1, b+1, '\n', '\x41', '\u00e9', '\U0001F600')
	// reverse a string by runes
	rev := ""
	for _, c := range "añb日" {
		rev = string(c) + rev
	}
	println(rev)
	println(string(rune(0x10FFFF)) == "\U0010FFFF", len(string(rune(0x10FFFF))))
}
