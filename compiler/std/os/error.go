package os

import (
	"internal/poll"
	"syscall"
)

// ErrDeadlineExceeded is returned by reads and writes past their
// deadline (net connections); its Timeout method reports true.
var ErrDeadlineExceeded error = poll.ErrDeadlineExceeded

// ErrNoDeadline is returned for deadlines on files that cannot have them.
var ErrNoDeadline = poll.ErrNoDeadline

// SyscallError records an error from a specific system call.
type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }

func (e *SyscallError) Unwrap() error { return e.Err }

// Timeout reports whether this error represents a timeout.
func (e *SyscallError) Timeout() bool {
	t, ok := e.Err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

// NewSyscallError returns, as an error, a new SyscallError with the given
// system call name and error; nil if err is nil.
func NewSyscallError(syscall string, err error) error {
	if err == nil {
		return nil
	}
	return &SyscallError{syscall, err}
}

// pollErr turns internal/poll's closed-file error into ErrClosed, as Go's
// os does.
func pollErr(err error) error {
	if err == poll.ErrFileClosing {
		return ErrClosed
	}
	return err
}

// epipecheck: a write to standard output or error that found a broken
// pipe kills the program with SIGPIPE, as in Go (elsewhere EPIPE is an
// ordinary error).
func epipecheck(f *File, err error) {
	if err == syscall.EPIPE && (f.fd == 1 || f.fd == 2) {
		runtime_sigpipe()
	}
}
