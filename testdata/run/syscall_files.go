// Package syscall file calls: Open with O_* flags, Write, Seek, Read,
// Fstat and Stat (Stat_t's Size and Mode with S_IF* bits), Mkdir, Rmdir,
// Unlink, Getcwd/Getwd, Getdents, Errno values and their errors.Is
// matches with io/fs's errors.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"syscall"
)

func main() {
	dir := os.TempDir() + "/goc_syscall_files_" + strconv.Itoa(syscall.Getpid())
	fmt.Println("mkdir", syscall.Mkdir(dir, 0755))
	fmt.Println("mkdir again", syscall.Mkdir(dir, 0755))
	name := dir + "/f"
	fd, err := syscall.Open(name, syscall.O_RDWR|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0640)
	fmt.Println(fd > 2, err)
	n, err := syscall.Write(fd, []byte("0123456789"))
	fmt.Println("write", n, err)
	off, err := syscall.Seek(fd, 3, 0)
	fmt.Println("seek", off, err)
	buf := make([]byte, 4)
	n, err = syscall.Read(fd, buf)
	fmt.Println("read", n, err, string(buf))
	var st syscall.Stat_t
	fmt.Println("fstat", syscall.Fstat(fd, &st))
	fmt.Println(st.Size, st.Mode&syscall.S_IFMT == syscall.S_IFREG, st.Mode&0777 == 0640, st.Nlink, st.Mtim.Sec > 0)
	fmt.Println("close", syscall.Close(fd), syscall.Close(fd))
	fmt.Println("stat", syscall.Stat(dir, &st), st.Mode&syscall.S_IFMT == syscall.S_IFDIR)
	err = syscall.Stat(dir+"/none", &st)
	fmt.Println(err, err == syscall.ENOENT, errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrExist))
	_, err = syscall.Open(dir+"/none", syscall.O_RDONLY, 0)
	fmt.Println(err, errors.Is(err, os.ErrNotExist))
	_, err = syscall.Open(name, syscall.O_CREAT|syscall.O_EXCL|syscall.O_WRONLY, 0644)
	fmt.Println(err, errors.Is(err, fs.ErrExist))
	_, err = syscall.Open(name+"/x", syscall.O_RDONLY, 0)
	fmt.Println(err, err == syscall.ENOTDIR)
	_, err = syscall.Open(dir, syscall.O_WRONLY, 0)
	fmt.Println(err, err == syscall.EISDIR)
	fmt.Println(syscall.Rmdir(dir), syscall.Rmdir(name))

	dfd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY, 0)
	fmt.Println("open dir", err)
	dbuf := make([]byte, 4096)
	n, err = syscall.Getdents(dfd, dbuf)
	fmt.Println("getdents", n > 0, err)
	names := 0
	for i := 0; i < n; {
		reclen := int(dbuf[i+16]) | int(dbuf[i+17])<<8
		names++
		i += reclen
	}
	fmt.Println("entries", names)
	syscall.Close(dfd)

	fmt.Println("unlink", syscall.Unlink(name), syscall.Unlink(name))
	fmt.Println("rmdir", syscall.Rmdir(dir))
	wd, err := syscall.Getwd()
	fmt.Println(len(wd) > 0, err)
	cb := make([]byte, 4096)
	n, err = syscall.Getcwd(cb)
	fmt.Println(string(cb[:n-1]) == wd, err)
	fmt.Println(syscall.EACCES, syscall.EEXIST, syscall.ENOTEMPTY, syscall.ENAMETOOLONG, errors.Is(syscall.EACCES, fs.ErrPermission), errors.Is(syscall.EPERM, os.ErrPermission))
}
