//! Goroutine stacks.
//!
//! Every compiled function starts with a stack check: `if sp <
//! g.stackguard0 { call goc_morestack }` (frames bigger than
//! `goc_abi::g::STACK_GUARD` compare `sp - framesize`). `stackguard0` sits
//! `STACK_GUARD` (64 KiB) above the lowest usable address, so after a check
//! fails there is still room for the runtime's own frames: printing the fatal
//! error, the signal handler's bookkeeping.
//!
//! Today a stack is one fixed reservation: the main goroutine's stack is a
//! 1 GiB `MAP_NORESERVE` mapping (Go's maximum stack is 1 GB), so deep
//! recursion works without growth and pages are only committed when
//! touched. Below it is one PROT_NONE guard page. Hitting the guard is
//! therefore always fatal: Go's "goroutine stack exceeds 1000000000-byte
//! limit". Other goroutines get 1 MiB (`proc::GOROUTINE_STACK`) from a
//! pool (below) until stacks grow by copying; overflowing one reports the
//! same error.
//!
//! The seam for growable stacks: `goc_morestack` is an ordinary C-ABI call
//! with no arguments from the prologue of the function that needs more
//! stack. When stacks grow by copying it will (on the system stack) allocate
//! a stack twice as large, copy the used part, adjust frame pointers and the
//! pointers into the old stack found through the stack maps, switch sp/fp to
//! the new copy and return into the prologue, which then proceeds with the
//! new stack. Preemption requests (stackguard0 poisoned with
//! `STACKGUARD_PREEMPT`) arrive through the same call.

use crate::{arch, print, proc, sys};
use goc_abi::g::{MAX_STACK, STACKGUARD_PREEMPT, STACK_GUARD};
use print::Sink;

pub const PAGE: usize = 4096;
/// Bytes reserved for the main goroutine's stack (plus one guard page).
pub const MAIN_STACK_SIZE: usize = 1 << 30;

/// Reserve a stack: returns (lo, hi), usable addresses `lo..hi`, with a
/// PROT_NONE page below `lo`.
pub fn alloc(size: usize) -> (usize, usize) {
    let total = size + PAGE;
    let base = match sys::mmap_anon(total, sys::PROT_READ | sys::PROT_WRITE, sys::MAP_NORESERVE) {
        Some(p) => p,
        None => crate::panic::throw("out of memory allocating goroutine stack"),
    };
    sys::mprotect(base, PAGE, sys::PROT_NONE);
    let lo = base as usize + PAGE;
    (lo, lo + size)
}

/// Goroutine stacks are carved from large `MAP_NORESERVE` reservations
/// (`STACKS_PER_CHUNK` at a time) without guard pages between them, so a
/// million goroutines need a few thousand mappings, not two million: every
/// compiled function checks the stack guard in its prologue, which is
/// what keeps a goroutine inside its stack. Pages are committed when
/// touched; stacks of dead goroutines are reused with their G.
const STACKS_PER_CHUNK: usize = 64;
static POOL: crate::lock::Mutex = crate::lock::Mutex::new();
static mut POOL_NEXT: usize = 0;
static mut POOL_END: usize = 0;

/// A goroutine stack of `size` bytes (a power of two): returns (lo, hi).
pub fn alloc_goroutine_stack(size: usize) -> (usize, usize) {
    POOL.lock();
    unsafe {
        if POOL_NEXT == POOL_END {
            let len = size * STACKS_PER_CHUNK;
            let base =
                match sys::mmap_anon(len, sys::PROT_READ | sys::PROT_WRITE, sys::MAP_NORESERVE) {
                    Some(p) => p as usize,
                    None => crate::panic::throw("out of memory allocating goroutine stack"),
                };
            POOL_NEXT = base;
            POOL_END = base + len;
        }
        let lo = POOL_NEXT;
        POOL_NEXT += size;
        POOL.unlock();
        (lo, lo + size)
    }
}

/// Fill in `g`'s stack fields for a stack `lo..hi`.
pub fn init_g(g: &mut proc::G, lo: usize, hi: usize) {
    g.stack_lo = lo as u64;
    g.stack_hi = hi as u64;
    g.stackguard0 = lo as u64 + STACK_GUARD;
}

/// Called by a compiled prologue when `sp < g.stackguard0`.
#[no_mangle]
pub extern "C" fn goc_morestack() {
    let sp = arch::sp();
    let g = unsafe { &mut *proc::curg_ptr() };
    if unsafe { core::ptr::read_volatile(&g.stackguard0) } == STACKGUARD_PREEMPT
        || unsafe { core::ptr::read_volatile(&g.poll) } != 0
    {
        // A preemption request (sysmon.rs): yield, then carry on.
        proc::gopreempt();
        return;
    }
    overflow(sp, g)
}

/// Report a goroutine stack overflow and die (Go's wording).
pub fn overflow(sp: usize, g: &proc::G) -> ! {
    print::with(|s| {
        s.put(b"runtime: goroutine stack exceeds ");
        print::put_uint(s, MAX_STACK);
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
