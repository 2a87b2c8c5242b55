// Formatter implementations the way programs write them: re-dispatching
// with a rebuilt format (flags from State.Flag, width and precision),
// writing with Fprintf and io.WriteString to the State, handling %v vs
// %+v vs %s, and nested Formatters inside slices and structs.
package main

import (
	"fmt"
	"io"
	"strconv"
)

type Money struct {
	Cents int64
	Cur   string
}

func (m Money) Format(s fmt.State, verb rune) {
	switch verb {
	case 'v', 's':
		if s.Flag('+') {
			fmt.Fprintf(s, "%s %d.%02d", m.Cur, m.Cents/100, m.Cents%100)
			return
		}
		io.WriteString(s, strconv.FormatFloat(float64(m.Cents)/100, 'f', 2, 64))
	case 'd':
		f := "%"
		for _, c := range "+-# 0" {
			if s.Flag(int(c)) {
				f += string(c)
			}
		}
		if w, ok := s.Width(); ok {
			f += strconv.Itoa(w)
		}
		if p, ok := s.Precision(); ok {
			f += "." + strconv.Itoa(p)
		}
		fmt.Fprintf(s, f+"d", m.Cents)
	default:
		fmt.Fprintf(s, "%%!%c(Money)", verb)
	}
}

type Ledger struct {
	Owner string
	Items []Money
}

func main() {
	m := Money{12345, "EUR"}
	fmt.Printf("%v|%+v|%s|%d|%08d|%-8d|%+.3d|%x\n", m, m, m, m, m, m, m, m)
	fmt.Println(m, []Money{{1, "X"}, {250, "Y"}})
	fmt.Printf("%v\n%+v\n", Ledger{"ann", []Money{{99, "USD"}}}, Ledger{"bob", nil})
	fmt.Println(fmt.Sprint(m), fmt.Sprintf("%T", m))
}
