// utf8_manual: encoding and decoding UTF-8 by hand with byte arithmetic,
// compared with what string(rune) and range produce.
package main

func encode(r rune) []byte {
	switch {
	case r < 0x80:
		return []byte{byte(r)}
	case r < 0x800:
		return []byte{0xC0 | byte(r>>6), 0x80 | byte(r)&0x3F}
	case r < 0x10000:
		return []byte{0xE0 | byte(r>>12), 0x80 | byte(r>>6)&0x3F, 0x80 | byte(r)&0x3F}
	default:
		return []byte{0xF0 | byte(r>>18), 0x80 | byte(r>>12)&0x3F, 0x80 | byte(r>>6)&0x3F, 0x80 | byte(r)&0x3F}
	}
}

func decode(s string, i int) (rune, int) {
	b := s[i]
	switch {
	case b < 0x80:
		return rune(b), 1
	case b&0xE0 == 0xC0:
		return rune(b&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	case b&0xF0 == 0xE0:
		return rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	default:
		return rune(b&0x07)<<18 | rune(s[i+1]&0x3F)<<12 | rune(s[i+2]&0x3F)<<6 | rune(s[i+3]&0x3F), 4
	}
}

func main() {
	runes := []rune{'A', 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x4E16, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF}
	for _, r := range runes {
		enc := encode(r)
		s := string(r)
		same := len(enc) == len(s)
		for i := 0; same && i < len(s); i++ {
			same = enc[i] == s[i]
		}
		print(r, " len ", len(enc), " same ", same, " bytes")
		for _, b := range enc {
			print(" ", b)
		}
		println()
	}
	text := "Grüße, 世界! 🌍"
	i := 0
	n := 0
	for i < len(text) {
		r, size := decode(text, i)
		print(r, ":", size, " ")
		i += size
		n++
	}
	println()
	m := 0
	for _, r := range text {
		_ = r
		m++
	}
	println("decoded", n, "range", m)
}
