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
pub const SYS_MUNMAP: usize = 11;
pub const SYS_RT_SIGACTION: usize = 13;
pub const SYS_RT_SIGPROCMASK: usize = 14;
pub const SYS_SIGALTSTACK: usize = 131;
pub const SYS_GETPID: usize = 39;
pub const SYS_GETTID: usize = 186;
pub const SYS_TGKILL: usize = 234;
pub const SYS_EXIT_GROUP: usize = 231;

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
