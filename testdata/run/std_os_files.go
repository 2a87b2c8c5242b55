// Package os files: Create, Write, Seek, Read, ReadAt, WriteAt, Stat and
// its FileMode, Close twice and use after Close (file already closed),
// ReadFile/WriteFile round trips, OpenFile with O_APPEND and O_EXCL,
// missing files (PathError messages, IsNotExist, errors.Is with
// fs.ErrNotExist, errors.As), Remove, Rename, Truncate.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

func main() {
	dir := os.TempDir() + "/goc_std_os_files_" + strconv.Itoa(os.Getpid())
	if err := os.Mkdir(dir, 0755); err != nil {
		fmt.Println("mkdir:", err)
		return
	}
	defer os.RemoveAll(dir)
	short := func(err error) string {
		if err == nil {
			return "<nil>"
		}
		return strings.ReplaceAll(err.Error(), dir, "DIR")
	}

	name := dir + "/a.txt"
	f, err := os.Create(name)
	if err != nil {
		fmt.Println(err)
		return
	}
	n, err := f.WriteString("hello, files\nsecond line\n")
	fmt.Println("write", n, err)
	n, err = f.Write([]byte("third\n"))
	fmt.Println("write", n, err)
	off, err := f.Seek(7, io.SeekStart)
	fmt.Println("seek", off, err)
	buf := make([]byte, 5)
	n, err = f.Read(buf)
	fmt.Printf("read %d %v %q\n", n, err, buf[:n])
	off, err = f.Seek(-6, io.SeekEnd)
	fmt.Println("seek end", off, err)
	rest, err := io.ReadAll(f)
	fmt.Printf("rest %q %v\n", rest, err)
	n, err = f.Read(buf)
	fmt.Println("at eof", n, err, err == io.EOF)
	off, _ = f.Seek(0, io.SeekCurrent)
	fmt.Println("offset", off)
	n, err = f.ReadAt(buf, 0)
	fmt.Printf("readat %d %v %q\n", n, err, buf[:n])
	n, err = f.ReadAt(buf, 28)
	fmt.Printf("readat end %d %v %q\n", n, err, buf[:n])
	n, err = f.WriteAt([]byte("HELLO"), 0)
	fmt.Println("writeat", n, err)
	fi, err := f.Stat()
	fmt.Println("stat", fi.Name(), fi.Size(), fi.Mode(), fi.IsDir(), fi.Mode().IsRegular(), err)
	fmt.Println("name", f.Name() == name)
	fmt.Println("close", f.Close())
	fmt.Println("close again", short(f.Close()))
	_, err = f.Write([]byte("x"))
	fmt.Println("write closed", short(err), errors.Is(err, os.ErrClosed), errors.Is(err, fs.ErrClosed))
	_, err = f.Read(buf)
	fmt.Println("read closed", short(err))
	_, err = f.Seek(0, 0)
	fmt.Println("seek closed", short(err))
	_, err = f.Stat()
	fmt.Println("stat closed", short(err))

	data, err := os.ReadFile(name)
	fmt.Printf("readfile %q %v\n", data, err)

	fmt.Println("writefile", os.WriteFile(dir+"/b.txt", []byte("bbb"), 0600))
	g, err := os.OpenFile(dir+"/b.txt", os.O_WRONLY|os.O_APPEND, 0)
	fmt.Println("openfile", err)
	g.WriteString("+more")
	_, err = g.WriteAt([]byte("z"), 0)
	fmt.Println("writeat append:", err)
	g.Close()
	data, _ = os.ReadFile(dir + "/b.txt")
	st, _ := os.Stat(dir + "/b.txt")
	fmt.Printf("%q %v %d\n", data, st.Mode(), st.Size())

	_, err = os.OpenFile(dir+"/b.txt", os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0644)
	fmt.Println("excl", short(err), os.IsExist(err), errors.Is(err, fs.ErrExist))

	h, _ := os.OpenFile(dir+"/b.txt", os.O_RDWR, 0)
	fmt.Println("truncate", h.Truncate(3))
	h.Close()
	data, _ = os.ReadFile(dir + "/b.txt")
	fmt.Printf("%q\n", data)

	_, err = os.Open("/nope")
	fmt.Println(err)
	fmt.Println(os.IsNotExist(err), errors.Is(err, fs.ErrNotExist), errors.Is(err, os.ErrNotExist), os.IsExist(err))
	var pe *fs.PathError
	_, err = os.ReadFile("/nope/x")
	fmt.Println(errors.As(err, &pe), pe.Op, pe.Path, pe.Err)
	_, err = os.Stat("/nope")
	fmt.Println(err)
	_, err = os.Open(dir + "/a.txt/x")
	fmt.Println(short(err))
	err = os.WriteFile(dir, []byte("x"), 0644)
	fmt.Println(short(err))

	fmt.Println("rename", os.Rename(dir+"/b.txt", dir+"/c.txt"))
	_, err = os.Stat(dir + "/b.txt")
	fmt.Println(os.IsNotExist(err))
	err = os.Rename(dir+"/b.txt", dir+"/d.txt")
	fmt.Println(short(err), os.IsNotExist(err))

	fmt.Println("remove", os.Remove(name))
	fmt.Println("remove again", short(os.Remove(name)))
	fmt.Println("remove dir", short(os.Remove(dir)))
	fmt.Println("remove c", os.Remove(dir+"/c.txt"))
	fmt.Println("remove dir", os.Remove(dir))
	_, err = os.Stat(dir)
	fmt.Println(os.IsNotExist(err))
}
