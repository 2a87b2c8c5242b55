package os

import (
	"internal/poll"
	"syscall"
	"time"
)

// Pipe returns a connected pair of Files; reads from r return bytes
// written to w. Both ends are non-blocking descriptors in the runtime's
// poller: a goroutine waiting on one is parked, not its thread, and the
// ends take deadlines.
func Pipe() (r *File, w *File, err error) {
	var p [2]int
	if e := syscall.Pipe2(p[:], syscall.O_CLOEXEC|syscall.O_NONBLOCK); e != nil {
		return nil, nil, NewSyscallError("pipe2", e)
	}
	return newPollFile(p[0], "|0"), newPollFile(p[1], "|1"), nil
}

func newPollFile(fd int, name string) *File {
	f := &File{fd: fd, name: name}
	pfd := &poll.FD{Sysfd: fd, ZeroReadIsEOF: true}
	if err := pfd.Init("file", true); err != nil {
		syscall.SetNonblock(fd, false)
		return f
	}
	f.pfd = pfd
	return f
}

// SetDeadline sets the read and write deadlines of a File that supports
// them (Pipe's ends); others report ErrNoDeadline.
func (f *File) SetDeadline(t time.Time) error { return f.setDeadline(t, 'r'+'w') }

// SetReadDeadline sets the deadline for future and pending Reads.
func (f *File) SetReadDeadline(t time.Time) error { return f.setDeadline(t, 'r') }

// SetWriteDeadline sets the deadline for future and pending Writes.
func (f *File) SetWriteDeadline(t time.Time) error { return f.setDeadline(t, 'w') }

func (f *File) setDeadline(t time.Time, mode int) error {
	if err := f.check("SetDeadline"); err != nil {
		return err
	}
	if f.pfd == nil {
		return ErrNoDeadline
	}
	var err error
	switch mode {
	case 'r':
		err = f.pfd.SetReadDeadline(t)
	case 'w':
		err = f.pfd.SetWriteDeadline(t)
	default:
		err = f.pfd.SetDeadline(t)
	}
	return pollErr(err)
}
