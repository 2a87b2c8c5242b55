//! System calls that may block, as Go's entersyscall/exitsyscall.
//!
//! A goroutine about to block in the kernel gives up its P first
//! (`entersyscall`): if the P has work it goes to another M (started if
//! none is idle), else it becomes idle; so a goroutine sleeping in
//! nanosleep or waiting on a slow read never holds a processor. Coming back
//! (`exitsyscall`) it takes its old P if that is still idle, else any idle
//! P; with none, the goroutine is queued on the global run queue and its
//! M goes to sleep with the other idle Ms.
//!
//! Go keeps the P attached for a short while and lets sysmon retake it
//! after 20 µs, which saves the hand-off for calls that return quickly;
//! goc hands it off at once, which is what long calls need and costs a
//! wake-up per call. Only calls that can block go through here; quick
//! ones (getpid, writes of runtime messages) are made directly.
//!
//! Invariants: between `entersyscall` and `exitsyscall` the goroutine's M
//! holds no P and the G is `G_SYSCALL`; the M counts as running for
//! deadlock detection (it is not on the idle list), so a program whose
//! only live goroutine sleeps in the kernel is not reported as deadlocked.

use crate::mthread::{acquirep, pidleget, pidleput, releasep, startm_on};
use crate::proc::{self, getm, sched, Action, Sched, G_RUNNING, G_SYSCALL, P};
use core::sync::atomic::Ordering;

/// Give up the current P before a call that may block.
#[inline(never)]
pub fn entersyscall() {
    let m = unsafe { &mut *getm() };
    let gp = m.curg;
    unsafe {
        // What the collector scans while this goroutine is in the kernel:
        // the stack from here up and the registers the frames above may
        // keep values in.
        let g = &mut *gp;
        crate::arch::save_callee_saved(&mut g.syscall_regs);
        g.syscall_sp = crate::arch::sp();
        g.syscall_fp = crate::arch::fp();
        g.status.store(G_SYSCALL, Ordering::Release);
    }
    let p = releasep();
    m.oldp = p;
    handoffp(p);
}

/// Hand a P whose M is going away to work that needs it, or park it.
fn handoffp(p: *mut P) {
    let s = sched();
    s.lock.lock();
    let has_work = unsafe { !(*p).runq.is_empty() } || !s.runq.is_empty();
    // A P with pending timers needs an M in the scheduler to run them when
    // they expire, unless one already sleeps until the next timer (else a
    // goroutine in time.Sleep waits until some other event wakes an M).
    let timers = unsafe { crate::timer::has_timers(&*p) }
        && s.timer_sleeper.load(Ordering::Acquire).is_null();
    // Likewise goroutines waiting on descriptors need some M to poll, if
    // none blocks in the poller already.
    let pollers = crate::netpoll::any_waiters()
        && crate::netpoll::LASTPOLL.load(Ordering::Acquire) != 0
        && s.npidle.load(Ordering::Acquire) + 1 >= unsafe { proc::GOMAXPROCS } as u32;
    if has_work || timers || pollers {
        startm_on(s, p, false);
        return;
    }
    pidleput(p);
    s.lock.unlock();
}

/// Take a P again after the call; with none free, queue the goroutine and
/// let the M sleep (the goroutine resumes on whichever M runs it).
pub fn exitsyscall() {
    let m = unsafe { &mut *getm() };
    let s = sched();
    s.lock.lock();
    let p = take_idle(s, m.oldp);
    s.lock.unlock();
    m.oldp = core::ptr::null_mut();
    if !p.is_null() {
        acquirep(p);
        unsafe { (*m.curg).status.store(G_RUNNING, Ordering::Release) };
        return;
    }
    proc::mcall(Action::ExitSyscall);
    unsafe {
        (*proc::curg_ptr())
            .status
            .store(G_RUNNING, Ordering::Release)
    };
}

/// `want` if it is on the idle list (taken off it), else any idle P.
fn take_idle(s: &mut Sched, want: *mut P) -> *mut P {
    if !want.is_null() {
        let mut prev: *mut P = core::ptr::null_mut();
        let mut p = s.pidle;
        while !p.is_null() {
            if p == want {
                unsafe {
                    if prev.is_null() {
                        s.pidle = (*p).link;
                    } else {
                        (*prev).link = (*p).link;
                    }
                }
                s.npidle.fetch_sub(1, Ordering::AcqRel);
                return p;
            }
            prev = p;
            p = unsafe { (*p).link };
        }
    }
    pidleget(s)
}

/// Run `f` (a system call that may block) with the P handed off.
pub fn blocking<T>(f: impl FnOnce() -> T) -> T {
    entersyscall();
    let r = f();
    exitsyscall();
    r
}
