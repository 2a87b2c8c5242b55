// life: Conway's game of life on a fixed torus held in arrays, copied by
// value between generations; prints a glider's progress and a population.
package main

const W = 12
const H = 10

type Board [H][W]bool

func step(b Board) Board {
	var next Board
	for y := 0; y < H; y++ {
		for x := 0; x < W; x++ {
			n := 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if dx == 0 && dy == 0 {
						continue
					}
					if b[(y+dy+H)%H][(x+dx+W)%W] {
						n++
					}
				}
			}
			next[y][x] = n == 3 || (n == 2 && b[y][x])
		}
	}
	return next
}

func show(b Board) {
	for _, row := range b {
		line := ""
		for _, c := range row {
			if c {
				line += "#"
			} else {
				line += "."
			}
		}
		println(line)
	}
}

func population(b Board) int {
	n := 0
	for _, row := range b {
		for _, c := range row {
			if c {
				n++
			}
		}
	}
	return n
}

func main() {
	var b Board
	b[0][1] = true
	b[1][2] = true
	b[2][0], b[2][1], b[2][2] = true, true, true
	// a blinker elsewhere
	b[6][7], b[6][8], b[6][9] = true, true, true
	start := b
	for gen := 0; gen <= 8; gen++ {
		if gen%4 == 0 {
			println("generation", gen, "population", population(b))
			show(b)
		}
		b = step(b)
	}
	println(start == b, population(start))
	for i := 0; i < 40; i++ {
		b = step(b)
	}
	println("after 48", population(b))
}
