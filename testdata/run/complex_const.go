// Complex constants are exact, as other constants: arithmetic on untyped
// complex constants, imaginary literals in every base, constants mixing
// kinds, typed constants rounded to their type, and the constant forms of
// complex, real and imag.
package main

const (
	i     = 1i
	ii    = i * i
	third = (1 + 2i) / 3
	big   = 1e300i * 1e300i / 1e300
	z     = complex(3, 4)
	re    = real(z)
	im    = imag(z)
	n     = real(5) + imag(2i) // numeric constants count as complex
)

const c64 complex64 = 1.0/3 + 1i/3
const c128 complex128 = 1.0/3 + 1i/3

type C complex128

const typed C = 2 - 3i

func main() {
	println(i, ii, third, big, z, re, im, n)
	println(0i, 0x10i, 0o17i, 0b101i, 017i, 0123i, 1e2i, 1.5e-3i, 0x1p-2i, .5i, 1_000i)
	var k int = ii * 3 // -3 + 0i fits int
	var f float32 = z * z / (7 - 24i) // 1 + 0i
	println(k, f)
	println(c64, c128, complex128(c64) == c128, real(c64), imag(c128))
	println(typed, real(typed), typed*typed)
	var dyn = 1 + 2i
	println(dyn * typed2())
	const exact = (1 + 1i) * (1 - 1i) // 2
	var arr [int(exact)]int
	println(len(arr), exact == 2, z == 3+4i, z != 4+3i)
	println(-i, -(1 + 2i), 1/(1+1i))
}

func typed2() complex128 { return complex128(typed) }
