//! The page heap: spans of 8 KiB pages carved from one arena, as Go's
//! mheap.
//!
//! The arena is a single `MAP_NORESERVE` reservation made at start-up (the
//! largest of 64 GiB, 32 GiB, ... the kernel grants); pages are handed out
//! from its bottom and never unmapped, so an address is in the heap iff it
//! lies in `[ARENA_LO, ARENA_LO + used)`, and `SPANS[page]` finds the span
//! owning a page in O(1). A span is a run of pages that is either *free*
//! (on a free list, by length up to 127 pages, longer runs on one list
//! searched best-fit) or *in use*: a span of small objects of one size
//! class, or one large object.
//!
//! Invariants (all under `LOCK`, except `SPANS` reads by the collector with
//! the world stopped and by `span_of` for pages of in-use spans):
//! - every page of an in-use span maps to it in `SPANS`; a free span is
//!   mapped at its first and last page (for coalescing); other entries may
//!   be stale, so every lookup checks the span's state and bounds;
//! - two free spans are never adjacent (freeing coalesces);
//! - a free span's `needzero` says whether any of its pages may be dirty;
//!   `scavenged` says all its pages were returned to the OS (madvise), which
//!   makes them zero again;
//! - in-use spans are listed in `ALLSPANS` (their `sweep_index`), which
//!   the sweeper walks.

use crate::lock::Mutex;
use crate::persistent;
use crate::sys;
use core::ptr::null_mut;

pub const PAGE_SHIFT: usize = 13;
pub const PAGE_SIZE: usize = 1 << PAGE_SHIFT;
/// Free runs shorter than this have a list each.
const NFREE: usize = 128;
/// The heap grows by at least this many pages at a time.
const GROW_PAGES: usize = 64;

pub const ST_FREE: u8 = 0;
pub const ST_SMALL: u8 = 1;
pub const ST_LARGE: u8 = 2;
pub const ST_DEAD: u8 = 3;

/// Bits per span bitmap: enough for the most objects in one span (1024
/// eight-byte objects in a page) and for one bit per word of a one-page
/// span (heap bits).
pub const BITMAP_WORDS: usize = 16;

#[repr(C)]
pub struct Span {
    pub base: usize,
    pub npages: usize,
    /// Links on a free list or a central list.
    pub next: *mut Span,
    pub prev: *mut Span,
    pub state: u8,
    /// Size class << 1 | noscan (0 for large objects, whose noscan bit is
    /// still bit 0).
    pub spc: u8,
    pub needzero: bool,
    pub scavenged: bool,
    /// A cache holds the span (its free slots are counted as allocated).
    pub cached: bool,
    pub elemsize: usize,
    /// `ceil(2^32 / elemsize)`: `(off * divmul) >> 32 == off / elemsize`
    /// for every offset in a small-object span (checked for every class).
    pub divmul: u64,
    pub nelems: usize,
    /// Next slot index to look at for a free slot.
    pub freeindex: usize,
    /// Slots allocated (set in `allocbits`).
    pub allocated: usize,
    /// Position in `ALLSPANS`.
    pub sweep_index: usize,
    pub allocbits: [u64; BITMAP_WORDS],
    pub markbits: [u64; BITMAP_WORDS],
    /// Scan information: for small objects up to `HEAPBITS_MAX` bytes, one
    /// bit per word of the span (set: the word holds a pointer); for larger
    /// objects of a scanned span, the shape of each slot (`bits[i]` is slot
    /// `i`'s shape pointer). Unused for noscan spans.
    pub bits: [u64; BITMAP_WORDS],
    /// The shape whose heap bits for one slot `heapbits_word` holds: most
    /// spans only ever hold objects of one shape (malloc.rs,
    /// `set_heap_bits`). Null when none is cached.
    pub heapbits_shape: *const u8,
    pub heapbits_word: u64,
}

impl Span {
    #[inline(always)]
    pub fn limit(&self) -> usize {
        self.base + (self.npages << PAGE_SHIFT)
    }
    /// The slot containing byte `off` of a small-object span.
    #[inline(always)]
    pub fn slot(&self, off: usize) -> usize {
        ((off as u64 * self.divmul) >> 32) as usize
    }
    #[inline(always)]
    pub fn noscan(&self) -> bool {
        self.spc & 1 != 0
    }
}

static LOCK: Mutex = Mutex::new();
pub static mut ARENA_LO: usize = 0;
static mut ARENA_PAGES: usize = 0;
/// Pages handed out from the bottom of the arena so far.
pub static mut USED_PAGES: usize = 0;
static mut SPANS: *mut *mut Span = null_mut();
static mut FREE: [*mut Span; NFREE] = [null_mut(); NFREE];
static mut FREE_LARGE: *mut Span = null_mut();
/// Recycled span records.
static mut SPAN_POOL: *mut Span = null_mut();
static mut ALLSPANS: *mut *mut Span = null_mut();
static mut NALLSPANS: usize = 0;
static mut CAPALLSPANS: usize = 0;

/// Page accounting (bytes are pages << PAGE_SHIFT).
pub static mut INUSE_PAGES: usize = 0;
pub static mut RELEASED_PAGES: usize = 0;
pub static mut SPAN_RECORDS: usize = 0;

/// Reserve the arena. Called once, before the first allocation.
pub fn init() {
    let mut size: usize = 64 << 30;
    loop {
        if let Some(p) = sys::mmap_anon(size, sys::PROT_READ | sys::PROT_WRITE, sys::MAP_NORESERVE)
        {
            let npages = size >> PAGE_SHIFT;
            let tab = sys::mmap_anon(
                npages * 8,
                sys::PROT_READ | sys::PROT_WRITE,
                sys::MAP_NORESERVE,
            );
            let Some(tab) = tab else {
                crate::panic::throw("runtime: cannot reserve the span table");
            };
            unsafe {
                // Page-align the arena start to PAGE_SIZE (mmap gives 4 KiB).
                let lo = (p as usize + PAGE_SIZE - 1) & !(PAGE_SIZE - 1);
                ARENA_LO = lo;
                ARENA_PAGES = npages - 1;
                SPANS = tab as *mut *mut Span;
            }
            return;
        }
        size /= 2;
        if size < (256 << 20) {
            crate::panic::throw("runtime: cannot reserve the heap arena");
        }
    }
}

/// Is `p` inside the part of the arena handed out so far?
#[inline(always)]
pub fn in_heap(p: usize) -> bool {
    unsafe { p.wrapping_sub(ARENA_LO) < (USED_PAGES << PAGE_SHIFT) }
}

/// The in-use span containing heap address `p`, or null.
#[inline(always)]
pub fn span_of(p: usize) -> *mut Span {
    if !in_heap(p) {
        return null_mut();
    }
    unsafe {
        let s = *SPANS.add((p - ARENA_LO) >> PAGE_SHIFT);
        if s.is_null() || (*s).state == ST_FREE || (*s).state == ST_DEAD {
            return null_mut();
        }
        if p < (*s).base || p >= (*s).limit() {
            return null_mut();
        }
        s
    }
}

unsafe fn set_spans(s: *mut Span, all: bool) {
    let first = ((*s).base - ARENA_LO) >> PAGE_SHIFT;
    let n = (*s).npages;
    if all {
        for i in 0..n {
            *SPANS.add(first + i) = s;
        }
    } else {
        *SPANS.add(first) = s;
        *SPANS.add(first + n - 1) = s;
    }
}

unsafe fn new_record() -> *mut Span {
    let s = SPAN_POOL;
    if !s.is_null() {
        SPAN_POOL = (*s).next;
        core::ptr::write_bytes(s, 0, 1);
        return s;
    }
    SPAN_RECORDS += 1;
    persistent::alloc(core::mem::size_of::<Span>(), 8, false) as *mut Span
}

unsafe fn free_record(s: *mut Span) {
    (*s).state = ST_DEAD;
    (*s).next = SPAN_POOL;
    SPAN_POOL = s;
}

unsafe fn list_head(n: usize) -> *mut *mut Span {
    if n < NFREE {
        core::ptr::addr_of_mut!(FREE[n])
    } else {
        core::ptr::addr_of_mut!(FREE_LARGE)
    }
}

unsafe fn free_insert(s: *mut Span) {
    let h = list_head((*s).npages);
    (*s).prev = null_mut();
    (*s).next = *h;
    if !(*h).is_null() {
        (**h).prev = s;
    }
    *h = s;
}

unsafe fn free_remove(s: *mut Span) {
    let h = list_head((*s).npages);
    if (*s).prev.is_null() {
        *h = (*s).next;
    } else {
        (*(*s).prev).next = (*s).next;
    }
    if !(*s).next.is_null() {
        (*(*s).next).prev = (*s).prev;
    }
    (*s).next = null_mut();
    (*s).prev = null_mut();
}

/// A free span of at least `npages`, taken off its list, or null.
unsafe fn find_free(npages: usize) -> *mut Span {
    for &s in &(&*core::ptr::addr_of!(FREE))[npages.min(NFREE)..] {
        if !s.is_null() {
            free_remove(s);
            return s;
        }
    }
    // Best fit among the long runs (lowest address on ties keeps the heap
    // compact).
    let mut best: *mut Span = null_mut();
    let mut s = FREE_LARGE;
    while !s.is_null() {
        if (*s).npages >= npages
            && (best.is_null()
                || (*s).npages < (*best).npages
                || ((*s).npages == (*best).npages && (*s).base < (*best).base))
        {
            best = s;
        }
        s = (*s).next;
    }
    if !best.is_null() {
        free_remove(best);
    }
    best
}

/// Take fresh pages from the arena as a free span (not on a list).
unsafe fn grow(npages: usize) -> *mut Span {
    let n = npages.max(GROW_PAGES);
    if USED_PAGES + n > ARENA_PAGES {
        crate::panic::throw("runtime: out of memory");
    }
    let s = new_record();
    (*s).base = ARENA_LO + (USED_PAGES << PAGE_SHIFT);
    (*s).npages = n;
    (*s).state = ST_FREE;
    (*s).needzero = false;
    (*s).scavenged = false;
    USED_PAGES += n;
    // Merge with a free span ending where this one starts.
    coalesce(s)
}

/// Merge free span `s` (on no list) with free neighbours; returns the
/// merged span (on no list, mapped at its ends).
unsafe fn coalesce(mut s: *mut Span) -> *mut Span {
    let first = ((*s).base - ARENA_LO) >> PAGE_SHIFT;
    if first > 0 {
        let b = *SPANS.add(first - 1);
        if !b.is_null() && (*b).state == ST_FREE && (*b).limit() == (*s).base {
            free_remove(b);
            (*b).npages += (*s).npages;
            merge_flags(b, s);
            free_record(s);
            s = b;
        }
    }
    let after = ((*s).limit() - ARENA_LO) >> PAGE_SHIFT;
    if after < USED_PAGES {
        let a = *SPANS.add(after);
        if !a.is_null() && (*a).state == ST_FREE && (*a).base == (*s).limit() {
            free_remove(a);
            (*s).npages += (*a).npages;
            merge_flags(s, a);
            free_record(a);
        }
    }
    set_spans(s, false);
    s
}

unsafe fn merge_flags(into: *mut Span, other: *mut Span) {
    (*into).needzero |= (*other).needzero;
    (*into).scavenged &= (*other).scavenged;
}

/// A span of `npages` pages for use, `state` ST_SMALL or ST_LARGE. Its
/// `needzero` says whether its memory may be dirty.
pub fn alloc_span(npages: usize, state: u8) -> *mut Span {
    LOCK.lock();
    unsafe {
        let mut s = find_free(npages);
        if s.is_null() {
            s = grow(npages);
            if (*s).npages < npages {
                free_insert(s);
                s = find_free(npages);
            }
        }
        if (*s).npages > npages {
            let rest = new_record();
            (*rest).base = (*s).base + (npages << PAGE_SHIFT);
            (*rest).npages = (*s).npages - npages;
            (*rest).state = ST_FREE;
            (*rest).needzero = (*s).needzero;
            (*rest).scavenged = (*s).scavenged;
            (*s).npages = npages;
            set_spans(rest, false);
            free_insert(rest);
        }
        if (*s).scavenged {
            RELEASED_PAGES -= npages;
        }
        (*s).state = state;
        (*s).scavenged = false;
        (*s).next = null_mut();
        (*s).prev = null_mut();
        set_spans(s, true);
        INUSE_PAGES += npages;
        allspans_add(s);
        LOCK.unlock();
        s
    }
}

/// Return an in-use span's pages to the heap. Its memory is dirty.
pub fn free_span(s: *mut Span) {
    LOCK.lock();
    unsafe {
        allspans_remove(s);
        INUSE_PAGES -= (*s).npages;
        (*s).state = ST_FREE;
        (*s).needzero = true;
        (*s).scavenged = false;
        (*s).cached = false;
        let m = coalesce(s);
        free_insert(m);
    }
    LOCK.unlock();
}

unsafe fn allspans_add(s: *mut Span) {
    if NALLSPANS == CAPALLSPANS {
        let cap = (CAPALLSPANS * 2).max(1024);
        let n = persistent::alloc(cap * 8, 8, false) as *mut *mut Span;
        if NALLSPANS > 0 {
            core::ptr::copy_nonoverlapping(ALLSPANS, n, NALLSPANS);
        }
        ALLSPANS = n;
        CAPALLSPANS = cap;
    }
    *ALLSPANS.add(NALLSPANS) = s;
    (*s).sweep_index = NALLSPANS;
    NALLSPANS += 1;
}

unsafe fn allspans_remove(s: *mut Span) {
    let i = (*s).sweep_index;
    NALLSPANS -= 1;
    let last = *ALLSPANS.add(NALLSPANS);
    *ALLSPANS.add(i) = last;
    (*last).sweep_index = i;
}

/// The in-use spans. Only while the world is stopped.
pub fn allspans() -> &'static [*mut Span] {
    unsafe { core::slice::from_raw_parts(ALLSPANS, NALLSPANS) }
}

/// Return free pages to the OS until at most `retain` bytes of the heap
/// are resident (in use or free but not released). Largest runs first.
pub fn scavenge(retain: usize) {
    LOCK.lock();
    unsafe {
        let resident = || (USED_PAGES - RELEASED_PAGES) << PAGE_SHIFT;
        let mut lists: [*mut Span; NFREE + 1] = [null_mut(); NFREE + 1];
        lists[0] = FREE_LARGE;
        lists[1..].copy_from_slice(&*core::ptr::addr_of!(FREE));
        // Long runs first, then the per-length lists from the longest.
        let order = core::iter::once(0).chain((1..=NFREE).rev());
        'outer: for li in order {
            let mut s = lists[li];
            while !s.is_null() {
                if resident() <= retain {
                    break 'outer;
                }
                if !(*s).scavenged {
                    sys::madvise_dontneed((*s).base as *mut u8, (*s).npages << PAGE_SHIFT);
                    (*s).scavenged = true;
                    (*s).needzero = false;
                    RELEASED_PAGES += (*s).npages;
                }
                s = (*s).next;
            }
        }
    }
    LOCK.unlock();
}

/// Bytes of the arena handed out (HeapSys).
pub fn sys_bytes() -> usize {
    unsafe { USED_PAGES << PAGE_SHIFT }
}
