//! Sweeping: free what marking left unmarked, while the program runs.
//!
//! With the world stopped at the end of marking, `start` queues every
//! in-use span (a snapshot of the heap's span list) and empties the
//! central lists. Then the spans are swept, each exactly once, by whoever
//! claims it from the queue: the collector's thread in the background, and
//! any allocation that finds its class's central list empty (it sweeps
//! until a span of its class comes back with free slots, rather than grow
//! the heap). A small-object span whose objects all died goes back to the
//! page heap; otherwise its mark bits become its allocation bits (a slot
//! is free iff unmarked), its mark bits are cleared for the next cycle,
//! and if it has free slots it goes on its class's central list. A dead
//! large object's span goes back whole. With GOCDEBUG=gcpoison=1 freed
//! objects are first filled with a pattern, so a premature free shows up
//! as garbage rather than as plausible data.
//!
//! Invariants: a queued span is in no cache and on no central list until
//! it is swept, so nothing but its sweeper touches it; spans made after
//! `start` are not queued (their mark bits are clear); the next cycle
//! starts only after `finish` (every queued span swept), so marking never
//! sees an unswept span; a span with a freed slot is marked `needzero`, as
//! allocation then clears slots.

use crate::mcache;
use crate::mgc::POISON;
use crate::mheap::{self, Span, BITMAP_WORDS, ST_LARGE};
use crate::{persistent, proc, sys};
use core::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

const POISON_WORD: u64 = 0xdead_beef_dead_beef;

/// The spans to sweep this cycle (`QLEN` of them) and how far claims
/// (`NEXT`) and completed sweeps (`SWEPT`) have got.
static mut QUEUE: *mut *mut Span = core::ptr::null_mut();
static mut QCAP: usize = 0;
static QLEN: AtomicUsize = AtomicUsize::new(0);
static NEXT: AtomicUsize = AtomicUsize::new(0);
static SWEPT: AtomicUsize = AtomicUsize::new(0);
/// Objects freed by all sweeps (MemStats' Frees).
pub static NFREE: AtomicU64 = AtomicU64::new(0);

/// Queue every in-use span (world stopped, caches flushed, the previous
/// sweep finished).
pub fn start() {
    mcache::central_reset();
    let spans = mheap::allspans();
    unsafe {
        if QCAP < spans.len() {
            let cap = spans.len().next_power_of_two().max(1024);
            QUEUE = persistent::alloc(cap * 8, 8, false) as *mut *mut Span;
            QCAP = cap;
        }
        core::ptr::copy_nonoverlapping(spans.as_ptr(), QUEUE, spans.len());
    }
    SWEPT.store(0, Ordering::Relaxed);
    NEXT.store(0, Ordering::Relaxed);
    QLEN.store(spans.len(), Ordering::Release);
}

/// Sweep the next queued span; false when none is left to claim.
pub fn sweep_next() -> bool {
    let len = QLEN.load(Ordering::Acquire);
    if NEXT.load(Ordering::Relaxed) >= len {
        return false;
    }
    let i = NEXT.fetch_add(1, Ordering::AcqRel);
    if i >= len {
        return false;
    }
    let s = unsafe { &mut **QUEUE.add(i) };
    let poison = unsafe { POISON };
    let freed = if s.state == ST_LARGE {
        sweep_large(s, poison)
    } else {
        sweep_small(s, poison)
    };
    if freed > 0 {
        NFREE.fetch_add(freed, Ordering::Relaxed);
    }
    SWEPT.fetch_add(1, Ordering::Release);
    true
}

/// Sweep whatever is left and wait for sweeps others are doing.
pub fn finish() {
    while sweep_next() {}
    while SWEPT.load(Ordering::Acquire) < QLEN.load(Ordering::Acquire) {
        if proc::curg_ptr().is_null() {
            sys::osyield();
        } else {
            crate::arch::cpu_relax();
        }
    }
}

/// Returns the number of objects freed.
fn sweep_large(s: &mut Span, poison: bool) -> u64 {
    if s.markbits[0] & 1 != 0 {
        s.markbits[0] = 0;
        return 0;
    }
    let size = s.elemsize;
    if poison {
        fill(s.base, size);
    }
    mheap::free_span(s);
    1
}

fn sweep_small(s: &mut Span, poison: bool) -> u64 {
    let nw = s.nelems.div_ceil(64);
    let mut marked = 0;
    for w in 0..nw {
        marked += s.markbits[w].count_ones() as usize;
    }
    let freed = s.allocated - marked;
    if poison && freed > 0 {
        for w in 0..nw {
            let mut dead = s.allocbits[w] & !s.markbits[w];
            while dead != 0 {
                let i = w * 64 + dead.trailing_zeros() as usize;
                dead &= dead - 1;
                fill(s.base + i * s.elemsize, s.elemsize);
            }
        }
    }
    if marked == 0 {
        mheap::free_span(s);
        return freed as u64;
    }
    s.allocbits = s.markbits;
    s.markbits = [0; BITMAP_WORDS];
    s.allocated = marked;
    s.freeindex = 0;
    if freed > 0 {
        s.needzero = true;
    }
    if marked < s.nelems {
        mcache::central_put(s);
    }
    freed as u64
}

fn fill(p: usize, n: usize) {
    let w = p as *mut u64;
    for i in 0..n / 8 {
        unsafe { w.add(i).write(POISON_WORD) };
    }
}
