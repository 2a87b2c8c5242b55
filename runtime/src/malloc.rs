//! Memory allocation for Go values: the garbage-collected heap's front end.
//!
//! `mallocgc(size, shape)` rounds small sizes (up to 32 KiB) to a size
//! class and takes a slot from the current P's cache (mcache.rs); larger
//! objects get a span of their own from the page heap (mheap.rs). Every
//! object names its *shape* (goc_abi::gcshape) so the collector knows its
//! pointer words: small objects up to `HEAPBITS_MAX` bytes record them as
//! heap bits, one bit per word of their span; bigger ones keep the shape
//! pointer per slot. Pointer-free objects live in *noscan* spans the
//! collector never reads. The runtime's own records (Gs, sudogs, defer
//! records...) come from persistent.rs instead (`alloc`).
//!
//! The size classes are exactly Go's (Go 1.27, linux/amd64, 8 KiB pages):
//! `append`'s growth (slice.rs) exposes the rounding through `cap()`.
//!
//! Invariants: every returned pointer is non-null, 8-aligned and points to
//! `size` zero bytes (slots of a span that may be dirty are cleared on
//! allocation); zero-sized requests all return the address of `ZEROBASE`,
//! as Go's `&zerobase`; allocation never parks (past the trigger it wakes
//! the collector's thread: mgc.rs); while a cycle marks, what it hands
//! out is marked (black).

// Host unit tests take memory from std (see the test `mallocgc`).
#![cfg_attr(test, allow(dead_code, unused_imports))]

use crate::lock::Mutex;
use crate::mcache::{size_class, MCache, HEAP_LIVE};
use crate::mheap::{self, ST_LARGE};
use crate::proc;
use core::sync::atomic::{AtomicU64, Ordering};
use goc_abi::gcshape;

/// Go's small-object size classes (bytes), class 0 excluded.
pub const SIZE_CLASSES: [u32; 67] = [
    8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352,
    384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048,
    2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];
/// Largest size served from size classes.
pub const MAX_SMALL_SIZE: usize = 32768;
/// Go's heap page size: large objects are rounded up to it.
pub const GO_PAGE_SIZE: usize = 8192;
/// Objects with pointers larger than this carry an 8-byte header in Go's
/// heap, which shifts their rounding.
pub const MIN_SIZE_FOR_MALLOC_HEADER: usize = 512;
pub const MALLOC_HEADER_SIZE: usize = 8;
/// Largest allocation Go allows (48-bit address space).
pub const MAX_ALLOC: usize = 1 << 48;

/// The size Go's allocator really hands out for a request of `size` bytes
/// (Go's roundupsize). `noscan` is true when the object has no pointers.
pub fn roundupsize(size: usize, noscan: bool) -> usize {
    if size <= MAX_SMALL_SIZE - MALLOC_HEADER_SIZE {
        let hdr = if !noscan && size > MIN_SIZE_FOR_MALLOC_HEADER {
            MALLOC_HEADER_SIZE
        } else {
            0
        };
        let req = size + hdr;
        // Smallest class that fits (class sizes are sorted).
        let i = SIZE_CLASSES.partition_point(|&c| (c as usize) < req);
        return SIZE_CLASSES[i] as usize - hdr;
    }
    match size.checked_add(GO_PAGE_SIZE - 1) {
        Some(r) => r & !(GO_PAGE_SIZE - 1),
        None => size,
    }
}

/// Address handed out for zero-sized allocations.
pub static mut ZEROBASE: u64 = 0;

/// Small objects up to this size record their pointers as heap bits (one
/// bit per word of the span); bigger ones keep their shape per slot.
pub const HEAPBITS_MAX: usize = 512;

/// Shape of runtime-internal objects (channel and map headers, timers...)
/// that the collector scans conservatively: every aligned word that points
/// into the heap keeps its object alive. Not a real shape: never read.
pub const CONSERVATIVE: *const u8 = core::ptr::without_provenance(1);

/// The cache for allocations made without a P (start-up, an M between
/// Ps), under `NOP_LOCK`.
static mut NOP_CACHE: MCache = MCache::new();
static NOP_LOCK: Mutex = Mutex::new();

#[inline(always)]
fn shape_word(shape: *const u8, off: i32) -> usize {
    unsafe { core::ptr::read(shape.add(off as usize) as *const u64) as usize }
}

/// Allocate `size` zeroed bytes of garbage-collected memory, aligned to 8
/// (to 16 and more for sizes that are such multiples, as size classes
/// are). `shape` says where the object's pointers are (a `goc_abi::gcshape`
/// record, repeated every shape-size bytes), is null for pointer-free
/// memory, or [`CONSERVATIVE`]. Never collects itself: past the trigger it
/// wakes the collector's thread (`mgc::heap_grew`).
#[cfg(not(test))]
pub fn mallocgc(size: usize, shape: *const u8) -> *mut u8 {
    if size == 0 {
        return core::ptr::addr_of_mut!(ZEROBASE) as *mut u8;
    }
    if size > MAX_ALLOC {
        crate::panic::throw("runtime: out of memory");
    }
    let noscan =
        shape.is_null() || (shape != CONSERVATIVE && shape_word(shape, gcshape::PTRDATA) == 0);
    let shape = if noscan { core::ptr::null() } else { shape };
    if size > MAX_SMALL_SIZE {
        return large_alloc(size, shape);
    }
    let class = size_class(size);
    let spc = class << 1 | noscan as usize;
    let m = proc::getm();
    let p = if m.is_null() {
        core::ptr::null_mut()
    } else {
        unsafe { (*m).p }
    };
    let (mc, locked) = if p.is_null() {
        NOP_LOCK.lock();
        (unsafe { &mut *core::ptr::addr_of_mut!(NOP_CACHE) }, true)
    } else {
        (unsafe { &mut (*p).mcache }, false)
    };
    let (s, idx) = mc.next_free(spc);
    let s = unsafe { &mut *s };
    let elemsize = s.elemsize;
    mc.nmalloc += 1;
    mc.alloc_bytes += elemsize as u64;
    if locked {
        NOP_LOCK.unlock();
    }
    let obj = s.base + idx * elemsize;
    if crate::mgcmark::MARKING.load(Ordering::Relaxed) {
        crate::mgcmark::mark_new(s, idx);
    }
    if s.needzero {
        zero(obj, elemsize);
    }
    if !shape.is_null() {
        if elemsize <= HEAPBITS_MAX {
            set_heap_bits(s, obj, elemsize, shape);
        } else {
            s.bits[idx] = shape as u64;
        }
    }
    obj as *mut u8
}

/// Host unit tests run in parallel threads without a heap arena: zeroed,
/// leaked memory from std.
#[cfg(test)]
pub fn mallocgc(size: usize, _shape: *const u8) -> *mut u8 {
    let l = std::alloc::Layout::from_size_align(size.max(8), 16).unwrap();
    unsafe { std::alloc::alloc_zeroed(l) }
}

/// Clear a slot: small ones word by word (cheaper than `rep stosb`'s
/// start-up; volatile so the loop is not turned back into memset).
#[inline(always)]
fn zero(p: usize, n: usize) {
    if n <= 128 {
        let w = p as *mut u64;
        for i in 0..n / 8 {
            unsafe { core::ptr::write_volatile(w.add(i), 0) };
        }
    } else {
        unsafe { core::ptr::write_bytes(p as *mut u8, 0, n) };
    }
}

/// Record the pointer words of a small object in its span's heap bits.
#[inline(always)]
fn set_heap_bits(s: &mut mheap::Span, obj: usize, elemsize: usize, shape: *const u8) {
    let first = (obj - s.base) >> 3;
    let nwords = elemsize >> 3;
    if s.heapbits_shape != shape {
        s.heapbits_word = slot_heap_bits(nwords, shape);
        s.heapbits_shape = shape;
    }
    write_bits(&mut s.bits, first, nwords, s.heapbits_word);
}

/// The heap bits of one slot of `nwords` words holding values of `shape`
/// (as many whole values as fit), low word first.
#[cold]
fn slot_heap_bits(nwords: usize, shape: *const u8) -> u64 {
    if shape == CONSERVATIVE {
        return if nwords == 64 {
            !0
        } else {
            (1u64 << nwords) - 1
        };
    }
    let vwords = shape_word(shape, gcshape::SIZE) >> 3;
    let pwords = shape_word(shape, gcshape::PTRDATA) >> 3;
    let mask = unsafe { shape.add(gcshape::MASK as usize) };
    let count = nwords / vwords.max(1);
    // Objects up to 512 bytes have at most 64 words: build the bits in one
    // word, value by value. The mask's bytes are the value's bits, low
    // word first (bits past `pwords` are zero).
    let mut one: u64 = 0;
    for b in 0..pwords.div_ceil(8) {
        one |= (unsafe { *mask.add(b) } as u64) << (8 * b);
    }
    let mut word_bits: u64 = 0;
    for v in 0..count {
        word_bits |= one << (v * vwords);
    }
    word_bits
}

/// Store the low `n` (<= 64) bits of `v` at bit `at` of `bits`.
#[inline(always)]
fn write_bits(bits: &mut [u64; mheap::BITMAP_WORDS], at: usize, n: usize, v: u64) {
    let (w, b) = (at >> 6, at & 63);
    let m = if n == 64 { !0u64 } else { (1u64 << n) - 1 };
    bits[w] = (bits[w] & !(m << b)) | (v << b);
    if b + n > 64 {
        let hi = b + n - 64;
        let mh = (1u64 << hi) - 1;
        bits[w + 1] = (bits[w + 1] & !mh) | (v >> (64 - b));
    }
}

#[cold]
fn large_alloc(size: usize, shape: *const u8) -> *mut u8 {
    let npages = size.div_ceil(mheap::PAGE_SIZE);
    let s = unsafe { &mut *mheap::alloc_span(npages, ST_LARGE) };
    s.spc = shape.is_null() as u8;
    s.elemsize = npages * mheap::PAGE_SIZE;
    s.nelems = 1;
    s.freeindex = 1;
    s.allocated = 1;
    s.allocbits = [0; mheap::BITMAP_WORDS];
    s.allocbits[0] = 1;
    s.markbits = [0; mheap::BITMAP_WORDS];
    s.markbits[0] = crate::mgcmark::MARKING.load(Ordering::Relaxed) as u64;
    s.bits[0] = shape as u64;
    s.cached = false;
    if s.needzero {
        unsafe { core::ptr::write_bytes(s.base as *mut u8, 0, s.elemsize) };
    }
    HEAP_LIVE.fetch_add(s.elemsize, Ordering::Relaxed);
    LARGE_NMALLOC.fetch_add(1, Ordering::Relaxed);
    LARGE_BYTES.fetch_add(s.elemsize as u64, Ordering::Relaxed);
    crate::mgc::heap_grew();
    s.base as *mut u8
}

/// Large allocations (MemStats' Mallocs and TotalAlloc).
pub static LARGE_NMALLOC: AtomicU64 = AtomicU64::new(0);
pub static LARGE_BYTES: AtomicU64 = AtomicU64::new(0);

/// Memory for the runtime's own records (never freed; scanned
/// conservatively by the collector): see persistent.rs.
pub fn alloc(size: usize, align: usize) -> *mut u8 {
    crate::persistent::alloc(size, align, true)
}

/// Flush the no-P cache (world stopped).
pub fn flush_nop_cache() {
    unsafe { (*core::ptr::addr_of_mut!(NOP_CACHE)).flush() };
}

/// Objects and bytes allocated by the no-P cache.
pub fn nop_cache_stats() -> (u64, u64) {
    unsafe {
        let c = &*core::ptr::addr_of!(NOP_CACHE);
        (c.nmalloc, c.alloc_bytes)
    }
}

/// The size and the shape `mallocgc` wants of a `goc_abi::gcshape` record
/// named by compiled code: null for a pointer-free one (ptrdata 0).
///
/// # Safety
/// `shape` points at a valid shape.
pub unsafe fn shape_of(shape: *const u8) -> (usize, *const u8) {
    use goc_abi::gcshape;
    let size = *(shape.add(gcshape::SIZE as usize) as *const u64) as usize;
    let ptrdata = *(shape.add(gcshape::PTRDATA as usize) as *const u64);
    (
        size,
        if ptrdata == 0 {
            core::ptr::null()
        } else {
            shape
        },
    )
}

/// `new(T)` and every other heap allocation of compiled code (variables
/// that escape, closures, boxed interface values): one zeroed value of the
/// shape's size; never null (size 0 gives `&ZEROBASE`).
///
/// # Safety
/// `shape` points at a valid `goc_abi::gcshape` record.
#[no_mangle]
pub unsafe extern "C" fn goc_new(shape: *const u8) -> *mut u8 {
    let (size, shape) = shape_of(shape);
    if size == 0 {
        return core::ptr::addr_of_mut!(ZEROBASE) as *mut u8;
    }
    mallocgc(size, shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundup() {
        assert_eq!(roundupsize(1, true), 8);
        assert_eq!(roundupsize(8, true), 8);
        assert_eq!(roundupsize(9, true), 16);
        assert_eq!(roundupsize(40, true), 48);
        assert_eq!(roundupsize(1000, true), 1024);
        assert_eq!(roundupsize(1025, true), 1152);
        assert_eq!(roundupsize(32768, true), 32768);
        assert_eq!(roundupsize(32769, true), 40960);
        // with pointers, above 512 bytes: header of 8
        assert_eq!(roundupsize(520, false), 568);
        assert_eq!(roundupsize(512, false), 512);
        assert_eq!(roundupsize(32760, false), 32760);
        assert_eq!(roundupsize(32761, false), 32768);
    }
}
