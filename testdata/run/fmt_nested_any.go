// Interfaces nested in composites: []any holding maps holding slices of
// any, structs in interfaces in maps, nil interfaces at every level, with
// %v %+v %#v and %T of the parts.
package main

import "fmt"

type Node struct {
	Name string
	Kids []Node
	Data any
}

func main() {
	x := []any{
		map[string]any{"list": []any{1, "two", 3.0, nil}, "map": map[int]any{2: true, 1: nil}},
		Node{"root", []Node{{"a", nil, 1}, {"b", []Node{{"c", nil, []int{1}}}, nil}}, map[string]int{"k": 1}},
		[]Node{},
		nil,
	}
	fmt.Printf("%v\n%+v\n%#v\n", x, x, x)
	for _, e := range x {
		fmt.Printf("%T ", e)
	}
	fmt.Println()
	var deep any = []any{[]any{[]any{[]any{"deep"}}}}
	fmt.Println(deep)
}
