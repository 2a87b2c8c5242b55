package io

import "errors"

// Whence values for Seek.
const (
	SeekStart   = 0
	SeekCurrent = 1
	SeekEnd     = 2
)

// ErrClosedPipe is the error used for operations on a closed pipe.
var ErrClosedPipe = errors.New("io: read/write on closed pipe")

// ErrNoProgress is returned by some clients of a Reader when many calls to
// Read have returned no data and no error.
var ErrNoProgress = errors.New("multiple Read calls return no data or error")

var errWhence = errors.New("Seek: invalid whence")
var errOffset = errors.New("Seek: invalid offset")

// Closer wraps Close.
type Closer interface {
	Close() error
}

// Seeker wraps Seek.
type Seeker interface {
	Seek(offset int64, whence int) (int64, error)
}

// ReadCloser groups Read and Close.
type ReadCloser interface {
	Reader
	Closer
}

// WriteCloser groups Write and Close.
type WriteCloser interface {
	Writer
	Closer
}

// ReadWriteCloser groups Read, Write and Close.
type ReadWriteCloser interface {
	Reader
	Writer
	Closer
}

// ReadSeeker groups Read and Seek.
type ReadSeeker interface {
	Reader
	Seeker
}

// ReadSeekCloser groups Read, Seek and Close.
type ReadSeekCloser interface {
	Reader
	Seeker
	Closer
}

// WriteSeeker groups Write and Seek.
type WriteSeeker interface {
	Writer
	Seeker
}

// ReadWriteSeeker groups Read, Write and Seek.
type ReadWriteSeeker interface {
	Reader
	Writer
	Seeker
}

// ReaderFrom wraps ReadFrom.
type ReaderFrom interface {
	ReadFrom(r Reader) (n int64, err error)
}

// WriterTo wraps WriteTo.
type WriterTo interface {
	WriteTo(w Writer) (n int64, err error)
}

// ReaderAt wraps ReadAt.
type ReaderAt interface {
	ReadAt(p []byte, off int64) (n int, err error)
}

// WriterAt wraps WriteAt.
type WriterAt interface {
	WriteAt(p []byte, off int64) (n int, err error)
}

// ByteScanner adds UnreadByte to ReadByte.
type ByteScanner interface {
	ByteReader
	UnreadByte() error
}

// RuneScanner adds UnreadRune to ReadRune.
type RuneScanner interface {
	RuneReader
	UnreadRune() error
}

// ReadAtLeast reads into buf until it has at least min bytes.
func ReadAtLeast(r Reader, buf []byte, min int) (n int, err error) {
	if len(buf) < min {
		return 0, ErrShortBuffer
	}
	for n < min && err == nil {
		var nn int
		nn, err = r.Read(buf[n:])
		n += nn
	}
	if n >= min {
		err = nil
	} else if n > 0 && err == EOF {
		err = ErrUnexpectedEOF
	}
	return
}

// ReadFull reads exactly len(buf) bytes: EOF if none were read,
// ErrUnexpectedEOF if only some.
func ReadFull(r Reader, buf []byte) (n int, err error) {
	return ReadAtLeast(r, buf, len(buf))
}

// ReadAll reads from r until EOF or an error; EOF is not an error.
func ReadAll(r Reader) ([]byte, error) {
	b := make([]byte, 0, 512)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// Copy copies from src to dst until EOF or an error, and returns how many
// bytes it copied; EOF is not an error.
func Copy(dst Writer, src Reader) (written int64, err error) {
	return copyBuffer(dst, src, nil)
}

// CopyBuffer is Copy with a caller-provided buffer.
func CopyBuffer(dst Writer, src Reader, buf []byte) (written int64, err error) {
	if buf != nil && len(buf) == 0 {
		panic("empty buffer in CopyBuffer")
	}
	return copyBuffer(dst, src, buf)
}

func copyBuffer(dst Writer, src Reader, buf []byte) (written int64, err error) {
	if wt, ok := src.(WriterTo); ok {
		return wt.WriteTo(dst)
	}
	if rf, ok := dst.(ReaderFrom); ok {
		return rf.ReadFrom(src)
	}
	if buf == nil {
		size := 32 * 1024
		if l, ok := src.(*LimitedReader); ok && int64(size) > l.N {
			if l.N < 1 {
				size = 1
			} else {
				size = int(l.N)
			}
		}
		buf = make([]byte, size)
	}
	for {
		nr, er := src.Read(buf)
		if nr > 0 {
			nw, ew := dst.Write(buf[0:nr])
			if nw < 0 || nr < nw {
				nw = 0
				if ew == nil {
					ew = errors.New("invalid write result")
				}
			}
			written += int64(nw)
			if ew != nil {
				err = ew
				break
			}
			if nr != nw {
				err = ErrShortWrite
				break
			}
		}
		if er != nil {
			if er != EOF {
				err = er
			}
			break
		}
	}
	return written, err
}

// CopyN copies n bytes (or until an error); EOF if src ended early.
func CopyN(dst Writer, src Reader, n int64) (written int64, err error) {
	written, err = Copy(dst, LimitReader(src, n))
	if written == n {
		return n, nil
	}
	if written < n && err == nil {
		err = EOF
	}
	return
}

// LimitReader returns a Reader that reads at most n bytes from r.
func LimitReader(r Reader, n int64) Reader { return &LimitedReader{r, n} }

// A LimitedReader reads from R at most N bytes (N is what remains).
type LimitedReader struct {
	R Reader
	N int64
}

func (l *LimitedReader) Read(p []byte) (n int, err error) {
	if l.N <= 0 {
		return 0, EOF
	}
	if int64(len(p)) > l.N {
		p = p[0:l.N]
	}
	n, err = l.R.Read(p)
	l.N -= int64(n)
	return
}

// Discard is a Writer on which every Write succeeds and does nothing.
var Discard Writer = discard(0)

type discard int

func (discard) Write(p []byte) (int, error)       { return len(p), nil }
func (discard) WriteString(s string) (int, error) { return len(s), nil }

// NopCloser returns r with a Close method that does nothing.
func NopCloser(r Reader) ReadCloser { return nopCloser{r} }

type nopCloser struct{ Reader }

func (nopCloser) Close() error { return nil }

// MultiWriter returns a Writer that writes to each of writers in turn.
func MultiWriter(writers ...Writer) Writer {
	all := make([]Writer, 0, len(writers))
	for _, w := range writers {
		if mw, ok := w.(*multiWriter); ok {
			all = append(all, mw.writers...)
		} else {
			all = append(all, w)
		}
	}
	return &multiWriter{all}
}

type multiWriter struct{ writers []Writer }

func (t *multiWriter) Write(p []byte) (n int, err error) {
	for _, w := range t.writers {
		n, err = w.Write(p)
		if err != nil {
			return
		}
		if n != len(p) {
			err = ErrShortWrite
			return
		}
	}
	return len(p), nil
}

// MultiReader returns a Reader that reads the readers one after another.
func MultiReader(readers ...Reader) Reader {
	r := make([]Reader, len(readers))
	copy(r, readers)
	return &multiReader{r}
}

type multiReader struct{ readers []Reader }

func (mr *multiReader) Read(p []byte) (n int, err error) {
	for len(mr.readers) > 0 {
		n, err = mr.readers[0].Read(p)
		if err == EOF {
			mr.readers = mr.readers[1:]
		}
		if n > 0 || err != EOF {
			if err == EOF && len(mr.readers) > 0 {
				err = nil
			}
			return
		}
	}
	return 0, EOF
}

// TeeReader returns a Reader that writes to w what it reads from r.
func TeeReader(r Reader, w Writer) Reader { return &teeReader{r, w} }

type teeReader struct {
	r Reader
	w Writer
}

func (t *teeReader) Read(p []byte) (n int, err error) {
	n, err = t.r.Read(p)
	if n > 0 {
		if n, err := t.w.Write(p[:n]); err != nil {
			return n, err
		}
	}
	return
}

// NewSectionReader returns a reader of n bytes of r from offset off.
func NewSectionReader(r ReaderAt, off int64, n int64) *SectionReader {
	return &SectionReader{r, off, off, off + n}
}

// A SectionReader reads a section of a ReaderAt.
type SectionReader struct {
	r     ReaderAt
	base  int64
	off   int64
	limit int64
}

func (s *SectionReader) Read(p []byte) (n int, err error) {
	if s.off >= s.limit {
		return 0, EOF
	}
	if max := s.limit - s.off; int64(len(p)) > max {
		p = p[0:max]
	}
	n, err = s.r.ReadAt(p, s.off)
	s.off += int64(n)
	return
}

func (s *SectionReader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	default:
		return 0, errWhence
	case SeekStart:
		offset += s.base
	case SeekCurrent:
		offset += s.off
	case SeekEnd:
		offset += s.limit
	}
	if offset < s.base {
		return 0, errOffset
	}
	s.off = offset
	return offset - s.base, nil
}

// Size returns the section's size in bytes.
func (s *SectionReader) Size() int64 { return s.limit - s.base }
