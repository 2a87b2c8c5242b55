// Package fs: the file-system interfaces and types package os uses
// (FileMode, FileInfo, DirEntry, PathError) and the portable errors.
// goc's implementation, written from the package documentation; the FS
// interfaces, WalkDir and the helpers over an FS are not here yet.
package fs

import (
	"internal/oserror"
	"time"
)

// The portable errors; test for them with errors.Is.
var (
	ErrInvalid    = oserror.ErrInvalid
	ErrPermission = oserror.ErrPermission
	ErrExist      = oserror.ErrExist
	ErrNotExist   = oserror.ErrNotExist
	ErrClosed     = oserror.ErrClosed
)

// A FileMode holds a file's mode and permission bits.
type FileMode uint32

// The mode bits; the low nine are the Unix permissions.
const (
	ModeDir        FileMode = 1 << 31
	ModeAppend     FileMode = 1 << 30
	ModeExclusive  FileMode = 1 << 29
	ModeTemporary  FileMode = 1 << 28
	ModeSymlink    FileMode = 1 << 27
	ModeDevice     FileMode = 1 << 26
	ModeNamedPipe  FileMode = 1 << 25
	ModeSocket     FileMode = 1 << 24
	ModeSetuid     FileMode = 1 << 23
	ModeSetgid     FileMode = 1 << 22
	ModeCharDevice FileMode = 1 << 21
	ModeSticky     FileMode = 1 << 20
	ModeIrregular  FileMode = 1 << 19

	ModeType FileMode = ModeDir | ModeSymlink | ModeNamedPipe | ModeSocket | ModeDevice | ModeCharDevice | ModeIrregular
	ModePerm FileMode = 0777
)

// String gives one letter per set type bit (dalTLDpSugct?, '-' if none)
// then the nine rwx permission letters.
func (m FileMode) String() string {
	const letters = "dalTLDpSugct?"
	var buf [32]byte
	w := 0
	for i := 0; i < len(letters); i++ {
		if m&(1<<uint(31-i)) != 0 {
			buf[w] = letters[i]
			w++
		}
	}
	if w == 0 {
		buf[w] = '-'
		w++
	}
	const perm = "rwxrwxrwx"
	for i := 0; i < 9; i++ {
		if m&(1<<uint(8-i)) != 0 {
			buf[w] = perm[i]
		} else {
			buf[w] = '-'
		}
		w++
	}
	return string(buf[:w])
}

// IsDir reports whether m describes a directory.
func (m FileMode) IsDir() bool { return m&ModeDir != 0 }

// IsRegular reports whether m describes a regular file.
func (m FileMode) IsRegular() bool { return m&ModeType == 0 }

// Perm returns the Unix permission bits.
func (m FileMode) Perm() FileMode { return m & ModePerm }

// Type returns the type bits.
func (m FileMode) Type() FileMode { return m & ModeType }

// A FileInfo describes a file, as Stat returns it.
type FileInfo interface {
	Name() string
	Size() int64
	Mode() FileMode
	ModTime() time.Time
	IsDir() bool
	Sys() any
}

// A DirEntry is an entry read from a directory.
type DirEntry interface {
	Name() string
	IsDir() bool
	Type() FileMode
	Info() (FileInfo, error)
}

// PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

func (e *PathError) Unwrap() error { return e.Err }

// Timeout reports whether the error is a timeout.
func (e *PathError) Timeout() bool {
	t, ok := e.Err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

// FileInfoToDirEntry returns a DirEntry describing info (nil for nil).
func FileInfoToDirEntry(info FileInfo) DirEntry {
	if info == nil {
		return nil
	}
	return dirInfo{info}
}

type dirInfo struct{ fi FileInfo }

func (d dirInfo) Name() string            { return d.fi.Name() }
func (d dirInfo) IsDir() bool             { return d.fi.IsDir() }
func (d dirInfo) Type() FileMode          { return d.fi.Mode().Type() }
func (d dirInfo) Info() (FileInfo, error) { return d.fi, nil }
func (d dirInfo) String() string          { return FormatDirEntry(d) }

// FormatDirEntry returns a readable form of dir: its type and name.
func FormatDirEntry(dir DirEntry) string {
	name := dir.Name()
	b := make([]byte, 0, 5+len(name))
	mode := dir.Type().String()
	mode = mode[:len(mode)-9]
	b = append(b, mode...)
	b = append(b, ' ')
	b = append(b, name...)
	if dir.IsDir() {
		b = append(b, '/')
	}
	return string(b)
}
