//! Ms (threads) and idle Ps: making threads, parking idle Ms on their
//! notes, handing Ps to Ms, and the spinning-M bookkeeping of `wakep`
//! (see proc.rs for the model and the spinning invariant). Threads are
//! capped as in Go (`checkmcount`, runtime/debug.SetMaxThreads).
//!
//! Invariants: the idle-M and idle-P lists change only under `sched.lock`;
//! an M sleeping in `stopm` holds no P and is on the idle list until
//! `startm_on` takes it off and hands it `nextp`; `nmspinning` counts the
//! Ms looking for work with a P, and is only raised by `wakep` (0 -> 1) or
//! by an M that starts spinning in `findrunnable`; `mcount` (every M made,
//! sysmon's included; they never exit) changes only under `sched.lock`.

use crate::proc::{fastrand, getm, sched, Sched, M, MIDGEN, P, P_IDLE, P_RUNNING};
use crate::schedule::{checkdead, schedule};
use crate::{arch, malloc, stack};
use core::ptr::null_mut;
use core::sync::atomic::Ordering;

/// The system stack of every M after the first.
const G0_STACK: usize = 256 << 10;

/// A fresh M structure (no thread yet).
pub fn new_bare_m() -> *mut M {
    unsafe {
        let m = malloc::alloc(core::mem::size_of::<M>(), 64) as *mut M;
        m.write(M::zero());
        (*m).self_ptr = m;
        (*m).id = MIDGEN.fetch_add(1, Ordering::Relaxed);
        (*m).rand = fastrand() | 1;
        m
    }
}

fn newm(p: *mut P, spinning: bool) {
    unsafe {
        let m = new_bare_m();
        let mr = &mut *m;
        mr.nextp = p;
        mr.spinning = spinning;
        let (lo, hi) = stack::alloc(G0_STACK);
        mr.g0_lo = lo;
        mr.g0_hi = hi;
        let s = sched();
        s.lock.lock();
        s.mcount += 1;
        checkmcount(s, true);
        s.lock.unlock();
        let r = arch::start_thread(hi, m as usize, mstart, m as usize);
        if r < 0 {
            crate::panic::throw("newosproc: cannot create thread");
        }
    }
}

/// Past runtime/debug.SetMaxThreads' limit, Go's fatal error; called with
/// `sched.lock` held (`in_runtime`: while starting an M). The limit guards
/// against a runaway number of goroutines blocked in system calls, each
/// holding a thread.
fn checkmcount(s: &Sched, in_runtime: bool) {
    if s.mcount as i64 > s.maxmcount as i64 {
        crate::panic::thread_exhaustion(s.maxmcount, in_runtime)
    }
}

/// `func SetMaxThreads(threads int) int` (runtime/debug): set the limit
/// on threads (10000 at start, as in Go), return the previous one; a
/// limit below the current count fails at once.
#[no_mangle]
pub extern "C" fn goc_pkg_runtime_debug_SetMaxThreads(n: i64) -> i64 {
    let s = sched();
    s.lock.lock();
    let old = s.maxmcount as i64;
    s.maxmcount = n.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
    checkmcount(s, false);
    s.lock.unlock();
    old
}

extern "C" fn mstart(m: usize) -> ! {
    let m = m as *mut M;
    crate::signal::init_thread();
    unsafe {
        let p = (*m).nextp;
        (*m).nextp = null_mut();
        acquirep(p);
    }
    schedule()
}

/// Put the current M to sleep until `startm` hands it a P.
pub(crate) fn stopm() {
    let m = unsafe { &mut *getm() };
    let s = sched();
    s.lock.lock();
    m.schedlink = s.midle;
    s.midle = m;
    s.nmidle += 1;
    checkdead(s);
    s.lock.unlock();
    m.park.sleep();
    m.park.clear();
    let p = m.nextp;
    if p.is_null() {
        crate::panic::throw("stopm: woken without a P");
    }
    m.nextp = null_mut();
    acquirep(p);
}

/// Run some M on an idle P (`spinning`: as a spinner looking for work).
fn startm(spinning: bool) {
    let s = sched();
    s.lock.lock();
    let p = pidleget(s);
    if p.is_null() {
        s.lock.unlock();
        if spinning {
            s.nmspinning.fetch_sub(1, Ordering::AcqRel);
        }
        return;
    }
    startm_on(s, p, spinning);
}

/// Start an M (not spinning) on an idle P, if there is one: work was
/// queued globally by a thread without a P (netpoll's injectglist).
pub(crate) fn startm_idle() {
    startm(false);
}

/// Run an idle M (or a new one) on `p`; called with `sched.lock` held,
/// which it releases.
pub(crate) fn startm_on(s: &mut Sched, p: *mut P, spinning: bool) {
    let m = s.midle;
    if !m.is_null() {
        unsafe {
            s.midle = (*m).schedlink;
            s.nmidle -= 1;
        }
    }
    s.lock.unlock();
    if m.is_null() {
        newm(p, spinning);
        return;
    }
    unsafe {
        (*m).nextp = p;
        (*m).spinning = spinning;
        (*m).park.wakeup();
    }
}

/// New work exists: wake an idle P if no M is already looking for work.
pub fn wakep() {
    let s = sched();
    if s.npidle.load(Ordering::Acquire) == 0 {
        return;
    }
    if s.nmspinning.load(Ordering::Acquire) != 0
        || s.nmspinning
            .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Relaxed)
            .is_err()
    {
        return;
    }
    startm(true);
}

pub(crate) fn resetspinning(m: &mut M) {
    m.spinning = false;
    let s = sched();
    if s.nmspinning.fetch_sub(1, Ordering::AcqRel) == 1 {
        wakep();
    }
}

pub(crate) fn acquirep(p: *mut P) {
    unsafe {
        let m = getm();
        (*m).p = p;
        (*p).m = m;
        (*p).status = P_RUNNING;
        if (*p).resume_pending {
            (*p).resume_pending = false;
            crate::stw::resumed();
        }
    }
}

pub(crate) fn releasep() -> *mut P {
    unsafe {
        let m = getm();
        let p = (*m).p;
        (*m).p = null_mut();
        (*p).m = null_mut();
        (*p).status = P_IDLE;
        p
    }
}

pub(crate) fn pidleput(p: *mut P) {
    let s = sched();
    unsafe { (*p).link = s.pidle };
    s.pidle = p;
    s.npidle.fetch_add(1, Ordering::AcqRel);
}

pub(crate) fn pidleget(s: &mut Sched) -> *mut P {
    let p = s.pidle;
    if !p.is_null() {
        unsafe { s.pidle = (*p).link };
        s.npidle.fetch_sub(1, Ordering::AcqRel);
    }
    p
}
