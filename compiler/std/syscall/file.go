package syscall

func open(path []byte, flags int, perm int) (fd int, errno int)
func lseek(fd int, off int64, whence int) (ret int64, errno int)
func fstat(fd int, st *Stat_t) int
func fstatat(path []byte, st *Stat_t, flags int) int
func unlinkat(path []byte, flags int) int
func mkdirat(path []byte, mode int) int
func renameat(from []byte, to []byte) int
func getcwd(buf []byte) (n int, errno int)
func getdents(fd int, buf []byte) (n int, errno int)
func pread(fd int, p []byte, off int64) (n int, errno int)
func pwrite(fd int, p []byte, off int64) (n int, errno int)
func ftruncate(fd int, length int64) int

// Stat_t is the kernel's file status, with Go's linux/amd64 field names
// and layout on both targets (goc converts arm64's struct stat to it, so
// Nlink and Blksize are 64-bit there too).
type Stat_t struct {
	Dev       uint64
	Ino       uint64
	Nlink     uint64
	Mode      uint32
	Uid       uint32
	Gid       uint32
	X__pad0   int32
	Rdev      uint64
	Size      int64
	Blksize   int64
	Blocks    int64
	Atim      Timespec
	Mtim      Timespec
	Ctim      Timespec
	X__unused [3]int64
}

// File mode bits and types.
const (
	S_IFMT   = 0xf000
	S_IFBLK  = 0x6000
	S_IFCHR  = 0x2000
	S_IFDIR  = 0x4000
	S_IFIFO  = 0x1000
	S_IFLNK  = 0xa000
	S_IFREG  = 0x8000
	S_IFSOCK = 0xc000
	S_ISGID  = 0x400
	S_ISUID  = 0x800
	S_ISVTX  = 0x200
	S_IRUSR  = 0x100
	S_IWUSR  = 0x80
	S_IXUSR  = 0x40
)

// More open flags, and the *at calls' flags.
const (
	O_ACCMODE   = 0x3
	O_NOCTTY    = 0x100
	O_SYNC      = 0x101000
	O_DIRECTORY = 0x10000
	O_NOFOLLOW  = 0x20000
	O_LARGEFILE = 0x0

	AT_FDCWD            = -0x64
	AT_REMOVEDIR        = 0x200
	AT_SYMLINK_NOFOLLOW = 0x100
)

// ImplementsGetwd is true: Getwd asks the kernel.
const ImplementsGetwd = true

// BytePtrFromString-like: path as a NUL-terminated byte slice, EINVAL if
// it holds a NUL.
func cpath(s string) ([]byte, error) {
	b := make([]byte, len(s)+1)
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return nil, EINVAL
		}
		b[i] = s[i]
	}
	return b, nil
}

// Open opens the file at path with the given flags and permission bits
// (the O_* constants have amd64's values on both targets; the runtime
// renumbers the four arm64 numbers differently).
func Open(path string, mode int, perm uint32) (fd int, err error) {
	p, err := cpath(path)
	if err != nil {
		return -1, err
	}
	for {
		fd, e := open(p, mode, int(perm))
		if e == int(EINTR) {
			continue
		}
		return fd, errnoErr(e)
	}
}

// Seek sets the offset of fd for the next Read or Write.
func Seek(fd int, offset int64, whence int) (off int64, err error) {
	off, e := lseek(fd, offset, whence)
	return off, errnoErr(e)
}

// Fstat reads the status of fd.
func Fstat(fd int, stat *Stat_t) (err error) { return errnoErr(fstat(fd, stat)) }

// Stat reads the status of the file at path, following symbolic links.
func Stat(path string, stat *Stat_t) (err error) {
	p, err := cpath(path)
	if err != nil {
		return err
	}
	return errnoErr(fstatat(p, stat, 0))
}

// Lstat is Stat without following a final symbolic link.
func Lstat(path string, stat *Stat_t) (err error) {
	p, err := cpath(path)
	if err != nil {
		return err
	}
	return errnoErr(fstatat(p, stat, AT_SYMLINK_NOFOLLOW))
}

// Unlink removes the file at path.
func Unlink(path string) error {
	p, err := cpath(path)
	if err != nil {
		return err
	}
	return errnoErr(unlinkat(p, 0))
}

// Rmdir removes the empty directory at path.
func Rmdir(path string) error {
	p, err := cpath(path)
	if err != nil {
		return err
	}
	return errnoErr(unlinkat(p, AT_REMOVEDIR))
}

// Mkdir creates a directory.
func Mkdir(path string, mode uint32) (err error) {
	p, err := cpath(path)
	if err != nil {
		return err
	}
	return errnoErr(mkdirat(p, int(mode)))
}

// Rename renames a file.
func Rename(oldpath string, newpath string) (err error) {
	a, err := cpath(oldpath)
	if err != nil {
		return err
	}
	b, err := cpath(newpath)
	if err != nil {
		return err
	}
	return errnoErr(renameat(a, b))
}

// Getcwd writes the working directory, NUL-terminated, into buf.
func Getcwd(buf []byte) (n int, err error) {
	n, e := getcwd(buf)
	return n, errnoErr(e)
}

// Getwd returns the working directory.
func Getwd() (wd string, err error) {
	buf := make([]byte, 4096)
	n, err := Getcwd(buf)
	if err != nil {
		return "", err
	}
	if n < 1 || n > len(buf) || buf[n-1] != 0 {
		return "", EINVAL
	}
	return string(buf[:n-1]), nil
}

// Getdents reads directory entries (struct linux_dirent64) into buf.
func Getdents(fd int, buf []byte) (n int, err error) {
	n, e := getdents(fd, buf)
	return n, errnoErr(e)
}

// Pread reads from fd at offset, leaving its offset alone.
func Pread(fd int, p []byte, offset int64) (n int, err error) {
	n, e := pread(fd, p, offset)
	return n, errnoErr(e)
}

// Pwrite writes to fd at offset, leaving its offset alone.
func Pwrite(fd int, p []byte, offset int64) (n int, err error) {
	n, e := pwrite(fd, p, offset)
	return n, errnoErr(e)
}

// Ftruncate changes the size of the file fd.
func Ftruncate(fd int, length int64) (err error) { return errnoErr(ftruncate(fd, length)) }
