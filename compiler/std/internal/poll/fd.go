// Package poll: file descriptors whose reads and writes wait in the
// runtime's network poller (runtime/src/netpoll.rs) instead of blocking a
// thread. goc's implementation, written from the behaviour of Go's
// internal/poll; the body-less functions are in
// runtime/src/stdlib/poll.rs.
//
// An FD is non-blocking and registered with the poller by Init. An
// operation that gets EAGAIN parks its goroutine until the descriptor is
// ready, closed, or past its deadline. Reads are serialised among
// themselves, as are writes (the poller keeps one waiter per direction).
// Close marks the FD closed and wakes its waiters at once; the descriptor
// itself is closed when the last operation in flight returns.
package poll

import (
	"errors"
	"io"
	"sync"
	"syscall"
	"time"
)

func runtime_pollOpen(fd int) (pd uintptr, errno int)
func runtime_pollClose(pd uintptr)
func runtime_pollUnblock(pd uintptr)
func runtime_pollCheck(pd uintptr, mode int) int
func runtime_pollWait(pd uintptr, mode int) int
func runtime_pollSetDeadline(pd uintptr, d int64, mode int)
func runtime_nanotime() int64
func rawRead(fd int, p []byte) (n int, errno int)
func rawWrite(fd int, p []byte) (n int, errno int)
func rawSend(fd int, p []byte) (n int, errno int)

// errNetClosing is the error of an operation on a closed network
// connection (net.ErrClosed).
type errNetClosing struct{}

func (e errNetClosing) Error() string   { return "use of closed network connection" }
func (e errNetClosing) Timeout() bool   { return false }
func (e errNetClosing) Temporary() bool { return false }

// ErrNetClosing is returned when a network descriptor is used after it
// has been closed.
var ErrNetClosing = errNetClosing{}

// ErrFileClosing is returned when a file descriptor is used after it has
// been closed.
var ErrFileClosing = errors.New("use of closed file")

// ErrNoDeadline is returned when a deadline is set on a file type that
// does not support them.
var ErrNoDeadline = errors.New("file type does not support deadline")

// DeadlineExceededError is returned for an expired deadline.
type DeadlineExceededError struct{}

func (e *DeadlineExceededError) Error() string   { return "i/o timeout" }
func (e *DeadlineExceededError) Timeout() bool   { return true }
func (e *DeadlineExceededError) Temporary() bool { return true }

// ErrDeadlineExceeded is returned for an expired deadline (os and net
// export it).
var ErrDeadlineExceeded error = &DeadlineExceededError{}

// ErrNotPollable is returned when the descriptor cannot be used with the
// poller.
var ErrNotPollable = errors.New("not pollable")

const (
	pollClosing = 1
	pollTimeout = 2
)

// FD is a file descriptor on the poller.
type FD struct {
	// Sysfd is the kernel's descriptor.
	Sysfd int
	// IsStream: a stream socket (writes use send with MSG_NOSIGNAL).
	IsStream bool
	// ZeroReadIsEOF: a read of 0 bytes means end of file.
	ZeroReadIsEOF bool

	pd     uintptr
	isFile bool

	mu     sync.Mutex // guards refs and closed
	refs   int
	closed bool

	rmu sync.Mutex // one reader at a time
	wmu sync.Mutex // one writer at a time
}

// Init registers the descriptor (already non-blocking) with the poller;
// net is "file" for files, else a network name. Without pollable, or if
// the kernel refuses (a regular file), the FD still works, blocking.
func (fd *FD) Init(net string, pollable bool) error {
	fd.isFile = net == "file"
	if !pollable {
		return nil
	}
	pd, e := runtime_pollOpen(fd.Sysfd)
	if e != 0 {
		return syscall.Errno(e)
	}
	fd.pd = pd
	return nil
}

func (fd *FD) errClosing() error {
	if fd.isFile {
		return ErrFileClosing
	}
	return ErrNetClosing
}

func (fd *FD) convert(res int) error {
	switch res {
	case pollClosing:
		return fd.errClosing()
	case pollTimeout:
		return ErrDeadlineExceeded
	}
	return nil
}

func (fd *FD) incref() error {
	fd.mu.Lock()
	if fd.closed {
		fd.mu.Unlock()
		return fd.errClosing()
	}
	fd.refs++
	fd.mu.Unlock()
	return nil
}

func (fd *FD) decref() {
	fd.mu.Lock()
	fd.refs--
	last := fd.closed && fd.refs == 0
	fd.mu.Unlock()
	if last {
		fd.destroy()
	}
}

func (fd *FD) destroy() error {
	if fd.pd != 0 {
		runtime_pollClose(fd.pd)
		fd.pd = 0
	}
	err := syscall.Close(fd.Sysfd)
	fd.Sysfd = -1
	return err
}

// Close closes the FD: operations in flight return the closing error at
// once; the descriptor is closed when the last of them has returned.
func (fd *FD) Close() error {
	fd.mu.Lock()
	if fd.closed {
		fd.mu.Unlock()
		return fd.errClosing()
	}
	fd.closed = true
	if fd.pd != 0 {
		runtime_pollUnblock(fd.pd)
	}
	last := fd.refs == 0
	fd.mu.Unlock()
	if last {
		return fd.destroy()
	}
	return nil
}

// Read reads into p, waiting until data, end of file, an error, the
// deadline or Close.
func (fd *FD) Read(p []byte) (int, error) {
	if err := fd.incref(); err != nil {
		return 0, err
	}
	fd.rmu.Lock()
	n, err := fd.read(p)
	fd.rmu.Unlock()
	fd.decref()
	return n, err
}

func (fd *FD) read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if fd.pd != 0 {
		if res := runtime_pollCheck(fd.pd, 'r'); res != 0 {
			return 0, fd.convert(res)
		}
	}
	for {
		var n, e int
		if fd.pd == 0 {
			n, err := syscall.Read(fd.Sysfd, p)
			if err == syscall.EINTR {
				continue
			}
			if err != nil {
				return 0, err
			}
			if n == 0 && fd.ZeroReadIsEOF {
				return 0, io.EOF
			}
			return n, nil
		}
		n, e = rawRead(fd.Sysfd, p)
		if e != 0 {
			if e == int(syscall.EINTR) {
				continue
			}
			if e == int(syscall.EAGAIN) {
				if res := runtime_pollWait(fd.pd, 'r'); res != 0 {
					return 0, fd.convert(res)
				}
				continue
			}
			return 0, syscall.Errno(e)
		}
		if n == 0 && fd.ZeroReadIsEOF {
			return 0, io.EOF
		}
		return n, nil
	}
}

// Write writes all of p unless an error, the deadline or Close stops it.
func (fd *FD) Write(p []byte) (int, error) {
	if err := fd.incref(); err != nil {
		return 0, err
	}
	fd.wmu.Lock()
	n, err := fd.write(p)
	fd.wmu.Unlock()
	fd.decref()
	return n, err
}

func (fd *FD) write(p []byte) (int, error) {
	if fd.pd != 0 {
		if res := runtime_pollCheck(fd.pd, 'w'); res != 0 {
			return 0, fd.convert(res)
		}
	}
	nn := 0
	for {
		var n, e int
		if fd.pd == 0 {
			m, err := syscall.Write(fd.Sysfd, p[nn:])
			if m > 0 {
				nn += m
			}
			if nn == len(p) {
				return nn, err
			}
			if err == syscall.EINTR {
				continue
			}
			if err != nil {
				return nn, err
			}
			if m == 0 {
				return nn, io.ErrUnexpectedEOF
			}
			continue
		}
		if fd.IsStream {
			n, e = rawSend(fd.Sysfd, p[nn:])
		} else {
			n, e = rawWrite(fd.Sysfd, p[nn:])
		}
		if n > 0 {
			nn += n
		}
		if nn == len(p) && e == 0 {
			return nn, nil
		}
		if e == int(syscall.EINTR) {
			continue
		}
		if e == int(syscall.EAGAIN) {
			if res := runtime_pollWait(fd.pd, 'w'); res != 0 {
				return nn, fd.convert(res)
			}
			continue
		}
		if e != 0 {
			return nn, syscall.Errno(e)
		}
		if n == 0 {
			return nn, io.ErrUnexpectedEOF
		}
	}
}

// Accept accepts a connection: its descriptor (non-blocking,
// close-on-exec), the peer's address, and on failure the name of the
// system call that failed.
func (fd *FD) Accept() (int, syscall.Sockaddr, string, error) {
	if err := fd.incref(); err != nil {
		return -1, nil, "", err
	}
	fd.rmu.Lock()
	s, rsa, call, err := fd.accept()
	fd.rmu.Unlock()
	fd.decref()
	return s, rsa, call, err
}

func (fd *FD) accept() (int, syscall.Sockaddr, string, error) {
	if res := runtime_pollCheck(fd.pd, 'r'); res != 0 {
		return -1, nil, "", fd.convert(res)
	}
	for {
		s, rsa, err := syscall.Accept4(fd.Sysfd, syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC)
		if err == nil {
			return s, rsa, "", nil
		}
		switch err {
		case syscall.EINTR, syscall.ECONNABORTED:
			continue
		case syscall.EAGAIN:
			if res := runtime_pollWait(fd.pd, 'r'); res != 0 {
				return -1, nil, "", fd.convert(res)
			}
			continue
		}
		return -1, nil, "accept4", err
	}
}

// WaitWrite waits until the descriptor is writable (a connect in
// progress has finished).
func (fd *FD) WaitWrite() error {
	if fd.pd == 0 {
		return ErrNotPollable
	}
	return fd.convert(runtime_pollWait(fd.pd, 'w'))
}

// Incref and Decref bracket a use of Sysfd from outside the FD's own
// operations (a socket option, a shutdown): the descriptor stays open
// until Decref.
func (fd *FD) Incref() error { return fd.incref() }

// Decref ends what Incref began.
func (fd *FD) Decref() { fd.decref() }

// Shutdown shuts down reading, writing or both.
func (fd *FD) Shutdown(how int) error {
	if err := fd.incref(); err != nil {
		return err
	}
	err := syscall.Shutdown(fd.Sysfd, how)
	fd.decref()
	return err
}

// SetDeadline sets the read and write deadlines (the zero Time: none).
func (fd *FD) SetDeadline(t time.Time) error { return fd.setDeadline(t, 'r'+'w') }

// SetReadDeadline sets the read deadline.
func (fd *FD) SetReadDeadline(t time.Time) error { return fd.setDeadline(t, 'r') }

// SetWriteDeadline sets the write deadline.
func (fd *FD) SetWriteDeadline(t time.Time) error { return fd.setDeadline(t, 'w') }

func (fd *FD) setDeadline(t time.Time, mode int) error {
	var d int64
	if !t.IsZero() {
		d = int64(time.Until(t))
		if d <= 0 {
			d = -1
		} else {
			d += runtime_nanotime()
			if d <= 0 {
				d = 1<<63 - 1
			}
		}
	}
	if err := fd.incref(); err != nil {
		return err
	}
	if fd.pd == 0 {
		fd.decref()
		return ErrNoDeadline
	}
	runtime_pollSetDeadline(fd.pd, d, mode)
	fd.decref()
	return nil
}
