//! sysmon: a thread without a P that watches the Ps, as Go's sysmon.
//!
//! It also polls the network when goroutines wait on descriptors and no
//! M has looked for 10 ms (netpoll.rs), so busy Ps cannot starve them.
//!
//! Its main job is preemption: a goroutine that has run for
//! `FORCE_PREEMPT_NS` (10 ms) without passing through the scheduler is
//! asked to yield. The request is the poisoned `stackguard0`
//! (`STACKGUARD_PREEMPT`), seen at the goroutine's next safepoint: every
//! function prologue and every loop back-edge compare the stack pointer
//! with it, and `goc_morestack` turns the poisoned value into a yield
//! (stack.rs). So `for { x++ }` cannot starve other goroutines, even at
//! GOMAXPROCS=1.
//!
//! "Has run for 10 ms" is judged as Go does: sysmon remembers each P's
//! `schedtick` and when it last saw it change; a P whose tick has not
//! moved for 10 ms has been running the same goroutine that long.
//!
//! Sleep: 20 µs, doubling after 50 idle rounds up to 10 ms, back to 20 µs
//! whenever it preempted something (Go's schedule). The thread is never
//! counted as running for deadlock detection.

use crate::proc::{self, P_RUNNING};
use crate::{arch, stack, sys};

const FORCE_PREEMPT_NS: i64 = 10_000_000;
const SYSMON_STACK: usize = 64 << 10;
/// sysmon polls the network when nobody has for this long.
const FORCE_POLL_NS: i64 = 10_000_000;

/// Start the sysmon thread (once, at start-up).
pub fn start() {
    let (_lo, hi) = stack::alloc(SYSMON_STACK);
    // sysmon gets an M of its own so `getm()` works on it; it never holds
    // a P.
    let m = crate::mthread::new_bare_m();
    let r = unsafe { arch::start_thread(hi, m as usize, sysmon, m as usize) };
    if r < 0 {
        crate::panic::throw("newosproc: cannot create sysmon thread");
    }
}

extern "C" fn sysmon(_m: usize) -> ! {
    crate::signal::init_thread();
    crate::schedtrace::init(sys::nanotime());
    let max_delay = crate::schedtrace::period()
        .unwrap_or(10_000_000)
        .min(10_000_000);
    let mut idle = 0u32;
    let mut delay: i64 = 0;
    loop {
        if idle == 0 {
            delay = 20_000;
        } else if idle > 50 {
            delay = (delay * 2).min(max_delay);
        }
        sys::nanosleep(delay);
        let now = sys::nanotime();
        crate::schedtrace::tick(now);
        let polled = poll(now);
        if retake(now) || polled {
            idle = 0;
        } else {
            idle += 1;
        }
    }
}

/// Poll the network if goroutines wait on descriptors and no M has
/// polled for 10 ms (all busy, or the poller's M is away); true if that
/// readied anything.
fn poll(now: i64) -> bool {
    use core::sync::atomic::Ordering;
    if !crate::netpoll::any_waiters() {
        return false;
    }
    let last = crate::netpoll::LASTPOLL.load(Ordering::Acquire);
    if last == 0 || now - last < FORCE_POLL_NS {
        return false;
    }
    if crate::netpoll::LASTPOLL
        .compare_exchange(last, now, Ordering::AcqRel, Ordering::Relaxed)
        .is_err()
    {
        return false;
    }
    let list = crate::netpoll::netpoll(0);
    let any = !list.head.is_null();
    crate::schedule::injectglist(list);
    any
}

/// Ask goroutines that ran too long to yield; true if any was asked.
fn retake(now: i64) -> bool {
    let mut n = false;
    for p in proc::allp().iter_mut() {
        if p.status != P_RUNNING {
            continue;
        }
        let t = p.schedtick;
        if p.sysmon_tick != t {
            p.sysmon_tick = t;
            p.sysmon_when = now;
            continue;
        }
        if now - p.sysmon_when >= FORCE_PREEMPT_NS {
            let m = p.m;
            if m.is_null() {
                continue;
            }
            let gp = unsafe { (*m).curg };
            if gp.is_null() {
                continue;
            }
            proc::request_preempt(gp);
            p.sysmon_when = now;
            n = true;
        }
    }
    n
}
