//! Package internal/poll: descriptors on the network poller (netpoll.rs)
//! and the raw non-blocking reads and writes its FD makes. A `pd` is the
//! address of a `netpoll::PollDesc` (persistent memory, not the Go heap),
//! passed around as a `uintptr`; `mode` is 'r', 'w' or 'r'+'w'.

use super::syscall::{ret, Ret};
use crate::arch::{self, syscall3};
use crate::netpoll::{self, PollDesc};

#[cfg(target_arch = "x86_64")]
const SYS_SENDTO: usize = 44;
#[cfg(target_arch = "aarch64")]
const SYS_SENDTO: usize = 206;
const MSG_NOSIGNAL: usize = 0x4000;

/// `func runtime_pollOpen(fd int) (pd uintptr, errno int)`
#[no_mangle]
pub extern "C" fn goc_pkg_internal_poll_runtime_pollOpen(fd: i64) -> Ret {
    match netpoll::open(fd as i32) {
        Ok(pd) => Ret {
            val: pd as i64,
            errno: 0,
        },
        Err(e) => Ret { val: 0, errno: e },
    }
}

/// `func runtime_pollClose(pd uintptr)`: after `runtime_pollUnblock`,
/// once no operation uses the descriptor.
#[no_mangle]
pub extern "C" fn goc_pkg_internal_poll_runtime_pollClose(pd: usize) {
    netpoll::close(pd as *mut PollDesc)
}

/// `func runtime_pollUnblock(pd uintptr)`: closing; wake the waiters.
#[no_mangle]
pub extern "C" fn goc_pkg_internal_poll_runtime_pollUnblock(pd: usize) {
    netpoll::evict(pd as *mut PollDesc)
}

/// `func runtime_pollCheck(pd uintptr, mode int) int`: 0, 1 (closing) or
/// 2 (deadline passed).
#[no_mangle]
pub extern "C" fn goc_pkg_internal_poll_runtime_pollCheck(pd: usize, mode: i64) -> i64 {
    netpoll::check(pd as *mut PollDesc, mode == b'w' as i64)
}

/// `func runtime_pollWait(pd uintptr, mode int) int`: park until ready;
/// codes as runtime_pollCheck.
#[no_mangle]
pub extern "C" fn goc_pkg_internal_poll_runtime_pollWait(pd: usize, mode: i64) -> i64 {
    netpoll::wait(pd as *mut PollDesc, mode == b'w' as i64)
}

/// `func runtime_pollSetDeadline(pd uintptr, d int64, mode int)`: `d` in
/// monotonic nanoseconds, 0 for none, negative for already past.
#[no_mangle]
pub extern "C" fn goc_pkg_internal_poll_runtime_pollSetDeadline(pd: usize, d: i64, mode: i64) {
    netpoll::set_deadline(pd as *mut PollDesc, d, mode)
}

/// `func runtime_nanotime() int64`
#[no_mangle]
pub extern "C" fn goc_pkg_internal_poll_runtime_nanotime() -> i64 {
    crate::sys::nanotime()
}

/// `func rawRead(fd int, p []byte) (n int, errno int)`: read(2), made
/// directly (the descriptor is non-blocking).
#[no_mangle]
pub extern "C" fn goc_pkg_internal_poll_rawRead(fd: i64, p: usize, len: i64, _cap: i64) -> Ret {
    ret(unsafe { syscall3(arch::SYS_READ, fd as usize, p, len as usize) })
}

/// `func rawWrite(fd int, p []byte) (n int, errno int)`: write(2).
#[no_mangle]
pub extern "C" fn goc_pkg_internal_poll_rawWrite(fd: i64, p: usize, len: i64, _cap: i64) -> Ret {
    ret(unsafe { syscall3(arch::SYS_WRITE, fd as usize, p, len as usize) })
}

/// `func rawSend(fd int, p []byte) (n int, errno int)`: send(2) with
/// MSG_NOSIGNAL, so a write to a socket the peer closed is EPIPE without
/// raising SIGPIPE at all (the runtime ignores it anyway, signal.rs).
#[no_mangle]
pub extern "C" fn goc_pkg_internal_poll_rawSend(fd: i64, p: usize, len: i64, _cap: i64) -> Ret {
    ret(unsafe { arch::syscall6(SYS_SENDTO, fd as usize, p, len as usize, MSG_NOSIGNAL, 0, 0) })
}
