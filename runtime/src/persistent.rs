//! Persistent allocation: memory for the runtime's own long-lived
//! structures (Gs, Ms, Ps, sudogs, defer records, itabs, span records),
//! which are never freed but recycled on free lists by their owners, as
//! Go's persistentalloc and fixalloc.
//!
//! Memory comes from mmap'd chunks bumped under a lock. Chunks are of two
//! kinds: *scanned* ones hold structures that may point into the
//! garbage-collected heap (a G's defer chain, a sudog's element), and the
//! collector scans every word of them conservatively as roots; *plain*
//! ones hold pointer-free data or pointers only to other persistent
//! memory (itabs, span records) and are never scanned.
//!
//! Invariants: returned memory is zeroed (fresh anonymous mappings) and
//! aligned as asked (at most a page); a chunk is on exactly one list; the
//! list of scanned chunks only grows, and the collector reads it while the
//! world is stopped, when no allocation runs.

use crate::lock::Mutex;
use crate::sys;

const CHUNK: usize = 256 << 10;
/// Most chunks of either kind; 8192 × 256 KiB = 2 GiB of runtime records.
const MAX_CHUNKS: usize = 8192;

struct Arena {
    cur: usize,
    end: usize,
    /// Chunks (base, length), oldest first; the last one is being bumped.
    chunks: [(usize, usize); MAX_CHUNKS],
    nchunks: usize,
    /// Bytes mapped (MemStats' OtherSys and friends).
    sys: usize,
}

static LOCK: Mutex = Mutex::new();
static mut SCANNED: Arena = Arena::new();
static mut PLAIN: Arena = Arena::new();

impl Arena {
    const fn new() -> Arena {
        Arena {
            cur: 0,
            end: 0,
            chunks: [(0, 0); MAX_CHUNKS],
            nchunks: 0,
            sys: 0,
        }
    }

    fn alloc(&mut self, size: usize, align: usize) -> *mut u8 {
        let mut p = (self.cur + align - 1) & !(align - 1);
        if self.cur == 0 || p + size > self.end {
            let len = size.max(CHUNK).next_multiple_of(4096);
            let base = match sys::mmap_anon(len, sys::PROT_READ | sys::PROT_WRITE, 0) {
                Some(b) => b as usize,
                None => crate::panic::throw("runtime: out of memory"),
            };
            if self.nchunks == MAX_CHUNKS {
                crate::panic::throw("runtime: too many persistent chunks");
            }
            self.chunks[self.nchunks] = (base, len);
            self.nchunks += 1;
            self.sys += len;
            self.cur = base;
            self.end = base + len;
            p = base;
        }
        self.cur = p + size;
        p as *mut u8
    }
}

/// `size` zeroed bytes that live for the rest of the run. `scan`: the
/// collector scans them conservatively (they may hold heap pointers).
pub fn alloc(size: usize, align: usize, scan: bool) -> *mut u8 {
    LOCK.lock();
    let a = unsafe {
        if scan {
            &mut *core::ptr::addr_of_mut!(SCANNED)
        } else {
            &mut *core::ptr::addr_of_mut!(PLAIN)
        }
    };
    let p = a.alloc(size, align.max(8));
    LOCK.unlock();
    p
}

/// Call `f(lo, hi)` for every used range of scanned memory. Only while the
/// world is stopped.
pub fn for_each_scanned(mut f: impl FnMut(usize, usize)) {
    let a = unsafe { &*core::ptr::addr_of!(SCANNED) };
    // A chunk before the last is scanned to its end: its unused tail is
    // zero and costs little.
    for (i, &(base, len)) in a.chunks[..a.nchunks].iter().enumerate() {
        let end = if i + 1 == a.nchunks {
            a.cur
        } else {
            base + len
        };
        f(base, end);
    }
}

/// Bytes mapped for persistent records.
pub fn sys_bytes() -> usize {
    unsafe { (*core::ptr::addr_of!(SCANNED)).sys + (*core::ptr::addr_of!(PLAIN)).sys }
}
