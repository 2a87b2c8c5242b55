//! Goroutines (G). For now there is exactly one: the main goroutine, run on
//! the initial thread; the scheduler (M, P, run queues) comes later and will
//! live here too.
//!
//! A G is what compiled code sees through the g register (r15 on x86_64,
//! x21 on aarch64): its first fields are fixed by `goc_abi::g` (stack
//! bounds and stackguard0, read by every function prologue). The runtime also keeps the
//! current G in a static (`CURG`), because Rust code inside the runtime may
//! use the g register for its own purposes once it has been entered; the two
//! agree whenever compiled code calls into the runtime.
//!
//! Invariants:
//! * `stack_lo <= stackguard0 < stack_hi` unless stackguard0 is poisoned
//!   with `STACKGUARD_PREEMPT`.
//! * `stack_lo - PAGE` .. `stack_lo` is a PROT_NONE guard page, so running
//!   off the bottom (Rust frames below the guard, a missing check) faults
//!   instead of corrupting memory; the signal handler reports such a fault
//!   as a stack overflow.
//! * The initial thread stack is kept untouched below the point where
//!   `_start` left it: it is the system stack (g0) for later use.

use goc_abi::g as abi;

#[repr(C)]
pub struct G {
    pub stack_lo: u64,
    pub stack_hi: u64,
    pub stackguard0: u64,
    pub goid: u64,
    pub sched_sp: u64,
    pub sched_bp: u64,
    pub sched_pc: u64,
    pub m: u64,
}

const _: () = {
    assert!(core::mem::offset_of!(G, stack_lo) == abi::STACK_LO as usize);
    assert!(core::mem::offset_of!(G, stack_hi) == abi::STACK_HI as usize);
    assert!(core::mem::offset_of!(G, stackguard0) == abi::STACKGUARD0 as usize);
    assert!(core::mem::offset_of!(G, goid) == abi::GOID as usize);
    assert!(core::mem::offset_of!(G, sched_sp) == abi::SCHED_SP as usize);
    assert!(core::mem::offset_of!(G, sched_bp) == abi::SCHED_BP as usize);
    assert!(core::mem::offset_of!(G, sched_pc) == abi::SCHED_PC as usize);
    assert!(core::mem::offset_of!(G, m) == abi::M as usize);
    assert!(core::mem::size_of::<G>() == abi::SIZE);
};

impl G {
    pub const fn zero() -> G {
        G {
            stack_lo: 0,
            stack_hi: 0,
            stackguard0: 0,
            goid: 0,
            sched_sp: 0,
            sched_bp: 0,
            sched_pc: 0,
            m: 0,
        }
    }
}

/// The main goroutine.
pub static mut MAIN_G: G = G::zero();

/// The goroutine running on this (only) thread, or null before `_start`
/// switched to the main goroutine.
pub static mut CURG: *mut G = core::ptr::null_mut();

/// The system stack (g0): the initial thread stack `_start` arrived on.
pub static mut G0_STACK_HI: usize = 0;

/// The process arguments as the kernel laid them out.
pub static mut ARGC: usize = 0;
pub static mut ARGV: *const *const u8 = core::ptr::null();
pub static mut ENVP: *const *const u8 = core::ptr::null();
pub static mut AUXV: *const usize = core::ptr::null();

/// The current goroutine, if any.
pub fn curg() -> Option<&'static G> {
    unsafe {
        let g = CURG;
        if g.is_null() {
            None
        } else {
            Some(&*g)
        }
    }
}

/// Id of the current goroutine (1 for main; 0 before main starts).
pub fn goid() -> u64 {
    curg().map(|g| g.goid).unwrap_or(0)
}
