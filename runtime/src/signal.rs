//! Synchronous signals: turning hardware faults into Go panics.
//!
//! Compiled code relies on the MMU for nil checks, as Go does: loading
//! through a nil pointer (plus a small field offset) touches the unmapped
//! first page and raises SIGSEGV. The handler installed at start turns that
//! into Go's `invalid memory address or nil pointer dereference` panic,
//! printed with the `[signal SIGSEGV: ... addr= pc=]` line Go prints.
//!
//! Rules (Go's): a SIGSEGV/SIGBUS at an address below 4096 is a nil
//! dereference; a fault in the guard page below the M's system stack is a
//! stack overflow; any other fault is `unexpected fault address` and
//! `fatal error: fault`. SIGFPE from an integer division becomes the
//! divide (or overflow) panic, printed without a signal line as Go's is
//! (x86_64 only: arm64's divide instructions never trap). SIGILL/SIGTRAP
//! (Cranelift's trap instructions, `ud2` or `udf`) are reported as an
//! unexpected signal.
//!
//! A nil dereference and a divide fault are recoverable panics: the
//! handler records the fault in the G and rewrites the interrupted context
//! (`arch::push_call`) so that, when it returns, the goroutine continues in
//! `goc_sigpanic` on its own stack as if the faulting instruction had
//! called it; that raises the panic like any other (Go's sigpanic), with
//! the faulting frame's frame pointer chain intact for deferred calls and
//! traces.
//!
//! Invariants: handlers run on a dedicated alternate signal stack
//! (sigaltstack, SA_ONSTACK), so they work even when the fault was a stack
//! overflow; apart from the redirection above they never return (they
//! print and exit), and they never allocate or take locks, so no allocator
//! state can be corrupted; the panic itself is raised after the handler
//! returned, outside signal context. The
//! restorer (`sa_restorer`, which x86_64 Linux requires and arm64 honours
//! in place of its vDSO trampoline) is `arch::sigreturn_trampoline`; where
//! the interrupted pc, sp and frame pointer sit in the kernel's
//! `ucontext_t` is `arch::UCTX_*`.

use crate::panic::{self, SigInfo};
use crate::print::{self, Sink};
use crate::{arch, proc, stack, sys};

const ALTSTACK_SIZE: usize = 64 * 1024;
const SIGILL: usize = 4;
const SIGTRAP: usize = 5;

/// Give the calling thread its alternate signal stack (each M needs its
/// own: the handlers run on it).
pub fn init_thread() {
    if let Some(p) = sys::mmap_anon(ALTSTACK_SIZE, sys::PROT_READ | sys::PROT_WRITE, 0) {
        let ss = sys::StackT {
            sp: p as usize,
            flags: 0,
            size: ALTSTACK_SIZE,
        };
        sys::sigaltstack(&ss);
    }
}

/// The signals this file handles (sigqueue.rs leaves them alone).
pub const FAULT_SIGNALS: [usize; 5] = [sys::SIGSEGV, sys::SIGBUS, sys::SIGFPE, SIGILL, SIGTRAP];

/// Install the fault handlers and the initial thread's alternate stack.
/// Called once from `_start` before any compiled code runs.
pub fn init() {
    init_thread();
    let act = sys::KSigaction {
        handler: handler as *const () as usize,
        flags: sys::SA_SIGINFO | sys::SA_ONSTACK | sys::SA_RESTORER,
        restorer: arch::sigreturn_trampoline(),
        mask: 0,
    };
    for sig in FAULT_SIGNALS {
        sys::rt_sigaction(sig, &act);
    }
}

/// Die of SIGPIPE, as Go does after a write to a broken standard output
/// or error: restore the default action and send the signal to this
/// thread.
pub fn sigpipe() -> ! {
    let dfl = sys::KSigaction {
        handler: sys::SIG_DFL,
        flags: sys::SA_RESTORER,
        restorer: arch::sigreturn_trampoline(),
        mask: 0,
    };
    sys::rt_sigaction(sys::SIGPIPE, &dfl);
    unsafe {
        let pid = arch::syscall1(arch::SYS_GETPID, 0);
        let tid = arch::syscall1(arch::SYS_GETTID, 0);
        arch::syscall3(arch::SYS_TGKILL, pid as usize, tid as usize, sys::SIGPIPE);
    }
    sys::exit_group(2)
}

/// Where a fault that is a Go panic continues, on the goroutine's stack, as
/// if the faulting instruction had called it (`arch::push_call`): raises
/// the panic the handler recorded in the G (Go's sigpanic). A nil
/// dereference has `g.sig` set (for the `[signal ...]` line); an integer
/// division fault (x86_64) only its code.
extern "C" fn goc_sigpanic() -> ! {
    let g = proc::curg_ptr();
    let (sig, code) = unsafe { ((*g).sig as usize, (*g).sigcode as i32) };
    if sig == sys::SIGSEGV || sig == sys::SIGBUS {
        panic::nil_deref_panic(None);
    }
    let msg: &[u8] = match code {
        1 => b"integer divide by zero",
        2 => b"integer overflow",
        _ => b"floating point error",
    };
    crate::rterror::raise_msg(crate::rterror::Kind::ErrorString, msg)
}

unsafe extern "C" fn handler(sig: i32, info: *const u8, uctx: *const u8) {
    let sig = sig as usize;
    let code = *(info.add(8) as *const i32);
    let addr = *(info.add(16) as *const usize);
    let pc = *(uctx.add(arch::UCTX_PC) as *const usize);
    let sp = *(uctx.add(arch::UCTX_SP) as *const usize);
    let fp = *(uctx.add(arch::UCTX_FP) as *const usize);
    let si = SigInfo {
        sig,
        code,
        addr,
        pc,
        fp,
    };

    match sig {
        sys::SIGSEGV | sys::SIGBUS => {
            // The guard page below this M's system stack (goroutine
            // stacks have none: their prologues check).
            let m = proc::getm();
            if !m.is_null() {
                let lo = (*m).g0_lo;
                if lo != 0 && addr < lo && addr + 16 * stack::PAGE >= lo {
                    stack::system_overflow(sp, lo, (*m).g0_hi);
                }
            }
            // SI_USER (0) means someone sent the signal with kill(2).
            if addr < 0x1000 && code > 0 && proc::curg().is_some() {
                panic::record_signal(&si);
                arch::push_call(
                    uctx as *mut u8,
                    goc_sigpanic as *const () as usize,
                    proc::curg_ptr() as usize,
                );
                return;
            }
            print::with(|s| {
                s.put(b"unexpected fault address ");
                print::put_hex(s, addr as u64);
                s.put(b"\n");
            });
            panic::fatal_sig(b"fault", None, Some(&si))
        }
        sys::SIGFPE if proc::curg().is_some() => {
            // No `[signal SIGFPE ...]` line: Go checks divisors explicitly on
            // every architecture, so its output never has one here; the
            // code alone tells goc_sigpanic what to raise.
            let g = proc::curg_ptr();
            (*g).sigcode = code as u32 as u64;
            arch::push_call(
                uctx as *mut u8,
                goc_sigpanic as *const () as usize,
                g as usize,
            );
        }
        _ => {
            let name: &[u8] = if sig == SIGILL {
                b"SIGILL: illegal instruction"
            } else {
                b"SIGTRAP: trace trap"
            };
            print::with(|s| {
                s.put(name);
                s.put(b"\nPC=");
                print::put_hex(s, pc as u64);
                s.put(b" m=0 sigcode=");
                print::put_uint(s, code as u32 as u64);
                s.put(b"\n");
            });
            panic::fatal_sig(b"unexpected signal", None, Some(&si))
        }
    }
}
