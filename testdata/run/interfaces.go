// interfaces: method sets of values and pointers, dynamic dispatch, error
// values, type assertions with comma-ok, and a type switch over any.
package main

type Shape interface {
	Area() int
	Name() string
}

type Rect struct{ w, h int }
type Square struct{ s int }

func (r Rect) Area() int      { return r.w * r.h }
func (r Rect) Name() string   { return "rect" }
func (s *Square) Area() int   { return s.s * s.s }
func (s *Square) Name() string { return "square" }

type MyErr struct{ code int }

func (e *MyErr) Error() string { return "myerr" }

func find(ok bool) error {
	if ok {
		return nil
	}
	return &MyErr{7}
}

func total(shapes []Shape) int {
	t := 0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

func describe(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return "int"
	case string:
		return "string " + v
	case Rect:
		return "rect"
	case *Square:
		return "square ptr"
	default:
		return "other"
	}
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Square{4}}
	println(total(shapes))
	for _, s := range shapes {
		println(s.Name(), s.Area())
	}
	var s Shape = Rect{5, 5}
	r := s.(Rect)
	println(r.w, r.h)
	_, ok := s.(*Square)
	println(ok)
	err := find(false)
	if err != nil {
		println("error:", err.Error())
	}
	println(find(true) == nil)
	println(describe(1), describe("x"), describe(Rect{}), describe(&Square{}), describe(nil), describe(2.5))
	var e any = 42
	n, ok2 := e.(int)
	println(n, ok2)
	m, ok3 := e.(string)
	println(m == "", ok3)
}
