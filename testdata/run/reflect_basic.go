// The reflect subset: TypeOf (String, Name, Kind, Elem, Key, Len,
// NumField, Field), ValueOf (Kind, Int, Uint, Float, String, Bool, Len,
// Index, Elem, Field, Interface, CanInterface, IsNil, MapKeys), Kind
// names, Type equality, printing reflect.Value with fmt, and the panics
// of calls on the wrong kind.
package main

import (
	"fmt"
	"reflect"
	"sort"
)

type Point struct {
	X, Y   int
	label  string
	Nested *Point
}

type MyInt int

func (m MyInt) String() string { return fmt.Sprintf("MyInt(%d)", int(m)) }

func main() {
	for _, x := range []any{1, "s", 2.5, true, MyInt(3), Point{}, &Point{}, []int{}, [3]byte{}, map[string]bool{}, make(chan int), func() {}, error(nil)} {
		t := reflect.TypeOf(x)
		if t == nil {
			fmt.Println("nil type")
			continue
		}
		fmt.Printf("%-18s name=%-6q kind=%v\n", t.String(), t.Name(), t.Kind())
	}
	pt := reflect.TypeOf(Point{})
	for i := 0; i < pt.NumField(); i++ {
		f := pt.Field(i)
		fmt.Println(f.Name, f.Type, f.Offset, f.Anonymous, f.IsExported())
	}
	fmt.Println(reflect.TypeOf(&Point{}).Elem() == pt, reflect.TypeOf(1) == reflect.TypeOf(2), reflect.TypeOf(1) == reflect.TypeOf(MyInt(1)))
	fmt.Println(reflect.TypeOf(map[string][]int{}).Key(), reflect.TypeOf(map[string][]int{}).Elem(), reflect.TypeOf([4]int{}).Len())

	v := reflect.ValueOf(Point{1, 2, "p", nil})
	fmt.Println(v.Kind(), v.NumField(), v.Field(0).Int(), v.Field(2).String(), v.Field(2).CanInterface(), v.Field(3).IsNil())
	fmt.Println(v.Field(0).Interface(), v)
	s := reflect.ValueOf([]string{"a", "b", "c"})
	fmt.Println(s.Len(), s.Index(1), s.Index(2).Interface())
	p := reflect.ValueOf(&Point{X: 9})
	fmt.Println(p.Kind(), p.Elem().Field(0).Int(), p.Elem().Type())
	fmt.Println(reflect.ValueOf(uint8(200)).Uint(), reflect.ValueOf(float32(1.5)).Float(), reflect.ValueOf(true).Bool())
	fmt.Println(reflect.ValueOf(MyInt(4)), reflect.ValueOf(7).String(), reflect.ValueOf("str").String())
	m := reflect.ValueOf(map[string]int{"b": 2, "a": 1})
	var keys []string
	for _, k := range m.MapKeys() {
		keys = append(keys, k.String())
	}
	sort.Strings(keys)
	fmt.Println(keys, m.Len(), m.MapIndex(reflect.ValueOf("b")))
	var e any = 5
	fmt.Println(reflect.ValueOf(&e).Elem().Kind(), reflect.ValueOf(&e).Elem().Elem().Int())
	fmt.Println(reflect.ValueOf(nil).IsValid(), reflect.Ptr == reflect.Pointer, reflect.Kind(100))
	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.ValueOf("x").Int()
}
