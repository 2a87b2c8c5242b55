//! Run queues: each P's local ring and the global queue (Go's runqput,
//! runqget, runqgrab, runqsteal, globrunqget).
//!
//! The local queue of a P is a 256-entry ring plus `next` (runnext), the
//! goroutine to run next. Only the owning P pushes (it alone writes
//! `tail`); anyone may take from the head, with a CAS on `head`:
//!
//! * the owner pops one (`get`) with the same CAS as thieves, so a pop and
//!   a steal can never hand out the same G;
//! * a thief (`steal`) reads half the entries between head and tail, then
//!   CASes head forward past them; if the CAS fails someone else took some
//!   of them and it retries. Entries are read before the CAS and the owner
//!   only overwrites a slot after `head` moved past it, so what a
//!   successful CAS claimed is exactly what was read;
//! * a full ring moves half of itself plus the new G to the global queue
//!   (`put_slow`), claiming them with the same CAS.
//!
//! The global queue is a linked list through `G.schedlink` under
//! `sched.lock`; its length is also kept in an atomic so that empty checks
//! need no lock (a stale answer is fine: every path re-checks under the
//! lock before sleeping).

use crate::proc::{self, G, P};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicI32, AtomicPtr, AtomicU32, Ordering};

const SIZE: u32 = 256;

pub struct Ring {
    head: AtomicU32,
    tail: AtomicU32,
    next: AtomicPtr<G>,
    buf: [AtomicPtr<G>; SIZE as usize],
}

impl Ring {
    pub const fn new() -> Ring {
        Ring {
            head: AtomicU32::new(0),
            tail: AtomicU32::new(0),
            next: AtomicPtr::new(null_mut()),
            buf: [const { AtomicPtr::new(null_mut()) }; SIZE as usize],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.head.load(Ordering::Acquire) == self.tail.load(Ordering::Acquire)
            && self.next.load(Ordering::Acquire).is_null()
    }

    /// Goroutines in the ring (runnext not counted), read racily.
    pub fn len(&self) -> u32 {
        let t = self.tail.load(Ordering::Acquire);
        t.wrapping_sub(self.head.load(Ordering::Acquire)).min(SIZE)
    }
}

impl Default for Ring {
    fn default() -> Self {
        Ring::new()
    }
}

/// Queue `g` on `p` (owner only); with `next`, as runnext, kicking the
/// previous runnext to the ring.
pub fn put(p: &mut P, mut g: *mut G, next: bool) {
    let q = &p.runq;
    if next {
        let old = q.next.swap(g, Ordering::AcqRel);
        if old.is_null() {
            return;
        }
        g = old;
    }
    loop {
        let h = q.head.load(Ordering::Acquire);
        let t = q.tail.load(Ordering::Relaxed);
        if t.wrapping_sub(h) < SIZE {
            q.buf[(t % SIZE) as usize].store(g, Ordering::Relaxed);
            q.tail.store(t.wrapping_add(1), Ordering::Release);
            return;
        }
        // Its batch is too big for a goroutine's guard area.
        if crate::stack::systemstack(|| put_slow(q, g, h, t)) {
            return;
        }
    }
}

/// Move half the full ring and `g` to the global queue.
#[inline(never)]
fn put_slow(q: &Ring, g: *mut G, h: u32, t: u32) -> bool {
    let n = t.wrapping_sub(h) / 2;
    let mut batch = [null_mut::<G>(); (SIZE / 2 + 1) as usize];
    for (i, b) in batch.iter_mut().enumerate().take(n as usize) {
        *b = q.buf[(h.wrapping_add(i as u32) % SIZE) as usize].load(Ordering::Relaxed);
    }
    if q.head
        .compare_exchange(h, h.wrapping_add(n), Ordering::AcqRel, Ordering::Relaxed)
        .is_err()
    {
        return false;
    }
    batch[n as usize] = g;
    let s = proc::sched_runq();
    s.0.lock();
    for &b in &batch[..=n as usize] {
        s.1.push(b);
    }
    s.0.unlock();
    true
}

/// Take a G from `p`'s queue: runnext first.
pub fn get(p: &mut P) -> *mut G {
    let q = &p.runq;
    let next = q.next.load(Ordering::Acquire);
    if !next.is_null()
        && q.next
            .compare_exchange(next, null_mut(), Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
    {
        return next;
    }
    loop {
        let h = q.head.load(Ordering::Acquire);
        let t = q.tail.load(Ordering::Relaxed);
        if t == h {
            return null_mut();
        }
        let g = q.buf[(h % SIZE) as usize].load(Ordering::Relaxed);
        if q.head
            .compare_exchange(h, h.wrapping_add(1), Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
        {
            return g;
        }
    }
}

/// Claim half of `victim`'s queue into `out`; returns how many.
fn grab(victim: &P, out: &mut [*mut G; (SIZE / 2) as usize], steal_next: bool) -> usize {
    let q = &victim.runq;
    loop {
        let h = q.head.load(Ordering::Acquire);
        let t = q.tail.load(Ordering::Acquire);
        let n = t.wrapping_sub(h);
        let n = n - n / 2;
        if n == 0 {
            if steal_next {
                let next = q.next.load(Ordering::Acquire);
                if !next.is_null()
                    && q.next
                        .compare_exchange(next, null_mut(), Ordering::AcqRel, Ordering::Relaxed)
                        .is_ok()
                {
                    out[0] = next;
                    return 1;
                }
            }
            return 0;
        }
        if n > SIZE / 2 {
            continue; // read head and tail inconsistently
        }
        for (i, o) in out.iter_mut().enumerate().take(n as usize) {
            *o = q.buf[(h.wrapping_add(i as u32) % SIZE) as usize].load(Ordering::Relaxed);
        }
        if q.head
            .compare_exchange(h, h.wrapping_add(n), Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
        {
            return n as usize;
        }
    }
}

/// Steal half of `victim`'s queue into `p`'s; returns one G to run.
pub fn steal(p: &mut P, victim: &P, steal_next: bool) -> *mut G {
    let mut batch = [null_mut::<G>(); (SIZE / 2) as usize];
    let n = grab(victim, &mut batch, steal_next);
    if n == 0 {
        return null_mut();
    }
    for &g in &batch[..n - 1] {
        put(p, g, false);
    }
    batch[n - 1]
}

/// The global run queue (under `sched.lock`).
pub struct GQueue {
    head: *mut G,
    tail: *mut G,
    size: AtomicI32,
}

impl GQueue {
    pub const fn new() -> GQueue {
        GQueue {
            head: null_mut(),
            tail: null_mut(),
            size: AtomicI32::new(0),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.size.load(Ordering::Acquire) == 0
    }

    /// The queue's length, read without the lock.
    pub fn len(&self) -> i32 {
        self.size.load(Ordering::Acquire)
    }

    pub fn push(&mut self, g: *mut G) {
        unsafe { (*g).schedlink = null_mut() };
        if self.tail.is_null() {
            self.head = g;
        } else {
            unsafe { (*self.tail).schedlink = g };
        }
        self.tail = g;
        self.size.fetch_add(1, Ordering::Release);
    }

    pub fn pop(&mut self) -> *mut G {
        let g = self.head;
        if !g.is_null() {
            unsafe {
                self.head = (*g).schedlink;
                (*g).schedlink = null_mut();
            }
            if self.head.is_null() {
                self.tail = null_mut();
            }
            self.size.fetch_sub(1, Ordering::Release);
        }
        g
    }
}

impl Default for GQueue {
    fn default() -> Self {
        GQueue::new()
    }
}

/// Take a share of the global queue (at most `max` when non-zero): one G
/// to run, the rest onto `p`'s ring. Caller holds `sched.lock`.
pub fn globrunqget(q: &mut GQueue, p: &mut P, max: i32) -> *mut G {
    let size = q.size.load(Ordering::Relaxed);
    if size == 0 {
        return null_mut();
    }
    let procs = unsafe { proc::GOMAXPROCS } as i32;
    let mut n = size.min(size / procs + 1).min((SIZE / 2) as i32);
    if max > 0 {
        n = n.min(max);
    }
    let g = q.pop();
    for _ in 1..n {
        let g2 = q.pop();
        put(p, g2, false);
    }
    g
}
