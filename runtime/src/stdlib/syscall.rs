//! Package syscall: the Linux calls it offers, made directly, the ones
//! that may block (nanosleep, read, write) with the P handed off around
//! them (syscall.rs). Each returns the kernel's result as Go's raw form:
//! a value and an errno (0 for success).

use crate::arch::{self, syscall2, syscall3};
use crate::syscall::blocking;

/// A kernel result as (value, errno).
#[repr(C)]
pub struct Ret {
    val: i64,
    errno: i64,
}

fn ret(r: isize) -> Ret {
    if (-4095..0).contains(&r) {
        Ret {
            val: -1,
            errno: -r as i64,
        }
    } else {
        Ret {
            val: r as i64,
            errno: 0,
        }
    }
}

/// `func nanosleep(ts, left *Timespec) int` (errno)
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_nanosleep(ts: usize, left: usize) -> i64 {
    ret(blocking(|| unsafe {
        syscall2(arch::SYS_NANOSLEEP, ts, left)
    }))
    .errno
}

/// `func read(fd int, p []byte) (n int, errno int)`
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_read(fd: i64, p: usize, len: i64, _cap: i64) -> Ret {
    ret(blocking(|| unsafe {
        syscall3(arch::SYS_READ, fd as usize, p, len as usize)
    }))
}

/// `func write(fd int, p []byte) (n int, errno int)`
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_write(fd: i64, p: usize, len: i64, _cap: i64) -> Ret {
    ret(blocking(|| unsafe {
        syscall3(arch::SYS_WRITE, fd as usize, p, len as usize)
    }))
}

/// `func close(fd int) int` (errno)
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_close(fd: i64) -> i64 {
    ret(unsafe { arch::syscall1(arch::SYS_CLOSE, fd as usize) }).errno
}

/// `func pipe2(fds *[2]int32, flags int) int` (errno)
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_pipe2(fds: usize, flags: i64) -> i64 {
    ret(unsafe { syscall2(arch::SYS_PIPE2, fds, flags as usize) }).errno
}

/// `func kill(pid, sig int) int` (errno)
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_kill(pid: i64, sig: i64) -> i64 {
    ret(unsafe { syscall2(arch::SYS_KILL, pid as usize, sig as usize) }).errno
}

/// `func getid(which int) int`: 0 getpid, 1 getppid, 2 getuid.
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_getid(which: i64) -> i64 {
    let nr = match which {
        0 => arch::SYS_GETPID,
        1 => arch::SYS_GETPPID,
        _ => arch::SYS_GETUID,
    };
    unsafe { arch::syscall1(nr, 0) as i64 }
}
