// int_divmod: truncated division and remainder signs for every width,
// including the most negative value divided by -1 (which does not trap in Go).
package main

func main() {
	nums := []int{7, -7, 7, -7, 0, 1, -1, 13}
	dens := []int{2, 2, -2, -2, 3, 5, 5, -4}
	for i := 0; i < len(nums); i++ {
		println(nums[i], "/", dens[i], "=", nums[i]/dens[i], "rem", nums[i]%dens[i])
	}
	var m8 int8 = -128
	var d8 int8 = -1
	println("int8 min/-1", m8/d8, m8%d8)
	var m16 int16 = -32768
	var d16 int16 = -1
	println("int16 min/-1", m16/d16, m16%d16)
	var m32 int32 = -2147483648
	var d32 int32 = -1
	println("int32 min/-1", m32/d32, m32%d32)
	var m64 int64 = -9223372036854775808
	var d64 int64 = -1
	println("int64 min/-1", m64/d64, m64%d64)
	var u uint64 = 18446744073709551615
	var ud uint64 = 10
	println("uint64", u/ud, u%ud)
	var u8 uint8 = 250
	var ud8 uint8 = 7
	println("uint8", u8/ud8, u8%ud8)
	var i8 int8 = -100
	var id8 int8 = 7
	println("int8", i8/id8, i8%id8)
	// digit sums via repeated division
	n := 9876543210
	sum := 0
	for n > 0 {
		sum += n % 10
		n /= 10
	}
	println("digit sum", sum)
	// power-of-two division of negatives (must truncate, not floor)
	for _, v := range []int{-1, -2, -3, -4, -5, -7, -8, -9} {
		println(v, v/2, v/4, v%2, v%4, v>>1)
	}
}
