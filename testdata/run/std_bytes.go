// Package bytes: the functions mirroring strings on byte slices, with
// nil/empty results and shared memory of subslices (Split, Fields, Trim,
// Cut) checked by writing through them; Buffer reading and writing
// (Read, ReadByte, ReadRune, ReadString, Next, Truncate, Grow, WriteTo an
// *os.File); package io's EOF; Repeat's panic.
package main

import (
	"bytes"
	"io"
	"os"
	"unicode"
)

func q(b []byte) string {
	if b == nil {
		return "nil"
	}
	return "[" + string(b) + "]"
}

func list(a [][]byte) {
	print(len(a), a == nil, ":")
	for _, b := range a {
		print(" ", q(b), cap(b))
	}
	println()
}

func main() {
	s := []byte("héllo, wörld, héllo")
	println(bytes.Index(s, []byte("llo")), bytes.LastIndex(s, []byte("llo")), bytes.IndexByte(s, ','), bytes.LastIndexByte(s, 'h'), bytes.IndexRune(s, 'ö'), bytes.IndexAny(s, "wö"), bytes.LastIndexAny(s, "é"))
	println(bytes.Contains(s, []byte("wör")), bytes.ContainsAny(s, "xyz"), bytes.ContainsRune(s, 'é'), bytes.Count(s, []byte("l")), bytes.Count(s, nil), bytes.HasPrefix(s, []byte("hé")), bytes.HasSuffix(s, []byte("lo")))
	println(bytes.Equal(nil, []byte{}), bytes.Equal([]byte("a"), []byte("b")), bytes.Compare([]byte("a"), []byte("b")), bytes.EqualFold([]byte("Go"), []byte("GO")), bytes.IndexFunc(s, unicode.IsPunct), bytes.LastIndexFunc(s, unicode.IsSpace))
	parts := bytes.Split(s, []byte(", "))
	list(parts)
	parts[0][0] = 'H'
	println(string(s))
	list(bytes.Split([]byte("a,b,,c,"), []byte(",")))
	list(bytes.Split(nil, []byte(",")))
	list(bytes.Split([]byte("añ\xffz"), nil))
	list(bytes.SplitN([]byte("a,b,c"), []byte(","), 2))
	list(bytes.SplitN([]byte("a,b,c"), []byte(","), 0))
	list(bytes.SplitAfter([]byte("a,b,c"), []byte(",")))
	list(bytes.SplitAfterN([]byte("a,b,c"), []byte(","), 2))
	f := bytes.Fields([]byte("  foo bar\t\nbaz\u00a0 end  "))
	list(f)
	list(bytes.Fields([]byte("   ")))
	list(bytes.FieldsFunc([]byte("a1b22c333"), unicode.IsDigit))
	println(q(bytes.Join([][]byte{[]byte("x"), []byte("y")}, []byte("--"))), q(bytes.Join(nil, []byte(","))), q(bytes.Join([][]byte{nil, nil}, nil)))
	println(q(bytes.Repeat([]byte("ab"), 3)), q(bytes.Repeat([]byte("x"), 0)), q(bytes.Repeat(nil, 5)))
	println(q(bytes.Replace([]byte("oink oink"), []byte("k"), []byte("ky"), 1)), q(bytes.ReplaceAll([]byte("abc"), nil, []byte("-"))), q(bytes.Replace(nil, []byte("a"), []byte("b"), -1)))
	println(q(bytes.ToUpper([]byte("héllo ß"))), q(bytes.ToLower([]byte("HÉLLO"))), q(bytes.ToTitle([]byte("x"))), q(bytes.Map(unicode.ToUpper, nil)), q(bytes.ToUpper([]byte{})))
	t := []byte("  xx trim me xx  ")
	ts := bytes.TrimSpace(t)
	println(q(ts), len(ts), q(bytes.TrimSpace([]byte("   "))), q(bytes.TrimSpace(nil)), q(bytes.TrimSpace([]byte{})))
	println(q(bytes.Trim(ts, "x "))+q(bytes.TrimLeft(ts, "x"))+q(bytes.TrimRight(ts, "x")), q(bytes.Trim(nil, "x")), q(bytes.Trim([]byte("xx"), "x")), q(bytes.TrimLeft([]byte{}, "x")), q(bytes.TrimRight([]byte{}, "x")), q(bytes.TrimRight([]byte("xx"), "x")))
	println(q(bytes.TrimPrefix(ts, []byte("xx "))), q(bytes.TrimSuffix(ts, []byte(" xx"))), q(bytes.TrimFunc([]byte("12ab34"), unicode.IsDigit)), q(bytes.TrimLeftFunc([]byte("12"), unicode.IsDigit)), q(bytes.TrimRightFunc([]byte("12"), unicode.IsDigit)))
	ts[0] = 'X'
	println(string(t))
	b, a, found := bytes.Cut([]byte("key=value"), []byte("="))
	println(q(b), q(a), found, len(b))
	b, a, found = bytes.Cut([]byte("novalue"), []byte("="))
	println(q(b), q(a), found)
	af, ok := bytes.CutPrefix([]byte("prefix-x"), []byte("prefix-"))
	println(q(af), ok, q(bytes.Clone(nil)), q(bytes.Clone([]byte("c"))))

	var buf bytes.Buffer
	var nb *bytes.Buffer
	println(buf.Len(), q(buf.Bytes()), buf.String(), nb.String())
	buf.WriteString("line one\nline two\n")
	buf.WriteByte('x')
	buf.WriteRune('€')
	buf.Write([]byte("\ntail"))
	println(buf.Len(), buf.String())
	line, err := buf.ReadString('\n')
	println(q([]byte(line)), err == nil)
	lb, err := buf.ReadBytes('\n')
	println(q(lb), err == nil)
	c, err := buf.ReadByte()
	r, size, err2 := buf.ReadRune()
	println(c, r, size, err == nil, err2 == nil, q(buf.Next(2)), buf.Len())
	rest, err := buf.ReadString('\n')
	println(q([]byte(rest)), err == io.EOF, err.Error())
	p := make([]byte, 4)
	n, err := buf.Read(p)
	println(n, err == io.EOF)
	n, err = buf.Read(nil)
	println(n, err == nil)
	_, _, err = buf.ReadRune()
	println(err == io.EOF)
	b2 := bytes.NewBufferString("0123456789")
	b2.Truncate(4)
	n, _ = b2.Read(p[:3])
	println(n, string(p[:3]), b2.String())
	b2.Grow(64)
	println(b2.Available() >= 64, b2.Cap() >= 64)
	b3 := bytes.NewBuffer([]byte("to stdout via WriteTo\n"))
	m, err := b3.WriteTo(os.Stdout)
	println(m, err == nil, b3.Len())
	io.WriteString(os.Stdout, "io.WriteString\n")
	println(io.EOF.Error(), io.ErrUnexpectedEOF.Error())
	bytes.Repeat([]byte("x"), -1)
}
