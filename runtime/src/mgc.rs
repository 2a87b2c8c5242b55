//! The garbage collector's cycle: when to collect, and one collection.
//!
//! Collections run on the collector's own thread (started on first use),
//! which holds no P and is not a goroutine. One cycle:
//! 1. stop the world (stw.rs: every P parked in the scheduler, its
//!    goroutine stopped at a safepoint or in a system call), finish the
//!    previous cycle's sweep if it is not done, turn on the write barrier
//!    and black allocation, scan the roots (mgcmark.rs), restart the world;
//! 2. mark concurrently with the program, on this thread and helpers (one
//!    marking thread per P);
//! 3. stop the world again, drain the write barriers' buffers, turn the
//!    barrier off, take the caches' spans, hand every span to the sweeper,
//!    set the next goal, restart the world;
//! 4. sweep in the background (mgcsweep.rs; allocation sweeps too when it
//!    needs a span), then return surplus pages to the OS.
//!
//! The program only stops for steps 1 and 3, whose length does not depend
//! on the size of the heap (step 1 does depend on the number of
//! goroutines: every stack is scanned then).
//!
//! Pacing as Go's: after a cycle that found `live` bytes, the goal is
//! `live * (1 + GOGC/100)`, at least 4 MB; the next cycle starts when the
//! heap reaches the trigger, 7/10 of the way from `live` to the goal (Go's
//! lowest trigger), so that marking ends near the goal. A goroutine that
//! allocates past the goal while a cycle runs helps it (`assist`); one
//! that finds nothing to help with goes on until the hard goal, a tenth
//! past the goal, and then waits for the cycle (`assist_wait`). GOGC=off
//! never collects automatically.
//! runtime.GC runs a full cycle (after waiting for one in progress) and
//! returns when its sweep is done.
//!
//! Invariants: only the collector's thread runs cycles, one at a time;
//! `HEAP_LIVE` is reset to the cycle's live bytes at step 3 and only grows
//! otherwise (caches count whole spans when they take them); statistics
//! change only with the world stopped or on the collector's thread before
//! `DONE` is raised.

use crate::lock::{Mutex, Note};
use crate::mcache::HEAP_LIVE;
use crate::print::Sink;
use crate::proc::G;
use crate::{arch, env, malloc, mgcmark, mgcsweep, mgcwb, mheap, print, proc, stack, stw, sys};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};

/// The smallest goal, as Go's; GOCDEBUG=gcstress=1 lowers it to
/// `STRESS_GOAL` so tests collect every few allocations.
static mut MIN_GOAL: usize = 4 << 20;
const STRESS_GOAL: usize = 128 << 10;

/// Heap size that starts the next cycle (usize::MAX: never, or a cycle
/// is running).
static TRIGGER: AtomicUsize = AtomicUsize::new(4 << 20);
/// The current goal: allocating past it while a cycle is under way makes
/// the allocating goroutine help (`assist`).
static GOAL: AtomicUsize = AtomicUsize::new(4 << 20);
/// Past this (the goal and a tenth) a goroutine that found nothing to
/// help with waits for the cycle (`assist_wait`).
static HARD_GOAL: AtomicUsize = AtomicUsize::new((4 << 20) + (4 << 20) / 10);
/// The heap reached the trigger and the collector was woken.
static TRIGGERED: AtomicBool = AtomicBool::new(false);
/// Cycles started (raised with the world stopped) and fully done (swept).
static STARTED: AtomicU32 = AtomicU32::new(0);
static DONE: AtomicU32 = AtomicU32::new(0);
/// runtime.GC wants cycles up to this number done.
static FORCE_UPTO: AtomicU32 = AtomicU32::new(0);
/// The collector's thread exists; it sleeps on `WORK` between cycles.
static STARTED_THREAD: AtomicBool = AtomicBool::new(false);
static WORK: Note = Note::new();
/// Goroutines waiting for the collector, linked through `schedlink`, under
/// `WAIT_LOCK`: in runtime.GC until `DONE` reaches the number in their
/// `param`, or (`param` 0) assists until the heap is under the goal.
static WAIT_LOCK: Mutex = Mutex::new();
static mut WAITERS: *mut G = null_mut();
static NWAITERS: AtomicU32 = AtomicU32::new(0);
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
                    set_goal(STRESS_GOAL);
                }
            }
        }
        if GCPERCENT < 0 {
            TRIGGER.store(usize::MAX, Ordering::Relaxed);
            set_goal(usize::MAX);
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
/// made): past the trigger, wake the collector; past the goal while a
/// cycle is under way, help it.
#[inline]
pub fn heap_grew() {
    let live = HEAP_LIVE.load(Ordering::Relaxed);
    let past_trigger = live >= TRIGGER.load(Ordering::Relaxed);
    if !past_trigger && live <= GOAL.load(Ordering::Relaxed) {
        return;
    }
    if past_trigger && !TRIGGERED.swap(true, Ordering::AcqRel) {
        stack::systemstack(wake_collector);
    }
    if live > GOAL.load(Ordering::Relaxed) {
        stack::systemstack(assist);
    }
}

/// The assist (Go's mark assist, simplified): the program allocates faster
/// than the collector finishes, so the allocating goroutine scans queued
/// objects while marking and sweeps spans while sweeping; if the heap is
/// past the hard goal, it waits for the cycle at its next safepoint
/// (`assist_wait`), where it holds no runtime lock and can park.
fn assist() {
    // About 100 µs of work at a time, so that a stop-the-world never waits
    // long for an assisting goroutine to reach its safepoint.
    const BUDGET: usize = 64 << 10;
    for _ in 0..4 {
        if !over_goal() {
            return;
        }
        if mgcmark::MARKING.load(Ordering::Acquire) && mgcmark::assist(BUDGET) {
            continue;
        }
        if !mgcsweep::sweep_next() {
            break;
        }
    }
    let gp = proc::curg_ptr();
    if over_hard_goal() && !gp.is_null() {
        proc::request_preempt(gp);
    }
}

/// The goal, and the hard goal a tenth past it (saturating: GOGC=off).
fn set_goal(goal: usize) {
    GOAL.store(goal, Ordering::Relaxed);
    HARD_GOAL.store(goal.saturating_add(goal / 10), Ordering::Relaxed);
}

/// Past the goal while a cycle is wanted or marking.
fn over_goal() -> bool {
    HEAP_LIVE.load(Ordering::Relaxed) > GOAL.load(Ordering::Relaxed) && cycle_pending()
}

/// Past the hard goal while a cycle is wanted or marking.
fn over_hard_goal() -> bool {
    HEAP_LIVE.load(Ordering::Relaxed) > HARD_GOAL.load(Ordering::Relaxed) && cycle_pending()
}

/// A cycle was triggered or is marking.
fn cycle_pending() -> bool {
    TRIGGERED.load(Ordering::Acquire) || mgcmark::MARKING.load(Ordering::Acquire)
}

/// At a safepoint (a preemption): if the heap is past the hard goal while
/// a cycle runs, park until the cycle sets a new goal. Returns whether it
/// waited.
pub fn assist_wait() -> bool {
    if !over_hard_goal() {
        return false;
    }
    let gp = proc::curg_ptr();
    unsafe { (*gp).param = 0 };
    wait_for_collector(gp);
    true
}

/// Park the running goroutine `gp` on the waiters' list until `DONE`
/// reaches its `param` (0: until the current cycle's mark ends, that is
/// while `over_hard_goal`).
fn wait_for_collector(gp: *mut G) {
    NWAITERS.fetch_add(1, Ordering::AcqRel);
    stack::systemstack(wake_collector);
    /// Runs once the goroutine is parked: queue it, unless what it waits
    /// for has happened already (then it goes on at once).
    fn enqueue(gp: *mut G, _: usize) -> bool {
        WAIT_LOCK.lock();
        let wait = still_waiting(gp);
        if wait {
            unsafe {
                (*gp).schedlink = WAITERS;
                WAITERS = gp;
            }
        }
        WAIT_LOCK.unlock();
        wait
    }
    proc::gopark(Some(enqueue), 0, proc::WaitReason::GcCycle);
    unsafe { (*gp).param = 0 };
    NWAITERS.fetch_sub(1, Ordering::AcqRel);
}

fn still_waiting(gp: *mut G) -> bool {
    match unsafe { (*gp).param } as u32 {
        0 => over_hard_goal(),
        n => DONE.load(Ordering::Acquire) < n,
    }
}

fn wake_collector() {
    if !STARTED_THREAD.swap(true, Ordering::AcqRel) {
        const STACK: usize = 256 << 10;
        let (_lo, hi) = stack::alloc(STACK);
        let m = crate::mthread::new_bare_m();
        if unsafe { arch::start_thread(hi, m as usize, collector, 0) } < 0 {
            crate::panic::throw("runtime: cannot create the collector thread");
        }
    }
    WORK.wakeup();
}

/// Whether goroutines wait for the collector (in runtime.GC or an
/// assist): its thread will wake them, so they are not deadlocked.
pub fn busy() -> bool {
    NWAITERS.load(Ordering::Acquire) != 0
}

/// runtime.GC: a full collection, started after the call; returns when it
/// is swept.
#[no_mangle]
pub extern "C" fn goc_pkg_runtime_GC() {
    let target = STARTED.load(Ordering::Acquire) + 1;
    FORCE_UPTO.fetch_max(target, Ordering::AcqRel);
    let gp = proc::curg_ptr();
    unsafe { (*gp).param = target as usize };
    wait_for_collector(gp);
}

/// Ready the waiting goroutines whose wait is over (after marking and
/// after each cycle).
fn wake_waiters() {
    WAIT_LOCK.lock();
    let mut keep: *mut G = null_mut();
    let mut gp = unsafe { WAITERS };
    unsafe { WAITERS = null_mut() };
    while !gp.is_null() {
        let next = unsafe { (*gp).schedlink };
        if still_waiting(gp) {
            unsafe { (*gp).schedlink = keep };
            keep = gp;
        } else {
            unsafe { (*gp).schedlink = null_mut() };
            proc::ready(gp);
        }
        gp = next;
    }
    unsafe { WAITERS = keep };
    WAIT_LOCK.unlock();
}

/// The collector's thread: run a cycle whenever the heap reached the
/// trigger or runtime.GC asked for one.
extern "C" fn collector(_: usize) -> ! {
    crate::signal::init_thread();
    loop {
        WORK.sleep();
        WORK.clear();
        loop {
            let forced = STARTED.load(Ordering::Acquire) < FORCE_UPTO.load(Ordering::Acquire);
            if !forced && !TRIGGERED.load(Ordering::Acquire) {
                break;
            }
            cycle(forced);
        }
    }
}

/// Marking threads: one per P, no more than the CPUs. While the program
/// runs they compete with it for the CPUs, which also paces allocation.
/// Go dedicates a quarter of the Ps; measured here on 2 CPUs at
/// GOMAXPROCS=2, a quarter (one thread) made binarytrees 8% slower
/// (2.83-2.97 s against 2.63-2.71 s) and gcpause 7% faster.
fn workers() -> usize {
    unsafe { proc::GOMAXPROCS }
        .min(sys::ncpu_cached())
        .clamp(1, mgcmark::MAX_WORKERS)
}

/// One collection, on the collector's thread.
fn cycle(forced: bool) {
    let t0 = sys::nanotime();
    stw::stop_the_world();
    TRIGGERED.store(false, Ordering::Release);
    TRIGGER.store(usize::MAX, Ordering::Relaxed);
    let n = STARTED.fetch_add(1, Ordering::AcqRel) + 1;
    mgcsweep::finish();
    flush_caches();
    let before = HEAP_LIVE.load(Ordering::Relaxed);
    mgcwb::set_enabled(true);
    mgcmark::start();
    let started = stw::start_the_world(0);
    let back = sys::nanotime();

    mgcmark::drain_all(workers());

    let t2 = sys::nanotime();
    stw::stop_the_world();
    // The first pause ended when the last P with work was running again,
    // which may be before this thread, competing with the Ms it woke,
    // got back from waking them (unless another stopper, ReadMemStats or
    // GOMAXPROCS, restarted the world since: then when it got back).
    let (last, resumed) = stw::last_restart();
    let t1 = if last == started { resumed } else { back };
    let marked = mgcmark::finish(workers());
    mgcwb::set_enabled(false);
    flush_caches();
    // Allocated while marking (all of it marked black).
    let black = HEAP_LIVE.load(Ordering::Relaxed).saturating_sub(before);
    let live = marked + black;
    let gcpercent = unsafe { GCPERCENT };
    let goal = if gcpercent < 0 {
        usize::MAX
    } else {
        (live + live / 100 * gcpercent as usize).max(unsafe { MIN_GOAL })
    };
    HEAP_LIVE.store(live, Ordering::Relaxed);
    mgcsweep::start();
    let st = unsafe { &mut *core::ptr::addr_of_mut!(STATS) };
    let t4 = sys::nanotime();
    let pause = ((t1 - t0) + (t4 - t2)) as u64;
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
    let trigger = if goal == usize::MAX {
        usize::MAX
    } else {
        live + (goal - live) / 10 * 7
    };
    TRIGGER.store(trigger, Ordering::Relaxed);
    set_goal(goal);
    stw::start_the_world(0);
    wake_waiters();

    mgcsweep::finish();
    if goal != usize::MAX {
        mheap::scavenge(goal + goal / 8);
    }
    let t5 = sys::nanotime();
    DONE.store(n, Ordering::Release);
    wake_waiters();
    if unsafe { GCTRACE } {
        trace(
            n,
            t0,
            [t1 - t0, t2 - t1, t4 - t2, t5 - t4],
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
/// `gc 3 @0.120s: 0.011+1.200+0.030+0.300 ms clock (stop+mark+stop+sweep),
/// 8->2 MB, 4 MB goal, 2 P`: the two stop-the-world pauses are the first
/// and third figures; marking and sweeping run with the world going.
fn trace(n: u32, t0: i64, phases: [i64; 4], before: usize, live: usize, goal: usize, forced: bool) {
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
    b.put(b" ms clock (stop+mark+stop+sweep), ");
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
