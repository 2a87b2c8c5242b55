// Widths count runes, not bytes; %c %q %U of runes in many scripts;
// invalid runes; %q with + (ASCII escapes) and # (backquotes); []rune
// printed with %c %q %U %v; strings with combining characters.
package main

import "fmt"

func main() {
	for _, s := range []string{"日本語", "ñ", "a\u0301", "🙂x", "Ω≈ç√", "\u200b", "\ufeff"} {
		fmt.Printf("[%6s][%-6s][%.2s][%q][%+q][%#q][%x]\n", s, s, s, s, s, s, s)
	}
	for _, r := range []rune{'a', 'é', '日', '🙂', 0x7f, 0x85, 0xad, 0x10FFFF, 0x110000, -5, 0xD800} {
		fmt.Printf("[%c][%q][%+q][%U][%#U][%d][%x]\n", r, r, r, r, r, r, r)
	}
	rs := []rune("héllo")
	fmt.Printf("%c|%q|%U|%v|%s\n", rs, rs, rs, rs, rs)
	fmt.Printf("%s|%v\n", string(rs), []byte("hé"))
	fmt.Printf("%q %q %q\n", "\a\b\f\n\r\t\v", "\x01\x1f", "\u00a0\u2028")
	fmt.Printf("%#q %#q %#q\n", "has`tick", "new\nline", "tab\tok")
}
