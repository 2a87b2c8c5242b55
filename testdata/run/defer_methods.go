// Deferred method calls, method values, interface method calls and
// builtins: the receiver and arguments are evaluated at the defer statement.
package main

type Counter struct {
	n    int
	name string
}

func (c *Counter) Inc()          { c.n++ }
func (c *Counter) Add(d int)     { c.n += d }
func (c Counter) Show(tag string) { println(tag, c.name, c.n) }

type Shower interface{ Show(tag string) }

type Mutex struct{ locked bool }

func (m *Mutex) Lock()   { m.locked = true; println("lock") }
func (m *Mutex) Unlock() { m.locked = false; println("unlock") }

func critical(m *Mutex) {
	m.Lock()
	defer m.Unlock()
	println("in critical section, locked =", m.locked)
}

func values() {
	c := &Counter{name: "c"}
	defer c.Show("value receiver copied at defer:")
	defer c.Add(10)
	c.Inc()
	inc := c.Inc
	defer inc()
	var s Shower = Counter{name: "iface", n: 7}
	defer s.Show("interface method:")
	s = Counter{name: "changed", n: 8}
	f := func(a, b int) { println("func value", a, b) }
	defer f(1, 2)
	f = nil
	show := Counter.Show
	defer show(*c, "method expression:")
	c.n = 100
	defer println("println deferred", c.n)
	defer print("print deferred\n")
}

func deferNilFunc() {
	defer func() { println("recovered nil func:", recover() != nil) }()
	var f func()
	defer f()
	println("defer of a nil func panics only when it runs")
}

func main() {
	critical(&Mutex{})
	values()
	deferNilFunc()
	var m Mutex
	func() {
		m.Lock()
		defer m.Unlock()
	}()
	println(m.locked)
}
