package os

import "syscall"

// A Signal represents an operating system signal (a syscall.Signal on
// Linux).
type Signal interface {
	String() string
	Signal() // to distinguish from other Stringers
}

// The signals every system has: Interrupt (SIGINT) and Kill (SIGKILL).
var (
	Interrupt Signal = syscall.SIGINT
	Kill      Signal = syscall.SIGKILL
)

// ErrProcessDone reports that a process has finished.
var ErrProcessDone error = errorString("os: process already finished")

// A Process is a process found by FindProcess.
type Process struct {
	Pid int
}

// FindProcess returns the process with the given pid; on Linux it always
// succeeds, whether or not the process exists.
func FindProcess(pid int) (*Process, error) {
	return &Process{Pid: pid}, nil
}

// Signal sends sig to the process.
func (p *Process) Signal(sig Signal) error {
	if p.Pid == -1 {
		return errorString("os: process already released")
	}
	if p.Pid == 0 {
		return errorString("os: process not initialized")
	}
	s, ok := sig.(syscall.Signal)
	if !ok {
		return errorString("os: unsupported signal type")
	}
	if err := syscall.Kill(p.Pid, s); err != nil {
		if err == syscall.ESRCH {
			return ErrProcessDone
		}
		return NewSyscallError("kill", err)
	}
	return nil
}

// Kill makes the process exit at once (SIGKILL).
func (p *Process) Kill() error { return p.Signal(Kill) }

// Release releases the process; it cannot be signalled afterwards.
func (p *Process) Release() error {
	p.Pid = -1
	return nil
}
