// strbuild: building strings with concatenation, integer formatting by hand,
// padding, joining, repeating, and reversing.
package main

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	var buf [20]byte
	i := len(buf)
	for n != 0 {
		d := n % 10
		if d < 0 {
			d = -d
		}
		i--
		buf[i] = byte('0' + d)
		n /= 10
	}
	s := ""
	if neg {
		s = "-"
	}
	for _, b := range buf[i:] {
		s += string(rune(b))
	}
	return s
}

func hex(n uint64) string {
	const digits = "0123456789abcdef"
	if n == 0 {
		return "h:0"
	}
	s := ""
	for n > 0 {
		s = string(rune(digits[n%16])) + s
		n /= 16
	}
	return "h:" + s
}

func pad(s string, w int) string {
	for len(s) < w {
		s = " " + s
	}
	return s
}

func repeat(s string, n int) string {
	out := ""
	for i := 0; i < n; i++ {
		out += s
	}
	return out
}

func join(parts []string, sep string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += sep
		}
		out += p
	}
	return out
}

func main() {
	println(itoa(0), itoa(42), itoa(-9876), itoa(-9223372036854775808), itoa(9223372036854775807))
	println(hex(255), hex(0), hex(0xdeadbeef), hex(18446744073709551615))
	for i := 1; i <= 1000; i *= 10 {
		println("[" + pad(itoa(i), 6) + "]")
	}
	println(repeat("ab", 5), len(repeat("xyz", 1000)))
	println(join([]string{"a", "b", "c"}, ", "), join(nil, "-") == "")
	table := ""
	for i := 1; i <= 5; i++ {
		row := ""
		for j := 1; j <= 5; j++ {
			row += pad(itoa(i*j), 4)
		}
		table += row + "\n"
	}
	print(table)
	// fizzbuzz into one string
	fb := ""
	for i := 1; i <= 20; i++ {
		switch {
		case i%15 == 0:
			fb += "FizzBuzz"
		case i%3 == 0:
			fb += "Fizz"
		case i%5 == 0:
			fb += "Buzz"
		default:
			fb += itoa(i)
		}
		fb += " "
	}
	println(fb)
	big := ""
	for i := 0; i < 2000; i++ {
		big += string(rune('a' + i%26))
	}
	println(len(big), big[1990:])
}
