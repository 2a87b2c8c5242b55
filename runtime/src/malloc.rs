//! Memory allocation for Go values.
//!
//! `goc_new(size, align)` returns zeroed memory that lives until the
//! process exits. This is a placeholder for the garbage-collected heap: a
//! bump allocator over 4 MiB chunks obtained with mmap, one chunk per M (so
//! threads never share a bump pointer), where objects of `LARGE` bytes or
//! more get a mapping of their own. Fresh anonymous
//! mappings are zero-filled by the kernel and the bump pointer never moves
//! back, so no memory is ever handed out twice and nothing needs clearing.
//!
//! What the collector will keep: the size classes below. Go rounds every
//! small allocation up to one of these sizes, and `append`'s growth
//! (slice.rs) exposes that rounding through `cap()`, so the table must be
//! exactly Go's (Go 1.27, linux/amd64, 8 KiB pages) for capacities to match.
//!
//! Invariants: every returned pointer is non-null, aligned to `align`
//! (a power of two, at least 1) and to 8, and points to `size` zero bytes;
//! zero-sized requests all return the address of `ZEROBASE`, as Go's
//! `&zerobase`.

use crate::sys;

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

const CHUNK: usize = 4 << 20;
const LARGE: usize = 256 << 10;
/// The bump region used before the first M exists.
static mut CUR: usize = 0;
static mut END: usize = 0;

fn map(len: usize) -> usize {
    match sys::mmap_anon(len, sys::PROT_READ | sys::PROT_WRITE, 0) {
        Some(p) => p as usize,
        None => crate::panic::throw("runtime: out of memory"),
    }
}

/// Allocate `size` zeroed bytes aligned to `align`.
pub fn alloc(size: usize, align: usize) -> *mut u8 {
    if size == 0 {
        return core::ptr::addr_of_mut!(ZEROBASE) as *mut u8;
    }
    if size > MAX_ALLOC {
        crate::panic::throw("runtime: out of memory");
    }
    let align = if align < 8 { 8 } else { align };
    if size >= LARGE || align > 4096 {
        let len = (size + align + 4095) & !4095;
        let p = map(len);
        return ((p + align - 1) & !(align - 1)) as *mut u8;
    }
    // Each M bumps through a chunk of its own, so threads never contend.
    let m = crate::proc::getm();
    let (cur, end) = if m.is_null() {
        unsafe {
            (
                &mut *core::ptr::addr_of_mut!(CUR),
                &mut *core::ptr::addr_of_mut!(END),
            )
        }
    } else {
        unsafe { (&mut (*m).alloc_cur, &mut (*m).alloc_end) }
    };
    let mut p = (*cur + align - 1) & !(align - 1);
    if *cur == 0 || p + size > *end {
        let base = map(CHUNK);
        *cur = base;
        *end = base + CHUNK;
        p = (*cur + align - 1) & !(align - 1);
    }
    *cur = p + size;
    p as *mut u8
}

/// Shape of runtime-internal objects (channel and map headers, timers...)
/// that the collector scans conservatively: every aligned word that points
/// into the heap keeps its object alive. Not a real shape: never read.
pub const CONSERVATIVE: *const u8 = 1 as *const u8;

/// Allocate `size` zeroed bytes of garbage-collected memory, 8-aligned (16
/// for sizes that are multiples of 16). `shape` says where the object's
/// pointers are (a `goc_abi::gcshape` record, repeated every shape-size
/// bytes), is null for pointer-free memory, or [`CONSERVATIVE`].
pub fn mallocgc(size: usize, shape: *const u8) -> *mut u8 {
    let _ = shape;
    alloc(size, if size % 16 == 0 { 16 } else { 8 })
}

/// `new(T)` and every other heap allocation of compiled code: `size` zeroed
/// bytes aligned to `align`; never null.
#[no_mangle]
pub extern "C" fn goc_new(size: usize, align: usize) -> *mut u8 {
    alloc(size, align)
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
