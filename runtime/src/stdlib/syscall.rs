//! Package syscall: the Linux calls it offers, made directly, the ones
//! that may block (nanosleep, read, write) with the P handed off around
//! them (syscall.rs). Each returns the kernel's result as Go's raw form:
//! a value and an errno (0 for success).

use crate::arch::{self, syscall2, syscall3};
use crate::syscall::blocking;

/// A kernel result as (value, errno).
#[repr(C)]
pub struct Ret {
    pub(crate) val: i64,
    pub(crate) errno: i64,
}

pub(crate) fn ret(r: isize) -> Ret {
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

/// `AT_FDCWD`: paths relative to the working directory.
const AT_FDCWD: usize = -100isize as usize;

/// `func open(path []byte, flags, perm int) (fd int, errno int)`: openat
/// on a NUL-terminated path; may block (a FIFO, a slow file system).
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_open(
    path: usize,
    _len: i64,
    _cap: i64,
    flags: i64,
    perm: i64,
) -> Ret {
    let flags = open_flags(flags as usize);
    ret(blocking(|| unsafe {
        arch::syscall4(arch::SYS_OPENAT, AT_FDCWD, path, flags, perm as usize)
    }))
}

/// Package syscall's O_* constants have amd64's values on both targets;
/// arm64's kernel numbers four of them differently.
#[cfg(target_arch = "aarch64")]
fn open_flags(f: usize) -> usize {
    const MOVED: [(usize, usize); 4] = [
        (0x4000, 0x10000), // O_DIRECT
        (0x8000, 0x20000), // O_LARGEFILE
        (0x10000, 0x4000), // O_DIRECTORY
        (0x20000, 0x8000), // O_NOFOLLOW
    ];
    let mut out = f & !0x3c000;
    for (amd64, arm64) in MOVED {
        if f & amd64 != 0 {
            out |= arm64;
        }
    }
    out
}

#[cfg(target_arch = "x86_64")]
fn open_flags(f: usize) -> usize {
    f
}

/// `func lseek(fd int, off int64, whence int) (off int64, errno int)`
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_lseek(fd: i64, off: i64, whence: i64) -> Ret {
    ret(unsafe { syscall3(arch::SYS_LSEEK, fd as usize, off as usize, whence as usize) })
}

/// The kernel's `struct stat` into Go's `Stat_t`, which has amd64's
/// layout on both targets (on x86_64 they are the same).
#[cfg(target_arch = "aarch64")]
unsafe fn stat_into(nr: usize, a1: usize, a2: usize, st: usize, flags: usize) -> isize {
    let mut k = [0u8; 128];
    let buf = k.as_mut_ptr() as usize;
    let r = if nr == arch::SYS_FSTAT {
        syscall2(nr, a1, buf)
    } else {
        syscall4(nr, a1, a2, buf, flags)
    };
    if r < 0 {
        return r;
    }
    let rd64 = |o: usize| u64::from_ne_bytes(k[o..o + 8].try_into().unwrap());
    let rd32 = |o: usize| u32::from_ne_bytes(k[o..o + 4].try_into().unwrap());
    let out = st as *mut u8;
    let w64 = |o: usize, v: u64| core::ptr::write_unaligned(out.add(o) as *mut u64, v);
    let w32 = |o: usize, v: u32| core::ptr::write_unaligned(out.add(o) as *mut u32, v);
    w64(0, rd64(0)); // Dev
    w64(8, rd64(8)); // Ino
    w64(16, rd32(20) as u64); // Nlink
    w32(24, rd32(16)); // Mode
    w32(28, rd32(24)); // Uid
    w32(32, rd32(28)); // Gid
    w32(36, 0);
    w64(40, rd64(32)); // Rdev
    w64(48, rd64(48)); // Size
    w64(56, rd32(56) as i32 as i64 as u64); // Blksize
    w64(64, rd64(64)); // Blocks
    for o in (72..120).step_by(8) {
        w64(o, rd64(o)); // Atim, Mtim, Ctim
    }
    for o in (120..144).step_by(8) {
        w64(o, 0);
    }
    r
}

#[cfg(target_arch = "x86_64")]
unsafe fn stat_into(nr: usize, a1: usize, a2: usize, st: usize, flags: usize) -> isize {
    if nr == arch::SYS_FSTAT {
        syscall2(nr, a1, st)
    } else {
        syscall4(nr, a1, a2, st, flags)
    }
}

use arch::syscall4;

/// `func fstat(fd int, st *Stat_t) int` (errno)
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_fstat(fd: i64, st: usize) -> i64 {
    ret(unsafe { stat_into(arch::SYS_FSTAT, fd as usize, 0, st, 0) }).errno
}

/// `func fstatat(path []byte, st *Stat_t, flags int) int` (errno);
/// may block on a slow file system.
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_fstatat(
    path: usize,
    _len: i64,
    _cap: i64,
    st: usize,
    flags: i64,
) -> i64 {
    ret(blocking(|| unsafe {
        stat_into(arch::SYS_NEWFSTATAT, AT_FDCWD, path, st, flags as usize)
    }))
    .errno
}

/// `func unlinkat(path []byte, flags int) int` (errno)
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_unlinkat(path: usize, _len: i64, _cap: i64, flags: i64) -> i64 {
    ret(blocking(|| unsafe {
        syscall3(arch::SYS_UNLINKAT, AT_FDCWD, path, flags as usize)
    }))
    .errno
}

/// `func mkdirat(path []byte, mode int) int` (errno)
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_mkdirat(path: usize, _len: i64, _cap: i64, mode: i64) -> i64 {
    ret(blocking(|| unsafe {
        syscall3(arch::SYS_MKDIRAT, AT_FDCWD, path, mode as usize)
    }))
    .errno
}

/// `func renameat(from, to []byte) int` (errno)
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_renameat(
    from: usize,
    _flen: i64,
    _fcap: i64,
    to: usize,
    _tlen: i64,
    _tcap: i64,
) -> i64 {
    ret(blocking(|| unsafe {
        syscall4(arch::SYS_RENAMEAT, AT_FDCWD, from, AT_FDCWD, to)
    }))
    .errno
}

/// `func getcwd(buf []byte) (n int, errno int)`: n counts the NUL.
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_getcwd(buf: usize, len: i64, _cap: i64) -> Ret {
    ret(unsafe { syscall2(arch::SYS_GETCWD, buf, len as usize) })
}

/// `func getdents(fd int, buf []byte) (n int, errno int)`: getdents64.
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_getdents(fd: i64, buf: usize, len: i64, _cap: i64) -> Ret {
    ret(blocking(|| unsafe {
        syscall3(arch::SYS_GETDENTS64, fd as usize, buf, len as usize)
    }))
}

/// `func pread(fd int, p []byte, off int64) (n int, errno int)`
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_pread(fd: i64, p: usize, len: i64, _cap: i64, off: i64) -> Ret {
    ret(blocking(|| unsafe {
        syscall4(
            arch::SYS_PREAD64,
            fd as usize,
            p,
            len as usize,
            off as usize,
        )
    }))
}

/// `func pwrite(fd int, p []byte, off int64) (n int, errno int)`
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_pwrite(fd: i64, p: usize, len: i64, _cap: i64, off: i64) -> Ret {
    ret(blocking(|| unsafe {
        syscall4(
            arch::SYS_PWRITE64,
            fd as usize,
            p,
            len as usize,
            off as usize,
        )
    }))
}

/// `func ftruncate(fd int, length int64) int` (errno)
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_ftruncate(fd: i64, length: i64) -> i64 {
    ret(blocking(|| unsafe {
        syscall2(arch::SYS_FTRUNCATE, fd as usize, length as usize)
    }))
    .errno
}

// ---- sockets ----
//
// Made directly, without handing the P off: package net uses them on
// non-blocking sockets (connect returns EINPROGRESS, accept EAGAIN, and
// the goroutine waits in the network poller). A program calling Connect
// or Accept4 on a blocking socket blocks its thread.

/// `func socket(domain, typ, proto int) (fd int, errno int)`
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_socket(domain: i64, typ: i64, proto: i64) -> Ret {
    ret(unsafe {
        syscall3(
            arch::SYS_SOCKET,
            domain as usize,
            typ as usize,
            proto as usize,
        )
    })
}

/// `func bind(fd int, sa []byte) int` (errno): `sa` is a raw sockaddr.
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_bind(fd: i64, sa: usize, len: i64, _cap: i64) -> i64 {
    ret(unsafe { syscall3(arch::SYS_BIND, fd as usize, sa, len as usize) }).errno
}

/// `func connect(fd int, sa []byte) int` (errno)
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_connect(fd: i64, sa: usize, len: i64, _cap: i64) -> i64 {
    ret(unsafe { syscall3(arch::SYS_CONNECT, fd as usize, sa, len as usize) }).errno
}

/// `func listen(fd int, n int) int` (errno)
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_listen(fd: i64, n: i64) -> i64 {
    ret(unsafe { syscall2(arch::SYS_LISTEN, fd as usize, n as usize) }).errno
}

/// `func accept4(fd int, sa []byte, flags int) (nfd int, errno int)`:
/// the peer's raw sockaddr lands in `sa`.
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_accept4(
    fd: i64,
    sa: usize,
    len: i64,
    _cap: i64,
    flags: i64,
) -> Ret {
    let mut l: u32 = len as u32;
    ret(unsafe {
        syscall4(
            arch::SYS_ACCEPT4,
            fd as usize,
            sa,
            &mut l as *mut u32 as usize,
            flags as usize,
        )
    })
}

fn sockname(nr: usize, fd: i64, sa: usize, len: i64) -> i64 {
    let mut l: u32 = len as u32;
    ret(unsafe { syscall3(nr, fd as usize, sa, &mut l as *mut u32 as usize) }).errno
}

/// `func getsockname(fd int, sa []byte) int` (errno)
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_getsockname(fd: i64, sa: usize, len: i64, _cap: i64) -> i64 {
    sockname(arch::SYS_GETSOCKNAME, fd, sa, len)
}

/// `func getpeername(fd int, sa []byte) int` (errno)
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_getpeername(fd: i64, sa: usize, len: i64, _cap: i64) -> i64 {
    sockname(arch::SYS_GETPEERNAME, fd, sa, len)
}

/// `func setsockopt(fd, level, opt, val int) int` (errno): an int option.
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_setsockopt(fd: i64, level: i64, opt: i64, val: i64) -> i64 {
    let v: i32 = val as i32;
    ret(unsafe {
        arch::syscall6(
            arch::SYS_SETSOCKOPT,
            fd as usize,
            level as usize,
            opt as usize,
            &v as *const i32 as usize,
            4,
            0,
        )
    })
    .errno
}

/// `func getsockopt(fd, level, opt int) (val int, errno int)`: an int option.
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_getsockopt(fd: i64, level: i64, opt: i64) -> Ret {
    let mut v: i32 = 0;
    let mut l: u32 = 4;
    let r = ret(unsafe {
        arch::syscall6(
            arch::SYS_GETSOCKOPT,
            fd as usize,
            level as usize,
            opt as usize,
            &mut v as *mut i32 as usize,
            &mut l as *mut u32 as usize,
            0,
        )
    });
    if r.errno != 0 {
        return r;
    }
    Ret {
        val: v as i64,
        errno: 0,
    }
}

/// `func shutdown(fd, how int) int` (errno)
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_shutdown(fd: i64, how: i64) -> i64 {
    ret(unsafe { syscall2(arch::SYS_SHUTDOWN, fd as usize, how as usize) }).errno
}

/// `func fcntl(fd, cmd, arg int) (val int, errno int)`
#[no_mangle]
pub extern "C" fn goc_pkg_syscall_fcntl(fd: i64, cmd: i64, arg: i64) -> Ret {
    ret(unsafe { syscall3(arch::SYS_FCNTL, fd as usize, cmd as usize, arg as usize) })
}
