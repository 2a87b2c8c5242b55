//! Marking: find every object reachable from the roots, with the world
//! stopped.
//!
//! Roots: the Go globals (precisely, through the compiler's table), the
//! runtime's own statics (its .data and .bss) and its scanned persistent
//! records (Gs, sudogs, defer records, timer heaps) conservatively, and
//! every goroutine's stack. A stack is walked by its frame-pointer chain:
//! frames of compiled Go code are scanned precisely with the stack-map
//! table, every other word (runtime frames, saved registers) conservatively.
//! A goroutine that is not running starts its walk at the context its
//! last switch saved; one in a system call at what `entersyscall` saved;
//! the collecting goroutine at its own registers.
//!
//! An object is marked by setting its bit in its span's `markbits`; a
//! marked object with pointers goes on the work stack once, and draining
//! the stack scans it: small objects by their heap bits, bigger ones by
//! their shape, conservative ones word by word. Interior pointers mark the
//! object containing them. A conservative word marks only allocated
//! objects; it may keep garbage alive but never frees anything live,
//! since nothing moves.
//!
//! Marking is spread over up to `GOMAXPROCS` threads (no more than the
//! CPUs the process may use, and at most `MAX_WORKERS`): the collecting goroutine's thread scans the roots and
//! drains like the others; helper threads (started on first use, sleeping
//! on notes between cycles) drain too. Each worker has a local work
//! stack; a worker with plenty of work while others are idle moves a batch
//! to a shared pool, and an idle worker takes batches from it. Marking
//! ends when every worker is idle and the pool is empty: no one then holds
//! work, so no one can make more.
//!
//! Invariants: markbits are all clear when marking starts (the previous
//! sweep cleared them, new spans start clear); mark bits are set with an
//! atomic or, so an object is pushed by exactly one worker; the pool and
//! the idle count change under `POOL_LOCK`.

use crate::lock::{Mutex, Note};
use crate::malloc::{CONSERVATIVE, HEAPBITS_MAX};
use crate::mheap::{self, Span, ST_LARGE};
use crate::proc::{self, G, G_DEAD, G_IDLE, G_SYSCALL};
use crate::{arch, persistent, stack, sys};
use core::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use goc_abi::gcshape;

/// Most marking threads (the collector's own included).
const MAX_WORKERS: usize = 8;
/// Entries of a worker's local work stack (a lazy reservation).
const LOCAL_CAP: usize = 1 << 20;
/// A worker with more than this shares a batch when someone is idle.
const SHARE_AT: usize = 2 * BATCH;
const BATCH: usize = 1022;

struct Batch {
    next: *mut Batch,
    n: usize,
    items: [usize; BATCH],
}

/// A marking thread's state: its local work stack.
pub struct Worker {
    stack: *mut usize,
    n: usize,
}

static mut WORKERS: [Worker; MAX_WORKERS] = {
    const W: Worker = Worker {
        stack: core::ptr::null_mut(),
        n: 0,
    };
    [W; MAX_WORKERS]
};
static POOL_LOCK: Mutex = Mutex::new();
static mut POOL: *mut Batch = core::ptr::null_mut();
static mut FREE_BATCHES: *mut Batch = core::ptr::null_mut();
/// Workers with no local work (changed under POOL_LOCK; read without it
/// as a hint).
static IDLE: AtomicUsize = AtomicUsize::new(0);
/// Workers taking part in this cycle.
static mut NWORKERS: usize = 1;
/// Helper threads started so far (worker i+1 is helper i).
static mut NHELPERS: usize = 0;
static HELPER_NOTES: [Note; MAX_WORKERS] = [const { Note::new() }; MAX_WORKERS];
static HELPERS_DONE: AtomicUsize = AtomicUsize::new(0);
static DONE_NOTE: Note = Note::new();

/// Mark everything reachable. World stopped, caches flushed.
pub fn mark() {
    // The stack-map table's index is built by the first collection.
    static INDEXED: AtomicBool = AtomicBool::new(false);
    if !INDEXED.swap(true, Ordering::AcqRel) {
        crate::stackmap::init();
    }
    // More marking threads than CPUs would only spin against each other.
    let n = unsafe { proc::GOMAXPROCS }
        .min(sys::ncpu_cached())
        .clamp(1, MAX_WORKERS);
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
        NWORKERS = n;
        IDLE.store(0, Ordering::Relaxed);
        HELPERS_DONE.store(0, Ordering::Relaxed);
        DONE_NOTE.clear();
        for note in &HELPER_NOTES[..n - 1] {
            note.wakeup();
        }
    }
    let w = unsafe { &mut *core::ptr::addr_of_mut!(WORKERS[0]) };
    scan_statics(w);
    persistent::for_each_scanned(|lo, hi| scan_conservative(w, lo, hi));
    // Called on the system stack (mgc::collect): the collecting goroutine
    // is scanned from the context `stack::systemstack` saved, like the
    // parked ones. A stack is shrunk before it is scanned (only this
    // thread touches stacks; the helpers mark heap objects).
    let me = proc::curg_ptr();
    let shrink = unsafe { !crate::mgc::SHRINK_OFF };
    for &gp in proc::allgs() {
        if shrink && gp != me {
            stack::maybe_shrink(unsafe { &mut *gp });
        }
        scan_g(w, gp);
    }
    drain(w);
    if n > 1 {
        DONE_NOTE.sleep();
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

/// A helper thread: sleep until a cycle starts, drain, report, repeat.
extern "C" fn helper(i: usize) -> ! {
    crate::signal::init_thread();
    loop {
        let note = &HELPER_NOTES[i];
        note.sleep();
        note.clear();
        let w = unsafe { &mut *core::ptr::addr_of_mut!(WORKERS[i + 1]) };
        drain(w);
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

/// Mark the object containing address `p`, if `p` is in an allocated one.
#[inline]
pub fn mark_addr(w: &mut Worker, p: usize) {
    let s = mheap::span_of(p);
    if s.is_null() {
        return;
    }
    let s = unsafe { &*s };
    let idx = if s.state == ST_LARGE {
        0
    } else {
        let i = s.slot(p - s.base);
        if i >= s.nelems {
            return;
        }
        i
    };
    let (wi, b) = (idx >> 6, 1u64 << (idx & 63));
    if s.allocbits[wi] & b == 0 {
        return;
    }
    let mb = unsafe { AtomicU64::from_ptr(s.markbits.as_ptr().add(wi) as *mut u64) };
    if mb.load(Ordering::Relaxed) & b != 0 || mb.fetch_or(b, Ordering::Relaxed) & b != 0 {
        return;
    }
    if !s.noscan() {
        push(w, s.base + idx * s.elemsize);
    }
}

#[inline]
fn push(w: &mut Worker, obj: usize) {
    if w.n == LOCAL_CAP {
        share(w);
    }
    unsafe { *w.stack.add(w.n) = obj };
    w.n += 1;
}

/// Move a batch off the top of `w`'s stack to the pool.
fn share(w: &mut Worker) {
    POOL_LOCK.lock();
    unsafe {
        let b = if FREE_BATCHES.is_null() {
            persistent::alloc(core::mem::size_of::<Batch>(), 8, false) as *mut Batch
        } else {
            let b = FREE_BATCHES;
            FREE_BATCHES = (*b).next;
            b
        };
        let k = BATCH.min(w.n);
        w.n -= k;
        core::ptr::copy_nonoverlapping(w.stack.add(w.n), (*b).items.as_mut_ptr(), k);
        (*b).n = k;
        (*b).next = POOL;
        POOL = b;
    }
    POOL_LOCK.unlock();
}

/// Refill an empty `w` from the pool; false when marking is over.
fn refill(w: &mut Worker) -> bool {
    let mut idle = false;
    let mut spins = 0u32;
    loop {
        POOL_LOCK.lock();
        unsafe {
            let b = POOL;
            if !b.is_null() {
                POOL = (*b).next;
                core::ptr::copy_nonoverlapping((*b).items.as_ptr(), w.stack, (*b).n);
                w.n = (*b).n;
                (*b).next = FREE_BATCHES;
                FREE_BATCHES = b;
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
            let over = IDLE.load(Ordering::Relaxed) == NWORKERS;
            POOL_LOCK.unlock();
            if over {
                return false;
            }
        }
        // Wait for work to be shared; give the CPU away while waiting.
        spins += 1;
        if spins < 8 {
            for _ in 0..64 {
                arch::cpu_relax();
            }
        } else {
            sys::osyield();
        }
    }
}

fn drain(w: &mut Worker) {
    loop {
        while w.n > 0 {
            w.n -= 1;
            let obj = unsafe { *w.stack.add(w.n) };
            scan_object(w, obj);
            if w.n > SHARE_AT && IDLE.load(Ordering::Relaxed) > 0 {
                share(w);
            }
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

/// Scan a marked object with pointers.
fn scan_object(w: &mut Worker, obj: usize) {
    let s = unsafe { &*mheap::span_of(obj) };
    let size = s.elemsize;
    if s.state != ST_LARGE && size <= HEAPBITS_MAX {
        scan_heap_bits(w, s, obj, size);
        return;
    }
    let idx = if s.state == ST_LARGE {
        0
    } else {
        s.slot(obj - s.base)
    };
    let shape = s.bits[idx] as *const u8;
    if shape == CONSERVATIVE {
        scan_conservative(w, obj, obj + size);
        return;
    }
    scan_shape(w, obj, size, shape);
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
