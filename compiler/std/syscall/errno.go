package syscall

import (
	"errors"
	"internal/oserror"
)

// An Errno is an unsigned number describing an error condition, as the
// kernel returns it.
type Errno uintptr

// The errors the calls here can return, with Linux's numbers.
const (
	EPERM        Errno = 1
	ENOENT       Errno = 2
	ESRCH        Errno = 3
	EINTR        Errno = 4
	EIO          Errno = 5
	ENXIO        Errno = 6
	E2BIG        Errno = 7
	ENOEXEC      Errno = 8
	EBADF        Errno = 9
	ECHILD       Errno = 10
	EAGAIN       Errno = 11
	ENOMEM       Errno = 12
	EACCES       Errno = 13
	EFAULT       Errno = 14
	EBUSY        Errno = 16
	EEXIST       Errno = 17
	EXDEV        Errno = 18
	ENODEV       Errno = 19
	ENOTDIR      Errno = 20
	EISDIR       Errno = 21
	EINVAL       Errno = 22
	ENFILE       Errno = 23
	EMFILE       Errno = 24
	ENOTTY       Errno = 25
	EFBIG        Errno = 27
	ENOSPC       Errno = 28
	ESPIPE       Errno = 29
	EROFS        Errno = 30
	EMLINK       Errno = 31
	EPIPE        Errno = 32
	EDOM         Errno = 33
	ERANGE       Errno = 34
	ENAMETOOLONG Errno = 36
	ENOSYS       Errno = 38
	ENOTEMPTY    Errno = 39
	ELOOP        Errno = 40

	ENOTSOCK        Errno = 88
	EDESTADDRREQ    Errno = 89
	EMSGSIZE        Errno = 90
	EPROTOTYPE      Errno = 91
	ENOPROTOOPT     Errno = 92
	EPROTONOSUPPORT Errno = 93
	EOPNOTSUPP      Errno = 95
	EAFNOSUPPORT    Errno = 97
	EADDRINUSE      Errno = 98
	EADDRNOTAVAIL   Errno = 99
	ENETDOWN        Errno = 100
	ENETUNREACH     Errno = 101
	ECONNABORTED    Errno = 103
	ECONNRESET      Errno = 104
	ENOBUFS         Errno = 105
	EISCONN         Errno = 106
	ENOTCONN        Errno = 107
	ESHUTDOWN       Errno = 108
	ETIMEDOUT       Errno = 110
	ECONNREFUSED    Errno = 111
	EHOSTUNREACH    Errno = 113
	EALREADY        Errno = 114
	EINPROGRESS     Errno = 115
)

// ENOTSUP is EOPNOTSUPP on Linux.
const ENOTSUP = EOPNOTSUPP

// EWOULDBLOCK is EAGAIN on Linux.
const EWOULDBLOCK = EAGAIN

var errnoText = [...]string{
	EPERM:        "operation not permitted",
	ENOENT:       "no such file or directory",
	ESRCH:        "no such process",
	EINTR:        "interrupted system call",
	EIO:          "input/output error",
	ENXIO:        "no such device or address",
	E2BIG:        "argument list too long",
	ENOEXEC:      "exec format error",
	EBADF:        "bad file descriptor",
	ECHILD:       "no child processes",
	EAGAIN:       "resource temporarily unavailable",
	ENOMEM:       "cannot allocate memory",
	EACCES:       "permission denied",
	EFAULT:       "bad address",
	EBUSY:        "device or resource busy",
	EEXIST:       "file exists",
	EXDEV:        "invalid cross-device link",
	ENODEV:       "no such device",
	ENOTDIR:      "not a directory",
	EISDIR:       "is a directory",
	EINVAL:       "invalid argument",
	ENFILE:       "too many open files in system",
	EMFILE:       "too many open files",
	ENOTTY:       "inappropriate ioctl for device",
	EFBIG:        "file too large",
	ENOSPC:       "no space left on device",
	ESPIPE:       "illegal seek",
	EROFS:        "read-only file system",
	EMLINK:       "too many links",
	EPIPE:        "broken pipe",
	EDOM:         "numerical argument out of domain",
	ERANGE:       "numerical result out of range",
	ENAMETOOLONG: "file name too long",
	ENOSYS:       "function not implemented",
	ENOTEMPTY:    "directory not empty",
	ELOOP:        "too many levels of symbolic links",

	ENOTSOCK:        "socket operation on non-socket",
	EDESTADDRREQ:    "destination address required",
	EMSGSIZE:        "message too long",
	EPROTOTYPE:      "protocol wrong type for socket",
	ENOPROTOOPT:     "protocol not available",
	EPROTONOSUPPORT: "protocol not supported",
	EOPNOTSUPP:      "operation not supported",
	EAFNOSUPPORT:    "address family not supported by protocol",
	EADDRINUSE:      "address already in use",
	EADDRNOTAVAIL:   "cannot assign requested address",
	ENETDOWN:        "network is down",
	ENETUNREACH:     "network is unreachable",
	ECONNABORTED:    "software caused connection abort",
	ECONNRESET:      "connection reset by peer",
	ENOBUFS:         "no buffer space available",
	EISCONN:         "transport endpoint is already connected",
	ENOTCONN:        "transport endpoint is not connected",
	ESHUTDOWN:       "cannot send after transport endpoint shutdown",
	ETIMEDOUT:       "connection timed out",
	ECONNREFUSED:    "connection refused",
	EHOSTUNREACH:    "no route to host",
	EALREADY:        "operation already in progress",
	EINPROGRESS:     "operation now in progress",
}

func itoa(v uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(b[i:])
		}
	}
}

// Error returns the kernel's description of the error, as Go's does.
func (e Errno) Error() string {
	if 0 < int(e) && int(e) < len(errnoText) && errnoText[e] != "" {
		return errnoText[e]
	}
	return "errno " + itoa(uint64(e))
}

// Temporary reports whether the error is likely to go away on a retry.
func (e Errno) Temporary() bool {
	return e == EINTR || e == EMFILE || e == ENFILE || e.Timeout()
}

// Timeout reports whether the error is a timeout.
func (e Errno) Timeout() bool {
	return e == EAGAIN || e == EWOULDBLOCK || e == ETIMEDOUT
}

// Is reports whether e matches one of io/fs's portable errors
// (fs.ErrPermission, fs.ErrExist, fs.ErrNotExist, errors.ErrUnsupported).
func (e Errno) Is(target error) bool {
	switch target {
	case oserror.ErrPermission:
		return e == EACCES || e == EPERM
	case oserror.ErrExist:
		return e == EEXIST || e == ENOTEMPTY
	case oserror.ErrNotExist:
		return e == ENOENT
	case errors.ErrUnsupported:
		return e == ENOSYS
	}
	return false
}
