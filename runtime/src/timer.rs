//! Timers: each P keeps a min-heap of pending timers ordered by `when`
//! (monotonic nanoseconds), as Go's time.go does.
//!
//! A timer is added to the heap of the P that adds it. Any M holding a P
//! runs the expired timers of its own P each time it looks for work, and a
//! stealing M runs other Ps' expired timers too (an idle P's timers still
//! fire). When there is no work at all, one M (the *timer sleeper*, see
//! proc.rs) sleeps until the earliest `when` of all Ps; adding an earlier
//! timer wakes it.
//!
//! Invariants:
//! * a timer is in at most one heap; `t.heap` names the P whose heap holds
//!   it (null when it is not pending) and, like `t.idx`, changes only under
//!   that heap's lock;
//! * `Heap::first` is the `when` of the heap's top (i64::MAX when empty),
//!   readable without the lock;
//! * a timer's function runs without any heap lock held, on an M with a P;
//!   it must not block (it readies goroutines, sends without blocking, or
//!   starts a goroutine).
//!
//! Periodic timers (tickers) are put back with `when += period`, skipping
//! the periods that were missed, as Go's.

use crate::lock::Mutex;
use crate::proc::{self, P};
use crate::{malloc, sys};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicI64, AtomicPtr, Ordering};

pub type TimerFn = fn(arg: usize, seq: usize, delta: i64);

#[repr(C)]
pub struct Timer {
    pub when: i64,
    pub period: i64,
    pub f: Option<TimerFn>,
    pub arg: usize,
    pub seq: usize,
    heap: AtomicPtr<P>,
    idx: usize,
}

// The time package's runtimeTimer starts with these seven words.
const _: () = assert!(core::mem::size_of::<Timer>() == 56);

impl Timer {
    pub const fn new() -> Timer {
        Timer {
            when: 0,
            period: 0,
            f: None,
            arg: 0,
            seq: 0,
            heap: AtomicPtr::new(null_mut()),
            idx: 0,
        }
    }

    pub fn pending(&self) -> bool {
        !self.heap.load(Ordering::Acquire).is_null()
    }
}

impl Default for Timer {
    fn default() -> Self {
        Timer::new()
    }
}

pub struct Heap {
    lock: Mutex,
    items: *mut *mut Timer,
    len: usize,
    cap: usize,
    first: AtomicI64,
}

impl Heap {
    pub const fn new() -> Heap {
        Heap {
            lock: Mutex::new(),
            items: null_mut(),
            len: 0,
            cap: 0,
            first: AtomicI64::new(i64::MAX),
        }
    }

    fn at(&self, i: usize) -> *mut Timer {
        unsafe { *self.items.add(i) }
    }

    fn set(&mut self, i: usize, t: *mut Timer) {
        unsafe {
            *self.items.add(i) = t;
            (*t).idx = i;
        }
    }

    fn when(&self, i: usize) -> i64 {
        unsafe { (*self.at(i)).when }
    }

    fn push(&mut self, t: *mut Timer) {
        if self.len == self.cap {
            let cap = (self.cap * 2).max(16);
            let items = malloc::alloc(cap * 8, 8) as *mut *mut Timer;
            if self.len > 0 {
                unsafe { core::ptr::copy_nonoverlapping(self.items, items, self.len) };
            }
            self.items = items;
            self.cap = cap;
        }
        self.len += 1;
        self.set(self.len - 1, t);
        self.up(self.len - 1);
    }

    fn remove_at(&mut self, i: usize) {
        let last = self.len - 1;
        if i != last {
            let t = self.at(last);
            self.set(i, t);
        }
        self.len -= 1;
        if i < self.len {
            self.up(i);
            self.down(i);
        }
    }

    fn up(&mut self, mut i: usize) {
        while i > 0 {
            let parent = (i - 1) / 4;
            if self.when(i) >= self.when(parent) {
                break;
            }
            let (a, b) = (self.at(i), self.at(parent));
            self.set(i, b);
            self.set(parent, a);
            i = parent;
        }
    }

    fn down(&mut self, mut i: usize) {
        loop {
            let mut min = i;
            for c in 4 * i + 1..(4 * i + 5).min(self.len) {
                if self.when(c) < self.when(min) {
                    min = c;
                }
            }
            if min == i {
                break;
            }
            let (a, b) = (self.at(i), self.at(min));
            self.set(i, b);
            self.set(min, a);
            i = min;
        }
    }

    fn update_first(&self) {
        let w = if self.len == 0 {
            i64::MAX
        } else {
            self.when(0)
        };
        self.first.store(w, Ordering::Release);
    }
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

/// Start `t` (stopping it first if pending) to fire at `when`, on the
/// current M's P.
pub fn add(t: *mut Timer, when: i64) {
    stop(t);
    unsafe {
        let p = (*proc::getm()).p;
        let h = &mut (*p).timers;
        h.lock.lock();
        (*t).when = when;
        (*t).heap.store(p, Ordering::Release);
        h.push(t);
        h.update_first();
        h.lock.unlock();
    }
    crate::schedule::timer_added(when);
}

/// Stop `t`; true if it was pending (so its function will not run for
/// this arming).
pub fn stop(t: *mut Timer) -> bool {
    loop {
        let p = unsafe { (*t).heap.load(Ordering::Acquire) };
        if p.is_null() {
            return false;
        }
        let h = unsafe { &mut (*p).timers };
        h.lock.lock();
        if unsafe { (*t).heap.load(Ordering::Acquire) } == p {
            h.remove_at(unsafe { (*t).idx });
            unsafe { (*t).heap.store(null_mut(), Ordering::Release) };
            h.update_first();
            h.lock.unlock();
            return true;
        }
        h.lock.unlock();
    }
}

/// Whether `p` has a pending timer.
pub fn has_timers(p: &P) -> bool {
    p.timers.first.load(Ordering::Acquire) != i64::MAX
}

/// Run the expired timers of `p`; true if any ran. Reads the clock only
/// when `p` has timers.
pub fn run_expired(p: &mut P) -> bool {
    p.timers.first.load(Ordering::Acquire) != i64::MAX && run_expired_at(p, sys::nanotime())
}

/// Run `p`'s timers due at `now`; true if any ran.
pub fn run_expired_at(p: &mut P, now: i64) -> bool {
    if p.timers.first.load(Ordering::Acquire) > now {
        return false;
    }
    let pp = p as *mut P;
    let h = &mut p.timers;
    let mut ran = false;
    loop {
        h.lock.lock();
        if h.len == 0 || h.when(0) > now {
            h.update_first();
            h.lock.unlock();
            return ran;
        }
        let t = h.at(0);
        let tr = unsafe { &mut *t };
        let delta = now - tr.when;
        if tr.period > 0 {
            tr.when += tr.period * (1 + delta / tr.period);
            h.down(0);
            tr.heap.store(pp, Ordering::Release);
        } else {
            h.remove_at(0);
            tr.heap.store(null_mut(), Ordering::Release);
        }
        h.update_first();
        let (f, arg, seq) = (tr.f, tr.arg, tr.seq);
        h.lock.unlock();
        if let Some(f) = f {
            f(arg, seq, delta);
        }
        ran = true;
    }
}

/// Move every timer of `from` to `to` (when `from` is retired; the world
/// is stopped).
pub fn move_all(from: &mut P, to: &mut P) {
    let top = to as *mut P;
    let (src, dst) = (&mut from.timers, &mut to.timers);
    src.lock.lock();
    dst.lock.lock();
    while src.len > 0 {
        let t = src.at(src.len - 1);
        src.len -= 1;
        unsafe { (*t).heap.store(top, Ordering::Release) };
        dst.push(t);
    }
    src.update_first();
    dst.update_first();
    dst.lock.unlock();
    src.lock.unlock();
}

/// The earliest pending `when` over all Ps (i64::MAX if none).
pub fn earliest() -> i64 {
    proc::allp()
        .iter()
        .map(|p| p.timers.first.load(Ordering::Acquire))
        .min()
        .unwrap_or(i64::MAX)
}

// ---- time.Sleep ----

fn wake_sleeper(arg: usize, _seq: usize, _delta: i64) {
    proc::ready(arg as *mut proc::G);
}

/// `time.Sleep(ns)`.
#[no_mangle]
pub extern "C" fn goc_time_sleep(ns: i64) {
    if ns <= 0 {
        return;
    }
    let gp = proc::curg_ptr();
    let g = unsafe { &mut *gp };
    if g.sleeptimer.is_null() {
        let t = malloc::alloc(core::mem::size_of::<Timer>(), 8) as *mut Timer;
        unsafe { t.write(Timer::new()) };
        g.sleeptimer = t;
    }
    let t = unsafe { &mut *g.sleeptimer };
    t.f = Some(wake_sleeper);
    t.arg = gp as usize;
    t.period = 0;
    // Go's when() saturates instead of overflowing.
    t.when = sys::nanotime().saturating_add(ns);
    fn arm(gp: *mut proc::G, _: usize) -> bool {
        let t = unsafe { (*gp).sleeptimer };
        add(t, unsafe { (*t).when });
        true
    }
    proc::gopark(Some(arm), 0, proc::WaitReason::Sleep);
}

/// Monotonic clock for the time package (nanoseconds).
#[no_mangle]
pub extern "C" fn goc_nanotime() -> i64 {
    sys::nanotime()
}

/// Wall clock for the time package (nanoseconds since 1970).
#[no_mangle]
pub extern "C" fn goc_walltime() -> i64 {
    sys::walltime()
}
