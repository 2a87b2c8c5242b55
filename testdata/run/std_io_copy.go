// Package io helpers over files and buffers: Copy and CopyN between
// files, ReadAll, ReadFull and ErrUnexpectedEOF, LimitReader,
// MultiWriter, MultiReader, TeeReader, Discard, NopCloser, WriteString,
// SectionReader over a file.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
)

func main() {
	dir := os.TempDir() + "/goc_std_io_copy_" + strconv.Itoa(os.Getpid())
	os.Mkdir(dir, 0755)
	defer os.RemoveAll(dir)

	var src bytes.Buffer
	for i := 0; i < 5000; i++ {
		src.WriteString(strconv.Itoa(i))
		src.WriteByte('\n')
	}
	want := src.String()
	os.WriteFile(dir+"/src", src.Bytes(), 0644)

	in, _ := os.Open(dir + "/src")
	out, _ := os.Create(dir + "/dst")
	n, err := io.Copy(out, in)
	fmt.Println("copy", n, err, len(want))
	in.Close()
	out.Close()
	got, _ := os.ReadFile(dir + "/dst")
	fmt.Println("same", string(got) == want)

	in, _ = os.Open(dir + "/src")
	var b bytes.Buffer
	n, err = io.CopyN(&b, in, 100)
	fmt.Printf("copyn %d %v %q\n", n, err, b.String()[:20])
	n, err = io.CopyN(io.Discard, in, 1<<20)
	fmt.Println("copyn past end", n, err)
	in.Close()

	in, _ = os.Open(dir + "/src")
	buf := make([]byte, 8)
	k, err := io.ReadFull(in, buf)
	fmt.Printf("readfull %d %v %q\n", k, err, buf)
	in.Seek(-3, io.SeekEnd)
	k, err = io.ReadFull(in, buf)
	fmt.Printf("readfull short %d %v %q\n", k, err, buf[:k])
	k, err = io.ReadFull(in, buf)
	fmt.Println("readfull eof", k, err)
	in.Close()

	in, _ = os.Open(dir + "/src")
	lim, err := io.ReadAll(io.LimitReader(in, 12))
	fmt.Printf("limit %q %v\n", lim, err)
	in.Close()

	var x, y bytes.Buffer
	mw := io.MultiWriter(&x, &y)
	io.WriteString(mw, "both ")
	fmt.Fprintf(mw, "%d", 42)
	fmt.Println(x.String(), y.String())

	var tee bytes.Buffer
	all, _ := io.ReadAll(io.TeeReader(io.MultiReader(bytes.NewBufferString("ab"), bytes.NewBufferString("cd")), &tee))
	fmt.Println(string(all), tee.String())

	rc := io.NopCloser(bytes.NewBufferString("x"))
	fmt.Println(rc.Close())
	w, err := io.WriteString(io.Discard, "discarded")
	fmt.Println(w, err)

	f, _ := os.Open(dir + "/src")
	sr := io.NewSectionReader(f, 10, 10)
	sec, _ := io.ReadAll(sr)
	fmt.Printf("section %q %d\n", sec, sr.Size())
	f.Close()
	io.Copy(os.Stdout, bytes.NewBufferString("to stdout\n"))
}
