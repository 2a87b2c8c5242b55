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
//! * (later) `gogo`/`gosave` context switch and `systemstack` switch.

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
