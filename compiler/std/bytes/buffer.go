package bytes

import (
	"io"
	"unicode/utf8"
)

// A Buffer is a variable-sized buffer of bytes with Read and Write
// methods; the zero value is an empty buffer ready to use. Unread bytes
// are buf[off:].
type Buffer struct {
	buf []byte
	off int
}

// NewBuffer returns a Buffer whose initial contents are buf.
func NewBuffer(buf []byte) *Buffer { return &Buffer{buf: buf} }

// NewBufferString returns a Buffer whose initial contents are s.
func NewBufferString(s string) *Buffer { return &Buffer{buf: []byte(s)} }

// Bytes returns the unread part (aliasing the buffer until it changes).
func (b *Buffer) Bytes() []byte { return b.buf[b.off:] }

// String returns the unread part as a string; "<nil>" for a nil *Buffer.
func (b *Buffer) String() string {
	if b == nil {
		return "<nil>"
	}
	return string(b.buf[b.off:])
}

// Len returns the number of unread bytes.
func (b *Buffer) Len() int { return len(b.buf) - b.off }

// Cap returns the capacity of the buffer's storage.
func (b *Buffer) Cap() int { return cap(b.buf) }

// Available returns how many bytes can be written without growing.
func (b *Buffer) Available() int { return cap(b.buf) - len(b.buf) }

// Reset empties the buffer, keeping its storage.
func (b *Buffer) Reset() {
	b.buf = b.buf[:0]
	b.off = 0
}

// Truncate keeps the first n unread bytes; it panics if n is out of range.
func (b *Buffer) Truncate(n int) {
	if n == 0 {
		b.Reset()
		return
	}
	if n < 0 || n > b.Len() {
		panic("bytes.Buffer: truncation out of range")
	}
	b.buf = b.buf[:b.off+n]
}

// Grow makes room for n more bytes; it panics if n is negative.
func (b *Buffer) Grow(n int) {
	if n < 0 {
		panic("bytes.Buffer.Grow: negative count")
	}
	if b.off > 0 && b.Len() == 0 {
		b.Reset()
	}
	if cap(b.buf)-len(b.buf) < n {
		nb := make([]byte, b.Len(), 2*cap(b.buf)+n)
		copy(nb, b.buf[b.off:])
		b.buf = nb
		b.off = 0
	}
}

// Write appends p; the error is always nil.
func (b *Buffer) Write(p []byte) (n int, err error) {
	b.buf = append(b.buf, p...)
	return len(p), nil
}

// WriteString appends s; the error is always nil.
func (b *Buffer) WriteString(s string) (n int, err error) {
	b.buf = append(b.buf, s...)
	return len(s), nil
}

// WriteByte appends c; the error is always nil.
func (b *Buffer) WriteByte(c byte) error {
	b.buf = append(b.buf, c)
	return nil
}

// WriteRune appends r's UTF-8 encoding.
func (b *Buffer) WriteRune(r rune) (n int, err error) {
	m := len(b.buf)
	b.buf = utf8.AppendRune(b.buf, r)
	return len(b.buf) - m, nil
}

// empty resets a fully read buffer and reports whether it was empty.
func (b *Buffer) empty() bool {
	if b.Len() > 0 {
		return false
	}
	b.Reset()
	return true
}

// Read reads up to len(p) bytes; io.EOF when the buffer is empty (unless
// len(p) is 0).
func (b *Buffer) Read(p []byte) (n int, err error) {
	if b.empty() {
		if len(p) == 0 {
			return 0, nil
		}
		return 0, io.EOF
	}
	n = copy(p, b.buf[b.off:])
	b.off += n
	return n, nil
}

// Next returns the next n unread bytes (fewer if there are fewer) and
// consumes them.
func (b *Buffer) Next(n int) []byte {
	m := b.Len()
	if n > m {
		n = m
	}
	data := b.buf[b.off : b.off+n]
	b.off += n
	return data
}

// ReadByte returns the next byte, or io.EOF.
func (b *Buffer) ReadByte() (byte, error) {
	if b.empty() {
		return 0, io.EOF
	}
	c := b.buf[b.off]
	b.off++
	return c, nil
}

// ReadRune returns the next UTF-8 rune and its size, or io.EOF.
func (b *Buffer) ReadRune() (r rune, size int, err error) {
	if b.empty() {
		return 0, 0, io.EOF
	}
	r, size = utf8.DecodeRune(b.buf[b.off:])
	b.off += size
	return r, size, nil
}

// ReadBytes reads through the first delim, returning a copy of the bytes
// read; without delim it returns the rest and io.EOF.
func (b *Buffer) ReadBytes(delim byte) (line []byte, err error) {
	s, err := b.readSlice(delim)
	return append([]byte(nil), s...), err
}

// ReadString is ReadBytes returning a string.
func (b *Buffer) ReadString(delim byte) (line string, err error) {
	s, err := b.readSlice(delim)
	return string(s), err
}

func (b *Buffer) readSlice(delim byte) ([]byte, error) {
	i := IndexByte(b.buf[b.off:], delim)
	end := b.off + i + 1
	var err error
	if i < 0 {
		end = len(b.buf)
		err = io.EOF
	}
	line := b.buf[b.off:end]
	b.off = end
	return line, err
}

// WriteTo writes the unread bytes to w.
func (b *Buffer) WriteTo(w io.Writer) (n int64, err error) {
	if b.Len() == 0 {
		b.Reset()
		return 0, nil
	}
	m, err := w.Write(b.buf[b.off:])
	b.off += m
	if err == nil && m < b.Len()+m && b.Len() > 0 {
		err = io.ErrShortWrite
	}
	if b.Len() == 0 {
		b.Reset()
	}
	return int64(m), err
}
