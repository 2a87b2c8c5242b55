// iface_more: embedded interfaces, promoted methods satisfying interfaces,
// typed nil pointers in interfaces, interface equality, method values of
// interface methods, and conversions between interface types.
package main

type Reader interface{ Read() string }
type Writer interface{ Write(s string) int }
type ReadWriter interface {
	Reader
	Writer
}

type File struct {
	name string
	data []string
}

func (f *File) Read() string {
	if len(f.data) == 0 {
		return ""
	}
	s := f.data[0]
	f.data = f.data[1:]
	return s
}

func (f *File) Write(s string) int {
	f.data = append(f.data, s)
	return len(s)
}

type Logged struct {
	*File
	count int
}

type Named interface{ Name() string }

type Animal struct{ kind string }

func (a Animal) Name() string { return a.kind }

type Dog struct {
	Animal
	age int
}

type Pt struct{ x, y int }

func main() {
	f := &File{name: "a"}
	var rw ReadWriter = f
	rw.Write("hello")
	rw.Write("world")
	var r Reader = rw
	println(r.Read(), rw.Read(), r.Read() == "")
	l := Logged{File: &File{}}
	var w Writer = l
	println(w.Write("abc"), len(l.data))
	var n Named = Dog{Animal{"dog"}, 3}
	println(n.Name())
	var fp *File
	var rd Reader = fp
	println(rd == nil, fp == nil)
	var a, b any = Pt{1, 2}, Pt{1, 2}
	println(a == b, a == any(Pt{2, 1}), a != nil)
	var c any = 3
	println(c == 3, c == "3", c == any(3.0))
	read := rw.Read
	rw.Write("later")
	println(read())
	var e1, e2 error
	println(e1 == e2)
	var x any = "str"
	if s, ok := x.(string); ok {
		println("string", s, len(s))
	}
	if _, ok := x.(Reader); !ok {
		println("not a reader")
	}
	var any2 any = f
	if rr, ok := any2.(Reader); ok {
		rr.(Writer).Write("via assertion")
		println(rr.Read())
	}
	vals := []any{1, "two", 3.5, Pt{4, 5}, nil, true}
	for _, v := range vals {
		switch t := v.(type) {
		case int, float64:
			println("number", t != nil)
		case string:
			println("string", t)
		case Pt:
			println("point", t.x+t.y)
		case nil:
			println("nil")
		default:
			println("other")
		}
	}
	var r2 Reader = (*File)(nil)
	_ = r2.(Writer)
	var z any = 5
	println(z.(string))
}
