//! Marking: find every object reachable from the roots, mostly while the
//! program runs.
//!
//! A cycle marks in three steps (mgc.rs drives them):
//! 1. With the world stopped, `start` scans the roots: the Go globals
//!    (precisely, through the compiler's table), the runtime's own statics
//!    (its .data and .bss) and its scanned persistent records (sudogs,
//!    defer records, timer heaps, Ms) conservatively, and every goroutine's
//!    stack. A stack is walked by its frame-pointer chain: frames of
//!    compiled Go code are scanned precisely with the stack-map table,
//!    every other word (runtime frames, saved registers) conservatively; a
//!    goroutine starts its walk at the context its last switch saved, one
//!    in a system call at what `entersyscall` saved. The objects the roots
//!    reach are marked and queued in the shared pool.
//! 2. With the world running, `drain` scans queued objects until there are
//!    none: the collector's thread and helper threads, while the program
//!    allocates and writes pointers.
//! 3. With the world stopped again, `finish` empties the Ps' write-barrier
//!    buffers into the pool and drains what is left.
//!
//! Why this finds everything (a snapshot at the beginning): every object
//! reachable when the roots were scanned is marked by the end, because the
//! deletion write barrier (mgcwb.rs) shades the old value of every heap
//! word a pointer store overwrites while marking, so no path that existed
//! at the snapshot can be cut before marking followed it; objects
//! allocated while marking are marked at allocation (black, `mark_new`);
//! and an object unreachable at the snapshot cannot become reachable
//! again. Roots (stacks, globals, runtime records) are scanned only at the
//! snapshot, so stores to them need no barrier.
//!
//! An object is marked by setting its bit in its span's `markbits`; a
//! marked object with pointers is queued once, and draining scans it:
//! small objects by their heap bits, bigger ones by their shape,
//! conservative ones word by word. Interior pointers mark the object
//! containing them. A conservative word marks only allocated objects; it
//! may keep garbage alive but never frees anything live, since nothing
//! moves.
//!
//! Workers: a worker has a local work stack; while another worker is idle
//! or an assist found nothing to do, and the shared pool is empty, it
//! moves part of its stack to the pool (`balance`: the oldest half, or a
//! batch off the top of a long stack), and an idle worker takes batches
//! from it, sleeping on a futex (`POOL_SEQ`) while there are none. A
//! drain ends when every worker is idle, no goroutine is assisting
//! (`assist`) and the pool is empty. Write barriers queue what they shade
//! in their P's batch (`Wbuf`), published to the pool when full and at
//! `finish`.
//!
//! Invariants: markbits are all clear when a cycle starts (the previous
//! sweep cleared them, new spans start clear); a marker that finds an
//! object's bit clear sets it with an atomic or and queues the object, so
//! two markers racing for one object may both queue it: it is scanned
//! twice, which is harmless (as in Go), and cheaper than a
//! compare-and-swap on every mark; the pool, its count and the idle count
//! change under `POOL_LOCK`; `MARKING` is set and cleared only with the
//! world stopped.

use crate::lock::{Mutex, Note};
use crate::malloc::{CONSERVATIVE, HEAPBITS_MAX};
use crate::mheap::{self, Span, ST_LARGE};
use crate::proc::{self, G, G_DEAD, G_IDLE, G_SYSCALL};
use crate::{arch, persistent, stack, sys};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use goc_abi::gcshape;

/// Large objects are scanned in pieces of about this size (`scan_object`).
const OBLET: usize = 128 << 10;
/// Most marking threads (the collector's own included).
pub const MAX_WORKERS: usize = 8;
/// Entries of a worker's local work stack (a lazy reservation).
const LOCAL_CAP: usize = 1 << 20;
/// A worker with more than this shares a batch when someone is idle.
const SHARE_AT: usize = 2 * BATCH;
const BATCH: usize = 1022;

pub struct Batch {
    next: *mut Batch,
    n: usize,
    items: [usize; BATCH],
}

/// A marker's state: its local work stack and what it marked.
pub struct Worker {
    stack: *mut usize,
    n: usize,
    cap: usize,
    marked: usize,
}

/// A P's write-barrier buffer: objects its goroutines shaded that still
/// need scanning, and the bytes they marked.
pub struct Wbuf {
    batch: *mut Batch,
    marked: usize,
}

impl Wbuf {
    pub const fn new() -> Wbuf {
        Wbuf {
            batch: null_mut(),
            marked: 0,
        }
    }
}

impl Default for Wbuf {
    fn default() -> Wbuf {
        Wbuf::new()
    }
}

/// A cycle is marking: allocation marks what it hands out (black).
pub static MARKING: AtomicBool = AtomicBool::new(false);
/// Bytes marked this cycle by workers and barriers (not by allocation).
static MARKED: AtomicUsize = AtomicUsize::new(0);

static mut WORKERS: [Worker; MAX_WORKERS] = {
    const W: Worker = Worker {
        stack: null_mut(),
        n: 0,
        cap: LOCAL_CAP,
        marked: 0,
    };
    [W; MAX_WORKERS]
};
static POOL_LOCK: Mutex = Mutex::new();
static mut POOL: *mut Batch = null_mut();
static mut FREE_BATCHES: *mut Batch = null_mut();
/// Workers with no local work (changed under POOL_LOCK; read without it
/// as a hint).
static IDLE: AtomicUsize = AtomicUsize::new(0);
/// Batches in the pool (changed under POOL_LOCK; a hint without it).
static POOLED: AtomicUsize = AtomicUsize::new(0);
/// An assist found the pool empty: the next worker with spare work
/// shares some (`balance`).
static WANTED: AtomicBool = AtomicBool::new(false);
/// Bumped when the pool gains work while someone is idle, or a drain may
/// be over: idle workers sleep on it (a futex) rather than spin.
static POOL_SEQ: AtomicU32 = AtomicU32::new(0);
/// Workers taking part in this drain.
static mut NWORKERS: usize = 1;
/// Helper threads started so far (worker i+1 is helper i).
static mut NHELPERS: usize = 0;
static HELPER_NOTES: [Note; MAX_WORKERS] = [const { Note::new() }; MAX_WORKERS];
static HELPERS_DONE: AtomicUsize = AtomicUsize::new(0);
static DONE_NOTE: Note = Note::new();
/// Goroutines assisting (`assist`): they may hold work the pool does not
/// show, so a drain is not over while there are any.
static ASSISTS: AtomicUsize = AtomicUsize::new(0);
/// At most this many batches left at the end of marking: drain them on
/// the collector's thread alone.
const SMALL_FINISH: usize = 4;
/// An assist's local work stack (on the system stack).
const ASSIST_CAP: usize = 2 * BATCH;

/// Step 1, world stopped: mark what the roots reach and queue it in the
/// pool; from now on allocation marks black.
pub fn start() {
    // The stack-map table's index is built by the first collection.
    static INDEXED: AtomicBool = AtomicBool::new(false);
    if !INDEXED.swap(true, Ordering::AcqRel) {
        crate::stackmap::init();
    }
    ensure_workers(1);
    MARKED.store(0, Ordering::Relaxed);
    let w = unsafe { &mut *core::ptr::addr_of_mut!(WORKERS[0]) };
    scan_statics(w);
    persistent::for_each_scanned(|lo, hi| scan_conservative(w, lo, hi));
    // The collector is not a goroutine: every goroutine is stopped, at a
    // safepoint or in a system call. A stack is shrunk before it is
    // scanned (only this thread touches stacks).
    let shrink = unsafe { !crate::mgc::SHRINK_OFF };
    for &gp in proc::allgs() {
        if shrink {
            stack::maybe_shrink(unsafe { &mut *gp });
        }
        scan_g(w, gp);
    }
    while w.n > 0 {
        share(w);
    }
    take_marked(w);
    MARKING.store(true, Ordering::Release);
}

/// Step 2 (world running) or the end of step 3: scan queued objects with
/// `n` workers (this thread is worker 0) until none is left.
pub fn drain_all(n: usize) {
    let n = n.clamp(1, MAX_WORKERS);
    ensure_workers(n);
    unsafe {
        NWORKERS = n;
        IDLE.store(0, Ordering::Relaxed);
        HELPERS_DONE.store(0, Ordering::Relaxed);
        DONE_NOTE.clear();
        for note in &HELPER_NOTES[..n - 1] {
            note.wakeup();
        }
    }
    let w = unsafe { &mut *core::ptr::addr_of_mut!(WORKERS[0]) };
    drain(w);
    take_marked(w);
    if n > 1 {
        DONE_NOTE.sleep();
    }
}

/// A goroutine that allocates faster than marking keeps up helps: scan
/// about `budget` bytes of queued objects. Runs on the system stack.
/// Returns whether there was work to take.
pub fn assist(budget: usize) -> bool {
    let mut buf = [0usize; ASSIST_CAP];
    let mut w = Worker {
        stack: buf.as_mut_ptr(),
        n: 0,
        cap: ASSIST_CAP,
        marked: 0,
    };
    ASSISTS.fetch_add(1, Ordering::AcqRel);
    let (mut done, mut took) = (0, false);
    while done < budget {
        if w.n == 0 {
            POOL_LOCK.lock();
            let got = unsafe { pool_take(&mut w) };
            POOL_LOCK.unlock();
            if !got {
                WANTED.store(true, Ordering::Relaxed);
                break;
            }
            took = true;
        }
        w.n -= 1;
        let obj = unsafe { *w.stack.add(w.n) };
        done += scan_object(&mut w, obj);
    }
    while w.n > 0 {
        share(&mut w);
    }
    take_marked(&mut w);
    ASSISTS.fetch_sub(1, Ordering::AcqRel);
    // Idle workers may be waiting for assists to end.
    work_queued();
    took
}

/// Step 3, world stopped: queue every P's barrier buffer, drain with `n`
/// workers, stop marking. Returns the bytes marked by workers and barriers.
pub fn finish(n: usize) -> usize {
    for p in proc::all_ps() {
        let wb = &mut p.wbuf;
        MARKED.fetch_add(wb.marked, Ordering::Relaxed);
        wb.marked = 0;
        if !wb.batch.is_null() {
            POOL_LOCK.lock();
            unsafe { pool_push(wb.batch) };
            POOL_LOCK.unlock();
            wb.batch = null_mut();
        }
    }
    // Usually little is left: waking helper threads would cost more.
    let mut batches = 0;
    unsafe {
        let mut b = POOL;
        while !b.is_null() && batches <= SMALL_FINISH {
            batches += 1;
            b = (*b).next;
        }
    }
    drain_all(if batches <= SMALL_FINISH { 1 } else { n });
    MARKING.store(false, Ordering::Release);
    MARKED.load(Ordering::Relaxed)
}

fn take_marked(w: &mut Worker) {
    MARKED.fetch_add(w.marked, Ordering::Relaxed);
    w.marked = 0;
}

/// Work stacks for `n` workers and helper threads for workers 1..n.
fn ensure_workers(n: usize) {
    unsafe {
        for w in (&mut *core::ptr::addr_of_mut!(WORKERS))[..n].iter_mut() {
            if w.stack.is_null() {
                let len = LOCAL_CAP * 8;
                match sys::mmap_anon(len, sys::PROT_READ | sys::PROT_WRITE, sys::MAP_NORESERVE) {
                    Some(p) => w.stack = p as *mut usize,
                    None => crate::panic::throw("runtime: cannot allocate a mark stack"),
                }
            }
        }
        while NHELPERS + 1 < n {
            start_helper(NHELPERS);
            NHELPERS += 1;
        }
    }
}

fn start_helper(i: usize) {
    const HELPER_STACK: usize = 256 << 10;
    let (_lo, hi) = stack::alloc(HELPER_STACK);
    let m = crate::mthread::new_bare_m();
    let r = unsafe { arch::start_thread(hi, m as usize, helper, i) };
    if r < 0 {
        crate::panic::throw("runtime: cannot create a mark worker thread");
    }
}

/// A helper thread: sleep until a drain starts, drain, report, repeat.
extern "C" fn helper(i: usize) -> ! {
    crate::signal::init_thread();
    loop {
        let note = &HELPER_NOTES[i];
        note.sleep();
        note.clear();
        let w = unsafe { &mut *core::ptr::addr_of_mut!(WORKERS[i + 1]) };
        drain(w);
        take_marked(w);
        if HELPERS_DONE.fetch_add(1, Ordering::AcqRel) + 2 == unsafe { NWORKERS } {
            DONE_NOTE.wakeup();
        }
    }
}

#[cfg(not(test))]
fn scan_statics(w: &mut Worker) {
    extern "C" {
        static __goc_data_start: u8;
        static __goc_data_end: u8;
        static __goc_bss_start: u8;
        static __goc_bss_end: u8;
    }
    scan_conservative(
        w,
        core::ptr::addr_of!(__goc_data_start) as usize,
        core::ptr::addr_of!(__goc_data_end) as usize,
    );
    scan_conservative(
        w,
        core::ptr::addr_of!(__goc_bss_start) as usize,
        core::ptr::addr_of!(__goc_bss_end) as usize,
    );
    // Go globals are outside those ranges (.goc_godata/.goc_gobss): the
    // compiler's globals table names their pointer words.
    unsafe { crate::stackmap::scan_globals(&mut |p| mark_word(w, p as usize)) };
}

#[cfg(test)]
fn scan_statics(_: &mut Worker) {}

/// Scan a goroutine that is not running here.
fn scan_g(w: &mut Worker, gp: *mut G) {
    let g = unsafe { &*gp };
    let status = g.status.load(core::sync::atomic::Ordering::Acquire);
    if status == G_DEAD || status == G_IDLE || g.stack_hi == 0 {
        return;
    }
    if status == G_SYSCALL {
        scan_conservative(
            w,
            g.syscall_regs.as_ptr() as usize,
            g.syscall_regs.as_ptr() as usize + 8 * g.syscall_regs.len(),
        );
        scan_stack(w, g.syscall_sp, g.syscall_fp, 0, g.stack_hi as usize);
        return;
    }
    let sp = g.sched_sp as usize;
    if sp == 0 {
        return;
    }
    let ctx = sp as *const usize;
    let (fp, pc) = unsafe { (*ctx.add(arch::CTX_FP), *ctx.add(arch::CTX_PC)) };
    scan_stack(w, sp, fp, pc, g.stack_hi as usize);
}

/// Scan the stack `[sp, hi)` whose innermost frame record is at `fp`, its
/// function at `pc` (0: not compiled Go code).
fn scan_stack(w: &mut Worker, sp: usize, mut fp: usize, mut pc: usize, hi: usize) {
    let mut cur = sp;
    while fp >= cur && fp + 16 <= hi && fp.is_multiple_of(8) {
        if let Some(lo) = go_frame(w, pc, fp) {
            scan_conservative(w, cur, lo.min(fp));
            cur = fp + 16;
        }
        let (next_fp, next_pc) = unsafe { (*(fp as *const usize), *((fp + 8) as *const usize)) };
        if next_fp <= fp {
            break;
        }
        fp = next_fp;
        pc = next_pc;
    }
    scan_conservative(w, cur, hi);
}

/// A compiled Go frame: scan it precisely by the compiler's stack-map
/// table and return its lowest precisely described address (`None`: not a
/// call site of compiled Go code; the caller scans it conservatively).
fn go_frame(w: &mut Worker, pc: usize, fp: usize) -> Option<usize> {
    if pc == 0 {
        return None;
    }
    // Both callbacks push onto the same worker, one at a time.
    let wp: *mut Worker = w;
    unsafe {
        crate::stackmap::scan_frame(
            pc,
            fp,
            &mut |p| mark_word(&mut *wp, p as usize),
            &mut |lo, hi| scan_conservative(&mut *wp, lo, hi),
        )
    }
}

/// Every aligned word in `[lo, hi)` that points into an allocated object.
pub fn scan_conservative(w: &mut Worker, lo: usize, hi: usize) {
    let mut p = (lo + 7) & !7;
    while p + 8 <= hi {
        let v = unsafe { *(p as *const usize) };
        if mheap::in_heap(v) {
            mark_addr(w, v);
        }
        p += 8;
    }
}

/// Mark the object containing address `p`, if `p` is in an allocated one
/// not yet marked: (object, its size, whether it has pointers to scan).
#[inline]
fn try_mark(p: usize) -> Option<(usize, usize, bool)> {
    let s = mheap::span_of(p);
    if s.is_null() {
        return None;
    }
    let s = unsafe { &*s };
    let idx = if s.state == ST_LARGE {
        0
    } else {
        let i = s.slot(p - s.base);
        if i >= s.nelems {
            return None;
        }
        i
    };
    let (wi, b) = (idx >> 6, 1u64 << (idx & 63));
    if s.allocbits[wi] & b == 0 {
        return None;
    }
    let mb = unsafe { AtomicU64::from_ptr(s.markbits.as_ptr().add(wi) as *mut u64) };
    if mb.load(Ordering::Relaxed) & b != 0 {
        return None;
    }
    mb.fetch_or(b, Ordering::Relaxed);
    Some((s.base + idx * s.elemsize, s.elemsize, !s.noscan()))
}

/// Mark the object containing address `p` and queue it on `w`.
#[inline]
pub fn mark_addr(w: &mut Worker, p: usize) {
    if let Some((obj, size, scan)) = try_mark(p) {
        w.marked += size;
        if scan {
            push(w, obj);
        }
    }
}

/// Mark slot `idx` of `s`, just allocated while a cycle marks.
#[inline]
pub fn mark_new(s: &Span, idx: usize) {
    let mb = unsafe { AtomicU64::from_ptr(s.markbits.as_ptr().add(idx >> 6) as *mut u64) };
    mb.fetch_or(1 << (idx & 63), Ordering::Relaxed);
}

/// The write barrier's shade: mark what `v` points to, if it is an
/// unmarked heap object, and queue it in the current P's buffer (or,
/// without a P, straight in the pool).
pub fn shade(v: usize) {
    if !mheap::in_heap(v) {
        return;
    }
    let Some((obj, size, scan)) = try_mark(v) else {
        return;
    };
    let m = proc::getm();
    let p = if m.is_null() {
        null_mut()
    } else {
        unsafe { (*m).p }
    };
    let Some(p) = (unsafe { p.as_mut() }) else {
        MARKED.fetch_add(size, Ordering::Relaxed);
        if scan {
            POOL_LOCK.lock();
            unsafe {
                let b = batch_get();
                (*b).items[0] = obj;
                (*b).n = 1;
                pool_push(b);
            }
            POOL_LOCK.unlock();
            work_queued();
        }
        return;
    };
    let wb = &mut p.wbuf;
    wb.marked += size;
    if !scan {
        return;
    }
    unsafe {
        if wb.batch.is_null() {
            POOL_LOCK.lock();
            wb.batch = batch_get();
            POOL_LOCK.unlock();
            (*wb.batch).n = 0;
        }
        let b = &mut *wb.batch;
        b.items[b.n] = obj;
        b.n += 1;
        if b.n == BATCH {
            POOL_LOCK.lock();
            pool_push(wb.batch);
            POOL_LOCK.unlock();
            work_queued();
            wb.batch = null_mut();
        }
    }
}

#[inline]
fn push(w: &mut Worker, obj: usize) {
    if w.n == w.cap {
        share(w);
    }
    unsafe { *w.stack.add(w.n) = obj };
    w.n += 1;
}

/// A batch record (POOL_LOCK held).
unsafe fn batch_get() -> *mut Batch {
    if FREE_BATCHES.is_null() {
        persistent::alloc(core::mem::size_of::<Batch>(), 8, false) as *mut Batch
    } else {
        let b = FREE_BATCHES;
        FREE_BATCHES = (*b).next;
        b
    }
}

/// Move a batch from the pool to the empty `w` (POOL_LOCK held); false if
/// the pool is empty.
unsafe fn pool_take(w: &mut Worker) -> bool {
    let b = POOL;
    if b.is_null() {
        return false;
    }
    POOL = (*b).next;
    POOLED.fetch_sub(1, Ordering::Relaxed);
    core::ptr::copy_nonoverlapping((*b).items.as_ptr(), w.stack, (*b).n);
    w.n = (*b).n;
    (*b).next = FREE_BATCHES;
    FREE_BATCHES = b;
    true
}

/// Wake the idle workers: the pool gained work, or a drain is over.
fn wake_idle() {
    POOL_SEQ.fetch_add(1, Ordering::AcqRel);
    sys::futex_wake(POOL_SEQ.as_ptr(), u32::MAX);
}

/// After queueing work: wake idle workers, if any.
#[inline]
fn work_queued() {
    if IDLE.load(Ordering::Acquire) > 0 {
        wake_idle();
    }
}

/// Queue a filled batch (POOL_LOCK held; call `work_queued` after
/// unlocking).
unsafe fn pool_push(b: *mut Batch) {
    (*b).next = POOL;
    POOL = b;
    POOLED.fetch_add(1, Ordering::Relaxed);
}

/// Move a batch off the top of `w`'s stack to the pool.
fn share(w: &mut Worker) {
    POOL_LOCK.lock();
    unsafe {
        let b = batch_get();
        let k = BATCH.min(w.n);
        w.n -= k;
        core::ptr::copy_nonoverlapping(w.stack.add(w.n), (*b).items.as_mut_ptr(), k);
        (*b).n = k;
        pool_push(b);
    }
    POOL_LOCK.unlock();
    work_queued();
}

/// Give the pool the oldest half of `w`'s stack when a worker is idle or
/// an assist wants work and the pool is empty. The oldest entries are
/// the ones found first, nearest the roots: in a deep structure such as a
/// tree, whose depth-first stack stays short, they lead to the biggest
/// parts still unscanned, so one worker does not end up marking it alone.
#[inline]
fn balance(w: &mut Worker) {
    if w.n < 2
        || (IDLE.load(Ordering::Relaxed) == 0 && !WANTED.load(Ordering::Relaxed))
        || POOLED.load(Ordering::Relaxed) != 0
    {
        return;
    }
    WANTED.store(false, Ordering::Relaxed);
    if w.n > SHARE_AT {
        share(w);
        return;
    }
    let k = w.n / 2;
    POOL_LOCK.lock();
    unsafe {
        let b = batch_get();
        core::ptr::copy_nonoverlapping(w.stack, (*b).items.as_mut_ptr(), k);
        core::ptr::copy(w.stack.add(k), w.stack, w.n - k);
        (*b).n = k;
        pool_push(b);
    }
    w.n -= k;
    POOL_LOCK.unlock();
    work_queued();
}

/// Refill an empty `w` from the pool; false when marking is over.
fn refill(w: &mut Worker) -> bool {
    let mut idle = false;
    let mut spins = 0u32;
    loop {
        POOL_LOCK.lock();
        unsafe {
            if pool_take(w) {
                if idle {
                    IDLE.fetch_sub(1, Ordering::Relaxed);
                }
                POOL_LOCK.unlock();
                return true;
            }
            if !idle {
                idle = true;
                IDLE.fetch_add(1, Ordering::Relaxed);
            }
            let over =
                IDLE.load(Ordering::Relaxed) == NWORKERS && ASSISTS.load(Ordering::Acquire) == 0;
            let seq = POOL_SEQ.load(Ordering::Acquire);
            POOL_LOCK.unlock();
            if over {
                wake_idle();
                return false;
            }
            // Wait for work to be shared: spin briefly, then sleep (the
            // timeout covers an assist ending without sharing).
            spins += 1;
            if spins < 8 {
                for _ in 0..64 {
                    arch::cpu_relax();
                }
            } else {
                sys::futex_wait(POOL_SEQ.as_ptr(), seq, 1_000_000);
            }
        }
    }
}

fn drain(w: &mut Worker) {
    loop {
        while w.n > 0 {
            w.n -= 1;
            let obj = unsafe { *w.stack.add(w.n) };
            scan_object(w, obj);
            balance(w);
        }
        if !refill(w) {
            return;
        }
    }
}

#[inline]
fn mark_word(w: &mut Worker, slot: usize) {
    let v = unsafe { *(slot as *const usize) };
    if mheap::in_heap(v) {
        mark_addr(w, v);
    }
}

/// Scan a marked object with pointers, or one oblet of a large one;
/// returns the bytes scanned.
///
/// Large objects are scanned in oblets of about `OBLET` bytes (a whole
/// number of the shape's values), so that several workers can share one
/// big array: the queue entry for the object's start scans the first
/// oblet and queues the others by their addresses.
fn scan_object(w: &mut Worker, obj: usize) -> usize {
    let s = unsafe { &*mheap::span_of(obj) };
    let size = s.elemsize;
    if s.state != ST_LARGE && size <= HEAPBITS_MAX {
        scan_heap_bits(w, s, obj, size);
        return size;
    }
    let idx = if s.state == ST_LARGE {
        0
    } else {
        s.slot(obj - s.base)
    };
    let shape = s.bits[idx] as *const u8;
    let vsize = if shape == CONSERVATIVE {
        8
    } else {
        (unsafe { *(shape.add(gcshape::SIZE as usize) as *const u64) } as usize).max(8)
    };
    let (lo, hi) = if s.state == ST_LARGE && size > OBLET {
        let step = (OBLET / vsize).max(1) * vsize;
        let end = s.base + size;
        if obj == s.base {
            let mut o = s.base + step;
            while o < end {
                push(w, o);
                o += step;
            }
        }
        (obj, (obj + step).min(end))
    } else {
        (obj, obj + size)
    };
    if shape == CONSERVATIVE {
        scan_conservative(w, lo, hi);
    } else {
        scan_shape(w, lo, hi - lo, shape);
    }
    hi - lo
}

fn scan_heap_bits(w: &mut Worker, s: &Span, obj: usize, size: usize) {
    let first = (obj - s.base) >> 3;
    let n = size >> 3;
    let (wi, b) = (first >> 6, first & 63);
    let mut bits = s.bits[wi] >> b;
    if b + n > 64 {
        bits |= s.bits[wi + 1] << (64 - b);
    }
    if n < 64 {
        bits &= (1u64 << n) - 1;
    }
    while bits != 0 {
        let i = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        mark_word(w, obj + i * 8);
    }
}

/// Scan `size` bytes at `obj` holding values of `shape`, one after another.
fn scan_shape(w: &mut Worker, obj: usize, size: usize, shape: *const u8) {
    let rd = |off: i32| unsafe { *(shape.add(off as usize) as *const u64) as usize };
    let vsize = rd(gcshape::SIZE).max(8);
    let pwords = rd(gcshape::PTRDATA) >> 3;
    let mask = unsafe { shape.add(gcshape::MASK as usize) };
    let mut base = obj;
    while base + vsize <= obj + size {
        for i in 0..pwords {
            if unsafe { *mask.add(i >> 3) } >> (i & 7) & 1 != 0 {
                mark_word(w, base + i * 8);
            }
        }
        base += vsize;
    }
}
