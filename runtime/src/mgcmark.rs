//! Marking: find every object reachable from the roots, with the world
//! stopped.
//!
//! Roots: the Go globals (precisely, through the compiler's table), the
//! runtime's own statics (its .data and .bss) and its scanned persistent
//! records (Gs, sudogs, defer records, timer heaps) conservatively, and
//! every goroutine's stack. A stack is walked by its frame-pointer chain:
//! frames of compiled Go code are scanned precisely with the stack-map
//! table, every other word (runtime frames, saved registers) conservatively.
//! A goroutine that is not running starts its walk at the context its
//! last switch saved; one in a system call at what `entersyscall` saved;
//! the collecting goroutine at its own registers.
//!
//! An object is marked by setting its bit in its span's `markbits`; a
//! marked object with pointers goes on the work stack once, and draining
//! the stack scans it: small objects by their heap bits, bigger ones by
//! their shape, conservative ones word by word. Interior pointers mark the
//! object containing them. A conservative word marks only allocated
//! objects; it may keep garbage alive but never frees anything live,
//! since nothing moves.
//!
//! Invariants: markbits are all clear when marking starts (the previous
//! sweep cleared them, new spans start clear); only this thread marks.

use crate::malloc::{CONSERVATIVE, HEAPBITS_MAX};
use crate::mheap::{self, Span, ST_LARGE};
use crate::proc::{self, G, G_DEAD, G_IDLE, G_SYSCALL};
use crate::{arch, persistent, sys};
use goc_abi::gcshape;

/// The work stack: object bases to scan. Reserved once; 32M entries.
const WORK_CAP: usize = 32 << 20;
static mut WORK: *mut usize = core::ptr::null_mut();
static mut NWORK: usize = 0;
/// Bytes marked, for the pacer and statistics.
pub static mut MARKED_BYTES: usize = 0;

/// Mark everything reachable. World stopped, caches flushed.
pub fn mark() {
    unsafe {
        if WORK.is_null() {
            match sys::mmap_anon(
                WORK_CAP * 8,
                sys::PROT_READ | sys::PROT_WRITE,
                sys::MAP_NORESERVE,
            ) {
                Some(p) => WORK = p as *mut usize,
                None => crate::panic::throw("runtime: cannot allocate the mark stack"),
            }
        }
        MARKED_BYTES = 0;
    }
    scan_statics();
    persistent::for_each_scanned(|lo, hi| scan_conservative(lo, hi));
    let me = proc::curg_ptr();
    for &gp in proc::allgs() {
        if gp != me {
            scan_g(gp);
        }
    }
    scan_own_stack(me);
    drain();
}

#[cfg(not(test))]
fn scan_statics() {
    extern "C" {
        static __goc_data_start: u8;
        static __goc_data_end: u8;
        static __goc_bss_start: u8;
        static __goc_bss_end: u8;
    }
    scan_conservative(
        core::ptr::addr_of!(__goc_data_start) as usize,
        core::ptr::addr_of!(__goc_data_end) as usize,
    );
    scan_conservative(
        core::ptr::addr_of!(__goc_bss_start) as usize,
        core::ptr::addr_of!(__goc_bss_end) as usize,
    );
}

#[cfg(test)]
fn scan_statics() {}

/// Scan a goroutine that is not running here.
fn scan_g(gp: *mut G) {
    let g = unsafe { &*gp };
    let status = g.status.load(core::sync::atomic::Ordering::Acquire);
    if status == G_DEAD || status == G_IDLE || g.stack_hi == 0 {
        return;
    }
    if status == G_SYSCALL {
        scan_conservative(
            g.syscall_regs.as_ptr() as usize,
            g.syscall_regs.as_ptr() as usize + 8 * g.syscall_regs.len(),
        );
        scan_stack(g.syscall_sp, g.syscall_fp, 0, g.stack_hi as usize);
        return;
    }
    let sp = g.sched_sp as usize;
    if sp == 0 {
        return;
    }
    let ctx = sp as *const usize;
    let (fp, pc) = unsafe { (*ctx.add(arch::CTX_FP), *ctx.add(arch::CTX_PC)) };
    scan_stack(sp, fp, pc, g.stack_hi as usize);
}

/// Scan the collecting goroutine's own stack, from this frame up.
#[inline(never)]
fn scan_own_stack(gp: *mut G) {
    let mut regs = [0usize; 12];
    arch::save_callee_saved(&mut regs);
    let sp = arch::sp();
    let fp = arch::fp();
    let hi = unsafe { (*gp).stack_hi as usize };
    scan_stack(sp, fp, 0, hi);
    core::hint::black_box(&regs);
}

/// Scan the stack `[sp, hi)` whose innermost frame record is at `fp`, its
/// function at `pc` (0: not compiled Go code).
fn scan_stack(sp: usize, mut fp: usize, mut pc: usize, hi: usize) {
    let mut cur = sp;
    while fp >= cur && fp + 16 <= hi && fp % 8 == 0 {
        if let Some(lo) = go_frame(pc, fp) {
            scan_conservative(cur, lo.min(fp));
            cur = fp + 16;
        }
        let (next_fp, next_pc) = unsafe { (*(fp as *const usize), *((fp + 8) as *const usize)) };
        if next_fp <= fp {
            break;
        }
        fp = next_fp;
        pc = next_pc;
    }
    scan_conservative(cur, hi);
}

/// A compiled Go frame: scan it precisely and return its lowest address.
/// (The stack-map table is not emitted yet: every frame is scanned
/// conservatively.)
fn go_frame(pc: usize, fp: usize) -> Option<usize> {
    let _ = (pc, fp);
    None
}

/// Every aligned word in `[lo, hi)` that points into an allocated object.
pub fn scan_conservative(lo: usize, hi: usize) {
    let mut p = (lo + 7) & !7;
    while p + 8 <= hi {
        let v = unsafe { *(p as *const usize) };
        if mheap::in_heap(v) {
            mark_addr(v);
        }
        p += 8;
    }
}

/// Mark the object containing address `p`, if `p` is in an allocated one.
#[inline]
pub fn mark_addr(p: usize) {
    let s = mheap::span_of(p);
    if s.is_null() {
        return;
    }
    let s = unsafe { &mut *s };
    let idx = if s.state == ST_LARGE {
        0
    } else {
        let i = (p - s.base) / s.elemsize;
        if i >= s.nelems {
            return;
        }
        i
    };
    let (w, b) = (idx >> 6, 1u64 << (idx & 63));
    if s.allocbits[w] & b == 0 || s.markbits[w] & b != 0 {
        return;
    }
    s.markbits[w] |= b;
    unsafe { MARKED_BYTES += s.elemsize };
    if !s.noscan() {
        unsafe {
            if NWORK == WORK_CAP {
                crate::panic::throw("runtime: mark stack overflow");
            }
            *WORK.add(NWORK) = s.base + idx * s.elemsize;
            NWORK += 1;
        }
    }
}

fn drain() {
    loop {
        let obj = unsafe {
            if NWORK == 0 {
                return;
            }
            NWORK -= 1;
            *WORK.add(NWORK)
        };
        scan_object(obj);
    }
}

#[inline]
fn mark_word(slot: usize) {
    let v = unsafe { *(slot as *const usize) };
    if mheap::in_heap(v) {
        mark_addr(v);
    }
}

/// Scan a marked object with pointers.
fn scan_object(obj: usize) {
    let s = unsafe { &*mheap::span_of(obj) };
    let size = s.elemsize;
    if s.state != ST_LARGE && size <= HEAPBITS_MAX {
        scan_heap_bits(s, obj, size);
        return;
    }
    let idx = if s.state == ST_LARGE {
        0
    } else {
        (obj - s.base) / size
    };
    let shape = s.bits[idx] as *const u8;
    if shape == CONSERVATIVE {
        scan_conservative(obj, obj + size);
        return;
    }
    scan_shape(obj, size, shape);
}

fn scan_heap_bits(s: &Span, obj: usize, size: usize) {
    let first = (obj - s.base) >> 3;
    let n = size >> 3;
    let (w, b) = (first >> 6, first & 63);
    let mut bits = s.bits[w] >> b;
    if b + n > 64 {
        bits |= s.bits[w + 1] << (64 - b);
    }
    if n < 64 {
        bits &= (1u64 << n) - 1;
    }
    while bits != 0 {
        let i = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        mark_word(obj + i * 8);
    }
}

/// Scan `size` bytes at `obj` holding values of `shape`, one after another.
fn scan_shape(obj: usize, size: usize, shape: *const u8) {
    let rd = |off: i32| unsafe { *(shape.add(off as usize) as *const u64) as usize };
    let vsize = rd(gcshape::SIZE).max(8);
    let pwords = rd(gcshape::PTRDATA) >> 3;
    let mask = unsafe { shape.add(gcshape::MASK as usize) };
    let mut base = obj;
    while base + vsize <= obj + size {
        for w in 0..pwords {
            if unsafe { *mask.add(w >> 3) } >> (w & 7) & 1 != 0 {
                mark_word(base + w * 8);
            }
        }
        base += vsize;
    }
}
