// Package syscall: the Linux system calls goc offers to Go code, with
// Go's Errno values and messages. goc's implementation, written from the
// package documentation; the body-less functions are in
// runtime/src/stdlib/syscall.rs. Calls that may block (Nanosleep, Read,
// Write) hand the goroutine's processor to other goroutines while they
// wait in the kernel.
package syscall

func nanosleep(ts *Timespec, leftover *Timespec) int
func read(fd int, p []byte) (n int, errno int)
func write(fd int, p []byte) (n int, errno int)
func close(fd int) int
func pipe2(fds *[2]int32, flags int) int
func kill(pid int, sig int) int
func getid(which int) int

// A Timespec is a time in seconds and nanoseconds, as the kernel takes it.
type Timespec struct {
	Sec  int64
	Nsec int64
}

// Unix returns the time stored in ts as seconds plus nanoseconds.
func (ts *Timespec) Unix() (sec int64, nsec int64) { return ts.Sec, ts.Nsec }

// Nano returns the time stored in ts as nanoseconds.
func (ts *Timespec) Nano() int64 { return ts.Sec*1e9 + ts.Nsec }

// NsecToTimespec converts a number of nanoseconds into a Timespec.
func NsecToTimespec(nsec int64) Timespec {
	sec := nsec / 1e9
	nsec = nsec % 1e9
	if nsec < 0 {
		nsec += 1e9
		sec--
	}
	return Timespec{Sec: sec, Nsec: nsec}
}

func errnoErr(e int) error {
	if e == 0 {
		return nil
	}
	return Errno(e)
}

// Nanosleep suspends the calling goroutine's thread for the time in ts;
// the processor runs other goroutines meanwhile.
func Nanosleep(time *Timespec, leftover *Timespec) (err error) {
	return errnoErr(nanosleep(time, leftover))
}

// Read reads up to len(p) bytes from fd.
func Read(fd int, p []byte) (n int, err error) {
	n, e := read(fd, p)
	return n, errnoErr(e)
}

// Write writes p to fd.
func Write(fd int, p []byte) (n int, err error) {
	n, e := write(fd, p)
	return n, errnoErr(e)
}

// Close closes the file descriptor fd.
func Close(fd int) (err error) { return errnoErr(close(fd)) }

// Pipe2 creates a pipe; p[0] is the read end, p[1] the write end.
func Pipe2(p []int, flags int) error {
	if len(p) != 2 {
		return EINVAL
	}
	var fds [2]int32
	if e := pipe2(&fds, flags); e != 0 {
		return Errno(e)
	}
	p[0], p[1] = int(fds[0]), int(fds[1])
	return nil
}

// Pipe creates a pipe with no flags.
func Pipe(p []int) error { return Pipe2(p, 0) }

// Kill sends signal sig to process pid.
func Kill(pid int, sig Signal) (err error) { return errnoErr(kill(pid, int(sig))) }

// Getpid returns the process id.
func Getpid() (pid int) { return getid(0) }

// Getppid returns the parent's process id.
func Getppid() (ppid int) { return getid(1) }

// Getuid returns the user id.
func Getuid() (uid int) { return getid(2) }

// File descriptors of the standard streams.
var (
	Stdin  = 0
	Stdout = 1
	Stderr = 2
)

// Flags for Pipe2 and open.
const (
	O_RDONLY   = 0x0
	O_WRONLY   = 0x1
	O_RDWR     = 0x2
	O_CREAT    = 0x40
	O_EXCL     = 0x80
	O_TRUNC    = 0x200
	O_APPEND   = 0x400
	O_NONBLOCK = 0x800
	O_CLOEXEC  = 0x80000
)
