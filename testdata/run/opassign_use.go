package main

// x++ and x += n read x, so they count as uses: this compiles.
func main() {
	x := 0
	x++
	y := 1
	y += 2
	var z int
	go func() {
		z--
	}()
	println("ok")
}
