//! Deferred calls.
//!
//! `defer f(a, b)` in a function F is compiled to a closure that binds the
//! already evaluated `f`, `a` and `b` and makes the call, and a call
//! `goc_deferproc(frame, closure)`. `frame` is F's *defer frame*: memory
//! in F's stack frame that `goc_deferframe` filled at F's entry (see
//! goc_abi::defers and arch/). Its address identifies the activation of F.
//!
//! Each goroutine keeps its pending deferred calls in one chain hung off
//! the G (`g.defers`), newest first. A record is heap-allocated (so stack
//! copying, when it comes, has no chain pointers to fix) and holds the
//! closure and the defer frame of the function that deferred it.
//!
//! Invariants:
//! * The records of one activation are contiguous at the head of the chain
//!   while that activation runs: a function only returns (normally, or by
//!   being abandoned when a panic unwinds through it) once every record it
//!   pushed has been popped. Normal returns call `goc_deferreturn(frame)`,
//!   which pops and calls the head records carrying `frame`; a panic pops
//!   and calls records from the head, innermost frames first.
//! * A record is popped *before* its call is made, as Go does since 1.22: a
//!   deferred call that panics, or that runs into a recovery, is never run
//!   twice, and whatever runs next (the rest of a deferreturn, a nested
//!   panic) simply continues with the chain as it is.
//! * A popped record goes to its goroutine's pool (`g.deferpool`, touched
//!   only by that goroutine, like the chain) with its closure cleared, and
//!   `goc_deferproc` takes records from there first: a goroutine allocates
//!   as many records as it ever has pending at once.
//!
//! Calling a deferred function: `arch::call_deferred` makes the call from a
//! frame of its own, with the g register loaded with the current G (Rust code may
//! hold anything in r15 / x21), and can record that frame's frame pointer:
//! a panic does, so that `recover()` can tell it is called directly by a
//! deferred call of that panic (panic.rs).
//!
//! Stack copying (stack.rs) adjusts, in every record of a goroutine, the
//! frame (a stack address) and the closure pointer, which points into the
//! deferring frame when the compiler put the closure object there (a
//! `defer` that runs at most once per activation).
//!
//! Rejected: open-coded defers (Go inlines up to 8 defers per frame as
//! bits in the frame, with no record at all). They need a per-function
//! table for panics to find the frame's closures; heap records keep the
//! compiler simple and cost one allocation per defer, which is fine until
//! the collector and benchmarks say otherwise.

use crate::{arch, malloc, proc};

/// One pending deferred call.
#[repr(C)]
pub struct Defer {
    /// The next older record.
    pub link: *mut Defer,
    /// The defer frame of the function that deferred the call.
    pub frame: usize,
    /// The closure object to call (a `func()` value).
    pub func: usize,
}

fn head() -> *mut Defer {
    match proc::curg() {
        Some(g) => g.defers as *mut Defer,
        None => core::ptr::null_mut(),
    }
}

fn set_head(d: *mut Defer) {
    let g = proc::curg_ptr();
    if !g.is_null() {
        unsafe { (*g).defers = d as u64 };
    }
}

/// Pop the newest record if it belongs to `frame` (any frame when `frame`
/// is `None`), returning (its frame, its closure); the record goes back to
/// the goroutine's pool.
pub fn pop(frame: Option<usize>) -> Option<(usize, usize)> {
    let g = proc::curg_ptr();
    let d = head();
    if d.is_null() || g.is_null() {
        return None;
    }
    unsafe {
        let (df, func) = ((*d).frame, (*d).func);
        if frame.is_some_and(|f| f != df) {
            return None;
        }
        set_head((*d).link);
        d.write(Defer {
            link: (*g).deferpool,
            frame: 0,
            func: 0,
        });
        (*g).deferpool = d;
        Some((df, func))
    }
}

/// Call a deferred closure (null: a deferred nil function value, which
/// panics now, as Go's does when the deferred call is made). `argp_out`,
/// when not null, receives the frame pointer the callee will see as its
/// caller's; `resume`, when not 0, a defer frame that makes this call
/// return (see `arch::call_deferred`).
///
/// # Safety
/// `func` must be null or a closure object of a compiled `func()`;
/// `argp_out` null or writable; `resume` 0 or a defer-frame buffer.
pub unsafe fn call(func: usize, argp_out: *mut usize, resume: usize) {
    if func == 0 {
        crate::panic::nil_deref_panic(None);
    }
    crate::stack::ensure_for_go();
    let g = proc::curg_ptr() as usize;
    arch::call_deferred(func, g, argp_out, resume)
}

/// `defer`: push `func` (a non-nil or nil `func()` value) for the function
/// whose defer frame is `frame`.
///
/// # Safety
/// `frame` must be the caller's defer frame.
#[no_mangle]
pub unsafe extern "C" fn goc_deferproc(frame: usize, func: usize) {
    let g = proc::curg_ptr();
    let d = if !g.is_null() && !(*g).deferpool.is_null() {
        let d = (*g).deferpool;
        (*g).deferpool = (*d).link;
        d
    } else {
        malloc::alloc(core::mem::size_of::<Defer>(), 8) as *mut Defer
    };
    d.write(Defer {
        link: head(),
        frame,
        func,
    });
    set_head(d);
}

/// On every return path of a function with `defer`: run its pending
/// deferred calls, newest first.
///
/// # Safety
/// `frame` must be the caller's defer frame.
#[no_mangle]
pub unsafe extern "C" fn goc_deferreturn(frame: usize) {
    while let Some((_, f)) = pop(Some(frame)) {
        call(f, core::ptr::null_mut(), 0);
    }
}

/// `runtime.Goexit`: run every pending deferred call of the goroutine,
/// newest first, under a goexit record (so `recover()` returns nil in
/// them), then end the goroutine through the scheduler. A panic raised by
/// one of them is an ordinary panic; when a deferred call recovers it and
/// the frame to resume lies beyond the Goexit, the Goexit goes on with the
/// next deferred call instead, as in Go (panic.rs, `recovery`).
#[no_mangle]
pub extern "C" fn goc_goexit() -> ! {
    crate::panic::goexit_run_defers();
    crate::proc::goc_goexit1()
}
