//! The garbage collector's cycle: when to collect, and one collection.
//!
//! A collection stops the world (stw.rs: every other P parked in the
//! scheduler, its goroutine stopped at a safepoint or in a system call),
//! empties the allocation caches, marks from the roots (mgcmark.rs),
//! sweeps every span (mgcsweep.rs), sets the next goal and restarts the
//! world. It runs on the stack of the goroutine that started it: one that
//! called runtime.GC, or one that allocated past the trigger and was asked
//! (like a preemption) to collect at its next safepoint, so collections
//! always start from compiled code with no runtime lock held.
//!
//! Pacing as Go's: after a collection that found `live` bytes, the next
//! starts when the heap reaches `live * (1 + GOGC/100)`, at least 4 MB;
//! GOGC=off never collects automatically. The heap's free pages beyond
//! what the goal needs go back to the OS.
//!
//! Invariants: at most one collection runs (`RUNNING`); `HEAP_LIVE` only
//! grows between collections (caches count whole spans when they take
//! them) and is reset to the marked bytes by each; statistics change only
//! with the world stopped.

use crate::mcache::HEAP_LIVE;
use crate::print::Sink;
use crate::{env, malloc, mgcmark, mgcsweep, mheap, print, proc, stw, sys};
use core::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The smallest goal, as Go's; GOCDEBUG=gcstress=1 lowers it to
/// `STRESS_GOAL` so tests collect every few allocations.
static mut MIN_GOAL: usize = 4 << 20;
const STRESS_GOAL: usize = 128 << 10;

/// Heap size that triggers the next collection (usize::MAX: never).
static TRIGGER: AtomicUsize = AtomicUsize::new(4 << 20);
/// A goroutine was asked to collect at its next safepoint.
static REQUESTED: AtomicBool = AtomicBool::new(false);
static RUNNING: AtomicBool = AtomicBool::new(false);
/// GOGC; negative: off.
static mut GCPERCENT: i64 = 100;
static mut GCTRACE: bool = false;
/// GOCDEBUG=gcpoison=1: freed memory is filled with a pattern.
pub static mut POISON: bool = false;
/// GOCDEBUG=gcshrinkstackoff=1: collections do not shrink stacks.
pub static mut SHRINK_OFF: bool = false;
static mut START_NS: i64 = 0;

/// What Go's MemStats reports about collections.
pub struct Stats {
    pub numgc: u32,
    pub numforced: u32,
    pub pause_total_ns: u64,
    pub pause_ns: [u64; 256],
    pub pause_end: [u64; 256],
    pub last_gc: u64,
    pub next_gc: u64,
    /// Objects and bytes freed by all sweeps.
    pub nfree: u64,
    pub freed_bytes: u64,
    /// Objects and bytes allocated through caches and flushed from them.
    pub nmalloc: u64,
    pub alloc_bytes: u64,
}

pub static mut STATS: Stats = Stats {
    numgc: 0,
    numforced: 0,
    pause_total_ns: 0,
    pause_ns: [0; 256],
    pause_end: [0; 256],
    last_gc: 0,
    next_gc: 4 << 20,
    nfree: 0,
    freed_bytes: 0,
    nmalloc: 0,
    alloc_bytes: 0,
};

/// Read GOGC and GOCDEBUG; reserve the heap. Once, at start-up.
pub fn init() {
    unsafe {
        START_NS = sys::nanotime();
        if let Some(v) = env::get(b"GOGC") {
            if v == b"off" {
                GCPERCENT = -1;
            } else if let Some(n) = parse_int(v) {
                GCPERCENT = n;
            }
        }
        if let Some(d) = env::get(b"GOCDEBUG") {
            for kv in d.split(|&c| c == b',') {
                if kv == b"gctrace=1" {
                    GCTRACE = true;
                } else if kv == b"gcpoison=1" {
                    POISON = true;
                } else if kv == b"gcshrinkstackoff=1" {
                    SHRINK_OFF = true;
                } else if kv == b"stackguard=1" {
                    crate::stack::set_guard_check();
                } else if kv == b"stackmove=1" {
                    crate::stack::set_stress();
                } else if kv == b"gcstress=1" {
                    MIN_GOAL = STRESS_GOAL;
                    TRIGGER.store(STRESS_GOAL, Ordering::Relaxed);
                }
            }
        }
        if GCPERCENT < 0 {
            TRIGGER.store(usize::MAX, Ordering::Relaxed);
        }
    }
    mheap::init();
}

fn parse_int(v: &[u8]) -> Option<i64> {
    let (neg, digits) = match v.first() {
        Some(b'-') => (true, &v[1..]),
        _ => (false, v),
    };
    if digits.is_empty() || digits.len() > 12 {
        return None;
    }
    let mut n: i64 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + (c - b'0') as i64;
    }
    Some(if neg { -n } else { n })
}

/// Called when the heap grew (a cache took a span, a large object was
/// made): past the trigger, ask the running goroutine to collect at its
/// next safepoint.
#[inline]
pub fn heap_grew() {
    if HEAP_LIVE.load(Ordering::Relaxed) < TRIGGER.load(Ordering::Relaxed) {
        return;
    }
    let gp = proc::curg_ptr();
    if gp.is_null() || REQUESTED.swap(true, Ordering::AcqRel) {
        return;
    }
    proc::request_preempt(gp);
}

/// At a safepoint that was poisoned: collect if this goroutine was the
/// one asked to. Returns whether it collected.
pub fn take_request() -> bool {
    if !REQUESTED.load(Ordering::Acquire) {
        return false;
    }
    if !REQUESTED.swap(false, Ordering::AcqRel) {
        return false;
    }
    collect(false);
    true
}

/// runtime.GC: a full collection, started after the call.
#[no_mangle]
pub extern "C" fn goc_pkg_runtime_GC() {
    collect(true);
}

/// Run one collection. A forced one waits for one in progress (yielding),
/// then runs its own; a triggered one gives way to one in progress.
pub fn collect(forced: bool) {
    while RUNNING.swap(true, Ordering::AcqRel) {
        if !forced {
            return;
        }
        proc::goc_gosched();
    }
    let t0 = sys::nanotime();
    stw::stop_the_world();
    // Marking and sweeping run too deep for a goroutine's guard area.
    crate::stack::systemstack(|| cycle(forced, t0));
}

/// The collection proper, on the system stack with the world stopped;
/// restarts the world.
fn cycle(forced: bool, t0: i64) {
    let t1 = sys::nanotime();
    let before = HEAP_LIVE.load(Ordering::Relaxed);
    flush_caches();
    mgcmark::mark();
    let t2 = sys::nanotime();
    let live = mgcsweep::sweep();
    let gcpercent = unsafe { GCPERCENT };
    let goal = if gcpercent < 0 {
        usize::MAX
    } else {
        (live + live / 100 * gcpercent as usize).max(unsafe { MIN_GOAL })
    };
    HEAP_LIVE.store(live, Ordering::Relaxed);
    TRIGGER.store(goal, Ordering::Relaxed);
    if goal != usize::MAX {
        mheap::scavenge(goal + goal / 8);
    }
    let t4 = sys::nanotime();
    let st = unsafe { &mut *core::ptr::addr_of_mut!(STATS) };
    let pause = (t4 - t0) as u64;
    let i = (st.numgc % 256) as usize;
    st.pause_ns[i] = pause;
    st.pause_end[i] = sys::walltime() as u64;
    st.pause_total_ns += pause;
    st.last_gc = st.pause_end[i];
    st.numgc += 1;
    if forced {
        st.numforced += 1;
    }
    st.next_gc = if goal == usize::MAX { 0 } else { goal as u64 };
    let n = st.numgc;
    stw::start_the_world(0);
    RUNNING.store(false, Ordering::Release);
    if unsafe { GCTRACE } {
        trace(
            n,
            t0,
            [t1 - t0, t2 - t1, t4 - t2],
            before,
            live,
            goal,
            forced,
        );
    }
}

/// Take every cache's spans and counters (world stopped).
pub fn flush_caches() {
    let st = unsafe { &mut *core::ptr::addr_of_mut!(STATS) };
    for p in proc::all_ps() {
        let mc = &mut p.mcache;
        mc.flush();
        st.nmalloc += mc.nmalloc;
        st.alloc_bytes += mc.alloc_bytes;
        mc.nmalloc = 0;
        mc.alloc_bytes = 0;
    }
    malloc::flush_nop_cache();
}

/// One GOCDEBUG=gctrace=1 line, in the spirit of Go's:
/// `gc 3 @0.120s: 0.011+1.200+0.300 ms clock (stop+mark+sweep, world
/// stopped), 8->2 MB, 4 MB goal, 2 P`.
fn trace(n: u32, t0: i64, phases: [i64; 3], before: usize, live: usize, goal: usize, forced: bool) {
    print::lock();
    let b = &mut print::Stderr;
    b.put(b"gc ");
    print::put_uint(b, n as u64);
    b.put(b" @");
    put_fixed(b, (t0 - unsafe { START_NS }) as u64 / 1000, 1_000_000);
    b.put(b"s: ");
    for (i, ns) in phases.iter().enumerate() {
        if i > 0 {
            b.put(b"+");
        }
        put_fixed(b, *ns as u64 / 1000, 1000);
    }
    b.put(b" ms clock (stop+mark+sweep, world stopped), ");
    print::put_uint(b, (before >> 20) as u64);
    b.put(b"->");
    print::put_uint(b, (live >> 20) as u64);
    b.put(b" MB, ");
    if goal == usize::MAX {
        b.put(b"no");
    } else {
        print::put_uint(b, (goal >> 20) as u64);
        b.put(b" MB");
    }
    b.put(b" goal, ");
    print::put_uint(b, unsafe { proc::GOMAXPROCS } as u64);
    b.put(b" P");
    if forced {
        b.put(b" (forced)");
    }
    b.put(b"\n");
    print::unlock();
}

/// `v / unit` with three decimals (`unit` is 1000 or 1000000).
fn put_fixed(b: &mut print::Stderr, v: u64, unit: u64) {
    print::put_uint(b, v / unit);
    b.put(b".");
    let frac = (v % unit) * 1000 / unit;
    let digits = [
        b'0' + (frac / 100) as u8,
        b'0' + (frac / 10 % 10) as u8,
        b'0' + (frac % 10) as u8,
    ];
    b.put(&digits);
}
