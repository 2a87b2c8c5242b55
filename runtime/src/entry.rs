//! Process start and exit.
//!
//! `_start` (arch) hands us the initial stack pointer, where the kernel left
//! `argc, argv..., NULL, envp..., NULL, auxv pairs..., AT_NULL`. `goc_rt0`:
//!
//! 1. records argc/argv/envp/auxv (proc.rs) and the initial stack as the
//!    system stack (g0);
//! 2. installs the fault handlers (signal.rs) on an alternate stack;
//! 3. reserves the main goroutine's stack (stack.rs), fills in its G
//!    (goid 1) and makes it current;
//! 4. switches to that stack with the g register (r15 on x86_64, x21 on
//!    aarch64) pointing at the G and calls `goc_program_init()` (package
//!    initialisers, defined by the compiled object), then `main.main`, then
//!    exits with status 0.
//!
//! Invariant: compiled code only ever runs on a goroutine stack with the g
//! register set; the runtime's start-up code runs on the system stack
//! before that.

use crate::{arch, print, proc, signal, stack, sys};

extern "C" {
    fn goc_program_init();
    #[link_name = "main.main"]
    fn main_main();
}

/// Called by `_start` with the address of argc on the initial stack.
///
/// # Safety
/// Only `_start` may call it, once.
#[no_mangle]
pub unsafe extern "C" fn goc_rt0(sp0: *const usize) -> ! {
    let argc = *sp0;
    let argv = sp0.add(1) as *const *const u8;
    let envp = argv.add(argc + 1);
    let mut e = envp;
    while !(*e).is_null() {
        e = e.add(1);
    }
    proc::ARGC = argc;
    proc::ARGV = argv;
    proc::ENVP = envp;
    proc::AUXV = e.add(1) as *const usize;
    proc::G0_STACK_HI = sp0 as usize;

    signal::init();

    let (lo, hi) = stack::alloc(stack::MAIN_STACK_SIZE);
    let g = &mut *core::ptr::addr_of_mut!(proc::MAIN_G);
    stack::init_g(g, lo, hi);
    g.goid = 1;
    proc::CURG = g;
    arch::run_on_stack(g as *mut proc::G as usize, hi, main_goroutine)
}

extern "C" fn main_goroutine() -> ! {
    unsafe {
        goc_program_init();
        main_main();
    }
    exit(0)
}

fn exit(code: i32) -> ! {
    print::flush();
    sys::exit_group(code)
}

/// Terminate the process with `code` (os.Exit).
#[no_mangle]
pub extern "C" fn goc_exit(code: i32) -> ! {
    exit(code)
}
