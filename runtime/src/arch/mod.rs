//! Architecture seam.
//!
//! Everything that needs assembly or differs between instruction sets lives
//! behind this module, one file per architecture (x86_64.rs, aarch64.rs).
//! The rest of the runtime is written against the contract below and never
//! uses `asm!` itself. Both architectures keep frame records of the same
//! shape (`[fp] = caller's fp`, `[fp+8] = return address`), which the
//! tracebacks rely on.
//!
//! Contract each `arch/<isa>.rs` must provide:
//!
//! * `_start` (global asm): the ELF entry point. On entry the kernel's
//!   initial stack holds `argc, argv[..], 0, envp[..], 0, auxv pairs`. It
//!   must clear the frame pointer, pass the address of `argc` as the first
//!   argument to `crate::entry::goc_rt0` with a 16-byte aligned stack, and
//!   never return.
//! * `syscall0..syscall6(nr, args..) -> isize`: raw Linux system calls;
//!   negative results in -4095..-1 are `-errno`.
//! * `SYS_*` constants: the system call numbers the runtime uses (they differ
//!   between architectures).
//! * `run_on_stack(g, sp, f) -> !`: switch the stack pointer to `sp`
//!   (16-byte aligned top of a fresh stack), load the g register with `g`,
//!   clear the frame pointer, and call `f`, which never returns.
//! * `sigreturn_trampoline() -> usize`: address of code calling
//!   rt_sigreturn, for `sa_restorer`.
//! * `UCTX_PC`, `UCTX_SP`, `UCTX_FP`, `UCTX_G`: byte offsets in the kernel's
//!   `ucontext_t` of the interrupted pc, sp, frame pointer and g register.
//! * `copy_forward`, `copy_backward`, `fill`: byte loops the compiler cannot
//!   turn back into calls to memcpy/memset (they implement those).
//! * `sp()`, `fp()`: current stack and frame pointer.
//! * `goc_deferframe` (global asm, called by compiled code),
//!   `recovery_jump(frame) -> !`, `call_deferred(fn, g, argp_out, resume)`: the
//!   setjmp-like defer frame, the jump back into it after a recovery, and
//!   the call of a deferred function value from a frame of its own (see
//!   `defers.rs`).
//! * `push_call(uctx, target, g)`: rewrite a signal context so that it
//!   resumes in `target` as if the faulting instruction had called it.
//! * `goc_swapctx(save, to)` (global asm): push the callee-saved registers
//!   (the g register among them), store sp in `*save`, load sp from `to`,
//!   pop and return: the context switch behind [`swap`].
//! * `new_context(hi, g, fnval) -> sp`: a first context on a fresh stack
//!   that `goc_swapctx` resumes into `goc_gostart`, which calls the closure
//!   `fnval` with the g register set, then `proc::goc_goexit1`.
//! * `goc_clone(flags, child_sp, tls) -> tid` (global asm): clone(2) whose
//!   child pops `arg, entry` off its new stack and calls `entry(arg)`;
//!   behind [`start_thread`].
//! * `set_tls`, `tls()`: the thread pointer (fs / tpidr_el0) that points
//!   at the thread's M; `cpu_relax()` for spin loops.
//! * `goc_morestack(need)` (global asm, called by compiled prologues and
//!   `stack::ensure_for_go`): switch to the M's system stack, save the
//!   callee-saved registers and sp in a block of `MORESTACK_WORDS` words
//!   (sp at `MORESTACK_SP`), call `stack::goc_newstack(need, block)`,
//!   reload the block, switch to its sp and jump to
//!   `stack::goc_morestack_tail` (see stack.rs).
//! * `goc_systemstack(f, arg)` (global asm, behind [`systemstack`]): save a
//!   context like `goc_swapctx`'s in `g.sched_sp`, call `f(arg)` on the
//!   M's system stack (below `m.g0_sp`), switch back.

#[cfg(target_arch = "x86_64")]
mod x86_64;
#[cfg(target_arch = "x86_64")]
pub use self::x86_64::*;

#[cfg(target_arch = "aarch64")]
mod aarch64;
#[cfg(target_arch = "aarch64")]
pub use self::aarch64::*;

#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
compile_error!("goc runtime: this architecture has no arch/ module yet");

extern "C" {
    fn goc_swapctx(save: *mut usize, to: usize);
    fn goc_clone(flags: usize, child_sp: usize, tls: usize) -> isize;
    fn goc_systemstack(f: extern "C" fn(usize), arg: usize);
}

/// Save the current context in `*save` and resume the one saved in `to`.
///
/// # Safety
/// `to` must be a context saved by `swap` or made by `new_context`.
#[inline(always)]
pub unsafe fn swap(save: *mut usize, to: usize) {
    goc_swapctx(save, to)
}

/// Call `f(arg)` on the current M's system stack (see stack.rs).
///
/// # Safety
/// A goroutine must be running on its own stack on this M.
#[inline(always)]
pub unsafe fn systemstack(f: extern "C" fn(usize), arg: usize) {
    goc_systemstack(f, arg)
}

/// Start a thread on the stack ending at `hi` (16-byte aligned) with its
/// thread pointer set to `tls`; it runs `entry(arg)`, which must never
/// return. Returns the kernel's result (tid or -errno).
///
/// # Safety
/// The stack must stay valid for the thread's life.
pub unsafe fn start_thread(
    hi: usize,
    tls: usize,
    entry: extern "C" fn(usize) -> !,
    arg: usize,
) -> isize {
    let sp = hi - 16;
    *(sp as *mut usize) = arg;
    *((sp + 8) as *mut usize) = entry as usize;
    goc_clone(crate::sys::CLONE_THREAD_FLAGS, sp, tls)
}
