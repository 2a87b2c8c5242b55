// The fmt table: every combination of flags, widths and precisions with
// the verbs that suit each operand kind, over a set of values of each
// kind (thousands of cases). Each output line is "format|index|result";
// the expected file is real Go's output, so it is the data of the table.
package main

import (
	"fmt"
	"math"
	"os"
	"strings"
)

type stringer int

func (s stringer) String() string { return fmt.Sprintf("S%d", int(s)) }

type point struct {
	X int
	Y string
}

var flagSets = []string{"", "+", "-", "#", "0", " ", "+0", "-0", "#0", "# ", "+-", "-#"}
var widths = []string{"", "9"}
var precs = []string{"", ".0", ".3"}

func table(w *strings.Builder, verbs string, vals []any) {
	for vi, v := range vals {
		for _, verb := range verbs {
			for _, fl := range flagSets {
				for _, wd := range widths {
					for _, pr := range precs {
						f := "%" + fl + wd + pr + string(verb)
						w.WriteString(f)
						w.WriteString("|")
						w.WriteString(fmt.Sprint(vi))
						w.WriteString("|")
						w.WriteString(fmt.Sprintf(f, v))
						w.WriteString("\n")
					}
				}
			}
		}
		os.Stdout.WriteString(w.String())
		w.Reset()
	}
}

func main() {
	var w strings.Builder
	table(&w, "vdbxXoOcqU", []any{0, 1, -1, 42, -1234567, math.MaxInt64, math.MinInt64,
		int8(-128), uint8(200), uint16(65535), uint32(1 << 31), uint64(math.MaxUint64), 'ä', 0x1F600})
	table(&w, "veEfFgGx", []any{0.0, math.Copysign(0, -1), 1.0, -1.5, 3.141592653589793, 1e-7,
		1e21, 123456.789, 0.1, 2.5, 0.005, 1e100, 5e-324, math.MaxFloat64,
		float32(0.1), float32(-3.75), float32(1e10), math.NaN(), math.Inf(1), math.Inf(-1)})
	table(&w, "vsqxX", []any{"", "a", "hello, world", "héllo 世界", "tab\tnl\n", "`back`", "\xff\x00"})
	table(&w, "vsqxXd", []any{[]byte("hi\x00"), []byte{}, [2]byte{1, 255}})
	table(&w, "vtsd", []any{true, false})
	table(&w, "vsdqx", []any{stringer(7), point{1, "p"}, &point{2, "q"}, []int{1, -2, 3},
		[]string{"a", "b"}, map[string]int{"k": 1, "a": 2}, []any{nil, 1, "x"}, nil})
}
