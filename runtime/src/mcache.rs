//! Small-object allocation: per-P caches over central span lists, as Go's
//! mcache and mcentral.
//!
//! A *span class* is a size class and a noscan bit. Each P's [`MCache`]
//! holds at most one span per class and allocates from it without locks
//! (only the goroutine running on the P allocates from its cache, and
//! allocation never parks). A full span is simply dropped by the cache
//! (the sweeper finds it through the heap's span list); the cache then
//! takes a span with free slots from the class's central list, or a new
//! span from the page heap.
//!
//! Invariants: a span with free slots is either held by exactly one cache
//! (`cached`), or on its class's central list, or full, or waiting to be
//! swept; the collector empties every cache at the end of marking, and the
//! sweeper rebuilds the central lists from scratch. The free slots of a cached
//! span count as allocated in `HEAP_LIVE` (the pacer's view), as Go counts
//! them when a span is cached.

use crate::lock::Mutex;
use crate::malloc::SIZE_CLASSES;
use crate::mheap::{self, Span, PAGE_SIZE, ST_SMALL};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicUsize, Ordering};

/// Size classes including class 0 (large objects).
pub const NUM_CLASSES: usize = SIZE_CLASSES.len() + 1;
pub const NUM_SPANCLASSES: usize = NUM_CLASSES * 2;

/// Pages per span of each class: the fewest pages whose tail waste is at
/// most an eighth of the span.
pub const CLASS_NPAGES: [u8; NUM_CLASSES] = {
    let mut t = [0u8; NUM_CLASSES];
    let mut c = 1;
    while c < NUM_CLASSES {
        let size = SIZE_CLASSES[c - 1] as usize;
        let mut n = 1;
        while (n * PAGE_SIZE) % size > (n * PAGE_SIZE) / 8 {
            n += 1;
        }
        t[c] = n as u8;
        c += 1;
    }
    t
};

/// Class of a small size: for sizes up to 1024, indexed by (size+7)/8; for
/// larger ones by (size-1024+127)/128.
const CLASS8: [u8; 129] = {
    let mut t = [0u8; 129];
    let mut i = 1;
    let mut c = 0;
    while i < 129 {
        while (SIZE_CLASSES[c] as usize) < i * 8 {
            c += 1;
        }
        t[i] = (c + 1) as u8;
        i += 1;
    }
    t
};
const CLASS128: [u8; 249] = {
    let mut t = [0u8; 249];
    let mut i = 0;
    let mut c = 0;
    while i < 249 {
        while (SIZE_CLASSES[c] as usize) < 1024 + i * 128 {
            c += 1;
        }
        t[i] = (c + 1) as u8;
        i += 1;
    }
    t
};

/// The size class of a small allocation of `size` (1..=32768) bytes.
#[inline(always)]
pub fn size_class(size: usize) -> usize {
    if size <= 1024 {
        CLASS8[(size + 7) >> 3] as usize
    } else {
        CLASS128[(size - 1024 + 127) >> 7] as usize
    }
}

/// Bytes the pacer counts as allocated since the last collection's end
/// plus what it found live (Go's heapLive).
pub static HEAP_LIVE: AtomicUsize = AtomicUsize::new(0);

pub struct MCache {
    pub alloc: [*mut Span; NUM_SPANCLASSES],
    /// Objects and bytes allocated through this cache (MemStats).
    pub nmalloc: u64,
    pub alloc_bytes: u64,
}

impl Default for MCache {
    fn default() -> MCache {
        MCache::new()
    }
}

impl MCache {
    pub const fn new() -> MCache {
        MCache {
            alloc: [null_mut(); NUM_SPANCLASSES],
            nmalloc: 0,
            alloc_bytes: 0,
        }
    }

    /// A free slot of span class `spc`: (span, slot index).
    #[inline(always)]
    pub fn next_free(&mut self, spc: usize) -> (*mut Span, usize) {
        let s = self.alloc[spc];
        if !s.is_null() {
            if let Some(i) = unsafe { take_slot(&mut *s) } {
                return (s, i);
            }
        }
        self.refill(spc)
    }

    #[cold]
    fn refill(&mut self, spc: usize) -> (*mut Span, usize) {
        let old = self.alloc[spc];
        if !old.is_null() {
            unsafe { (*old).cached = false };
        }
        let s = central_get(spc);
        unsafe {
            (*s).cached = true;
            HEAP_LIVE.fetch_add(
                ((*s).nelems - (*s).allocated) * (*s).elemsize,
                Ordering::Relaxed,
            );
            self.alloc[spc] = s;
            let i = take_slot(&mut *s).expect("refilled span has a free slot");
            crate::mgc::heap_grew();
            (s, i)
        }
    }

    /// Give every span back (they stay where the sweeper finds them); their
    /// free slots no longer count as allocated.
    pub fn flush(&mut self) {
        for s in self.alloc.iter_mut() {
            if !s.is_null() {
                unsafe {
                    (**s).cached = false;
                    let free = ((**s).nelems - (**s).allocated) * (**s).elemsize;
                    HEAP_LIVE.fetch_sub(
                        free.min(HEAP_LIVE.load(Ordering::Relaxed)),
                        Ordering::Relaxed,
                    );
                }
                *s = null_mut();
            }
        }
    }
}

/// The first free slot at or after `freeindex`, marked allocated.
#[inline(always)]
unsafe fn take_slot(s: &mut Span) -> Option<usize> {
    let mut i = s.freeindex;
    while i < s.nelems {
        let w = i >> 6;
        let free = !s.allocbits[w] & (!0u64 << (i & 63));
        if free != 0 {
            let j = (w << 6) | free.trailing_zeros() as usize;
            if j >= s.nelems {
                break;
            }
            s.allocbits[w] |= 1 << (j & 63);
            s.allocated += 1;
            s.freeindex = j + 1;
            return Some(j);
        }
        i = (w + 1) << 6;
    }
    s.freeindex = s.nelems;
    None
}

struct Central {
    lock: Mutex,
    partial: *mut Span,
}

static mut CENTRAL: [Central; NUM_SPANCLASSES] = [const {
    Central {
        lock: Mutex::new(),
        partial: null_mut(),
    }
}; NUM_SPANCLASSES];

/// A span of class `spc` with a free slot: from the central list or new.
/// While the last cycle's sweep runs, sweep spans (any class) until one of
/// this class comes back with free slots before growing the heap.
fn central_get(spc: usize) -> *mut Span {
    let c = unsafe { &mut *core::ptr::addr_of_mut!(CENTRAL[spc]) };
    loop {
        c.lock.lock();
        let s = c.partial;
        if !s.is_null() {
            unsafe { c.partial = (*s).next };
        }
        c.lock.unlock();
        if !s.is_null() {
            unsafe { (*s).next = null_mut() };
            return s;
        }
        if !crate::stack::systemstack(crate::mgcsweep::sweep_next) {
            break;
        }
    }
    let class = spc >> 1;
    let npages = CLASS_NPAGES[class] as usize;
    let s = mheap::alloc_span(npages, ST_SMALL);
    unsafe {
        let sp = &mut *s;
        sp.spc = spc as u8;
        sp.elemsize = SIZE_CLASSES[class - 1] as usize;
        sp.divmul = divmul(sp.elemsize);
        sp.nelems = (npages * PAGE_SIZE) / sp.elemsize;
        sp.freeindex = 0;
        sp.allocated = 0;
        sp.allocbits = [0; mheap::BITMAP_WORDS];
        sp.markbits = [0; mheap::BITMAP_WORDS];
        sp.bits = [0; mheap::BITMAP_WORDS];
        sp.heapbits_shape = core::ptr::null();
        sp.cached = false;
    }
    s
}

/// The reciprocal `Span::slot` multiplies by.
pub const fn divmul(size: usize) -> u64 {
    (u32::MAX / size as u32) as u64 + 1
}

/// Put a swept span with free slots on its central list.
pub fn central_put(s: *mut Span) {
    unsafe {
        let c = &mut *core::ptr::addr_of_mut!(CENTRAL[(*s).spc as usize]);
        c.lock.lock();
        (*s).next = c.partial;
        c.partial = s;
        c.lock.unlock();
    }
}

/// Forget every central list (the sweeper refills them).
pub fn central_reset() {
    unsafe {
        for c in (*core::ptr::addr_of_mut!(CENTRAL)).iter_mut() {
            c.partial = null_mut();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        for size in 1..=32768usize {
            let c = size_class(size);
            assert!(SIZE_CLASSES[c - 1] as usize >= size, "{size}");
            assert!(c == 1 || (SIZE_CLASSES[c - 2] as usize) < size, "{size}");
        }
        for c in 1..NUM_CLASSES {
            let size = SIZE_CLASSES[c - 1] as usize;
            let n = CLASS_NPAGES[c] as usize * PAGE_SIZE / size;
            assert!(n <= mheap::BITMAP_WORDS * 64);
            // Heap bits cover one-page spans; bigger objects keep a shape
            // pointer per slot.
            let span = CLASS_NPAGES[c] as usize * PAGE_SIZE;
            let dm = divmul(size);
            for off in 0..span {
                assert_eq!(((off as u64 * dm) >> 32) as usize, off / size, "class {c}");
            }
            if size <= crate::malloc::HEAPBITS_MAX {
                assert_eq!(CLASS_NPAGES[c], 1, "class {c}");
            } else {
                assert!(n <= mheap::BITMAP_WORDS, "class {c}: {n} objects");
            }
        }
    }
}
