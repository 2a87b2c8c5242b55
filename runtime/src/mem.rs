//! The C memory primitives: memcpy, memmove, memset, memcmp, bcmp.
//!
//! Cranelift lowers large copies and zeroings to calls to these symbols, and
//! rustc emits them for `core::ptr::copy*`/`write_bytes` and slice
//! comparisons, so with no libc the runtime must define them. They must
//! never call themselves: the copying and filling go through `arch`'s
//! string instructions (`rep movsb` / `rep stosb` on x86_64), which the
//! compiler cannot recognise as a memcpy idiom, and the comparison loop
//! reads bytes with volatile loads for the same reason.
//!
//! Invariants: memmove handles any overlap; memcpy is memmove (a caller
//! passing overlapping ranges gets a correct result rather than garbage).
//!
//! Not compiled for host unit tests, where libc provides them.

use crate::arch;

#[no_mangle]
pub unsafe extern "C" fn memmove(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    if n <= 32 {
        small_move(dst, src, n);
        return dst;
    }
    if (dst as usize).wrapping_sub(src as usize) >= n {
        // dst below src, or the ranges do not overlap: copy upwards.
        arch::copy_forward(dst, src, n);
    } else {
        arch::copy_backward(dst, src, n);
    }
    dst
}

/// Copies of up to 32 bytes (channel elements, small structs), where the
/// string instructions' start-up cost dominates: every source word is
/// loaded before anything is stored, so overlap is fine. Words at both
/// ends cover the sizes between powers of two.
#[inline(always)]
unsafe fn small_move(dst: *mut u8, src: *const u8, n: usize) {
    use core::ptr::{read_unaligned as rd, write_unaligned as wr};
    if n >= 16 {
        let (a, b) = (rd(src as *const u64), rd(src.add(8) as *const u64));
        let (c, d) = (
            rd(src.add(n - 16) as *const u64),
            rd(src.add(n - 8) as *const u64),
        );
        wr(dst as *mut u64, a);
        wr(dst.add(8) as *mut u64, b);
        wr(dst.add(n - 16) as *mut u64, c);
        wr(dst.add(n - 8) as *mut u64, d);
    } else if n >= 8 {
        let (a, b) = (rd(src as *const u64), rd(src.add(n - 8) as *const u64));
        wr(dst as *mut u64, a);
        wr(dst.add(n - 8) as *mut u64, b);
    } else if n >= 4 {
        let (a, b) = (rd(src as *const u32), rd(src.add(n - 4) as *const u32));
        wr(dst as *mut u32, a);
        wr(dst.add(n - 4) as *mut u32, b);
    } else if n >= 2 {
        let (a, b) = (rd(src as *const u16), rd(src.add(n - 2) as *const u16));
        wr(dst as *mut u16, a);
        wr(dst.add(n - 2) as *mut u16, b);
    } else if n == 1 {
        *dst = *src;
    }
}

#[no_mangle]
pub unsafe extern "C" fn memcpy(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    memmove(dst, src, n)
}

#[no_mangle]
pub unsafe extern "C" fn memset(dst: *mut u8, c: i32, n: usize) -> *mut u8 {
    arch::fill(dst, c as u8, n);
    dst
}

#[no_mangle]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    // Skip equal 8-byte words first; the byte loop finds the difference.
    while i + 8 <= n {
        let x = core::ptr::read_unaligned(a.add(i) as *const u64);
        let y = core::ptr::read_unaligned(b.add(i) as *const u64);
        if x != y {
            break;
        }
        i += 8;
    }
    while i < n {
        let x = core::ptr::read_volatile(a.add(i));
        let y = core::ptr::read_volatile(b.add(i));
        if x != y {
            return x as i32 - y as i32;
        }
        i += 1;
    }
    0
}

#[no_mangle]
pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    memcmp(a, b, n)
}
