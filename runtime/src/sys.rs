//! System calls.
//!
//! The runtime has no libc: every interaction with the kernel is one of the
//! thin wrappers below around `arch::syscallN`. They return the kernel's raw
//! result (negative errno on failure) or panic-free `Option`s; none of them
//! allocates. Constants here are the Linux UAPI values shared by x86_64 and
//! aarch64; architecture-specific numbers (system call numbers, ucontext
//! offsets) live in `arch`.

use crate::arch;

pub const PROT_NONE: usize = 0;
pub const PROT_READ: usize = 1;
pub const PROT_WRITE: usize = 2;
pub const MAP_PRIVATE: usize = 0x02;
pub const MAP_ANONYMOUS: usize = 0x20;
pub const MAP_NORESERVE: usize = 0x4000;

pub const SIGBUS: usize = 7;
pub const SIGFPE: usize = 8;
pub const SIGSEGV: usize = 11;
pub const SIGPIPE: usize = 13;
pub const SIG_DFL: usize = 0;
pub const SIG_IGN: usize = 1;

pub const SA_SIGINFO: u64 = 0x4;
pub const SA_ONSTACK: u64 = 0x0800_0000;
pub const SA_RESTORER: u64 = 0x0400_0000;
pub const SA_NODEFER: u64 = 0x4000_0000;
pub const SA_RESTART: u64 = 0x1000_0000;

/// The kernel's `struct sigaction` (not glibc's).
#[repr(C)]
pub struct KSigaction {
    pub handler: usize,
    pub flags: u64,
    pub restorer: usize,
    pub mask: u64,
}

/// `stack_t` for sigaltstack.
#[repr(C)]
pub struct StackT {
    pub sp: usize,
    pub flags: i32,
    pub size: usize,
}

/// Write all of `buf` to `fd`, retrying on short writes and EINTR; errors
/// are ignored (there is nowhere to report them).
pub fn write_all(fd: i32, mut buf: &[u8]) {
    while !buf.is_empty() {
        let r = unsafe {
            arch::syscall3(
                arch::SYS_WRITE,
                fd as usize,
                buf.as_ptr() as usize,
                buf.len(),
            )
        };
        if r == -4 {
            continue; // EINTR
        }
        if r <= 0 {
            return;
        }
        buf = &buf[r as usize..];
    }
}

/// Anonymous private mapping of `len` bytes, or None.
pub fn mmap_anon(len: usize, prot: usize, extra_flags: usize) -> Option<*mut u8> {
    let r = unsafe {
        arch::syscall6(
            arch::SYS_MMAP,
            0,
            len,
            prot,
            MAP_PRIVATE | MAP_ANONYMOUS | extra_flags,
            usize::MAX, // fd -1
            0,
        )
    };
    if r < 0 && r > -4096 {
        None
    } else {
        Some(r as *mut u8)
    }
}

pub fn mprotect(addr: *mut u8, len: usize, prot: usize) -> isize {
    unsafe { arch::syscall3(arch::SYS_MPROTECT, addr as usize, len, prot) }
}

/// Give the pages back to the OS; they read as zero afterwards.
pub fn madvise_dontneed(addr: *mut u8, len: usize) -> isize {
    const MADV_DONTNEED: usize = 4;
    unsafe { arch::syscall3(arch::SYS_MADVISE, addr as usize, len, MADV_DONTNEED) }
}

pub fn munmap(addr: *mut u8, len: usize) -> isize {
    unsafe { arch::syscall2(arch::SYS_MUNMAP, addr as usize, len) }
}

pub fn rt_sigaction(sig: usize, act: &KSigaction) -> isize {
    unsafe {
        arch::syscall4(
            arch::SYS_RT_SIGACTION,
            sig,
            act as *const KSigaction as usize,
            0,
            8, // sizeof(sigset_t) as the kernel sees it
        )
    }
}

pub fn sigaltstack(ss: &StackT) -> isize {
    unsafe { arch::syscall2(arch::SYS_SIGALTSTACK, ss as *const StackT as usize, 0) }
}

/// Terminate every thread of the process with `code`.
pub fn exit_group(code: i32) -> ! {
    loop {
        unsafe {
            arch::syscall1(arch::SYS_EXIT_GROUP, code as usize);
        }
    }
}

// ---- threads, futexes, clocks ----

/// clone(2) flags for a new M: a thread sharing everything, with its own
/// thread pointer (CLONE_VM | FS | FILES | SIGHAND | SYSVSEM | THREAD |
/// SETTLS), as Go's `cloneFlags` plus the TLS set-up.
pub const CLONE_THREAD_FLAGS: usize = 0x100 | 0x200 | 0x400 | 0x800 | 0x40000 | 0x10000 | 0x80000;

const FUTEX_WAIT_PRIVATE: usize = 128;
const FUTEX_WAKE_PRIVATE: usize = 129;
const CLOCK_REALTIME: usize = 0;
const CLOCK_MONOTONIC: usize = 1;

#[repr(C)]
struct Timespec {
    sec: i64,
    nsec: i64,
}

/// Sleep while `*addr == val`, at most `ns` nanoseconds when `ns >= 0`.
/// May return spuriously.
pub fn futex_wait(addr: *const u32, val: u32, ns: i64) {
    let ts = Timespec {
        sec: ns / 1_000_000_000,
        nsec: ns % 1_000_000_000,
    };
    let tsp = if ns >= 0 {
        &ts as *const Timespec as usize
    } else {
        0
    };
    unsafe {
        arch::syscall4(
            arch::SYS_FUTEX,
            addr as usize,
            FUTEX_WAIT_PRIVATE,
            val as usize,
            tsp,
        );
    }
}

/// Wake up to `n` threads sleeping on `addr`.
pub fn futex_wake(addr: *const u32, n: u32) {
    unsafe {
        arch::syscall3(
            arch::SYS_FUTEX,
            addr as usize,
            FUTEX_WAKE_PRIVATE,
            n as usize,
        );
    }
}

fn clock(id: usize) -> i64 {
    let mut ts = Timespec { sec: 0, nsec: 0 };
    unsafe {
        arch::syscall2(
            arch::SYS_CLOCK_GETTIME,
            id,
            &mut ts as *mut Timespec as usize,
        );
    }
    ts.sec * 1_000_000_000 + ts.nsec
}

/// Monotonic time in nanoseconds.
pub fn nanotime() -> i64 {
    clock(CLOCK_MONOTONIC)
}

/// Wall-clock time in nanoseconds since the Unix epoch.
pub fn walltime() -> i64 {
    clock(CLOCK_REALTIME)
}

/// Sleep the thread for `ns` nanoseconds (interrupted sleeps end early).
pub fn nanosleep(ns: i64) {
    let ts = Timespec {
        sec: ns / 1_000_000_000,
        nsec: ns % 1_000_000_000,
    };
    unsafe {
        arch::syscall2(arch::SYS_NANOSLEEP, &ts as *const Timespec as usize, 0);
    }
}

/// Give up the CPU to another thread.
pub fn osyield() {
    unsafe {
        arch::syscall1(arch::SYS_SCHED_YIELD, 0);
    }
}

/// `ncpu()`, asked of the kernel once.
pub fn ncpu_cached() -> usize {
    use core::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.load(Ordering::Relaxed);
    if n != 0 {
        return n;
    }
    let n = ncpu();
    N.store(n, Ordering::Relaxed);
    n
}

/// The number of CPUs this process may run on (at least 1).
pub fn ncpu() -> usize {
    let mut mask = [0u64; 16];
    let r = unsafe {
        arch::syscall3(
            arch::SYS_SCHED_GETAFFINITY,
            0,
            core::mem::size_of_val(&mask),
            mask.as_mut_ptr() as usize,
        )
    };
    if r <= 0 {
        return 1;
    }
    let n: u32 = mask.iter().map(|w| w.count_ones()).sum();
    n.max(1) as usize
}
