package main

import (
	"sort"
	"sync"
)

// show prints what fmt.Println would for the values used here.
func show(v any) string {
	switch x := v.(type) {
	case nil:
		return "<nil>"
	case int:
		s := ""
		if x < 0 {
			return "neg"
		}
		for {
			s = string(rune('0'+x%10)) + s
			x /= 10
			if x == 0 {
				return s
			}
		}
	case string:
		return x
	}
	return "?"
}

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m.Store(i, i*10)
		}()
	}
	wg.Wait()
	v, ok := m.Load(3)
	println(show(v), ok)
	v, ok = m.Load(42)
	println(show(v), ok)
	a, loaded := m.LoadOrStore(3, 99)
	println(show(a), loaded)
	a, loaded = m.LoadOrStore(11, 110)
	println(show(a), loaded)
	m.Delete(0)
	p, ok := m.LoadAndDelete(1)
	println(show(p), ok)
	println(m.CompareAndSwap(2, 20, 21), m.CompareAndSwap(2, 20, 22))
	println(m.CompareAndDelete(4, 41), m.CompareAndDelete(4, 40))
	prev, ok := m.Swap(5, "five")
	println(show(prev), ok)
	var keys []int
	m.Range(func(k, v any) bool {
		keys = append(keys, k.(int))
		return true
	})
	sort.Ints(keys)
	println(len(keys), keys[0], keys[len(keys)-1])
	n := 0
	m.Range(func(k, v any) bool {
		n++
		return n < 3
	})
	println(n)
	m.Clear()
	_, ok = m.Load(5)
	println(ok)

	pool := sync.Pool{New: func() any { return new([64]byte) }}
	b := pool.Get().(*[64]byte)
	b[0] = 7
	pool.Put(b)
	var empty sync.Pool
	println(empty.Get() == nil)
}
