// arrays: arrays are values: assignment, passing and returning copy them;
// comparison with ==; multi-dimensional arrays; [...] literals; keyed elements.
package main

func double(a [5]int) [5]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func fill(p *[5]int, v int) {
	for i := 0; i < len(p); i++ {
		p[i] = v
	}
}

func sum(a [5]int) int {
	s := 0
	for _, v := range a {
		s += v
	}
	return s
}

func main() {
	a := [5]int{1, 2, 3, 4, 5}
	b := a
	b[0] = 100
	println(a[0], b[0], sum(a), sum(b))
	c := double(a)
	println(a[4], c[4], sum(c))
	fill(&a, 7)
	println(a[0], a[4], sum(a))
	println(a == b, a == [5]int{7, 7, 7, 7, 7}, a != b)
	d := [...]string{2: "two", 0: "zero", 5: "five"}
	println(len(d), d[0], d[1] == "", d[2], d[5])
	var m [3][4]int
	for i := 0; i < 3; i++ {
		for j := 0; j < 4; j++ {
			m[i][j] = i * j
		}
	}
	row := m[2]
	row[3] = -1
	println(m[2][3], row[3], len(m), len(m[0]))
	var z [4]bool
	println(z[0], z[3], len(z), cap(z))
	type pair struct{ x, y int }
	ps := [2]pair{{1, 2}, {3, 4}}
	qs := ps
	qs[1].x = 30
	println(ps[1].x, qs[1].x, ps == qs)
	// array of arrays copied element-wise
	grid := [2][2]int{{1, 2}, {3, 4}}
	g2 := grid
	g2[0][0] = 9
	println(grid[0][0], g2[0][0])
	// array indexes with variables of different integer types
	var i8 int8 = 1
	var u16 uint16 = 2
	println(a[i8], d[u16])
	// byte array as a small buffer
	var buf [8]byte
	n := 0
	for v := 12345; v > 0; v /= 10 {
		buf[len(buf)-1-n] = byte('0' + v%10)
		n++
	}
	s := ""
	for _, ch := range buf[len(buf)-n:] {
		s += string(rune(ch))
	}
	println(s)
	var empty [0]int
	println(len(empty))
}
