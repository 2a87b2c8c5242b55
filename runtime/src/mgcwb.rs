//! The write barrier: what a pointer store does while a cycle marks.
//!
//! It is a deletion (snapshot-at-the-beginning) barrier: before a word of
//! a heap object that may hold a pointer is overwritten, the value it held
//! is shaded (mgcmark::shade), so a path that existed when the roots were
//! scanned cannot be cut before marking followed it (mgcmark.rs explains
//! why that suffices). Stores to stacks, globals and the runtime's own
//! records need none: those are roots, scanned at the snapshot.
//!
//! Compiled code tests `goc_wb_enabled` before every store that may
//! overwrite a pointer in memory and, when it is set, calls `goc_gcwb`
//! (a register-sized value: a mask of its pointer words) or
//! `goc_gcwb_typed` (values of a GC shape: copies and zeroing of memory
//! types, `copy` of slices) before storing. The runtime's own copies into
//! memory that may be a heap object (channel elements, map slots and
//! tables) call `pre_write` first.
//!
//! Invariants: `goc_wb_enabled` changes only with the world stopped
//! (mgc.rs), so a goroutine sees it on or off for a whole stop-free
//! stretch; shading the old value of a word that is not a heap pointer
//! (a stack slot, an integer) is harmless: `shade` ignores non-heap
//! values, and a stray heap-looking integer only keeps garbage a cycle
//! longer.

use crate::mgcmark::shade;
use crate::mheap;
use core::sync::atomic::{AtomicU32, Ordering};
use goc_abi::gcshape;

/// Non-zero while a cycle marks; read by compiled code before stores.
#[no_mangle]
pub static goc_wb_enabled: AtomicU32 = AtomicU32::new(0);

pub fn set_enabled(on: bool) {
    goc_wb_enabled.store(on as u32, Ordering::Release);
}

#[inline(always)]
pub fn enabled() -> bool {
    goc_wb_enabled.load(Ordering::Relaxed) != 0
}

/// Before compiled code stores a register-sized value at `slot`: bit `i`
/// of `mask` says word `i` of the value is a pointer.
#[no_mangle]
pub extern "C" fn goc_gcwb(slot: usize, mut mask: u64) {
    if !mheap::in_heap(slot) {
        return;
    }
    while mask != 0 {
        let i = mask.trailing_zeros() as usize;
        mask &= mask - 1;
        shade(unsafe { *((slot + i * 8) as *const usize) });
    }
}

/// Before compiled code overwrites `n` values of GC shape `shape` at
/// `dst` (a copy or zeroing of memory that holds pointers).
///
/// # Safety
/// `shape` is a gcshape; `dst` is valid for `n` values of it.
#[no_mangle]
pub unsafe extern "C" fn goc_gcwb_typed(dst: usize, shape: *const u8, n: usize) {
    if !mheap::in_heap(dst) || n == 0 {
        return;
    }
    let rd = |off: i32| *(shape.add(off as usize) as *const u64) as usize;
    let size = rd(gcshape::SIZE);
    let pwords = rd(gcshape::PTRDATA) >> 3;
    let mask = shape.add(gcshape::MASK as usize);
    for k in 0..n {
        let base = dst + k * size;
        for i in 0..pwords {
            if *mask.add(i >> 3) >> (i & 7) & 1 != 0 {
                shade(*((base + i * 8) as *const usize));
            }
        }
    }
}

/// Before the runtime overwrites `[dst, dst + len)`, which may be part of
/// a heap object with pointers: shade every word (conservatively).
#[inline]
pub fn pre_write(dst: *const u8, len: usize) {
    if !enabled() || !mheap::in_heap(dst as usize) {
        return;
    }
    let mut p = (dst as usize + 7) & !7;
    while p + 8 <= dst as usize + len {
        shade(unsafe { *(p as *const usize) });
        p += 8;
    }
}
