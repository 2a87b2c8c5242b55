// structs: struct values are copied on assignment, in calls and returns;
// nested structs, embedded arrays, struct comparison, zero values, field
// access through pointers, anonymous struct types.
package main

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Name     string
}

type Buf struct {
	data [4]int
	n    int
}

func area(r Rect) int {
	return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y)
}

func grow(r Rect, d int) Rect {
	r.Min.X -= d
	r.Min.Y -= d
	r.Max.X += d
	r.Max.Y += d
	return r
}

func push(b *Buf, v int) {
	b.data[b.n] = v
	b.n++
}

func main() {
	r := Rect{Point{0, 0}, Point{3, 4}, "r"}
	g := grow(r, 1)
	println(area(r), area(g), r.Min.X, g.Min.X, g.Name)
	r2 := r
	r2.Max.X = 10
	println(r.Max.X, r2.Max.X, r == r2, r == Rect{Max: Point{3, 4}, Name: "r"})
	var zero Rect
	println(zero.Min.X, zero.Name == "", zero == Rect{})
	var b Buf
	push(&b, 5)
	push(&b, 6)
	c := b
	push(&c, 7)
	println(b.n, c.n, b.data[2], c.data[2])
	p := &r.Max
	p.Y = 40
	println(r.Max.Y)
	anon := struct {
		a int
		b string
	}{1, "x"}
	println(anon.a, anon.b)
	pts := []Point{{1, 2}, {3, 4}}
	for _, pt := range pts {
		pt.X = 100 // copy
	}
	println(pts[0].X)
	for i := range pts {
		pts[i].X = 100
	}
	println(pts[0].X, pts[1].X)
	type Node struct {
		val  int
		next *Node
	}
	var head *Node
	for i := 0; i < 5; i++ {
		head = &Node{i, head}
	}
	for n := head; n != nil; n = n.next {
		print(n.val, " ")
	}
	println()
	type mixed struct {
		a int8
		b int64
		c int16
		d bool
		e float32
		f string
	}
	m := mixed{-1, 1 << 40, 300, true, 1.5, "s"}
	m2 := m
	m2.c++
	println(m.a, m.b, m.c, m.d, m.e, m.f, m2.c, m == m2)
	arr := [3]Point{}
	arr[1] = Point{Y: 9}
	println(arr[1].X, arr[1].Y)
}
