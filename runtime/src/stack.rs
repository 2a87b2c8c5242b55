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
//! limit".
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
    let g = unsafe { &mut *proc::CURG };
    if g.stackguard0 == STACKGUARD_PREEMPT {
        // A preemption request: there is no scheduler to yield to yet, so
        // just restore the guard and carry on.
        g.stackguard0 = g.stack_lo + STACK_GUARD;
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
