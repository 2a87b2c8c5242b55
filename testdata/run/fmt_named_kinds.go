// Operands of named types are printed by their kind: named ints, floats,
// strings, bools, slices, maps, structs, arrays and funcs, with the verbs
// each kind accepts and the bad-verb reports naming the named type.
package main

import "fmt"

type (
	ID     int64
	Ratio  float32
	Label  string
	Flag   bool
	IDs    []ID
	Index  map[Label]ID
	Pair   [2]Label
	Handle uint8
	Bytes  []byte
)

func main() {
	fmt.Printf("%v %d %x %s\n", ID(7), ID(-7), ID(255), ID(1))
	fmt.Printf("%v %.2f %e %d\n", Ratio(0.25), Ratio(1.0/3), Ratio(100), Ratio(1))
	fmt.Printf("%v %q %x %d\n", Label("lbl"), Label("q"), Label("hi"), Label("d"))
	fmt.Printf("%v %t %d\n", Flag(true), Flag(false), Flag(true))
	fmt.Printf("%v %d %x %s\n", IDs{1, 2}, IDs{3}, IDs{255}, IDs{4})
	fmt.Printf("%v %#v\n", Index{"b": 2, "a": 1}, Index{"z": 26})
	fmt.Printf("%v %q %#v\n", Pair{"x", "y"}, Pair{"x", "y"}, Pair{"x", "y"})
	fmt.Printf("%v %c %q %x\n", Handle(65), Handle(66), Handle(67), Handle(68))
	fmt.Printf("%v %s %x %#v\n", Bytes("ab"), Bytes("cd"), Bytes("ef"), Bytes("g"))
	fmt.Printf("%T %T %T %T\n", ID(0), IDs{}, Index{}, Pair{})
}
