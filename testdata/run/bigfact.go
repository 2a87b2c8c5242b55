// bigfact: arbitrary-precision factorial and powers of two with digit
// slices (base 10000 limbs), printed in decimal.
package main

func mulSmall(x []int, m int) []int {
	carry := 0
	for i := range x {
		v := x[i]*m + carry
		x[i] = v % 10000
		carry = v / 10000
	}
	for carry > 0 {
		x = append(x, carry%10000)
		carry /= 10000
	}
	return x
}

func toString(x []int) string {
	s := ""
	for i := len(x) - 1; i >= 0; i-- {
		v := x[i]
		part := ""
		for k := 0; k < 4; k++ {
			part = string(rune('0'+v%10)) + part
			v /= 10
		}
		s += part
	}
	for len(s) > 1 && s[0] == '0' {
		s = s[1:]
	}
	return s
}

func main() {
	f := []int{1}
	for i := 2; i <= 100; i++ {
		f = mulSmall(f, i)
		if i%25 == 0 {
			println(i, "! =", toString(f))
		}
	}
	d := toString(f)
	sum := 0
	for i := 0; i < len(d); i++ {
		sum += int(d[i] - '0')
	}
	println("digits", len(d), "digit sum", sum)
	p := []int{1}
	for i := 0; i < 256; i++ {
		p = mulSmall(p, 2)
	}
	println("2^256 =", toString(p))
}
