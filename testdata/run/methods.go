// methods: value and pointer receivers with implicit & and *, promotion
// through embedded values and pointers, chained pointer methods, method
// values binding copies of their receivers, and method expressions.
package main

type Counter struct {
	name string
	n    int
}

func (c *Counter) Inc() { c.n++ }

func (c Counter) Get() int { return c.n }

func (c Counter) Rename(s string) Counter {
	c.name = s
	return c
}

type MyInt int

func (m MyInt) Double() MyInt { return m * 2 }

func (m *MyInt) Add(k int) { *m += MyInt(k) }

type Base struct{ id int }

func (b Base) ID() int     { return b.id }
func (b *Base) SetID(i int) { b.id = i }

type Named struct {
	Base
	label string
}

type Deep struct {
	*Named
	extra int
}

type List struct {
	items []int
}

func (l *List) Push(x int) *List {
	l.items = append(l.items, x)
	return l
}

func (l List) Sum() (s int) {
	for _, v := range l.items {
		s += v
	}
	return
}

func main() {
	c := Counter{name: "a"}
	c.Inc()
	c.Inc()
	p := &c
	p.Inc()
	println(c.Get(), p.Get(), c.n)
	d := c.Rename("b")
	println(c.name, d.name, d.Get())
	var m MyInt = 5
	m.Add(3)
	println(m, m.Double(), MyInt(7).Double())
	n := Named{Base{1}, "x"}
	n.SetID(42)
	println(n.ID(), n.Base.ID(), n.id)
	dp := Deep{&n, 0}
	dp.SetID(7)
	println(dp.ID(), n.id)
	l := &List{}
	l.Push(1).Push(2).Push(3)
	println(l.Sum(), len(l.items))
	inc := c.Inc
	inc()
	inc()
	get := c.Get
	c.Inc()
	println(c.n, get())
	f := Counter.Get
	g := (*Counter).Inc
	g(&c)
	println(f(c), c.n)
	h := MyInt.Double
	println(h(21))
	pg := (*Counter).Get
	println(pg(&c))
	var fs []func() int
	for i := 0; i < 3; i++ {
		cc := Counter{n: i * 10}
		fs = append(fs, cc.Get)
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	ren := c.Rename
	x := ren("z")
	y := ren("w")
	println(x.name, y.name, c.name)
}
