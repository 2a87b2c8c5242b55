//! aarch64 Linux: entry point, system calls, stack switch, signal context
//! offsets and the byte-copy primitives. See `arch/mod.rs` for the contract.
//!
//! Register conventions shared with compiled code: x21 holds the current G
//! (Cranelift's pinned register), x29 is the frame pointer (always kept) and
//! x30 the link register; everything else follows AAPCS64. x21 is
//! callee-saved in AAPCS64, so the runtime's Rust code preserves it across
//! calls from compiled code. A frame record is `[x29] = caller's x29,
//! [x29+8] = return address`, the same shape as x86_64's `[rbp]`/`[rbp+8]`,
//! so the frame-pointer walks elsewhere in the runtime need no change.
//!
//! Differences from x86_64 that matter here:
//!
//! * System calls are `svc #0` with the number in x8, arguments in x0..x5 and
//!   the result in x0; the kernel preserves every other register. The numbers
//!   are the generic table (asm-generic/unistd.h), not x86_64's.
//! * The kernel's `struct sigaction` has the same shape as on x86_64
//!   (handler, flags, restorer, mask) and arm64 honours `SA_RESTORER`: with
//!   it the handler returns to our own `rt_sigreturn` trampoline instead of
//!   the vDSO's (we never look the vDSO up), and qemu-user does the same.
//! * Integer division never traps in hardware (it yields 0), so SIGFPE never
//!   arrives from compiled code: the compiler checks divisors explicitly.
//! * There is no string-copy instruction; the copy and fill loops below are
//!   written in assembly so that the compiler cannot turn them back into
//!   calls to memcpy/memset (which they implement).
//! * Atomics: the runtime is built with `-outline-atomics` for this target
//!   (compiler/build.rs), so atomic operations are inline LL/SC sequences
//!   rather than calls to helpers that would need libc's `getauxval`.

use core::arch::{asm, global_asm};

// The ELF entry point. sp points at argc (the kernel leaves it 16-byte
// aligned, but we align it anyway before calling Rust); x0 may hold a
// function to register with atexit (the dynamic loader's finaliser), which a
// static binary ignores. x29 = x30 = 0 ends the frame-pointer chain.
#[cfg(not(test))]
global_asm!(
    ".globl _start",
    ".type _start,@function",
    "_start:",
    "    mov x29, #0",
    "    mov x30, #0",
    "    mov x0, sp",
    "    and x1, x0, #-16",
    "    mov sp, x1",
    "    bl {rt0}",
    "    brk #0x3e8",
    ".size _start, . - _start",
    rt0 = sym crate::entry::goc_rt0,
);

// sa_restorer for our signal handlers: the kernel returns here after the
// handler and we ask it to restore the interrupted context.
global_asm!(
    ".globl goc_sigreturn_tramp",
    ".type goc_sigreturn_tramp,@function",
    "goc_sigreturn_tramp:",
    "    mov x8, #139",
    "    svc #0",
    "    brk #0x3e8",
    ".size goc_sigreturn_tramp, . - goc_sigreturn_tramp",
);

extern "C" {
    fn goc_sigreturn_tramp();
}

pub fn sigreturn_trampoline() -> usize {
    goc_sigreturn_tramp as *const () as usize
}

// asm-generic/unistd.h, which arm64 uses.
pub const SYS_WRITE: usize = 64;
pub const SYS_MMAP: usize = 222;
pub const SYS_MPROTECT: usize = 226;
pub const SYS_MADVISE: usize = 233;
pub const SYS_MUNMAP: usize = 215;
pub const SYS_RT_SIGACTION: usize = 134;
pub const SYS_RT_SIGPROCMASK: usize = 135;
pub const SYS_SIGALTSTACK: usize = 132;
pub const SYS_GETPID: usize = 172;
pub const SYS_GETTID: usize = 178;
pub const SYS_TGKILL: usize = 131;
pub const SYS_EXIT_GROUP: usize = 94;
pub const SYS_EXIT: usize = 93;
pub const SYS_FUTEX: usize = 98;
pub const SYS_CLONE: usize = 220;
pub const SYS_SCHED_YIELD: usize = 124;
pub const SYS_SCHED_GETAFFINITY: usize = 123;
pub const SYS_CLOCK_GETTIME: usize = 113;
pub const SYS_NANOSLEEP: usize = 101;
pub const SYS_READ: usize = 63;
pub const SYS_CLOSE: usize = 57;
pub const SYS_KILL: usize = 129;
pub const SYS_PIPE2: usize = 59;
pub const SYS_GETPPID: usize = 173;
pub const SYS_GETUID: usize = 174;
pub const SYS_OPENAT: usize = 56;
pub const SYS_LSEEK: usize = 62;
pub const SYS_FSTAT: usize = 80;
pub const SYS_NEWFSTATAT: usize = 79;
pub const SYS_UNLINKAT: usize = 35;
pub const SYS_MKDIRAT: usize = 34;
pub const SYS_GETCWD: usize = 17;
pub const SYS_GETDENTS64: usize = 61;
pub const SYS_PREAD64: usize = 67;
pub const SYS_PWRITE64: usize = 68;
pub const SYS_FTRUNCATE: usize = 46;
pub const SYS_RENAMEAT: usize = 38;
pub const SYS_EPOLL_CREATE1: usize = 20;
pub const SYS_EPOLL_CTL: usize = 21;
pub const SYS_EPOLL_PWAIT: usize = 22;
pub const SYS_EVENTFD2: usize = 19;
pub const SYS_PRLIMIT64: usize = 261;
pub const SYS_SOCKET: usize = 198;
pub const SYS_BIND: usize = 200;
pub const SYS_LISTEN: usize = 201;
pub const SYS_CONNECT: usize = 203;
pub const SYS_GETSOCKNAME: usize = 204;
pub const SYS_GETPEERNAME: usize = 205;
pub const SYS_SETSOCKOPT: usize = 208;
pub const SYS_GETSOCKOPT: usize = 209;
pub const SYS_SHUTDOWN: usize = 210;
pub const SYS_FCNTL: usize = 25;
pub const SYS_ACCEPT4: usize = 242;

/// Byte offsets in arm64's `ucontext_t`: uc_flags (8), uc_link (8),
/// uc_stack (24), uc_sigmask (8), 120 bytes of sigset padding, then
/// uc_mcontext (`struct sigcontext`) aligned to 16, at 176. sigcontext is
/// fault_address (8), regs[31] (x0..x30), sp, pc, pstate.
const UCTX_MCONTEXT: usize = 176;
const UCTX_REGS: usize = UCTX_MCONTEXT + 8;
pub const UCTX_G: usize = UCTX_REGS + 21 * 8;
pub const UCTX_FP: usize = UCTX_REGS + 29 * 8;
pub const UCTX_SP: usize = UCTX_REGS + 31 * 8;
pub const UCTX_PC: usize = UCTX_SP + 8;

#[inline(always)]
pub unsafe fn syscall1(n: usize, a1: usize) -> isize {
    let r: isize;
    asm!("svc #0", in("x8") n, inlateout("x0") a1 as isize => r, options(nostack));
    r
}

#[inline(always)]
pub unsafe fn syscall2(n: usize, a1: usize, a2: usize) -> isize {
    let r: isize;
    asm!("svc #0", in("x8") n, inlateout("x0") a1 as isize => r, in("x1") a2,
         options(nostack));
    r
}

#[inline(always)]
pub unsafe fn syscall3(n: usize, a1: usize, a2: usize, a3: usize) -> isize {
    let r: isize;
    asm!("svc #0", in("x8") n, inlateout("x0") a1 as isize => r, in("x1") a2,
         in("x2") a3, options(nostack));
    r
}

#[inline(always)]
pub unsafe fn syscall4(n: usize, a1: usize, a2: usize, a3: usize, a4: usize) -> isize {
    let r: isize;
    asm!("svc #0", in("x8") n, inlateout("x0") a1 as isize => r, in("x1") a2,
         in("x2") a3, in("x3") a4, options(nostack));
    r
}

#[inline(always)]
pub unsafe fn syscall6(
    n: usize,
    a1: usize,
    a2: usize,
    a3: usize,
    a4: usize,
    a5: usize,
    a6: usize,
) -> isize {
    let r: isize;
    asm!("svc #0", in("x8") n, inlateout("x0") a1 as isize => r, in("x1") a2,
         in("x2") a3, in("x3") a4, in("x4") a5, in("x5") a6, options(nostack));
    r
}

/// Switch to the stack whose (16-byte aligned) top is `sp`, set the g
/// register, and call `f`. The caller's stack is abandoned (it stays valid:
/// the entry code keeps it as the system stack, g0).
pub unsafe fn run_on_stack(g: usize, sp: usize, f: extern "C" fn() -> !) -> ! {
    asm!(
        "mov x21, x0",
        "mov sp, x1",
        "mov x29, #0",
        "mov x30, #0",
        "blr x2",
        "brk #0x3e8",
        in("x0") g,
        in("x1") sp,
        in("x2") f,
        options(noreturn),
    )
}

/// Current stack pointer.
#[inline(always)]
pub fn sp() -> usize {
    let r: usize;
    unsafe { asm!("mov {}, sp", out(reg) r, options(nomem, nostack, preserves_flags)) };
    r
}

/// Words of a context saved by `goc_swapctx` holding the frame pointer
/// (x29) and the return address (x30).
pub const CTX_FP: usize = 10;
pub const CTX_PC: usize = 11;

/// Store the callee-saved registers (values the frames above may keep in
/// registers only) in `buf`, for the collector's conservative scan.
#[inline(always)]
pub fn save_callee_saved(buf: &mut [usize; 12]) {
    unsafe {
        asm!(
            "stp x19, x20, [{b}]",
            "stp x21, x22, [{b}, #16]",
            "stp x23, x24, [{b}, #32]",
            "stp x25, x26, [{b}, #48]",
            "stp x27, x28, [{b}, #64]",
            "str x29, [{b}, #80]",
            b = in(reg) buf.as_mut_ptr(),
            options(nostack, preserves_flags)
        )
    };
}

/// Current frame pointer (meaningful when frame pointers are kept).
#[inline(always)]
pub fn fp() -> usize {
    let r: usize;
    unsafe { asm!("mov {}, x29", out(reg) r, options(nomem, nostack, preserves_flags)) };
    r
}

/// Copy `n` bytes upwards (safe for overlap when `dst <= src`): 16 bytes at
/// a time while at least 16 remain (both words are loaded before either is
/// stored), then single bytes. Unaligned ldp/stp are fine on normal memory.
#[inline(always)]
pub unsafe fn copy_forward(dst: *mut u8, src: *const u8, n: usize) {
    asm!(
        "2:",
        "cmp {n}, #16",
        "b.lo 3f",
        "ldp {a}, {b}, [{src}], #16",
        "stp {a}, {b}, [{dst}], #16",
        "sub {n}, {n}, #16",
        "b 2b",
        "3:",
        "cbz {n}, 4f",
        "ldrb {a:w}, [{src}], #1",
        "strb {a:w}, [{dst}], #1",
        "sub {n}, {n}, #1",
        "b 3b",
        "4:",
        n = inout(reg) n => _,
        src = inout(reg) src => _,
        dst = inout(reg) dst => _,
        a = out(reg) _,
        b = out(reg) _,
        options(nostack),
    );
}

/// Copy `n` bytes downwards (safe for overlap when `dst > src`), from the
/// ends, 16 bytes at a time, then single bytes.
#[inline(always)]
pub unsafe fn copy_backward(dst: *mut u8, src: *const u8, n: usize) {
    asm!(
        "add {src}, {src}, {n}",
        "add {dst}, {dst}, {n}",
        "2:",
        "cmp {n}, #16",
        "b.lo 3f",
        "ldp {a}, {b}, [{src}, #-16]!",
        "stp {a}, {b}, [{dst}, #-16]!",
        "sub {n}, {n}, #16",
        "b 2b",
        "3:",
        "cbz {n}, 4f",
        "ldrb {a:w}, [{src}, #-1]!",
        "strb {a:w}, [{dst}, #-1]!",
        "sub {n}, {n}, #1",
        "b 3b",
        "4:",
        n = inout(reg) n => _,
        src = inout(reg) src => _,
        dst = inout(reg) dst => _,
        a = out(reg) _,
        b = out(reg) _,
        options(nostack),
    );
}

/// Set `n` bytes at `dst` to `b`: the byte is spread over a 64-bit word,
/// stored 16 bytes at a time, then byte by byte.
#[inline(always)]
pub unsafe fn fill(dst: *mut u8, b: u8, n: usize) {
    asm!(
        "and {w}, {w}, #0xff",
        "orr {w}, {w}, {w}, lsl #8",
        "orr {w}, {w}, {w}, lsl #16",
        "orr {w}, {w}, {w}, lsl #32",
        "2:",
        "cmp {n}, #16",
        "b.lo 3f",
        "stp {w}, {w}, [{dst}], #16",
        "sub {n}, {n}, #16",
        "b 2b",
        "3:",
        "cbz {n}, 4f",
        "strb {w:w}, [{dst}], #1",
        "sub {n}, {n}, #1",
        "b 3b",
        "4:",
        n = inout(reg) n => _,
        dst = inout(reg) dst => _,
        w = inout(reg) b as u64 => _,
        options(nostack),
    );
}

// ---- threads and goroutine contexts (see arch/mod.rs) ----

// The callee-saved registers (x19-x28 with x21 the g register, x29/x30,
// d8-d15) at [sp, #0..160): the layout of a saved context (goc_swapctx,
// goc_systemstack) and of goc_morestack's block.
macro_rules! ctx_store {
    () => {
        concat!(
            "    stp x19, x20, [sp, #0]\n",
            "    stp x21, x22, [sp, #16]\n",
            "    stp x23, x24, [sp, #32]\n",
            "    stp x25, x26, [sp, #48]\n",
            "    stp x27, x28, [sp, #64]\n",
            "    stp x29, x30, [sp, #80]\n",
            "    stp d8, d9, [sp, #96]\n",
            "    stp d10, d11, [sp, #112]\n",
            "    stp d12, d13, [sp, #128]\n",
            "    stp d14, d15, [sp, #144]\n",
        )
    };
}
macro_rules! ctx_load {
    () => {
        concat!(
            "    ldp x19, x20, [sp, #0]\n",
            "    ldp x21, x22, [sp, #16]\n",
            "    ldp x23, x24, [sp, #32]\n",
            "    ldp x25, x26, [sp, #48]\n",
            "    ldp x27, x28, [sp, #64]\n",
            "    ldp x29, x30, [sp, #80]\n",
            "    ldp d8, d9, [sp, #96]\n",
            "    ldp d10, d11, [sp, #112]\n",
            "    ldp d12, d13, [sp, #128]\n",
            "    ldp d14, d15, [sp, #144]\n",
        )
    };
}

// goc_swapctx(save: *mut usize, to: usize): store the callee-saved
// registers (x19-x28 with x21 the g register, x29/x30, d8-d15) in a
// 176-byte record on the current stack, store sp in *save, load sp from
// `to`, reload the registers saved there and return through its x30.
global_asm!(
    ".globl goc_swapctx",
    ".type goc_swapctx,@function",
    "goc_swapctx:",
    "    sub sp, sp, #176",
    ctx_store!(),
    "    mov x9, sp",
    "    str x9, [x0]",
    "    mov sp, x1",
    ctx_load!(),
    "    add sp, sp, #176",
    "    ret",
    ".size goc_swapctx, . - goc_swapctx",
    // A new goroutine's first context returns here with x19 = its func
    // value and x21 = its G: call the closure (closure object in x0), then
    // leave through goexit.
    ".globl goc_gostart",
    ".type goc_gostart,@function",
    "goc_gostart:",
    "    mov x0, x19",
    "    ldr x9, [x19]",
    "    blr x9",
    "    bl {goexit}",
    "    brk #0x3e8",
    ".size goc_gostart, . - goc_gostart",
    // goc_clone(flags, child_sp, tls) -> tid: the child starts on child_sp,
    // where the caller left [arg, entry]; it calls entry(arg), which never
    // returns. arm64's clone takes (flags, sp, parent_tid, tls, child_tid).
    ".globl goc_clone",
    ".type goc_clone,@function",
    "goc_clone:",
    "    mov x3, x2",
    "    mov x2, xzr",
    "    mov x4, xzr",
    "    mov x8, #220",
    "    svc #0",
    "    cbnz x0, 1f",
    "    ldp x0, x1, [sp], #16",
    "    mov x29, xzr",
    "    mov x30, xzr",
    "    blr x1",
    "    brk #0x3e8",
    "1:",
    "    ret",
    ".size goc_clone, . - goc_clone",
    goexit = sym crate::proc::goc_goexit1,
);

extern "C" {
    fn goc_gostart();
}

/// Bytes of the record `goc_swapctx` keeps on a stack.
const CTX_BYTES: usize = 176;

/// Build the first context of a goroutine on the stack ending at `hi`
/// (16-byte aligned): resuming it calls the closure `fnval` with the g
/// register set to `g`, then `proc::goc_goexit1`. Returns the saved sp.
///
/// # Safety
/// `hi` must be the top of a writable stack.
pub unsafe fn new_context(hi: usize, g: usize, fnval: usize) -> usize {
    let sp = hi - CTX_BYTES;
    let w = sp as *mut usize;
    for i in 0..CTX_BYTES / 8 {
        *w.add(i) = 0;
    }
    *w = fnval; // x19
    *w.add(2) = g; // x21
    *w.add(11) = goc_gostart as *const () as usize; // x30
    sp
}

/// Make `tls` this thread's thread pointer (read back by [`tls`]).
pub unsafe fn set_tls(tls: usize) {
    asm!("msr tpidr_el0, {}", in(reg) tls, options(nostack, preserves_flags));
}

/// The thread pointer set by `set_tls` or `start_thread` (0 before).
#[inline(always)]
pub fn tls() -> usize {
    let r: usize;
    unsafe { asm!("mrs {}, tpidr_el0", out(reg) r, options(nostack, readonly, preserves_flags)) };
    r
}

/// A hint to the CPU inside spin loops.
#[inline(always)]
pub fn cpu_relax() {
    unsafe { asm!("yield", options(nomem, nostack, preserves_flags)) };
}

// ---- defer frames, recovery and calls of deferred functions ----
//
// A defer frame (goc_abi::defers::FRAME_SIZE bytes in the frame of a
// function with `defer`) holds, as saved by goc_deferframe: the return
// address x30 (0), sp (8), x29 (16), x19..x28 (24..104) and the
// callee-saved low halves of the vector registers d8..d15 (104..168).
//
// goc_deferframe(frame) -> 0 saves them; goc_recovery_jump(frame) restores
// them and returns 1 from that goc_deferframe call again.
//
// goc_calldeferred(fn, g, argp_out, resume) calls the function value `fn`
// (closure object in x0, code at [fn]) with x21 = g, from a frame of its
// own whose frame pointer it first stores at *argp_out (if not null): the
// deferred function sees that frame as its caller's, which is how recover()
// knows it was called directly by a panic. With `resume` not null it first
// saves a defer frame there: goc_recovery_jump(resume) then makes this
// call return to its caller as if `fn` had returned (a Goexit resuming its
// loop).
global_asm!(
    ".globl goc_deferframe",
    ".type goc_deferframe,@function",
    "goc_deferframe:",
    "    mov x9, sp",
    "    stp x30, x9, [x0, #0]",
    "    stp x29, x19, [x0, #16]",
    "    stp x20, x21, [x0, #32]",
    "    stp x22, x23, [x0, #48]",
    "    stp x24, x25, [x0, #64]",
    "    stp x26, x27, [x0, #80]",
    "    str x28, [x0, #96]",
    "    stp d8, d9, [x0, #104]",
    "    stp d10, d11, [x0, #120]",
    "    stp d12, d13, [x0, #136]",
    "    stp d14, d15, [x0, #152]",
    "    mov x0, #0",
    "    ret",
    ".size goc_deferframe, . - goc_deferframe",
    "",
    ".globl goc_recovery_jump",
    ".type goc_recovery_jump,@function",
    "goc_recovery_jump:",
    "    ldp x30, x9, [x0, #0]",
    "    ldp x29, x19, [x0, #16]",
    "    ldp x20, x21, [x0, #32]",
    "    ldp x22, x23, [x0, #48]",
    "    ldp x24, x25, [x0, #64]",
    "    ldp x26, x27, [x0, #80]",
    "    ldr x28, [x0, #96]",
    "    ldp d8, d9, [x0, #104]",
    "    ldp d10, d11, [x0, #120]",
    "    ldp d12, d13, [x0, #136]",
    "    ldp d14, d15, [x0, #152]",
    "    mov sp, x9",
    "    mov x0, #1",
    "    ret",
    ".size goc_recovery_jump, . - goc_recovery_jump",
    "",
    ".globl goc_calldeferred",
    ".type goc_calldeferred,@function",
    "goc_calldeferred:",
    "    stp x29, x30, [sp, #-48]!",
    "    mov x29, sp",
    "    stp x19, x20, [sp, #16]",
    "    stp x21, x22, [sp, #32]",
    "    mov x19, x0",
    "    mov x20, x1",
    "    mov x22, x2",
    "    cbz x3, 3f",
    "    mov x0, x3",
    "    bl goc_deferframe",
    "    cbnz x0, 4f",
    "3:",
    "    cbz x22, 2f",
    "    str x29, [x22]",
    "2:",
    "    mov x21, x20",
    "    mov x0, x19",
    "    ldr x9, [x19]",
    "    blr x9",
    "4:",
    "    ldp x21, x22, [sp, #32]",
    "    ldp x19, x20, [sp, #16]",
    "    ldp x29, x30, [sp], #48",
    "    ret",
    ".size goc_calldeferred, . - goc_calldeferred",
);

extern "C" {
    fn goc_recovery_jump(frame: usize) -> !;
    fn goc_calldeferred(f: usize, g: usize, argp_out: *mut usize, resume: usize);
}

/// Resume the function owning defer frame `frame`: its goc_deferframe call
/// returns 1. Every frame above it is abandoned.
///
/// # Safety
/// `frame` must be the defer frame of a function still running on this
/// goroutine's stack, below (older than) the caller.
pub unsafe fn recovery_jump(frame: usize) -> ! {
    goc_recovery_jump(frame)
}

/// Call the function value `f` (a closure object of type `func()`) with the
/// g register set to `g`; store the frame pointer its caller's frame will
/// have at `argp_out` (if not null) before the call. With `resume` not 0
/// (a defer-frame-sized buffer), `recovery_jump(resume)` makes this call
/// return as if `f` had.
///
/// # Safety
/// `f` must be a non-null closure object of a compiled `func()`; `resume`
/// 0 or valid until this returns.
pub unsafe fn call_deferred(f: usize, g: usize, argp_out: *mut usize, resume: usize) {
    goc_calldeferred(f, g, argp_out, resume)
}

/// The link register in the signal context.
const UCTX_LR: usize = UCTX_REGS + 30 * 8;

/// Make the interrupted context of a signal call `target` as if the
/// faulting instruction had called it: the old link register is saved on
/// the stack (16 bytes, keeping sp aligned; the faulting function is never
/// resumed, so its stack below sp is free), the link register becomes the
/// faulting pc, and execution continues at `target` with x21 = `g`.
///
/// # Safety
/// `uctx` must be the ucontext of a synchronous signal on a goroutine stack
/// with room below its stack pointer.
pub unsafe fn push_call(uctx: *mut u8, target: usize, g: usize) {
    let pc = *(uctx.add(UCTX_PC) as *const usize);
    let lr = *(uctx.add(UCTX_LR) as *const usize);
    let sp = (*(uctx.add(UCTX_SP) as *const usize) & !15) - 16;
    *(sp as *mut usize) = lr;
    *(uctx.add(UCTX_SP) as *mut usize) = sp;
    *(uctx.add(UCTX_LR) as *mut usize) = pc;
    *(uctx.add(UCTX_PC) as *mut usize) = target;
    *(uctx.add(UCTX_G) as *mut usize) = g;
}

// ---- stack growth and the system stack (see stack.rs) ----
//
// goc_morestack(need) as on x86_64 (the M from tpidr_el0, the G from
// m.curg; no return address is written at all: it is in x30). The block
// is the callee-saved registers (`ctx_store!`), then sp.
// goc_systemstack(f, arg): save a context like goc_swapctx's in
// g.sched_sp, call f(arg) on the system stack, switch back.
global_asm!(
    ".globl goc_morestack",
    ".type goc_morestack,@function",
    "goc_morestack:",
    "    mrs x9, tpidr_el0",
    "    ldr x10, [x9, #{m_g0sp}]",
    "    and x10, x10, #-16",
    "    mov x11, sp",
    "    mov sp, x10",
    "    sub sp, sp, #176",
    ctx_store!(),
    "    str x11, [sp, #160]",
    "    mov x1, sp",
    "    bl {newstack}",
    ctx_load!(),
    "    ldr x11, [sp, #160]",
    "    mov sp, x11",
    "    b {tail}",
    ".size goc_morestack, . - goc_morestack",
    ".globl goc_systemstack",
    ".type goc_systemstack,@function",
    "goc_systemstack:",
    "    sub sp, sp, #176",
    ctx_store!(),
    "    mrs x9, tpidr_el0",
    "    ldr x19, [x9, #{m_curg}]",
    "    mov x10, sp",
    "    str x10, [x19, #{g_sched_sp}]",
    "    ldr x10, [x9, #{m_g0sp}]",
    "    and x10, x10, #-16",
    "    mov sp, x10",
    "    mov x9, x0",
    "    mov x0, x1",
    "    blr x9",
    "    ldr x9, [x19, #{g_sched_sp}]",
    "    mov sp, x9",
    "    ldp x19, x20, [sp, #0]",
    "    ldp x29, x30, [sp, #80]",
    "    add sp, sp, #176",
    "    ret",
    ".size goc_systemstack, . - goc_systemstack",
    g_sched_sp = const goc_abi::g::SCHED_SP,
    m_g0sp = const core::mem::offset_of!(crate::proc::M, g0_sp),
    m_curg = const core::mem::offset_of!(crate::proc::M, curg),
    newstack = sym crate::stack::goc_newstack,
    tail = sym crate::stack::goc_morestack_tail,
);

/// Words of the block goc_morestack saves, and the index of the stack
/// pointer among them.
pub const MORESTACK_WORDS: usize = 21;
pub const MORESTACK_SP: usize = 20;
