package main

import "fmt"

type Tree []Tree

type Peano *Peano

type Nest map[string]Nest

type Chain chan Chain

func depth(t Tree) int {
	d := 0
	for _, c := range t {
		if x := depth(c) + 1; x > d {
			d = x
		}
	}
	return d
}

func makePeano(n int) *Peano {
	if n == 0 {
		return nil
	}
	p := Peano(makePeano(n - 1))
	return &p
}

func count(p *Peano) int {
	if p == nil {
		return 0
	}
	return 1 + count(*p)
}

type Buffer int

func (*Buffer) Read() {}

type Reader interface{ Read() }

func h() (b *Buffer, ok bool) { return new(Buffer), true }

func i() (r Reader, ok bool) { return h() }

type A [3]int
type S struct{ x int }

var big [200 << 10]byte

func main() {
	t := Tree{Tree{}, Tree{Tree{Tree{}}}}
	fmt.Println(depth(t), len(t), len(t[1][0]))
	fmt.Println(count(makePeano(5)))
	n := Nest{"a": Nest{"b": nil}}
	fmt.Println(len(n), len(n["a"]), n["a"]["b"] == nil)
	c := make(Chain, 1)
	c <- c
	fmt.Println(<-c == c)
	r, ok := i()
	_, isBuf := r.(*Buffer)
	fmt.Println(ok, isBuf)
	var a A = [...]int{1, 2, 3}
	var s S = struct{ x int }{4}
	fmt.Println(a, s)
	var local [300 << 10]int32
	local[len(local)-1] = 7
	big[len(big)-1] = 9
	fmt.Println(local[len(local)-1], big[len(big)-1], len(local))
}
