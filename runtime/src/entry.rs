//! Process start and exit.
//!
//! `_start` (arch) hands us the initial stack pointer, where the kernel left
//! `argc, argv..., NULL, envp..., NULL, auxv pairs..., AT_NULL`. `goc_rt0`:
//!
//! 1. records argc/argv/envp/auxv (proc.rs) and the initial stack as the
//!    system stack (g0);
//! 2. installs the fault handlers (signal.rs) on an alternate stack;
//! 3. sets up the scheduler (proc.rs): M0 on this thread, the Ps, sysmon,
//!    and the main goroutine (goid 1, on a 2 KiB stack that grows), queued on P0;
//! 4. runs the scheduler on the initial stack (M0's g0), which switches to
//!    the main goroutine: it calls `goc_program_init()` (package
//!    initialisers, defined by the compiled object), then `main.main`, then
//!    exits the process with status 0, whatever other goroutines do.
//!
//! Invariant: compiled code only ever runs on a goroutine stack with the g
//! register set; the runtime's start-up code runs on the system stack
//! before that.

use crate::{print, proc, signal, sigqueue, sys};

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
    sigqueue::init();
    proc::schedinit(&MAIN_FUNCVAL as *const MainFuncval as usize)
}

/// The main goroutine's function as a Go func value: a closure object
/// whose first word is the code (see `arch::new_context`).
#[repr(C)]
struct MainFuncval(extern "C" fn(usize));
static MAIN_FUNCVAL: MainFuncval = MainFuncval(main_goroutine);

extern "C" fn main_goroutine(_closure: usize) {
    proc::main_started();
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
