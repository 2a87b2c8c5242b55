// Append, Appendf and Appendln add to an existing slice (sharing its
// array when it has room), work on nil, and compose with strconv's
// Append functions.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	buf := make([]byte, 0, 64)
	buf = fmt.Appendf(buf, "%03d|", 7)
	buf = fmt.Append(buf, "x", 1, 2, true)
	buf = fmt.Appendln(buf, " end", 3.5)
	buf = strconv.AppendFloat(buf, 1.0/3, 'g', 5, 64)
	buf = append(buf, ' ')
	buf = strconv.AppendQuoteRune(buf, '☺')
	buf = strconv.AppendQuoteRuneToASCII(buf, '☺')
	buf = strconv.AppendQuoteToASCII(buf, "héllo")
	fmt.Printf("%q %d\n", buf, cap(buf))
	var nb []byte
	nb = fmt.Appendf(nb, "%v", []string{"a"})
	fmt.Println(string(nb), len(nb))
	fmt.Println(strconv.CanBackquote("ok"), strconv.CanBackquote("a`b"), strconv.CanBackquote("tab\t"), strconv.CanBackquote("nl\n"), strconv.QuoteRuneToASCII('\u263a'))
	fmt.Println(strconv.FormatFloat(2.5, 'f', 0, 64), strconv.FormatFloat(3.5, 'f', 0, 64), strconv.FormatFloat(1e21, 'f', -1, 64), strconv.FormatFloat(0.000001234, 'g', -1, 32))
}
