// Package os directories: Mkdir, MkdirAll (existing and over a file),
// ReadDir sorted by name with DirEntry's Name, IsDir, Type and Info,
// File.ReadDir in batches, Getwd, RemoveAll, errors for missing and
// non-empty directories.
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
	dir := os.TempDir() + "/goc_std_os_dirs_" + strconv.Itoa(os.Getpid())
	short := func(err error) string {
		if err == nil {
			return "<nil>"
		}
		return strings.ReplaceAll(err.Error(), dir, "DIR")
	}
	fmt.Println("mkdirall", os.MkdirAll(dir+"/sub/deeper/deepest", 0755))
	fmt.Println("mkdirall again", os.MkdirAll(dir+"/sub/deeper", 0755))
	err := os.Mkdir(dir+"/sub", 0755)
	fmt.Println(short(err), os.IsExist(err), errors.Is(err, fs.ErrExist))
	for _, n := range []string{"zeta", "alpha", "Mid", "beta.txt", "_under"} {
		os.WriteFile(dir+"/"+n, []byte(n), 0644)
	}
	os.Mkdir(dir+"/dir2", 0700)
	fmt.Println("mkdirall file", short(os.MkdirAll(dir+"/zeta/x", 0755)))
	fmt.Println("mkdir missing parent", short(os.Mkdir(dir+"/no/such", 0755)))

	ents, err := os.ReadDir(dir)
	fmt.Println(len(ents), err)
	for _, e := range ents {
		info, ierr := e.Info()
		size := int64(-1)
		if !e.IsDir() {
			size = info.Size()
		}
		fmt.Println(e.Name(), e.IsDir(), e.Type(), e.Type().IsDir(), info.Name(), size, info.IsDir(), ierr)
	}

	d, err := os.Open(dir)
	fmt.Println("open dir", err)
	st, _ := d.Stat()
	fmt.Println(st.IsDir(), st.Mode().IsDir(), st.Mode()&fs.ModeType == fs.ModeDir)
	total := 0
	for {
		batch, err := d.ReadDir(3)
		total += len(batch)
		if err == io.EOF {
			fmt.Println("batches done", total)
			break
		}
		if err != nil || len(batch) > 3 {
			fmt.Println("batch error", err)
			break
		}
	}
	d.Close()

	_, err = os.ReadDir(dir + "/missing")
	fmt.Println(short(err), os.IsNotExist(err))
	_, err = os.ReadDir(dir + "/zeta")
	fmt.Println(short(err))

	fmt.Println("remove non-empty", short(os.Remove(dir+"/sub")))
	wd, err := os.Getwd()
	fmt.Println("getwd", wd != "" && wd[0] == '/', err)
	fmt.Println("removeall", os.RemoveAll(dir))
	fmt.Println("removeall missing", os.RemoveAll(dir))
	_, err = os.Stat(dir)
	fmt.Println(os.IsNotExist(err))
}
