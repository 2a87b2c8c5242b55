// numbers: gcd, lcm, perfect numbers, digital roots, integer square roots,
// modular exponentiation, and base conversion.
package main

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func lcm(a, b int) int {
	return a / gcd(a, b) * b
}

func isqrt(n uint64) uint64 {
	if n < 2 {
		return n
	}
	if n < 4 {
		return 1
	}
	x := n
	y := x/2 + 1
	for y < x {
		x = y
		y = (x + n/x) / 2
	}
	return x
}

func powmod(b, e, m uint64) uint64 {
	r := uint64(1)
	b %= m
	for e > 0 {
		if e&1 == 1 {
			r = r * b % m
		}
		b = b * b % m
		e >>= 1
	}
	return r
}

func toBase(n, base int) string {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = digits[n%base:n%base+1] + s
		n /= base
	}
	return s
}

func main() {
	println(gcd(1071, 462), gcd(17, 5), gcd(0, 9), lcm(4, 6), lcm(21, 6))
	l := 1
	for i := 1; i <= 20; i++ {
		l = lcm(l, i)
	}
	println("lcm 1..20", l)
	for n := 2; n < 10000; n++ {
		s := 1
		for d := 2; d*d <= n; d++ {
			if n%d == 0 {
				s += d
				if d*d != n {
					s += n / d
				}
			}
		}
		if s == n {
			println("perfect", n)
		}
	}
	for _, n := range []int{0, 9, 38, 123456789, 999999999999} {
		println("digital root", n, 1+(n-1)%9, n%9)
	}
	for _, n := range []uint64{0, 1, 15, 16, 17, 1000000, 18446744073709551615} {
		println("isqrt", n, isqrt(n))
	}
	println(powmod(2, 10, 1000), powmod(3, 200, 1000000007), powmod(7, 0, 13))
	for _, b := range []int{2, 8, 16, 36} {
		println(b, toBase(255, b), toBase(1000000, b))
	}
	// Armstrong numbers under 10000
	for n := 1; n < 10000; n++ {
		digits := 0
		for t := n; t > 0; t /= 10 {
			digits++
		}
		s := 0
		for t := n; t > 0; t /= 10 {
			p := 1
			for k := 0; k < digits; k++ {
				p *= t % 10
			}
			s += p
		}
		if s == n && n >= 10 {
			print(n, " ")
		}
	}
	println()
}
