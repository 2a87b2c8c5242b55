//! Goroutine stacks: small at first, grown and shrunk by copying.
//!
//! Layout of a goroutine stack `[lo, hi)`: frames grow down from `hi`;
//! `stackguard0 = lo + STACK_GUARD` (goc_abi::g); the word at `lo` holds
//! `CANARY`. Every compiled function checks, after its prologue, `sp <
//! stackguard0` (big-frame wrappers: `sp - need`) and calls
//! `goc_morestack(need)` when it fails. The guard area below `stackguard0`
//! is the budget of the runtime code compiled code calls on this stack
//! (anything deeper runs on the system stack, [`systemstack`]) and the
//! place where a failed check's frame may lie: compiled frames are at most
//! `SMALL_FRAME` bytes, bigger ones are checked by a wrapper first. The
//! canary tells when runtime code overran the guard area: checked when
//! the stack grows and when its goroutine parks.
//!
//! `goc_morestack` (arch) switches to the M's system stack at once, so a
//! failed check writes nothing below its frame but (x86_64) the return
//! address, saves the callee-saved registers there and calls
//! [`goc_newstack`]. If the stack is short it moves the goroutine to a
//! stack at least twice as large ([`copystack`]) and returns; the
//! trampoline reloads the (adjusted) registers, switches to the new stack
//! and continues in [`goc_morestack_tail`], which yields if a preemption
//! was asked for (stackguard0 poisoned) and returns into the prologue.
//!
//! What copying adjusts (`delta` = new hi - old hi): every aligned word of
//! the used part, and every register the trampoline saved, whose value lies
//! in the old stack — compiled frames' pointer slots, frame-pointer links,
//! callee-saved registers saved in frames, defer frames, the runtime's own
//! frames and records on the stack (panics) — and the records outside it
//! that point in: `g.panic`, the defer records' frames and closures (a
//! deferred closure may live in its function's frame), `g.sched_sp`,
//! `g.param`.
//! The adjustment is by value, not by type: Cranelift may keep a frame
//! address it computed in a register or spill slot the stack maps do not
//! describe, and runtime frames have no maps, so a word that merely looks
//! like an address of the old stack is moved too (an integer equal to such
//! an address is the only thing that could be wrong; Go's `uintptr` of a
//! stack address is not kept valid across moves by Go either). Pointers
//! into a stack from elsewhere exist only while its goroutine is parked
//! in a channel or select (sudogs); such goroutines are never moved.
//!
//! Shrinking: with the world stopped for a collection, a goroutine parked
//! by a preemption, a yield or a sleep that uses under a quarter of its
//! stack moves to one half the size (never below `STACK_MIN`).
//!
//! Allocation: stacks of `STACK_MIN << k` bytes, k < `NORDERS`, are carved
//! from `CHUNK`-byte `MAP_NORESERVE` reservations and recycled through a
//! per-P cache and a global pool (pages are committed when touched).
//! Larger stacks are mappings of their own, returned to the kernel when
//! freed. Stacks of dead goroutines stay with their G if they are of the
//! minimum size. The largest stack is `MAX_STACK` (1 GB, or
//! runtime/debug.SetMaxStack's value); past it Go's "stack overflow".
//!
//! System stacks (of Ms, sysmon, mark workers) are fixed mappings with a
//! PROT_NONE guard page below ([`alloc`]); a fault in it is reported as a
//! stack overflow by the signal handler.

use crate::proc::{self, G, P};
use crate::{arch, print, sys};
use core::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use goc_abi::g::{MAX_STACK, STACKGUARD_PREEMPT, STACK_GUARD, STACK_MIN};
use print::Sink;

pub const PAGE: usize = 4096;
const MIN: usize = STACK_MIN as usize;
const GUARD: usize = STACK_GUARD as usize;
/// Written at `lo` of every goroutine stack; overwritten means overrun.
const CANARY: usize = 0x5afe_57ac_c0de_f00d;

/// Reserve a system stack: returns (lo, hi), usable addresses `lo..hi`,
/// with a PROT_NONE page below `lo`.
pub fn alloc(size: usize) -> (usize, usize) {
    let total = size + PAGE;
    let base = match sys::mmap_anon(total, sys::PROT_READ | sys::PROT_WRITE, sys::MAP_NORESERVE) {
        Some(p) => p,
        None => crate::panic::throw("out of memory allocating a system stack"),
    };
    sys::mprotect(base, PAGE, sys::PROT_NONE);
    let lo = base as usize + PAGE;
    (lo, lo + size)
}

// ---- goroutine stack allocation ----

/// Size orders kept on free lists: 2, 4, 8 and 16 KiB.
const NORDERS: usize = 4;
/// Bytes reserved at a time for small stacks.
const CHUNK: usize = 256 << 10;
/// Stacks of one order a P keeps; past it half go to the global pool.
const CACHE_MAX: u32 = 32;

/// A P's free stacks, by order, linked through their first word. P slots
/// start zeroed, which is an empty cache.
pub struct Cache {
    list: [usize; NORDERS],
    count: [u32; NORDERS],
}

struct Pool {
    list: [usize; NORDERS],
    chunk_next: usize,
    chunk_end: usize,
}

static POOL_LOCK: crate::lock::Mutex = crate::lock::Mutex::new();
static mut POOL: Pool = Pool {
    list: [0; NORDERS],
    chunk_next: 0,
    chunk_end: 0,
};
/// The stack size limit (runtime/debug.SetMaxStack).
static MAX_SIZE: AtomicUsize = AtomicUsize::new(MAX_STACK as usize);
/// GOCDEBUG=stackmove=1: every morestack moves the stack, needed or not
/// (for tests of what copying adjusts).
static mut STRESS: bool = false;

pub fn set_stress() {
    unsafe { STRESS = true };
}

fn order(size: usize) -> Option<usize> {
    let k = (size / MIN).trailing_zeros() as usize;
    (k < NORDERS).then_some(k)
}

/// A stack of `size` bytes (`STACK_MIN` times a power of two): its `lo`.
/// `p` is the caller's P (its cache is used), or null.
pub fn stackalloc(p: *mut P, size: usize) -> usize {
    let lo = match order(size) {
        Some(k) => unsafe {
            match p.as_mut() {
                Some(p) => {
                    if p.stackcache.count[k] == 0 {
                        refill(&mut p.stackcache, k);
                    }
                    pop_cached(&mut p.stackcache, k)
                }
                None => {
                    POOL_LOCK.lock();
                    let lo = pool_get(k);
                    POOL_LOCK.unlock();
                    lo
                }
            }
        },
        None => match sys::mmap_anon(size, sys::PROT_READ | sys::PROT_WRITE, sys::MAP_NORESERVE) {
            Some(m) => m as usize,
            None => crate::panic::throw("out of memory allocating goroutine stack"),
        },
    };
    unsafe { *(lo as *mut usize) = CANARY };
    if unsafe { GUARD_CHECK } {
        poison_guard(lo + 8, lo + GUARD);
    }
    lo
}

/// Give back the stack `[lo, lo + size)`.
pub fn stackfree(p: *mut P, lo: usize, size: usize) {
    let Some(k) = order(size) else {
        sys::munmap(lo as *mut u8, size);
        return;
    };
    unsafe {
        match p.as_mut() {
            Some(p) => {
                let c = &mut p.stackcache;
                *(lo as *mut usize) = c.list[k];
                c.list[k] = lo;
                c.count[k] += 1;
                if c.count[k] >= CACHE_MAX {
                    POOL_LOCK.lock();
                    while c.count[k] > CACHE_MAX / 2 {
                        let s = pop_cached(c, k);
                        pool_put(k, s);
                    }
                    POOL_LOCK.unlock();
                }
            }
            None => {
                POOL_LOCK.lock();
                pool_put(k, lo);
                POOL_LOCK.unlock();
            }
        }
    }
}

unsafe fn pop_cached(c: &mut Cache, k: usize) -> usize {
    let s = c.list[k];
    c.list[k] = *(s as *const usize);
    c.count[k] -= 1;
    s
}

/// Move half a cache's worth of order `k` stacks from the pool to `c`.
unsafe fn refill(c: &mut Cache, k: usize) {
    POOL_LOCK.lock();
    while c.count[k] < CACHE_MAX / 2 {
        let s = pool_get(k);
        *(s as *mut usize) = c.list[k];
        c.list[k] = s;
        c.count[k] += 1;
    }
    POOL_LOCK.unlock();
}

/// A free stack of order `k` (POOL_LOCK held).
unsafe fn pool_get(k: usize) -> usize {
    let pool = &mut *core::ptr::addr_of_mut!(POOL);
    let s = pool.list[k];
    if s != 0 {
        pool.list[k] = *(s as *const usize);
        return s;
    }
    let size = MIN << k;
    if pool.chunk_next + size > pool.chunk_end {
        // The rest of the old chunk goes to the pool in minimum stacks.
        while pool.chunk_next + MIN <= pool.chunk_end {
            pool_put(0, pool.chunk_next);
            pool.chunk_next += MIN;
        }
        let base = match sys::mmap_anon(CHUNK, sys::PROT_READ | sys::PROT_WRITE, sys::MAP_NORESERVE)
        {
            Some(m) => m as usize,
            None => crate::panic::throw("out of memory allocating goroutine stack"),
        };
        pool.chunk_next = base;
        pool.chunk_end = base + CHUNK;
    }
    let s = pool.chunk_next;
    pool.chunk_next += size;
    s
}

unsafe fn pool_put(k: usize, s: usize) {
    let pool = &mut *core::ptr::addr_of_mut!(POOL);
    *(s as *mut usize) = pool.list[k];
    pool.list[k] = s;
}

/// Give `g` a new minimum stack.
pub fn init_g(g: &mut G, p: *mut P) {
    let lo = stackalloc(p, MIN);
    set_stack(g, lo, lo + MIN);
}

/// Free `g`'s stack if it is not of the minimum size (a dead G keeps only
/// a minimum stack); returns whether it did.
pub fn release_big(g: &mut G, p: *mut P) -> bool {
    let size = (g.stack_hi - g.stack_lo) as usize;
    if size == MIN {
        return false;
    }
    stackfree(p, g.stack_lo as usize, size);
    g.stack_lo = 0;
    g.stack_hi = 0;
    true
}

fn set_stack(g: &mut G, lo: usize, hi: usize) {
    g.stack_lo = lo as u64;
    g.stack_hi = hi as u64;
    // Keep a preemption request made meanwhile (sysmon writes the poison
    // without a lock).
    let guard = unsafe { AtomicU64::from_ptr(&mut g.stackguard0) };
    let cur = guard.load(Ordering::Acquire);
    if cur != STACKGUARD_PREEMPT {
        let _ = guard.compare_exchange(
            cur,
            (lo + GUARD) as u64,
            Ordering::AcqRel,
            Ordering::Acquire,
        );
    }
}

/// Throw if runtime code overran `g`'s guard area.
pub fn check_canary(g: &G) {
    if g.stack_lo != 0 && unsafe { *(g.stack_lo as *const usize) } != CANARY {
        crate::panic::throw("runtime: stack overrun into the guard area (runtime frames too deep)");
    }
}

// ---- GOCDEBUG=stackguard=1: how deep runtime code reaches ----
//
// The guard area of every stack is filled with `GUARD_POISON`; when a
// goroutine parks (on its own stack) or exits, the lowest overwritten word
// tells how deep runtime code went since the area was last filled, and
// less than `GUARD_MARGIN` bytes left is a fatal error. Parking refills the
// area below its own frames. Run the test suites with it to check that
// the runtime's paths fit the budget with room to spare.

static mut GUARD_CHECK: bool = false;
const GUARD_POISON: usize = 0x9a4d_9a4d_9a4d_9a4d;
/// Bytes of the guard area that must stay untouched: room for the x86_64
/// red zone and for paths the tests did not take.
const GUARD_MARGIN: usize = 256;

pub fn set_guard_check() {
    unsafe { GUARD_CHECK = true };
}

fn poison_guard(from: usize, to: usize) {
    let mut a = from & !7;
    while a < to {
        unsafe { core::ptr::write_volatile(a as *mut usize, GUARD_POISON) };
        a += 8;
    }
}

/// With GOCDEBUG=stackguard=1: check how much of `g`'s guard area runtime
/// code used; `refill_below`, if not 0, is a stack pointer on `g`'s stack
/// below which the area is filled again.
pub fn check_guard(g: &G, refill_below: usize) {
    if !unsafe { GUARD_CHECK } || g.stack_lo == 0 {
        return;
    }
    let lo = g.stack_lo as usize;
    let mut a = lo + 8;
    while a < lo + GUARD && unsafe { core::ptr::read_volatile(a as *const usize) } == GUARD_POISON {
        a += 8;
    }
    if a - lo < GUARD_MARGIN {
        print::with(|s| {
            s.put(b"runtime: runtime frames reached ");
            print::put_uint(s, (lo + GUARD - a) as u64);
            s.put(b" bytes into the stack's guard area\n");
        });
        crate::panic::throw("stack guard area nearly exhausted");
    }
    if refill_below != 0 {
        poison_guard(lo + 8, (refill_below - 128).min(lo + GUARD));
    }
}

// ---- growth ----

/// Called (on the system stack) by the `goc_morestack` trampoline with the
/// `need` a prologue asked for and the registers it saved:
/// `arch::MORESTACK_WORDS` words, `block[arch::MORESTACK_SP]` the stack
/// pointer at the call. Moves the goroutine to a larger stack if it is
/// short, adjusting the block; a preemption request is left to
/// [`goc_morestack_tail`].
#[no_mangle]
pub unsafe extern "C" fn goc_newstack(need: usize, block: *mut usize) {
    let g = &mut *proc::curg_ptr();
    let block = core::slice::from_raw_parts_mut(block, arch::MORESTACK_WORDS);
    let sp = block[arch::MORESTACK_SP];
    check_canary(g);
    let lo = g.stack_lo as usize;
    let old = (g.stack_hi - g.stack_lo) as usize;
    if sp >= lo + GUARD + need {
        if STRESS {
            copystack(g, (*proc::getm()).p, old, sp, block);
        }
        return;
    }
    let used = g.stack_hi as usize - sp;
    let mut size = old * 2;
    while size < used + need + GUARD {
        size *= 2;
    }
    if size > MAX_SIZE.load(Ordering::Relaxed) {
        overflow(sp, g);
    }
    copystack(g, (*proc::getm()).p, size, sp, block);
}

/// Reached from the trampoline on the (maybe new) stack, as if called by
/// the prologue: honour a preemption request, then return into it.
#[no_mangle]
pub extern "C" fn goc_morestack_tail() {
    let g = unsafe { &*proc::curg_ptr() };
    if unsafe { core::ptr::read_volatile(&g.stackguard0) } == STACKGUARD_PREEMPT
        || unsafe { core::ptr::read_volatile(&g.poll) } != 0
    {
        proc::gopreempt();
    }
}

/// Move `g`, whose innermost used address is `sp`, to a new stack of
/// `size` bytes; `regs` are saved register values to adjust with it.
unsafe fn copystack(g: &mut G, p: *mut P, size: usize, sp: usize, regs: &mut [usize]) {
    let (old_lo, old_hi) = (g.stack_lo as usize, g.stack_hi as usize);
    let new_lo = stackalloc(p, size);
    let new_hi = new_lo + size;
    let delta = new_hi.wrapping_sub(old_hi);
    let used = old_hi - sp;
    let moved = |w: usize| -> usize {
        if (old_lo..old_hi).contains(&w) {
            w.wrapping_add(delta)
        } else {
            w
        }
    };
    core::ptr::copy_nonoverlapping(sp as *const u8, (new_hi - used) as *mut u8, used);
    let words = core::slice::from_raw_parts_mut((new_hi - used) as *mut usize, used / 8);
    for w in words.iter_mut() {
        *w = moved(*w);
    }
    for r in regs.iter_mut() {
        *r = moved(*r);
    }
    g.panic = moved(g.panic as usize) as u64;
    g.sched_sp = moved(g.sched_sp as usize) as u64;
    g.sched_bp = moved(g.sched_bp as usize) as u64;
    // A woken goroutine's sudog may be a frame object.
    g.param = moved(g.param);
    let mut d = g.defers as *mut crate::defers::Defer;
    while let Some(r) = d.as_mut() {
        r.frame = moved(r.frame);
        // The closure object of a deferred call may be a frame object.
        r.func = moved(r.func);
        d = r.link;
    }
    set_stack(g, new_lo, new_hi);
    stackfree(p, old_lo, old_hi - old_lo);
}

/// With the world stopped: move `g` to a stack half the size if it uses
/// less than a quarter of its own and nothing outside it points in.
pub fn maybe_shrink(g: &mut G) {
    use proc::{WaitReason, G_RUNNABLE, G_WAITING};
    let size = (g.stack_hi - g.stack_lo) as usize;
    let sp = g.sched_sp as usize;
    if size <= MIN || sp == 0 || !(g.stack_lo as usize..g.stack_hi as usize).contains(&sp) {
        return;
    }
    let parked = match g.status.load(Ordering::Acquire) {
        G_RUNNABLE => matches!(g.waitreason, WaitReason::None),
        G_WAITING => matches!(g.waitreason, WaitReason::Sleep),
        _ => false,
    };
    // Not while a panic runs: stress/panic_storm at GOMAXPROCS=8 crashed
    // (a recovery into a freed defer record, ~2% of runs) when goroutines
    // preempted inside deferred calls of a panic were shrunk; not yet
    // understood (growth in the same places is fine), so left out.
    if !parked || g.panic != 0 || !g.waiting.is_null() || g.stack_hi as usize - sp >= size / 4 {
        return;
    }
    unsafe { copystack(g, core::ptr::null_mut(), size / 2, sp, &mut []) };
}

/// runtime/debug.SetMaxStack: set the limit, return the previous one.
#[no_mangle]
pub extern "C" fn goc_pkg_runtime_debug_SetMaxStack(n: i64) -> i64 {
    MAX_SIZE.swap(n.max(0) as usize, Ordering::Relaxed) as i64
}

/// Report a goroutine stack overflow and die (Go's wording).
pub fn overflow(sp: usize, g: &G) -> ! {
    print::with(|s| {
        s.put(b"runtime: goroutine stack exceeds ");
        print::put_uint(s, MAX_SIZE.load(Ordering::Relaxed) as u64);
        s.put(b"-byte limit\nruntime: sp=");
        print::put_hex(s, sp as u64);
        s.put(b" stack=[");
        print::put_hex(s, g.stack_lo);
        s.put(b", ");
        print::put_hex(s, g.stack_hi);
        s.put(b"]\n");
    });
    crate::panic::fatal(b"stack overflow", Some("runtime.morestack()\n"))
}

extern "C" {
    fn goc_morestack(need: usize);
}

/// Called by runtime code before it calls compiled code: grow the stack
/// if the runtime's frames reach below the guard. Compiled code always
/// calls with `sp >= stackguard0`, which is what lets a callee whose check
/// fails have its frame (at most `SMALL_FRAME`) inside the guard area.
#[inline(always)]
pub fn ensure_for_go() {
    if cfg!(test) {
        return;
    }
    let g = proc::curg_ptr();
    if g.is_null() {
        return;
    }
    let sp = arch::sp() as u64;
    let lo = unsafe { (*g).stack_lo };
    if (lo..lo + STACK_GUARD).contains(&sp) {
        unsafe { goc_morestack(0) };
    }
}

/// A fault in the guard page of an M's system stack.
pub fn system_overflow(sp: usize, lo: usize, hi: usize) -> ! {
    print::with(|s| {
        s.put(b"runtime: system stack overflow\nruntime: sp=");
        print::put_hex(s, sp as u64);
        s.put(b" stack=[");
        print::put_hex(s, lo as u64);
        s.put(b", ");
        print::put_hex(s, hi as u64);
        s.put(b"]\n");
    });
    crate::panic::fatal(b"stack overflow", Some("runtime.morestack()\n"))
}

// ---- the system stack ----

/// Whether this code runs on a system stack (not the current goroutine's).
pub fn on_system_stack() -> bool {
    // Host unit tests have no Ms (and fs:[0] is libc's).
    if cfg!(test) {
        return true;
    }
    let g = proc::curg_ptr();
    if g.is_null() {
        return true;
    }
    let sp = arch::sp() as u64;
    let g = unsafe { &*g };
    !(g.stack_lo..g.stack_hi).contains(&sp)
}

/// Run `f` on the M's system stack (g0), for runtime code too deep for a
/// goroutine's guard area. `f` must not park the goroutine. While it runs
/// `g.sched_sp` holds a context like a parked goroutine's, from which the
/// collector scans the goroutine's stack.
pub fn systemstack<R, F: FnOnce() -> R>(f: F) -> R {
    let mut call = Call::<R, F> {
        f: Some(f),
        out: None,
    };
    let arg = &mut call as *mut Call<R, F> as usize;
    // `f` is never inlined here: its frame may be what needs the room.
    if on_system_stack() {
        run::<R, F>(arg);
    } else {
        unsafe { arch::systemstack(run::<R, F>, arg) };
    }
    match call.out {
        Some(r) => r,
        None => crate::panic::throw("systemstack: the call did not run"),
    }
}

struct Call<R, F> {
    f: Option<F>,
    out: Option<R>,
}

#[inline(never)]
extern "C" fn run<R, F: FnOnce() -> R>(arg: usize) {
    let c = unsafe { &mut *(arg as *mut Call<R, F>) };
    if let Some(f) = c.f.take() {
        c.out = Some(f());
    }
}
