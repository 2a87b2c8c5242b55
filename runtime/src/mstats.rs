//! runtime.ReadMemStats: the heap and collector statistics, computed with
//! the world stopped as Go does.
//!
//! Counts come from three places: the collector's totals (`mgc::STATS`:
//! frees, pauses, and the allocations flushed out of caches), the per-P
//! caches' counters (flushed here first), and a walk over the in-use spans
//! for what is allocated now. Mallocs - Frees equals the objects the walk
//! finds, since both count whole slots.
//!
//! Invariants: `MemStats` has exactly the layout of Go's runtime.MemStats
//! (compiler/std/runtime/mstats.go); fields goc cannot know yet (stack
//! memory, per-size-class counts) are zero.

use crate::mcache::NUM_CLASSES;
use crate::mheap::{self, ST_LARGE};
use crate::{malloc, mgc, persistent, proc, stw};
use core::sync::atomic::Ordering;

#[repr(C)]
pub struct BySize {
    pub size: u32,
    pub mallocs: u64,
    pub frees: u64,
}

#[repr(C)]
pub struct MemStats {
    pub alloc: u64,
    pub total_alloc: u64,
    pub sys: u64,
    pub lookups: u64,
    pub mallocs: u64,
    pub frees: u64,
    pub heap_alloc: u64,
    pub heap_sys: u64,
    pub heap_idle: u64,
    pub heap_inuse: u64,
    pub heap_released: u64,
    pub heap_objects: u64,
    pub stack_inuse: u64,
    pub stack_sys: u64,
    pub mspan_inuse: u64,
    pub mspan_sys: u64,
    pub mcache_inuse: u64,
    pub mcache_sys: u64,
    pub buck_hash_sys: u64,
    pub gc_sys: u64,
    pub other_sys: u64,
    pub next_gc: u64,
    pub last_gc: u64,
    pub pause_total_ns: u64,
    pub pause_ns: [u64; 256],
    pub pause_end: [u64; 256],
    pub num_gc: u32,
    pub num_forced_gc: u32,
    pub gc_cpu_fraction: f64,
    pub enable_gc: bool,
    pub debug_gc: bool,
    pub by_size: [BySize; 61],
}

/// runtime.ReadMemStats(m).
#[no_mangle]
pub unsafe extern "C" fn goc_pkg_runtime_ReadMemStats(m: *mut MemStats) {
    stw::stop_the_world();
    // Dead objects count until swept (Go's HeapAlloc does the same, but
    // its runtime.GC returns swept): finish the sweep for exact figures.
    crate::stack::systemstack(crate::mgcsweep::finish);
    mgc::flush_caches();
    let m = &mut *m;
    let (mut objects, mut bytes) = (0u64, 0u64);
    for &s in mheap::allspans() {
        let s = &*s;
        if s.state == ST_LARGE {
            objects += 1;
            bytes += s.elemsize as u64;
        } else {
            objects += s.allocated as u64;
            bytes += (s.allocated * s.elemsize) as u64;
        }
    }
    let st = &*core::ptr::addr_of!(mgc::STATS);
    let (nop_n, nop_b) = malloc::nop_cache_stats();
    let large_n = malloc::LARGE_NMALLOC.load(Ordering::Relaxed);
    let large_b = malloc::LARGE_BYTES.load(Ordering::Relaxed);
    m.alloc = bytes;
    m.heap_alloc = bytes;
    m.total_alloc = st.alloc_bytes + nop_b + large_b;
    m.mallocs = st.nmalloc + nop_n + large_n;
    m.frees = crate::mgcsweep::NFREE.load(Ordering::Relaxed);
    m.heap_objects = objects;
    m.lookups = 0;
    m.heap_sys = mheap::sys_bytes() as u64;
    m.heap_inuse = (mheap::INUSE_PAGES << mheap::PAGE_SHIFT) as u64;
    m.heap_idle = m.heap_sys - m.heap_inuse;
    m.heap_released = (mheap::RELEASED_PAGES << mheap::PAGE_SHIFT) as u64;
    m.stack_inuse = 0;
    m.stack_sys = 0;
    let span_bytes = (mheap::SPAN_RECORDS * core::mem::size_of::<mheap::Span>()) as u64;
    m.mspan_inuse = span_bytes;
    m.mspan_sys = span_bytes;
    let cache_bytes = (proc::MAX_PROCS * core::mem::size_of::<crate::mcache::MCache>()) as u64;
    m.mcache_inuse = cache_bytes;
    m.mcache_sys = cache_bytes;
    m.buck_hash_sys = 0;
    m.gc_sys = 0;
    m.other_sys = persistent::sys_bytes() as u64;
    m.sys = m.heap_sys + m.mspan_sys + m.mcache_sys + m.other_sys;
    m.next_gc = st.next_gc;
    m.last_gc = st.last_gc;
    m.pause_total_ns = st.pause_total_ns;
    m.pause_ns = st.pause_ns;
    m.pause_end = st.pause_end;
    m.num_gc = st.numgc;
    m.num_forced_gc = st.numforced;
    m.gc_cpu_fraction = 0.0;
    m.enable_gc = true;
    m.debug_gc = false;
    for (i, b) in m.by_size.iter_mut().enumerate() {
        b.size = if i == 0 || i >= NUM_CLASSES {
            0
        } else {
            malloc::SIZE_CLASSES[i - 1]
        };
        b.mallocs = 0;
        b.frees = 0;
    }
    stw::start_the_world(0);
}
