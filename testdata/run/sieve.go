// sieve: the sieve of Eratosthenes over a bool slice, prime counting,
// twin primes, and a segmented check against trial division.
package main

func sieve(n int) []bool {
	composite := make([]bool, n+1)
	composite[0] = true
	composite[1] = true
	for i := 2; i*i <= n; i++ {
		if !composite[i] {
			for j := i * i; j <= n; j += i {
				composite[j] = true
			}
		}
	}
	return composite
}

func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	for d := 2; d*d <= n; d++ {
		if n%d == 0 {
			return false
		}
	}
	return true
}

func main() {
	const N = 200000
	c := sieve(N)
	count := 0
	last := 0
	twins := 0
	for i := 2; i <= N; i++ {
		if !c[i] {
			count++
			if i-last == 2 {
				twins++
			}
			last = i
		}
	}
	println("primes below", N, count, "largest", last, "twin pairs", twins)
	for i := 0; i < 100; i++ {
		if !c[i] {
			print(i, " ")
		}
	}
	println()
	bad := 0
	for i := 0; i < 5000; i++ {
		if isPrime(i) == c[i] {
			bad++
		}
	}
	println("mismatches", bad)
	// goldbach for small evens
	for e := 4; e <= 40; e += 6 {
		for p := 2; p <= e/2; p++ {
			if !c[p] && !c[e-p] {
				println(e, "=", p, "+", e-p)
				break
			}
		}
	}
}
