// mandelbrot: float64 iteration rendered as ASCII art, plus an iteration
// total that depends on exact IEEE arithmetic.
package main

func main() {
	const w, h = 60, 24
	const maxIter = 200
	chars := " .:-=+*#%@"
	total := 0
	for y := 0; y < h; y++ {
		line := ""
		ci := float64(y)/float64(h)*2.4 - 1.2
		for x := 0; x < w; x++ {
			cr := float64(x)/float64(w)*3.2 - 2.2
			zr, zi := 0.0, 0.0
			n := 0
			for n < maxIter && zr*zr+zi*zi <= 4 {
				zr, zi = zr*zr-zi*zi+cr, 2*zr*zi+ci
				n++
			}
			total += n
			if n == maxIter {
				line += "@"
			} else {
				line += chars[n%9 : n%9+1]
			}
		}
		println(line)
	}
	println("total iterations", total)
}
