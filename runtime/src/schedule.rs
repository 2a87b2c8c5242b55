//! The scheduler loop each M runs on its system stack (g0): find a
//! runnable goroutine, switch to it, and when it switches back do what it
//! asked (park, requeue, free). `findrunnable`'s order, stealing and the
//! deadlock check are described in proc.rs.

use crate::mthread::{acquirep, pidleget, pidleput, releasep, resetspinning, stopm, wakep};
use crate::netpoll::{self, GList};
use crate::proc::{
    allp, fastrandn, getm, gfput, globrunqput, sched, Action, Sched, WaitReason, G, GOMAXPROCS,
    G_DEAD, G_RUNNABLE, G_RUNNING, G_WAITING, M, NGOROUTINES, P,
};
use crate::{arch, runq, sys, timer};
use core::ptr::null_mut;
use core::sync::atomic::Ordering;

pub(crate) fn schedule() -> ! {
    loop {
        let gp = findrunnable();
        execute(gp);
    }
}

fn execute(gp: *mut G) {
    unsafe {
        let m = &mut *getm();
        let g = &mut *gp;
        m.curg = gp;
        g.m = m as *mut M as u64;
        g.status.store(G_RUNNING, Ordering::Release);
        (*m.p).schedtick = (*m.p).schedtick.wrapping_add(1);
        arch::swap(&mut m.g0_sp, g.sched_sp as usize);
        // Back on g0: the goroutine asked for `m.action`.
        let m = &mut *getm();
        m.curg = null_mut();
        g.m = 0;
        let action = core::mem::replace(&mut m.action, Action::None);
        match action {
            Action::Park(unlock, arg) => {
                g.status.store(G_WAITING, Ordering::Release);
                if let Some(f) = unlock {
                    if !f(gp, arg) {
                        g.waitreason = WaitReason::None;
                        g.status.store(G_RUNNABLE, Ordering::Release);
                        runq::put(&mut *m.p, gp, true);
                    }
                }
            }
            Action::Yield => {
                g.status.store(G_RUNNABLE, Ordering::Release);
                globrunqput(gp);
            }
            Action::Exit => {
                g.status.store(G_DEAD, Ordering::Release);
                NGOROUTINES.fetch_sub(1, Ordering::Relaxed);
                gfput(&mut *m.p, gp);
            }
            Action::ExitSyscall => {
                // Back from a system call with no P free (syscall.rs): the
                // goroutine waits in the global queue, this M (without a
                // P) sleeps until handed one.
                g.status.store(G_RUNNABLE, Ordering::Release);
                globrunqput(gp);
                wakep();
                stopm();
            }
            Action::None => crate::panic::throw("execute: goroutine switched without an action"),
        }
    }
}

/// Find a goroutine to run, sleeping the M while there is none. Returns
/// with the M holding a P.
fn findrunnable() -> *mut G {
    let s = sched();
    'top: loop {
        if s.gcwaiting.load(Ordering::Acquire) {
            crate::stw::gcstopm();
            continue 'top;
        }
        let m = unsafe { &mut *getm() };
        let p = unsafe { &mut *m.p };

        // Fairness: now and then the global queue first.
        if p.schedtick % 61 == 0 && !s.runq.is_empty() {
            s.lock.lock();
            let g = runq::globrunqget(&mut s.runq, p, 1);
            s.lock.unlock();
            if !g.is_null() {
                return found(m, g);
            }
        }
        timer::run_expired(p);
        let g = runq::get(p);
        if !g.is_null() {
            return found(m, g);
        }
        if !s.runq.is_empty() {
            s.lock.lock();
            let g = runq::globrunqget(&mut s.runq, p, 0);
            s.lock.unlock();
            if !g.is_null() {
                return found(m, g);
            }
        }

        // Goroutines whose descriptors became ready, without blocking
        // (unless an M already blocks in the poller: it will see them).
        if netpoll::any_waiters() && netpoll::LASTPOLL.load(Ordering::Acquire) != 0 {
            let list = netpoll::poll_now();
            if !list.head.is_null() {
                let g = take_first(list, p);
                return found(m, g);
            }
        }

        // Steal, as a spinning M, if not too many are spinning already.
        let procs = unsafe { GOMAXPROCS } as u32;
        if procs > 1
            && (m.spinning
                || 2 * s.nmspinning.load(Ordering::Acquire)
                    < procs - s.npidle.load(Ordering::Acquire))
        {
            if !m.spinning {
                m.spinning = true;
                s.nmspinning.fetch_add(1, Ordering::AcqRel);
            }
            let g = steal_work(p);
            if !g.is_null() {
                return found(m, g);
            }
        }

        // Nothing: give up the P.
        s.lock.lock();
        if !s.runq.is_empty() {
            let g = runq::globrunqget(&mut s.runq, p, 0);
            s.lock.unlock();
            if !g.is_null() {
                return found(m, g);
            }
            continue 'top;
        }
        let p = releasep();
        pidleput(p);
        s.lock.unlock();

        let was_spinning = m.spinning;
        if m.spinning {
            m.spinning = false;
            s.nmspinning.fetch_sub(1, Ordering::AcqRel);
            // The queues are read after the count drops (it pairs with a
            // queuer that pushes, then reads the count in `wakep`).
            core::sync::atomic::fence(Ordering::SeqCst);
        }
        // Re-check after dropping the spinning state (see the file
        // comment): a thread without a P (the collector's, sysmon, netpoll)
        // may have queued a goroutine globally and seen this M spinning,
        // so the global queue counts too.
        if procs > 1 && (!s.runq.is_empty() || allp().iter().any(|pp| !pp.runq.is_empty())) {
            s.lock.lock();
            let p = pidleget(s);
            s.lock.unlock();
            if !p.is_null() {
                acquirep(p);
                if was_spinning {
                    m.spinning = true;
                    s.nmspinning.fetch_add(1, Ordering::AcqRel);
                }
                continue 'top;
            }
        }

        // Goroutines wait on descriptors and no M watches them: block in
        // the poller until an event or the next timer (netpoll.rs).
        if netpoll::any_waiters() && netpoll::LASTPOLL.swap(0, Ordering::AcqRel) != 0 {
            let list = netpoll::block_until(timer::earliest());
            s.lock.lock();
            let p = pidleget(s);
            s.lock.unlock();
            if p.is_null() {
                injectglist(list);
            } else {
                acquirep(p);
                if !list.head.is_null() {
                    let g = take_first(list, unsafe { &mut *p });
                    return found(m, g);
                }
                continue 'top;
            }
        }

        // Sleep until the next timer if one is pending and no other M does.
        let next = timer::earliest();
        // A stale wake-up from `timer_added` may still reach `timer_park`
        // after this clear; it only ends the sleep early.
        m.timer_park.clear();
        if next != i64::MAX
            && s.timer_sleeper
                .compare_exchange(null_mut(), m, Ordering::AcqRel, Ordering::Relaxed)
                .is_ok()
        {
            s.timer_sleep_until.store(next, Ordering::Release);
            // A timer added meanwhile may be earlier: re-check once.
            let next = next.min(timer::earliest());
            let wait = next - sys::nanotime();
            if wait > 0 {
                m.timer_park.sleep_for(wait);
            }
            s.timer_sleeper.store(null_mut(), Ordering::Release);
            s.lock.lock();
            let p = pidleget(s);
            s.lock.unlock();
            if !p.is_null() {
                acquirep(p);
                continue 'top;
            }
        }
        stopm();
    }
}

/// The first goroutine of `list` to run now; the others go on `p`'s
/// queue, and an idle P is woken to share them.
fn take_first(list: GList, p: &mut P) -> *mut G {
    let first = list.head;
    let mut g = unsafe { (*first).schedlink };
    unsafe { (*first).schedlink = null_mut() };
    while !g.is_null() {
        let next = unsafe { (*g).schedlink };
        runq::put(p, g, false);
        g = next;
    }
    if list.n > 1 {
        wakep();
    }
    first
}

/// Make the goroutines of `list` runnable from an M without a P: the
/// global queue, and an M started for each idle P that can take one.
pub(crate) fn injectglist(list: GList) {
    if list.head.is_null() {
        return;
    }
    let s = sched();
    s.lock.lock();
    let mut g = list.head;
    while !g.is_null() {
        let next = unsafe { (*g).schedlink };
        s.runq.push(g);
        g = next;
    }
    s.lock.unlock();
    for _ in 0..list.n {
        if s.npidle.load(Ordering::Acquire) == 0 {
            break;
        }
        crate::mthread::startm_idle();
    }
}

fn found(m: &mut M, g: *mut G) -> *mut G {
    if m.spinning {
        resetspinning(m);
    }
    g
}

fn steal_work(p: &mut P) -> *mut G {
    let ps = allp();
    let n = ps.len() as u32;
    for attempt in 0..4 {
        let start = fastrandn(n);
        // Visit every P once, in a random rotation (n and the stride are
        // coprime when the stride is 1; good enough without Go's table).
        for i in 0..n {
            let victim = &mut ps[((start + i) % n) as usize];
            if core::ptr::eq(victim, p) {
                continue;
            }
            // On the last round, also run the victim's expired timers.
            if attempt == 3 && timer::run_expired(victim) {
                let g = runq::get(p);
                if !g.is_null() {
                    return g;
                }
            }
            let g = runq::steal(p, victim, attempt == 3);
            if !g.is_null() {
                return g;
            }
        }
    }
    core::ptr::null_mut()
}

/// Called with `sched.lock` held by an M about to sleep.
pub(crate) fn checkdead(s: &mut Sched) {
    // sysmon is one M that never sleeps here.
    let running = s.mcount as i64 - 1 - s.nmidle as i64;
    if running > 0 || !s.timer_sleeper.load(Ordering::Acquire).is_null() {
        return;
    }
    if crate::mgc::busy() {
        // The collector's thread will wake the runtime.GC callers.
        return;
    }
    if netpoll::any_waiters() {
        // An M blocks in the poller, or sysmon will poll: an event may
        // still ready a goroutine.
        return;
    }
    if timer::earliest() != i64::MAX {
        // The M that sleeps until it will be woken by the sleeper logic;
        // with every M asleep here, wake one to take that role.
        return;
    }
    if !s.runq.is_empty() || allp().iter().any(|p| !p.runq.is_empty()) {
        return;
    }
    s.lock.unlock();
    crate::panic::deadlock()
}

/// Wake the M sleeping until the next timer, if it sleeps past `when`;
/// otherwise make sure some M will look at timers.
pub fn timer_added(when: i64) {
    let s = sched();
    let sl = s.timer_sleeper.load(Ordering::Acquire);
    if !sl.is_null() {
        if when < s.timer_sleep_until.load(Ordering::Acquire) {
            // `sl` may have stopped sleeping since the load: then this
            // only cuts its next timer sleep short (proc.rs, M::timer_park).
            unsafe { (*sl).timer_park.wakeup() };
        }
        return;
    }
    wakep();
}
