// crc32: table-driven CRC-32 (IEEE) and Adler-32 over strings, with a
// package-level table filled in init().
package main

var table [256]uint32

func init() {
	for i := 0; i < 256; i++ {
		c := uint32(i)
		for k := 0; k < 8; k++ {
			if c&1 == 1 {
				c = 0xEDB88320 ^ (c >> 1)
			} else {
				c >>= 1
			}
		}
		table[i] = c
	}
}

func crc(s string) uint32 {
	c := ^uint32(0)
	for i := 0; i < len(s); i++ {
		c = table[byte(c)^s[i]] ^ (c >> 8)
	}
	return ^c
}

func adler(s string) uint32 {
	a, b := uint32(1), uint32(0)
	for i := 0; i < len(s); i++ {
		a = (a + uint32(s[i])) % 65521
		b = (b + a) % 65521
	}
	return b<<16 | a
}

func main() {
	inputs := []string{"", "a", "abc", "123456789", "The quick brown fox jumps over the lazy dog", "héllo wörld"}
	for _, s := range inputs {
		println(crc(s), adler(s), len(s))
	}
	println(table[1], table[128], table[255])
	long := ""
	for i := 0; i < 1000; i++ {
		long += string(rune('a' + i%26))
	}
	println(crc(long), adler(long))
}
