package os

import (
	"internal/poll"
	"io"
	"io/fs"
	"syscall"
	"time"
)

// The portable errors (io/fs's).
var (
	ErrInvalid    = fs.ErrInvalid
	ErrPermission = fs.ErrPermission
	ErrExist      = fs.ErrExist
	ErrNotExist   = fs.ErrNotExist
	ErrClosed     = fs.ErrClosed
)

// PathError records an error and the operation and file path that caused it.
type PathError = fs.PathError

// FileMode, FileInfo and DirEntry are io/fs's.
type (
	FileMode = fs.FileMode
	FileInfo = fs.FileInfo
	DirEntry = fs.DirEntry
)

// The mode bits (io/fs's).
const (
	ModeDir        = fs.ModeDir
	ModeAppend     = fs.ModeAppend
	ModeExclusive  = fs.ModeExclusive
	ModeTemporary  = fs.ModeTemporary
	ModeSymlink    = fs.ModeSymlink
	ModeDevice     = fs.ModeDevice
	ModeNamedPipe  = fs.ModeNamedPipe
	ModeSocket     = fs.ModeSocket
	ModeSetuid     = fs.ModeSetuid
	ModeSetgid     = fs.ModeSetgid
	ModeCharDevice = fs.ModeCharDevice
	ModeSticky     = fs.ModeSticky
	ModeIrregular  = fs.ModeIrregular
	ModeType       = fs.ModeType
	ModePerm       = fs.ModePerm
)

// Flags for OpenFile.
const (
	O_RDONLY int = syscall.O_RDONLY
	O_WRONLY int = syscall.O_WRONLY
	O_RDWR   int = syscall.O_RDWR
	O_APPEND int = syscall.O_APPEND
	O_CREATE int = syscall.O_CREAT
	O_EXCL   int = syscall.O_EXCL
	O_SYNC   int = syscall.O_SYNC
	O_TRUNC  int = syscall.O_TRUNC
)

// Whence values for Seek (io's).
const (
	SEEK_SET int = 0
	SEEK_CUR int = 1
	SEEK_END int = 2
)

// PathSeparator and PathListSeparator are Unix's.
const (
	PathSeparator     = '/'
	PathListSeparator = ':'
	DevNull           = "/dev/null"
)

// A File is an open file descriptor.
type File struct {
	fd      int
	name    string
	closed  bool
	std     bool
	dirbuf  []byte
	dirpos  int
	dirend  int
	appendm bool
	// pfd: the descriptor waits in the network poller (Pipe's ends).
	pfd *poll.FD
}

// Stdin, Stdout and Stderr are the standard file descriptors.
var (
	Stdin  = &File{fd: 0, name: "/dev/stdin", std: true}
	Stdout = &File{fd: 1, name: "/dev/stdout", std: true}
	Stderr = &File{fd: 2, name: "/dev/stderr", std: true}
)

// NewFile returns a File for descriptor fd named name.
func NewFile(fd uintptr, name string) *File {
	if int(fd) < 0 {
		return nil
	}
	return &File{fd: int(fd), name: name}
}

// Name returns the file's name.
func (f *File) Name() string { return f.name }

// Fd returns the file descriptor (^uintptr(0) once closed).
func (f *File) Fd() uintptr {
	if f == nil || f.closed {
		return ^uintptr(0)
	}
	return uintptr(f.fd)
}

func (f *File) check(op string) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: op, Path: f.name, Err: ErrClosed}
	}
	return nil
}

func (f *File) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return &PathError{Op: op, Path: f.name, Err: err}
}

// Open opens the named file for reading.
func Open(name string) (*File, error) { return OpenFile(name, O_RDONLY, 0) }

// Create creates or truncates the named file (mode 0666 before umask).
func Create(name string) (*File, error) {
	return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666)
}

func syscallMode(m FileMode) uint32 {
	o := uint32(m.Perm())
	if m&ModeSetuid != 0 {
		o |= syscall.S_ISUID
	}
	if m&ModeSetgid != 0 {
		o |= syscall.S_ISGID
	}
	if m&ModeSticky != 0 {
		o |= syscall.S_ISVTX
	}
	return o
}

// OpenFile opens the named file with the given flags (O_RDONLY...) and,
// when it creates the file, permission bits perm (before umask).
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	fd, err := syscall.Open(name, flag|syscall.O_CLOEXEC, syscallMode(perm))
	if err != nil {
		return nil, &PathError{Op: "open", Path: name, Err: err}
	}
	return &File{fd: fd, name: name, appendm: flag&O_APPEND != 0}, nil
}

// Close closes the file; a second Close reports ErrClosed.
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: "close", Path: f.name, Err: ErrClosed}
	}
	f.closed = true
	if f.pfd != nil {
		if err := f.pfd.Close(); err != nil {
			return &PathError{Op: "close", Path: f.name, Err: pollErr(err)}
		}
		return nil
	}
	if err := syscall.Close(f.fd); err != nil {
		return &PathError{Op: "close", Path: f.name, Err: err}
	}
	return nil
}

func ignoringEINTR(fn func() (int, error)) (int, error) {
	for {
		n, err := fn()
		if err != syscall.EINTR {
			return n, err
		}
	}
}

// Read reads up to len(b) bytes; at end of file it returns 0, io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if err := f.check("read"); err != nil {
		return 0, err
	}
	if len(b) == 0 {
		return 0, nil
	}
	if f.pfd != nil {
		n, err = f.pfd.Read(b)
		if err != nil && err != io.EOF {
			err = f.wrap("read", pollErr(err))
		}
		return n, err
	}
	n, err = ignoringEINTR(func() (int, error) { return syscall.Read(f.fd, b) })
	if n < 0 {
		n = 0
	}
	if err != nil {
		return n, f.wrap("read", err)
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// ReadAt reads len(b) bytes from offset off; fewer only with an error
// (io.EOF at the end of the file).
func (f *File) ReadAt(b []byte, off int64) (n int, err error) {
	if err := f.check("read"); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, &PathError{Op: "readat", Path: f.name, Err: errorString("negative offset")}
	}
	for len(b) > 0 {
		m, e := ignoringEINTR(func() (int, error) { return syscall.Pread(f.fd, b, off) })
		if e != nil {
			err = f.wrap("read", e)
			break
		}
		if m == 0 {
			return n, io.EOF
		}
		n += m
		b = b[m:]
		off += int64(m)
	}
	return n, err
}

type errorString string

func (e errorString) Error() string { return string(e) }

// Write writes all of b (retrying short writes) and returns how many bytes
// were written and the first error.
func (f *File) Write(b []byte) (int, error) {
	if err := f.check("write"); err != nil {
		return 0, err
	}
	if f.pfd != nil {
		n, err := f.pfd.Write(b)
		if err != nil {
			return n, f.wrap("write", pollErr(err))
		}
		return n, nil
	}
	done := 0
	for done < len(b) {
		if f.std {
			// The standard files keep the runtime's direct write.
			r := runtime_write(f.fd, b[done:])
			if r < 0 {
				epipecheck(f, syscall.Errno(-r))
				return done, &PathError{Op: "write", Path: f.name, Err: syscall.Errno(-r)}
			}
			done += r
			continue
		}
		r, err := syscall.Write(f.fd, b[done:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			epipecheck(f, err)
			return done, &PathError{Op: "write", Path: f.name, Err: err}
		}
		done += r
	}
	return done, nil
}

// WriteString writes s as Write does.
func (f *File) WriteString(s string) (int, error) {
	return f.Write([]byte(s))
}

// WriteAt writes b at offset off (an error for files opened O_APPEND).
func (f *File) WriteAt(b []byte, off int64) (n int, err error) {
	if err := f.check("write"); err != nil {
		return 0, err
	}
	if f.appendm {
		return 0, errorString("os: invalid use of WriteAt on file opened with O_APPEND")
	}
	if off < 0 {
		return 0, &PathError{Op: "writeat", Path: f.name, Err: errorString("negative offset")}
	}
	for len(b) > 0 {
		m, e := ignoringEINTR(func() (int, error) { return syscall.Pwrite(f.fd, b, off) })
		if e != nil {
			err = f.wrap("write", e)
			break
		}
		n += m
		b = b[m:]
		off += int64(m)
	}
	return n, err
}

// Seek sets the offset for the next Read or Write: relative to the start
// (whence 0), the current offset (1) or the end (2).
func (f *File) Seek(offset int64, whence int) (ret int64, err error) {
	if err := f.check("seek"); err != nil {
		return 0, err
	}
	f.dirpos, f.dirend = 0, 0
	r, e := syscall.Seek(f.fd, offset, whence)
	if e != nil {
		return 0, f.wrap("seek", e)
	}
	return r, nil
}

// Truncate changes the size of the file.
func (f *File) Truncate(size int64) error {
	if err := f.check("truncate"); err != nil {
		return err
	}
	return f.wrap("truncate", syscall.Ftruncate(f.fd, size))
}

// Sync is a no-op success here (goc has no fsync yet).
func (f *File) Sync() error { return f.check("sync") }

// Stat returns the FileInfo of the file.
func (f *File) Stat() (FileInfo, error) {
	if err := f.check("stat"); err != nil {
		return nil, err
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(f.fd, &st); err != nil {
		return nil, &PathError{Op: "stat", Path: f.name, Err: err}
	}
	return newFileStat(basename(f.name), &st), nil
}

// fileStat is the FileInfo of Stat, Lstat and File.Stat.
type fileStat struct {
	name    string
	size    int64
	mode    FileMode
	modTime time.Time
	sys     syscall.Stat_t
}

func (fs *fileStat) Name() string       { return fs.name }
func (fs *fileStat) Size() int64        { return fs.size }
func (fs *fileStat) Mode() FileMode     { return fs.mode }
func (fs *fileStat) ModTime() time.Time { return fs.modTime }
func (fs *fileStat) IsDir() bool        { return fs.mode.IsDir() }
func (fs *fileStat) Sys() any           { return &fs.sys }

func newFileStat(name string, st *syscall.Stat_t) *fileStat {
	fs := &fileStat{name: name, size: st.Size, modTime: time.Unix(st.Mtim.Sec, st.Mtim.Nsec), sys: *st}
	fs.mode = FileMode(st.Mode & 0777)
	switch st.Mode & syscall.S_IFMT {
	case syscall.S_IFBLK:
		fs.mode |= ModeDevice
	case syscall.S_IFCHR:
		fs.mode |= ModeDevice | ModeCharDevice
	case syscall.S_IFDIR:
		fs.mode |= ModeDir
	case syscall.S_IFIFO:
		fs.mode |= ModeNamedPipe
	case syscall.S_IFLNK:
		fs.mode |= ModeSymlink
	case syscall.S_IFSOCK:
		fs.mode |= ModeSocket
	}
	if st.Mode&syscall.S_ISGID != 0 {
		fs.mode |= ModeSetgid
	}
	if st.Mode&syscall.S_ISUID != 0 {
		fs.mode |= ModeSetuid
	}
	if st.Mode&syscall.S_ISVTX != 0 {
		fs.mode |= ModeSticky
	}
	return fs
}

// basename is the last element of name, trailing slashes removed.
func basename(name string) string {
	i := len(name) - 1
	for i > 0 && name[i] == '/' {
		name = name[0:i]
		i--
	}
	for i--; i >= 0; i-- {
		if name[i] == '/' {
			name = name[i+1:]
			break
		}
	}
	return name
}

// Stat returns the FileInfo of the named file, following links.
func Stat(name string) (FileInfo, error) {
	var st syscall.Stat_t
	if err := syscall.Stat(name, &st); err != nil {
		return nil, &PathError{Op: "stat", Path: name, Err: err}
	}
	return newFileStat(basename(name), &st), nil
}

// Lstat is Stat without following a final symbolic link.
func Lstat(name string) (FileInfo, error) {
	var st syscall.Stat_t
	if err := syscall.Lstat(name, &st); err != nil {
		return nil, &PathError{Op: "lstat", Path: name, Err: err}
	}
	return newFileStat(basename(name), &st), nil
}

// ReadFile reads the whole named file.
func ReadFile(name string) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := 512
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 {
		size = int(fi.Size()) + 1
	}
	data := make([]byte, 0, size)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return data, err
		}
	}
}

// WriteFile writes data to the named file, creating it with perm (before
// umask) if needed and truncating it otherwise.
func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_WRONLY|O_CREATE|O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err1 != nil && err == nil {
		err = err1
	}
	return err
}

// Remove removes the named file or empty directory.
func Remove(name string) error {
	e := syscall.Unlink(name)
	if e == nil {
		return nil
	}
	e1 := syscall.Rmdir(name)
	if e1 == nil {
		return nil
	}
	// Both failed: report the more interesting error, as Go does.
	if e1 != syscall.ENOTDIR {
		e = e1
	}
	return &PathError{Op: "remove", Path: name, Err: e}
}

// RemoveAll removes path and everything it contains; a missing path is
// not an error.
func RemoveAll(path string) error {
	if path == "" {
		return nil
	}
	err := Remove(path)
	if err == nil || IsNotExist(err) {
		return nil
	}
	fi, serr := Lstat(path)
	if serr != nil {
		if IsNotExist(serr) {
			return nil
		}
		return serr
	}
	if !fi.IsDir() {
		return err
	}
	entries, rerr := ReadDir(path)
	if rerr != nil && len(entries) == 0 {
		return rerr
	}
	for _, e := range entries {
		if err := RemoveAll(path + "/" + e.Name()); err != nil {
			return err
		}
	}
	err = Remove(path)
	if err == nil || IsNotExist(err) {
		return nil
	}
	return err
}

// Rename renames (moves) oldpath to newpath.
func Rename(oldpath, newpath string) error {
	if err := syscall.Rename(oldpath, newpath); err != nil {
		return &LinkError{Op: "rename", Old: oldpath, New: newpath, Err: err}
	}
	return nil
}

// LinkError records an error during a link, symlink or rename.
type LinkError struct {
	Op  string
	Old string
	New string
	Err error
}

func (e *LinkError) Error() string { return e.Op + " " + e.Old + " " + e.New + ": " + e.Err.Error() }

func (e *LinkError) Unwrap() error { return e.Err }

// Mkdir creates a directory with permission bits perm (before umask).
func Mkdir(name string, perm FileMode) error {
	if err := syscall.Mkdir(name, syscallMode(perm)); err != nil {
		return &PathError{Op: "mkdir", Path: name, Err: err}
	}
	return nil
}

// MkdirAll creates a directory and any missing parents; an existing
// directory is not an error.
func MkdirAll(path string, perm FileMode) error {
	dir, err := Stat(path)
	if err == nil {
		if dir.IsDir() {
			return nil
		}
		return &PathError{Op: "mkdir", Path: path, Err: syscall.ENOTDIR}
	}
	i := len(path)
	for i > 0 && path[i-1] == '/' {
		i--
	}
	j := i
	for j > 0 && path[j-1] != '/' {
		j--
	}
	if j > 1 {
		if err := MkdirAll(path[:j-1], perm); err != nil {
			return err
		}
	}
	err = Mkdir(path, perm)
	if err != nil {
		dir, err1 := Lstat(path)
		if err1 == nil && dir.IsDir() {
			return nil
		}
		return err
	}
	return nil
}

// Getwd returns the working directory.
func Getwd() (dir string, err error) {
	dir, err = syscall.Getwd()
	if err != nil {
		return "", &PathError{Op: "getwd", Path: "", Err: err}
	}
	return dir, nil
}

// Getpid returns the process id.
func Getpid() int { return syscall.Getpid() }

// Getppid returns the parent's process id.
func Getppid() int { return syscall.Getppid() }

// Getuid returns the user id.
func Getuid() int { return syscall.Getuid() }

// TempDir returns $TMPDIR, or /tmp.
func TempDir() string {
	dir := Getenv("TMPDIR")
	if dir == "" {
		dir = "/tmp"
	}
	return dir
}

// Hostname is not provided yet; see docs/LANGUAGE.md.

// underlying returns the error a PathError, LinkError or SyscallError wraps.
func underlying(err error) error {
	switch e := err.(type) {
	case *PathError:
		return e.Err
	case *LinkError:
		return e.Err
	case *SyscallError:
		return e.Err
	}
	return err
}

// IsNotExist reports whether err says a file does not exist.
func IsNotExist(err error) bool { return underlyingIs(err, ErrNotExist) }

// IsExist reports whether err says a file already exists.
func IsExist(err error) bool { return underlyingIs(err, ErrExist) }

// IsPermission reports whether err says permission is denied.
func IsPermission(err error) bool { return underlyingIs(err, ErrPermission) }

func underlyingIs(err, target error) bool {
	err = underlying(err)
	if err == target {
		return true
	}
	e, ok := err.(syscall.Errno)
	return ok && e.Is(target)
}

// ReadDir reads the named directory and returns its entries sorted by name.
func ReadDir(name string) ([]DirEntry, error) {
	f, err := OpenFile(name, O_RDONLY|syscall.O_DIRECTORY, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dirs, err := f.ReadDir(-1)
	sortEntries(dirs)
	return dirs, err
}

func sortEntries(d []DirEntry) {
	// Insertion sort: directories are small, and os must not import sort.
	for i := 1; i < len(d); i++ {
		for j := i; j > 0 && d[j].Name() < d[j-1].Name(); j-- {
			d[j], d[j-1] = d[j-1], d[j]
		}
	}
}

// A dirEntry is what ReadDir returns: the name and type from the
// directory, the FileInfo from Lstat when asked for.
type dirEntry struct {
	parent string
	name   string
	typ    FileMode
}

func (d *dirEntry) Name() string   { return d.name }
func (d *dirEntry) IsDir() bool    { return d.typ.IsDir() }
func (d *dirEntry) Type() FileMode { return d.typ }
func (d *dirEntry) Info() (FileInfo, error) {
	return Lstat(d.parent + "/" + d.name)
}
func (d *dirEntry) String() string { return fs.FormatDirEntry(d) }

// ReadDir reads the directory's entries in directory order: all of them
// for n <= 0, else at most n (io.EOF at the end).
func (f *File) ReadDir(n int) ([]DirEntry, error) {
	if err := f.check("readdirent"); err != nil {
		return nil, err
	}
	var out []DirEntry
	for n <= 0 || len(out) < n {
		if f.dirpos >= f.dirend {
			if f.dirbuf == nil {
				f.dirbuf = make([]byte, 8192)
			}
			m, err := ignoringEINTR(func() (int, error) { return syscall.Getdents(f.fd, f.dirbuf) })
			if err != nil {
				return out, &PathError{Op: "readdirent", Path: f.name, Err: err}
			}
			if m <= 0 {
				break
			}
			f.dirpos, f.dirend = 0, m
		}
		b := f.dirbuf[f.dirpos:f.dirend]
		// struct linux_dirent64: ino u64, off i64, reclen u16, type u8, name.
		reclen := int(b[16]) | int(b[17])<<8
		typ := b[18]
		nb := b[19:reclen]
		l := 0
		for l < len(nb) && nb[l] != 0 {
			l++
		}
		f.dirpos += reclen
		name := string(nb[:l])
		if name == "." || name == ".." {
			continue
		}
		mode := dtType(typ)
		if typ == 0 {
			// DT_UNKNOWN: this file system does not say; ask lstat.
			fi, err := Lstat(f.name + "/" + name)
			if IsNotExist(err) {
				continue // removed since the directory was read
			}
			if err == nil {
				mode = fi.Mode().Type()
			}
		}
		out = append(out, &dirEntry{parent: f.name, name: name, typ: mode})
	}
	if n > 0 && len(out) == 0 {
		return nil, io.EOF
	}
	return out, nil
}

// Readdirnames reads the names of the directory's entries.
func (f *File) Readdirnames(n int) (names []string, err error) {
	d, err := f.ReadDir(n)
	for _, e := range d {
		names = append(names, e.Name())
	}
	return names, err
}

func dtType(t byte) FileMode {
	switch t {
	case 1:
		return ModeNamedPipe
	case 2:
		return ModeDevice | ModeCharDevice
	case 4:
		return ModeDir
	case 6:
		return ModeDevice
	case 10:
		return ModeSymlink
	case 12:
		return ModeSocket
	}
	return 0
}
