//! Package os: the process's arguments and environment (read from the
//! argv/envp the kernel passed to `_start`, which stay valid and unchanged
//! for the life of the process, so Go strings point straight into them),
//! writes to file descriptors, and exit.

use crate::arch;
use crate::proc;
use crate::string::GoString;

/// A NUL-terminated C string as a Go string (no copy).
unsafe fn cstr(p: *const u8) -> GoString {
    // Volatile reads: the loop must not become a call to C's strlen,
    // which this libc-free runtime does not have.
    let mut n = 0;
    while core::ptr::read_volatile(p.add(n)) != 0 {
        n += 1;
    }
    GoString {
        ptr: p,
        len: n as i64,
    }
}

/// `func runtime_argc() int`
#[no_mangle]
pub extern "C" fn goc_pkg_os_runtime_argc() -> i64 {
    unsafe { proc::ARGC as i64 }
}

/// `func runtime_arg(i int) string`, 0 <= i < runtime_argc().
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_os_runtime_arg(i: i64) -> GoString {
    cstr(*proc::ARGV.add(i as usize))
}

/// `func runtime_envc() int`: how many `KEY=VALUE` entries envp has.
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_os_runtime_envc() -> i64 {
    let mut n = 0;
    if proc::ENVP.is_null() {
        return 0;
    }
    while !(*proc::ENVP.add(n)).is_null() {
        n += 1;
    }
    n as i64
}

/// `func runtime_env(i int) string`, 0 <= i < runtime_envc().
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_os_runtime_env(i: i64) -> GoString {
    cstr(*proc::ENVP.add(i as usize))
}

/// `func runtime_write(fd int, p []byte) int`: write(2) once, retried on
/// EINTR; the byte count, or minus the errno.
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_os_runtime_write(fd: i64, p: *const u8, n: i64, _cap: i64) -> i64 {
    loop {
        let r = arch::syscall3(arch::SYS_WRITE, fd as usize, p as usize, n as usize);
        if r != -4 {
            return r as i64;
        }
    }
}

/// `func runtime_exit(code int)`: ends the process at once (no deferred
/// calls run), as Go's os.Exit.
#[no_mangle]
pub extern "C" fn goc_pkg_os_runtime_exit(code: i64) {
    crate::sys::exit_group(code as i32)
}

/// `func runtime_sigpipe()`: a write to standard output or error found a
/// broken pipe; die of SIGPIPE as Go does (other descriptors just return
/// EPIPE: the runtime ignores the signal).
#[no_mangle]
pub extern "C" fn goc_pkg_os_runtime_sigpipe() {
    crate::signal::sigpipe()
}
