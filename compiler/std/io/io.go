// Package io: the basic I/O interfaces and their sentinel errors. goc's
// implementation, written from the package documentation; only the
// interfaces and errors, no helpers (Copy, ReadAll...) yet.
package io

import "errors"

// EOF is returned by Read when no more input is available.
var EOF = errors.New("EOF")

// ErrUnexpectedEOF means EOF was met in the middle of a fixed-size read.
var ErrUnexpectedEOF = errors.New("unexpected EOF")

// ErrShortWrite means a write accepted fewer bytes than requested.
var ErrShortWrite = errors.New("short write")

// ErrShortBuffer means a read needed a longer buffer than provided.
var ErrShortBuffer = errors.New("short buffer")

// Reader wraps the basic Read method.
type Reader interface {
	Read(p []byte) (n int, err error)
}

// Writer wraps the basic Write method.
type Writer interface {
	Write(p []byte) (n int, err error)
}

// ByteReader wraps ReadByte.
type ByteReader interface {
	ReadByte() (byte, error)
}

// ByteWriter wraps WriteByte.
type ByteWriter interface {
	WriteByte(c byte) error
}

// RuneReader wraps ReadRune.
type RuneReader interface {
	ReadRune() (r rune, size int, err error)
}

// StringWriter wraps WriteString.
type StringWriter interface {
	WriteString(s string) (n int, err error)
}

// ReadWriter groups Read and Write.
type ReadWriter interface {
	Reader
	Writer
}

// WriteString writes s to w, through its WriteString method if it has one.
func WriteString(w Writer, s string) (n int, err error) {
	if sw, ok := w.(StringWriter); ok {
		return sw.WriteString(s)
	}
	return w.Write([]byte(s))
}
