// float_special: NaN, infinities and negative zero produced at run time,
// their comparisons and printing.
package main

func main() {
	var zero float64
	nan := zero / zero
	inf := 1 / zero
	ninf := -1 / zero
	negz := -zero
	println(nan, inf, ninf, negz, zero)
	println(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan)
	println(inf > 1e308, ninf < -1e308, inf == inf, inf+ninf)
	println(negz == zero, 1/negz, 1/zero)
	println(inf*0, inf-inf, inf+1, -inf)
	var z32 float32
	n32 := z32 / z32
	i32 := 1 / z32
	println(n32, i32, -i32, -z32)
	x := 1e308
	println(x*10, -x*10, x*10-x*10)
	y := 5e-324
	println(y/2, -y/2)
	// sign of zero survives multiplication
	println(negz*5, negz*-5, zero*-1)
	// max/min with NaN
	vals := []float64{3, nan, -2, inf}
	max := ninf
	for _, v := range vals {
		if v > max {
			max = v
		}
	}
	println("max", max)
}
