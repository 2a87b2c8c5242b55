//! Asynchronous signals: delivering signals to package os/signal, and each
//! signal's default disposition (Go's sigqueue.go and the asynchronous half
//! of signal_unix.go). Hardware faults are signal.rs.
//!
//! A signal some channel was registered for (`signal.Notify`) is *wanted*:
//! its handler, [`handler`], sets the signal's bit in [`PENDING`] and writes
//! to an eventfd. One goroutine of package os/signal (started by the first
//! `Notify`) loops in [`recv`]: it takes the whole pending mask with one
//! swap and hands the signals to the channels; with nothing pending it
//! parks on the eventfd in the network poller, which readies it when the
//! handler's write arrives.
//!
//! Invariants:
//! * the handler only does an atomic `fetch_or` and a `write(2)`: it takes
//!   no lock and allocates nothing, so it is safe whatever the interrupted
//!   thread was doing (holding the heap lock, switching goroutines);
//! * a signal is never lost between the receiver's check and its park: the
//!   receiver drains the eventfd *before* it looks at `PENDING`, and the
//!   handler sets `PENDING` *before* it writes; a write after the drain
//!   makes the (edge-triggered) descriptor ready again, so the park returns
//!   at once. Several signals of one number before the receiver runs are
//!   one delivery, as in Go (the bit is a set, not a count);
//! * the receiver, parked on a descriptor, keeps the deadlock detector
//!   quiet (netpoll.rs): once `Notify` ran, a program blocked forever
//!   waiting for a signal is not reported as deadlocked, as in Go, where
//!   the signal goroutine's wait is a system call. Before the first
//!   `Notify` nothing waits, and deadlocks are reported as usual.
//!
//! Default dispositions (what a signal does when no channel wants it; Go's
//! documented defaults): SIGHUP, SIGINT, SIGTERM and the other signals the
//! kernel kills with keep the kernel's default (`SIG_DFL`), so the process
//! dies of the signal as a Go program does; SIGPIPE is ignored;
//! signals Go catches and drops (SIGUSR1, SIGUSR2, SIGALRM, real-time
//! signals...) get [`handler`] from start-up, which drops them while they
//! are not wanted; the fault signals keep signal.rs's handler even when
//! notified. `Ignore` installs `SIG_IGN` and marks the signal ignored until
//! the next `Notify`; `Stop` and `Reset` put back the default unless the
//! signal is ignored (Go leaves an ignored signal ignored).
//!
//! Rejected: waking the receiver with a futex note from the handler (the
//! receiver would need a thread of its own blocked on the note, outside
//! the scheduler, to keep the goroutine model); a self-pipe instead of the
//! eventfd (two descriptors for the same effect).

use crate::lock::Mutex;
use crate::netpoll::{self, PollDesc};
use crate::sys::{SIGPIPE, SIG_DFL, SIG_IGN};
use crate::{arch, sys};
use core::sync::atomic::{AtomicI32, AtomicU64, AtomicUsize, Ordering};

/// Signals are numbered 1..=64; signal n is bit n-1 of the masks.
const NSIG: usize = 64;
const O_CLOEXEC: usize = 0x80000;
const EFD_NONBLOCK: usize = 0x800;

/// Signals some channel wants.
static WANTED: AtomicU64 = AtomicU64::new(0);
/// Signals that arrived and were not yet taken by `recv`.
static PENDING: AtomicU64 = AtomicU64::new(0);
/// Signals `Ignore` set to `SIG_IGN` (until the next `Notify`).
static IGNORED: AtomicU64 = AtomicU64::new(0);
/// The eventfd the handler writes to (-1 until the first `enable`).
static WAKEFD: AtomicI32 = AtomicI32::new(-1);
/// Its record in the network poller (a `*mut PollDesc`).
static WAKEPD: AtomicUsize = AtomicUsize::new(0);
/// Serialises changes of dispositions and the eventfd's creation.
static LOCK: Mutex = Mutex::new();

fn bit(sig: usize) -> u64 {
    1 << (sig - 1)
}

/// Whether `sig` is one signal.rs turns into a panic or a fatal error.
fn is_fault(sig: usize) -> bool {
    crate::signal::FAULT_SIGNALS.contains(&sig)
}

/// Signals the kernel would kill the process with but Go catches and
/// drops when no channel wants them: SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU,
/// SIGXFSZ, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, and the real-time signals
/// from 34 (32 and 33 belong to C libraries' threads: Go leaves them).
fn caught_by_default(sig: usize) -> bool {
    matches!(sig, 10 | 12 | 14 | 24..=27 | 29 | 30 | 34..=NSIG)
}

fn set_action(sig: usize, handler_addr: usize) {
    let flags = if handler_addr > SIG_IGN {
        sys::SA_SIGINFO | sys::SA_ONSTACK | sys::SA_RESTART | sys::SA_RESTORER
    } else {
        sys::SA_RESTORER
    };
    let act = sys::KSigaction {
        handler: handler_addr,
        flags,
        restorer: arch::sigreturn_trampoline(),
        mask: 0,
    };
    // SIGKILL and SIGSTOP cannot be changed: EINVAL, as Go ignores it.
    sys::rt_sigaction(sig, &act);
}

fn handler_addr() -> usize {
    handler as *const () as usize
}

/// The disposition `sig` has when nobody wants or ignores it.
fn default_action(sig: usize) -> usize {
    if sig == SIGPIPE {
        SIG_IGN
    } else if caught_by_default(sig) {
        handler_addr()
    } else {
        SIG_DFL
    }
}

/// At start-up: the dispositions that are not the kernel's default (the
/// handler for the signals Go catches; SIGPIPE ignored, so that a write to
/// a broken pipe or socket returns EPIPE, as in Go: package os dies of
/// SIGPIPE itself when that happens on standard output or error).
pub fn init() {
    for sig in (1..=NSIG).filter(|&s| default_action(s) != SIG_DFL) {
        set_action(sig, default_action(sig));
    }
}

unsafe extern "C" fn handler(sig: i32, _info: *const u8, _uctx: *const u8) {
    let sig = sig as usize;
    if !(1..=NSIG).contains(&sig) || WANTED.load(Ordering::Relaxed) & bit(sig) == 0 {
        return;
    }
    PENDING.fetch_or(bit(sig), Ordering::SeqCst);
    let fd = WAKEFD.load(Ordering::Acquire);
    if fd >= 0 {
        let one: u64 = 1;
        arch::syscall3(arch::SYS_WRITE, fd as usize, &one as *const u64 as usize, 8);
    }
}

/// The eventfd and its poller record, made once.
fn ensure_wakefd() {
    if WAKEFD.load(Ordering::Acquire) >= 0 {
        return;
    }
    let fd = unsafe { arch::syscall2(arch::SYS_EVENTFD2, 0, O_CLOEXEC | EFD_NONBLOCK) };
    if fd < 0 {
        crate::panic::throw("runtime: cannot create the signal eventfd");
    }
    match netpoll::open(fd as i32) {
        Ok(pd) => WAKEPD.store(pd as usize, Ordering::Release),
        Err(_) => crate::panic::throw("runtime: cannot poll the signal eventfd"),
    }
    WAKEFD.store(fd as i32, Ordering::Release);
}

/// `signal.Notify` wants `sig`: deliver it from now on.
pub fn enable(sig: usize) {
    if !(1..=NSIG).contains(&sig) {
        return;
    }
    LOCK.lock();
    ensure_wakefd();
    WANTED.fetch_or(bit(sig), Ordering::SeqCst);
    IGNORED.fetch_and(!bit(sig), Ordering::SeqCst);
    if !is_fault(sig) {
        set_action(sig, handler_addr());
    }
    LOCK.unlock();
}

/// No channel wants `sig` any more: back to its default, unless ignored.
pub fn disable(sig: usize) {
    if !(1..=NSIG).contains(&sig) {
        return;
    }
    LOCK.lock();
    WANTED.fetch_and(!bit(sig), Ordering::SeqCst);
    if IGNORED.load(Ordering::SeqCst) & bit(sig) == 0 && !is_fault(sig) {
        set_action(sig, default_action(sig));
    }
    LOCK.unlock();
}

/// `signal.Ignore`: the kernel drops `sig` from now on.
pub fn ignore(sig: usize) {
    if !(1..=NSIG).contains(&sig) || is_fault(sig) {
        return;
    }
    LOCK.lock();
    WANTED.fetch_and(!bit(sig), Ordering::SeqCst);
    IGNORED.fetch_or(bit(sig), Ordering::SeqCst);
    set_action(sig, SIG_IGN);
    LOCK.unlock();
}

/// Whether `signal.Ignore` set `sig` to be ignored.
pub fn ignored(sig: usize) -> bool {
    (1..=NSIG).contains(&sig) && IGNORED.load(Ordering::SeqCst) & bit(sig) != 0
}

/// Park until some wanted signal arrived; the mask of those that did
/// (bit n-1 for signal n). Only os/signal's loop goroutine calls it, after
/// its first `enable`.
pub fn recv() -> u64 {
    let fd = WAKEFD.load(Ordering::Acquire) as usize;
    let pd = WAKEPD.load(Ordering::Acquire) as *mut PollDesc;
    loop {
        let mut count = 0u64;
        unsafe { arch::syscall3(arch::SYS_READ, fd, &mut count as *mut u64 as usize, 8) };
        let got = PENDING.swap(0, Ordering::SeqCst);
        if got != 0 {
            return got;
        }
        netpoll::wait(pd, false);
    }
}
