// matrix: matrix multiply with arrays and with slices of slices, identity
// checks, transposition, integer and float matrices.
package main

const N = 4

type Mat [N][N]int

func mul(a, b Mat) Mat {
	var c Mat
	for i := 0; i < N; i++ {
		for j := 0; j < N; j++ {
			s := 0
			for k := 0; k < N; k++ {
				s += a[i][k] * b[k][j]
			}
			c[i][j] = s
		}
	}
	return c
}

func identity() Mat {
	var m Mat
	for i := range m {
		m[i][i] = 1
	}
	return m
}

func printMat(m Mat) {
	for _, row := range m {
		for j, v := range row {
			if j > 0 {
				print(" ")
			}
			print(v)
		}
		println()
	}
}

func newMatrix(r, c int) [][]float64 {
	m := make([][]float64, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func mulF(a, b [][]float64) [][]float64 {
	out := newMatrix(len(a), len(b[0]))
	for i := range a {
		for j := range b[0] {
			var s float64
			for k := range b {
				s += a[i][k] * b[k][j]
			}
			out[i][j] = s
		}
	}
	return out
}

func main() {
	var a Mat
	for i := 0; i < N; i++ {
		for j := 0; j < N; j++ {
			a[i][j] = i*N + j
		}
	}
	printMat(mul(a, a))
	println(mul(a, identity()) == a)
	// fibonacci by matrix powers (2x2 in a 4x4 frame)
	f := identity()
	step := Mat{{1, 1}, {1, 0}}
	step[2][2], step[3][3] = 1, 1
	for i := 0; i < 50; i++ {
		f = mul(f, step)
	}
	println("fib50", f[0][1])
	const size = 60
	x := newMatrix(size, size)
	y := newMatrix(size, size)
	for i := 0; i < size; i++ {
		for j := 0; j < size; j++ {
			x[i][j] = float64(i+j) / 10
			y[i][j] = float64(i-j) / 7
		}
	}
	z := mulF(x, y)
	trace := 0.0
	for i := 0; i < size; i++ {
		trace += z[i][i]
	}
	println("trace", trace, z[0][0], z[size-1][size-1], z[3][7])
	// transpose in place
	t := a
	for i := 0; i < N; i++ {
		for j := i + 1; j < N; j++ {
			t[i][j], t[j][i] = t[j][i], t[i][j]
		}
	}
	printMat(t)
}
