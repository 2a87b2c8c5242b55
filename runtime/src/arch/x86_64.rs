//! x86_64 Linux: entry point, system calls, stack switch, signal context
//! offsets and the byte-copy primitives. See `arch/mod.rs` for the contract.
//!
//! Register conventions shared with compiled code: r15 holds the current G
//! (Cranelift's pinned register), rbp is the frame pointer (always kept), and
//! everything else follows System V. r15 is callee-saved in System V, so the
//! runtime's Rust code preserves it across calls from compiled code.

use core::arch::{asm, global_asm};

// The ELF entry point. rsp points at argc; rdx holds a function to register
// with atexit (the dynamic loader's finaliser) which a static binary ignores.
#[cfg(not(test))]
global_asm!(
    ".globl _start",
    ".type _start,@function",
    "_start:",
    "    xor ebp, ebp",
    "    mov rdi, rsp",
    "    and rsp, -16",
    "    call {rt0}",
    "    ud2",
    ".size _start, . - _start",
    rt0 = sym crate::entry::goc_rt0,
);

// sa_restorer for our signal handlers: the kernel returns here after the
// handler and we ask it to restore the interrupted context.
global_asm!(
    ".globl goc_sigreturn_tramp",
    ".type goc_sigreturn_tramp,@function",
    "goc_sigreturn_tramp:",
    "    mov eax, 15",
    "    syscall",
    "    ud2",
    ".size goc_sigreturn_tramp, . - goc_sigreturn_tramp",
);

extern "C" {
    fn goc_sigreturn_tramp();
}

pub fn sigreturn_trampoline() -> usize {
    goc_sigreturn_tramp as *const () as usize
}

pub const SYS_WRITE: usize = 1;
pub const SYS_MMAP: usize = 9;
pub const SYS_MPROTECT: usize = 10;
pub const SYS_MADVISE: usize = 28;
pub const SYS_MUNMAP: usize = 11;
pub const SYS_RT_SIGACTION: usize = 13;
pub const SYS_RT_SIGPROCMASK: usize = 14;
pub const SYS_SIGALTSTACK: usize = 131;
pub const SYS_GETPID: usize = 39;
pub const SYS_GETTID: usize = 186;
pub const SYS_TGKILL: usize = 234;
pub const SYS_EXIT_GROUP: usize = 231;
pub const SYS_EXIT: usize = 60;
pub const SYS_FUTEX: usize = 202;
pub const SYS_CLONE: usize = 56;
pub const SYS_SCHED_YIELD: usize = 24;
pub const SYS_SCHED_GETAFFINITY: usize = 204;
pub const SYS_CLOCK_GETTIME: usize = 228;
pub const SYS_NANOSLEEP: usize = 35;
pub const SYS_READ: usize = 0;
pub const SYS_CLOSE: usize = 3;
pub const SYS_KILL: usize = 62;
pub const SYS_PIPE2: usize = 293;
pub const SYS_GETPPID: usize = 110;
pub const SYS_GETUID: usize = 102;
pub const SYS_OPENAT: usize = 257;
pub const SYS_LSEEK: usize = 8;
pub const SYS_FSTAT: usize = 5;
pub const SYS_NEWFSTATAT: usize = 262;
pub const SYS_UNLINKAT: usize = 263;
pub const SYS_MKDIRAT: usize = 258;
pub const SYS_GETCWD: usize = 79;
pub const SYS_GETDENTS64: usize = 217;
pub const SYS_PREAD64: usize = 17;
pub const SYS_PWRITE64: usize = 18;
pub const SYS_FTRUNCATE: usize = 77;
pub const SYS_RENAMEAT: usize = 264;
pub const SYS_EPOLL_CREATE1: usize = 291;
pub const SYS_EPOLL_CTL: usize = 233;
pub const SYS_EPOLL_PWAIT: usize = 281;
pub const SYS_EVENTFD2: usize = 290;
pub const SYS_PRLIMIT64: usize = 302;
pub const SYS_SOCKET: usize = 41;
pub const SYS_CONNECT: usize = 42;
pub const SYS_SHUTDOWN: usize = 48;
pub const SYS_BIND: usize = 49;
pub const SYS_LISTEN: usize = 50;
pub const SYS_GETSOCKNAME: usize = 51;
pub const SYS_GETPEERNAME: usize = 52;
pub const SYS_SETSOCKOPT: usize = 54;
pub const SYS_GETSOCKOPT: usize = 55;
pub const SYS_FCNTL: usize = 72;
pub const SYS_ACCEPT4: usize = 288;
const SYS_ARCH_PRCTL: usize = 158;
const ARCH_SET_FS: usize = 0x1002;

/// Byte offsets in `ucontext_t`: uc_mcontext starts at 40, and its gregs
/// are in the kernel's order r8..r15, rdi, rsi, rbp, rbx, rdx, rax, rcx,
/// rsp, rip.
pub const UCTX_G: usize = 40 + 7 * 8;
pub const UCTX_FP: usize = 40 + 10 * 8;
pub const UCTX_SP: usize = 40 + 15 * 8;
pub const UCTX_PC: usize = 40 + 16 * 8;

#[inline(always)]
pub unsafe fn syscall1(n: usize, a1: usize) -> isize {
    let r: isize;
    asm!("syscall", inlateout("rax") n as isize => r, in("rdi") a1,
         out("rcx") _, out("r11") _, options(nostack));
    r
}

#[inline(always)]
pub unsafe fn syscall2(n: usize, a1: usize, a2: usize) -> isize {
    let r: isize;
    asm!("syscall", inlateout("rax") n as isize => r, in("rdi") a1, in("rsi") a2,
         out("rcx") _, out("r11") _, options(nostack));
    r
}

#[inline(always)]
pub unsafe fn syscall3(n: usize, a1: usize, a2: usize, a3: usize) -> isize {
    let r: isize;
    asm!("syscall", inlateout("rax") n as isize => r, in("rdi") a1, in("rsi") a2,
         in("rdx") a3, out("rcx") _, out("r11") _, options(nostack));
    r
}

#[inline(always)]
pub unsafe fn syscall4(n: usize, a1: usize, a2: usize, a3: usize, a4: usize) -> isize {
    let r: isize;
    asm!("syscall", inlateout("rax") n as isize => r, in("rdi") a1, in("rsi") a2,
         in("rdx") a3, in("r10") a4, out("rcx") _, out("r11") _, options(nostack));
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
    asm!("syscall", inlateout("rax") n as isize => r, in("rdi") a1, in("rsi") a2,
         in("rdx") a3, in("r10") a4, in("r8") a5, in("r9") a6,
         out("rcx") _, out("r11") _, options(nostack));
    r
}

/// Switch to the stack whose (16-byte aligned) top is `sp`, set the g
/// register, and call `f`. The caller's stack is abandoned (it stays valid:
/// the entry code keeps it as the system stack, g0).
pub unsafe fn run_on_stack(g: usize, sp: usize, f: extern "C" fn() -> !) -> ! {
    asm!(
        "mov r15, {g}",
        "mov rsp, {sp}",
        "xor ebp, ebp",
        "call {f}",
        "ud2",
        g = in(reg) g,
        sp = in(reg) sp,
        f = in(reg) f,
        options(noreturn),
    )
}

/// Current stack pointer.
#[inline(always)]
pub fn sp() -> usize {
    let r: usize;
    unsafe { asm!("mov {}, rsp", out(reg) r, options(nomem, nostack, preserves_flags)) };
    r
}

/// Current frame pointer (meaningful when frame pointers are kept).
#[inline(always)]
pub fn fp() -> usize {
    let r: usize;
    unsafe { asm!("mov {}, rbp", out(reg) r, options(nomem, nostack, preserves_flags)) };
    r
}

/// Words of a context saved by `goc_swapctx` holding the frame pointer
/// and the return address (r15, r14, r13, r12, rbx, rbp, ret).
pub const CTX_FP: usize = 5;
pub const CTX_PC: usize = 6;

/// Store the callee-saved registers (values the frames above may keep in
/// registers only) in `buf`, for the collector's conservative scan.
#[inline(always)]
pub fn save_callee_saved(buf: &mut [usize; 12]) {
    unsafe {
        asm!(
            "mov [{b}], rbx",
            "mov [{b} + 8], rbp",
            "mov [{b} + 16], r12",
            "mov [{b} + 24], r13",
            "mov [{b} + 32], r14",
            "mov [{b} + 40], r15",
            b = in(reg) buf.as_mut_ptr(),
            options(nostack, preserves_flags)
        )
    };
}

/// Copy `n` bytes upwards (safe for overlap when `dst <= src`).
#[inline(always)]
pub unsafe fn copy_forward(dst: *mut u8, src: *const u8, n: usize) {
    asm!("rep movsb", inout("rcx") n => _, inout("rdi") dst => _, inout("rsi") src => _,
         options(nostack, preserves_flags));
}

/// Copy `n` bytes downwards (safe for overlap when `dst > src`).
#[inline(always)]
pub unsafe fn copy_backward(dst: *mut u8, src: *const u8, n: usize) {
    if n == 0 {
        return;
    }
    asm!("std", "rep movsb", "cld",
         inout("rcx") n => _,
         inout("rdi") dst.add(n - 1) => _,
         inout("rsi") src.add(n - 1) => _,
         options(nostack));
}

/// Set `n` bytes at `dst` to `b`.
#[inline(always)]
pub unsafe fn fill(dst: *mut u8, b: u8, n: usize) {
    asm!("rep stosb", inout("rcx") n => _, inout("rdi") dst => _, in("al") b,
         options(nostack, preserves_flags));
}

// ---- threads and goroutine contexts (see arch/mod.rs) ----

// The callee-saved registers (r15 is the g register) pushed on the stack,
// and popped back: the layout of a saved context (goc_swapctx,
// goc_systemstack) and of goc_morestack's block.
macro_rules! ctx_push {
    () => {
        concat!(
            "    push rbp\n",
            "    push rbx\n",
            "    push r12\n",
            "    push r13\n",
            "    push r14\n",
            "    push r15\n",
        )
    };
}
macro_rules! ctx_pop {
    () => {
        concat!(
            "    pop r15\n",
            "    pop r14\n",
            "    pop r13\n",
            "    pop r12\n",
            "    pop rbx\n",
            "    pop rbp\n",
        )
    };
}

// goc_swapctx(save: *mut usize, to: usize): push the callee-saved registers
// (rbp, rbx, r12-r15; r15 is the g register) on the current stack, store
// rsp in *save, load rsp from `to`, pop the registers saved there, return
// into that context.
global_asm!(
    ".globl goc_swapctx",
    ".type goc_swapctx,@function",
    "goc_swapctx:",
    ctx_push!(),
    "    mov [rdi], rsp",
    "    mov rsp, rsi",
    ctx_pop!(),
    "    ret",
    ".size goc_swapctx, . - goc_swapctx",
    // A new goroutine's first context returns here with r12 = its func
    // value and r15 = its G: call the closure (closure object in rdi), then
    // leave through goexit.
    ".globl goc_gostart",
    ".type goc_gostart,@function",
    "goc_gostart:",
    "    mov rdi, r12",
    "    call [r12]",
    "    call {goexit}",
    "    ud2",
    ".size goc_gostart, . - goc_gostart",
    // goc_clone(flags, child_sp, tls) -> tid: the child starts on child_sp,
    // where the caller left [m, entry]; it calls entry(m), which never
    // returns.
    ".globl goc_clone",
    ".type goc_clone,@function",
    "goc_clone:",
    "    mov r8, rdx",
    "    xor edx, edx",
    "    xor r10d, r10d",
    "    mov eax, 56",
    "    syscall",
    "    test rax, rax",
    "    jnz 1f",
    "    xor ebp, ebp",
    "    pop rdi",
    "    pop rax",
    "    call rax",
    "    ud2",
    "1:",
    "    ret",
    ".size goc_clone, . - goc_clone",
    goexit = sym crate::proc::goc_goexit1,
);

extern "C" {
    fn goc_gostart();
}

/// Words `new_context` stores below a stack top.
const CTX_WORDS: usize = 9;

/// Build the first context of a goroutine on the stack ending at `hi`
/// (16-byte aligned): resuming it calls the closure `fnval` with the g
/// register set to `g`, then `proc::goc_goexit1`. Returns the saved sp.
///
/// # Safety
/// `hi` must be the top of a writable stack.
pub unsafe fn new_context(hi: usize, g: usize, fnval: usize) -> usize {
    let sp = hi - CTX_WORDS * 8;
    let w = sp as *mut usize;
    // r15, r14, r13, r12, rbx, rbp, return address
    let vals = [g, 0, 0, fnval, 0, 0, goc_gostart as *const () as usize];
    for (i, v) in vals.iter().enumerate() {
        *w.add(i) = *v;
    }
    sp
}

/// Make `tls` this thread's thread pointer (read back by [`tls`]); its first
/// word must be its own address.
pub unsafe fn set_tls(tls: usize) {
    syscall2(SYS_ARCH_PRCTL, ARCH_SET_FS, tls);
}

/// The thread pointer set by `set_tls` or `start_thread` (0 before).
#[inline(always)]
pub fn tls() -> usize {
    let r: usize;
    unsafe { asm!("mov {}, fs:[0]", out(reg) r, options(nostack, readonly, preserves_flags)) };
    r
}

/// A hint to the CPU inside spin loops.
#[inline(always)]
pub fn cpu_relax() {
    unsafe { asm!("pause", options(nomem, nostack, preserves_flags)) };
}

// ---- defer frames, recovery and calls of deferred functions ----
//
// A defer frame (goc_abi::defers::FRAME_SIZE bytes in the frame of a
// function with `defer`) holds, as saved by goc_deferframe: the return pc
// (0), the stack pointer after the return (8), and rbp, rbx, r12, r13, r14,
// r15 (16..64). System V has no callee-saved vector registers.
//
// goc_deferframe(frame) -> 0 saves them; goc_recovery_jump(frame) restores
// them and returns 1 from that goc_deferframe call again.
//
// goc_calldeferred(fn, g, argp_out, resume) calls the function value `fn`
// (closure object in rdi, code at [fn]) with r15 = g, from a frame of its
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
    "    mov rax, [rsp]",
    "    mov [rdi], rax",
    "    lea rax, [rsp + 8]",
    "    mov [rdi + 8], rax",
    "    mov [rdi + 16], rbp",
    "    mov [rdi + 24], rbx",
    "    mov [rdi + 32], r12",
    "    mov [rdi + 40], r13",
    "    mov [rdi + 48], r14",
    "    mov [rdi + 56], r15",
    "    xor eax, eax",
    "    ret",
    ".size goc_deferframe, . - goc_deferframe",
    "",
    ".globl goc_recovery_jump",
    ".type goc_recovery_jump,@function",
    "goc_recovery_jump:",
    "    mov rbp, [rdi + 16]",
    "    mov rbx, [rdi + 24]",
    "    mov r12, [rdi + 32]",
    "    mov r13, [rdi + 40]",
    "    mov r14, [rdi + 48]",
    "    mov r15, [rdi + 56]",
    "    mov rsp, [rdi + 8]",
    "    mov eax, 1",
    "    jmp qword ptr [rdi]",
    ".size goc_recovery_jump, . - goc_recovery_jump",
    "",
    ".globl goc_calldeferred",
    ".type goc_calldeferred,@function",
    "goc_calldeferred:",
    "    push rbp",
    "    mov rbp, rsp",
    "    push r15",
    "    push rbx",
    "    push r12",
    "    push r13",
    "    mov rbx, rdi",
    "    mov r12, rsi",
    "    mov r13, rdx",
    "    test rcx, rcx",
    "    jz 3f",
    "    mov rdi, rcx",
    "    call goc_deferframe",
    "    test rax, rax",
    "    jnz 4f",
    "3:",
    "    test r13, r13",
    "    jz 2f",
    "    mov [r13], rbp",
    "2:",
    "    mov r15, r12",
    "    mov rdi, rbx",
    "    call qword ptr [rbx]",
    "4:",
    "    pop r13",
    "    pop r12",
    "    pop rbx",
    "    pop r15",
    "    pop rbp",
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

/// Make the interrupted context of a signal call `target` as if the
/// faulting instruction had called it: push the faulting pc as a return
/// address (on a 16-byte aligned stack, as a call leaves it) and continue
/// at `target` with the g register set to `g`.
///
/// # Safety
/// `uctx` must be the ucontext of a synchronous signal on a goroutine stack
/// with room below its stack pointer.
pub unsafe fn push_call(uctx: *mut u8, target: usize, g: usize) {
    let pc = *(uctx.add(UCTX_PC) as *const usize);
    let sp = (*(uctx.add(UCTX_SP) as *const usize) & !15) - 8;
    *(sp as *mut usize) = pc;
    *(uctx.add(UCTX_SP) as *mut usize) = sp;
    *(uctx.add(UCTX_PC) as *mut usize) = target;
    *(uctx.add(UCTX_G) as *mut usize) = g;
}

// ---- stack growth and the system stack (see stack.rs) ----
//
// The M comes from the thread pointer, the G from m.curg: r15 is the G
// only at calls from compiled code.
//
// goc_morestack(need), called by a compiled prologue whose stack check
// failed (or by runtime code, stack::ensure_for_go): caller-saved
// registers are free. It writes nothing
// on the goroutine stack (below the caller's frame there may be no room):
// on the M's system stack (below the scheduler's saved context, g0_sp) it
// saves [r15, r14, r13, r12, rbx, rbp, sp] and calls goc_newstack(need,
// block), which may move the goroutine and adjust the block; then it
// reloads the registers, switches to the (maybe new) stack and jumps to
// goc_morestack_tail, which returns into the prologue.
//
// goc_systemstack(f, arg): save a context like goc_swapctx's in
// g.sched_sp, call f(arg) on the system stack, switch back.
global_asm!(
    ".globl goc_morestack",
    ".type goc_morestack,@function",
    "goc_morestack:",
    "    mov rax, fs:[0]",
    "    mov r11, rsp",
    "    mov rsp, [rax + {m_g0sp}]",
    "    and rsp, -16",
    "    push r11",
    ctx_push!(),
    "    mov rsi, rsp",
    "    sub rsp, 8",
    "    call {newstack}",
    "    add rsp, 8",
    ctx_pop!(),
    "    pop rsp",
    "    jmp {tail}",
    ".size goc_morestack, . - goc_morestack",
    ".globl goc_systemstack",
    ".type goc_systemstack,@function",
    "goc_systemstack:",
    ctx_push!(),
    "    mov rax, fs:[0]",
    "    mov rbx, [rax + {m_curg}]",
    "    mov [rbx + {g_sched_sp}], rsp",
    "    mov rsp, [rax + {m_g0sp}]",
    "    and rsp, -16",
    "    mov rax, rdi",
    "    mov rdi, rsi",
    "    call rax",
    "    mov rsp, [rbx + {g_sched_sp}]",
    ctx_pop!(),
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
pub const MORESTACK_WORDS: usize = 7;
pub const MORESTACK_SP: usize = 6;
