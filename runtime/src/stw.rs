//! Stopping the world, and changing GOMAXPROCS.
//!
//! `stop_the_world` leaves the caller as the only one running: every P but
//! the caller's ends up `P_STOPPED`. The caller is a goroutine holding a P,
//! or the collector's thread, which holds none (then every P stops). Idle
//! Ps are taken at once; a P that is running a goroutine is asked to stop
//! through the goroutine's preemption request, and its M, back in the
//! scheduler, sees `gcwaiting`, hands its P over (`gcstopm`) and sleeps. The
//! stopper waits on `stopnote` until `stopwait` reaches zero, re-asking
//! every 100 µs in case a P started another goroutine meanwhile.
//!
//! `start_the_world(n)` resizes to `n` Ps if asked, clears `gcwaiting` and
//! gives every stopped P with work to an M; the rest become idle. Each P
//! so handed out notes when its M takes it (`P::resume_pending`), so
//! `last_restart` tells when the world was really running again.
//!
//! Invariants: `gcwaiting`, `stopwait` and the P statuses change under
//! `sched.lock`; while the world is stopped no goroutine but the stopper's
//! runs, so Ps (their rings, timers and free lists) can be edited freely.
//! Ps beyond GOMAXPROCS stay `P_STOPPED` and empty, and are reused (with
//! their memory) if GOMAXPROCS grows again.

use crate::proc::{self, P, P_RUNNING, P_STOPPED};
use crate::{mthread, runq, timer};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};

/// Ask the goroutine running on every other running P to yield.
fn preempt_all(me: *mut P) {
    for p in proc::allp().iter_mut() {
        if core::ptr::eq(p, me) || p.status != P_RUNNING || p.m.is_null() {
            continue;
        }
        let gp = unsafe { (*p.m).curg };
        if gp.is_null() {
            continue;
        }
        proc::request_preempt(gp);
    }
}

/// Held from `stop_the_world` to `start_the_world`: one stopper at a time.
static WORLDSEMA: AtomicBool = AtomicBool::new(false);

/// Stop every P but the caller's. A second stopper yields (its goroutine
/// stops with the world; a thread without a goroutine sleeps a little)
/// until the first has restarted it.
pub fn stop_the_world() {
    while WORLDSEMA.swap(true, Ordering::Acquire) {
        if proc::curg_ptr().is_null() {
            crate::sys::nanosleep(20_000);
        } else {
            proc::goc_gosched();
        }
    }
    crate::stack::systemstack(stop_others);
}

/// The rest of `stop_the_world`, once this goroutine holds WORLDSEMA.
fn stop_others() {
    let s = proc::sched();
    let me = unsafe { (*proc::getm()).p };
    s.lock.lock();
    s.gcwaiting.store(true, Ordering::Release);
    s.stopwait = unsafe { proc::GOMAXPROCS } as i32 - !me.is_null() as i32;
    let wait = stop_idle(s);
    s.lock.unlock();
    if wait {
        loop {
            preempt_all(me);
            if s.stopnote.sleep_for(100_000) {
                break;
            }
            // A P may have gone idle since (its M found no work, or handed
            // it off for a system call) rather than stopping: take it.
            s.lock.lock();
            let wait = stop_idle(s);
            s.lock.unlock();
            if !wait {
                break;
            }
        }
        s.stopnote.clear();
    }
}

/// Stop every idle P (sched.lock held); whether some are still running.
fn stop_idle(s: &mut proc::Sched) -> bool {
    loop {
        let p = mthread::pidleget(s);
        if p.is_null() {
            break;
        }
        unsafe { (*p).status = P_STOPPED };
        s.stopwait -= 1;
    }
    s.stopwait > 0
}

/// Called by an M in the scheduler while a stop-the-world is pending: give
/// up the P and sleep until the world restarts.
pub(crate) fn gcstopm() {
    let s = proc::sched();
    let m = unsafe { &mut *proc::getm() };
    if m.spinning {
        m.spinning = false;
        s.nmspinning.fetch_sub(1, Ordering::AcqRel);
    }
    let p = mthread::releasep();
    s.lock.lock();
    unsafe { (*p).status = P_STOPPED };
    s.stopwait -= 1;
    if s.stopwait == 0 {
        s.stopnote.wakeup();
    }
    s.lock.unlock();
    mthread::stopm();
}

/// Restart the world with `procs` Ps (0: unchanged). Returns the
/// restart's number, for `last_restart`.
pub fn start_the_world(procs: usize) -> u64 {
    crate::stack::systemstack(|| restart(procs))
}

fn restart(procs: usize) -> u64 {
    let s = proc::sched();
    let old = unsafe { proc::GOMAXPROCS };
    let n = if procs == 0 {
        old
    } else {
        procs.clamp(1, proc::MAX_PROCS)
    };
    let me = unsafe { (*proc::getm()).p };
    // Ps beyond the new count give their work to P0's heap / the global
    // queue; new Ps are made.
    for i in old..n {
        proc::init_p(i);
        unsafe { (*proc::ALLP.add(i)).status = P_STOPPED };
    }
    let p0 = unsafe { &mut *proc::ALLP };
    for i in n..old {
        let p = unsafe { &mut *proc::ALLP.add(i) };
        retire(p, p0);
    }
    unsafe { proc::GOMAXPROCS = n };
    // If the caller's P is gone, it takes P0 (stopped, since the caller
    // holds the only running P).
    if !me.is_null() && unsafe { (*me).id } >= n {
        mthread::releasep();
        unsafe { (*me).status = P_STOPPED };
        mthread::acquirep(p0);
    }
    let me = unsafe { (*proc::getm()).p };

    s.lock.lock();
    s.gcwaiting.store(false, Ordering::Release);
    let mut busy: [*mut P; proc::MAX_PROCS] = [null_mut(); proc::MAX_PROCS];
    let mut nbusy = 0;
    for i in (0..n).rev() {
        let p = unsafe { proc::ALLP.add(i) };
        if p == me {
            continue;
        }
        if unsafe { (*p).runq.is_empty() } {
            unsafe { (*p).status = proc::P_IDLE };
            mthread::pidleput(p);
        } else {
            busy[nbusy] = p;
            nbusy += 1;
        }
    }
    s.lock.unlock();
    let number = RESTARTS.fetch_add(1, Ordering::Relaxed) + 1;
    RESUMED.store(crate::sys::nanotime(), Ordering::Relaxed);
    for &p in &busy[..nbusy] {
        s.lock.lock();
        unsafe { (*p).resume_pending = true };
        mthread::startm_on(s, p, false);
    }
    WORLDSEMA.store(false, Ordering::Release);
    mthread::wakep();
    number
}

/// When the world last restarted: the time the Ps were released, or
/// later, when the last P that had goroutines waiting got its M back. A
/// pause lasts until then, not until the restarter (which may lose its
/// CPU to the threads it wakes) is done.
static RESUMED: AtomicI64 = AtomicI64::new(0);
/// Restarts so far (which one `RESUMED` is about).
static RESTARTS: AtomicU64 = AtomicU64::new(0);

/// An M took a P that the last restart handed it (`P::resume_pending`).
pub(crate) fn resumed() {
    RESUMED.fetch_max(crate::sys::nanotime(), Ordering::Relaxed);
}

/// The number of the last restart (as `start_the_world` returned it), and
/// when the world was running again after it (see `RESUMED`); the time is
/// final once every P handed out at that restart has run, e.g. at the next
/// stop.
pub fn last_restart() -> (u64, i64) {
    (
        RESTARTS.load(Ordering::Relaxed),
        RESUMED.load(Ordering::Relaxed),
    )
}

/// Move a P's goroutines to the global queue and its timers to `to`.
fn retire(p: &mut P, to: &mut P) {
    let s = proc::sched();
    s.lock.lock();
    loop {
        let g = runq::get(p);
        if g.is_null() {
            break;
        }
        let (_, q) = proc::sched_runq();
        q.push(g);
    }
    s.lock.unlock();
    timer::move_all(p, to);
    p.status = P_STOPPED;
}

/// runtime.GOMAXPROCS(n): the previous setting; `n > 0` changes it.
#[no_mangle]
pub extern "C" fn goc_gomaxprocs(n: i64) -> i64 {
    let old = unsafe { proc::GOMAXPROCS } as i64;
    if n <= 0 || n == old {
        return old;
    }
    stop_the_world();
    start_the_world(n as usize);
    old
}
