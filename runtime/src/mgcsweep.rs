//! Sweeping: free what marking left unmarked, with the world stopped.
//!
//! Every in-use span is visited once per collection. A small-object span
//! whose objects all died goes back to the page heap; otherwise its mark
//! bits become its allocation bits (a slot is free iff unmarked), its mark
//! bits are cleared for the next cycle, and if it has free slots it goes on
//! its class's central list. A dead large object's span goes back whole.
//! With GOCDEBUG=gcpoison=1 freed objects are first filled with a pattern,
//! so a premature free shows up as garbage rather than as plausible data.
//!
//! Invariants: runs after `mgcmark::mark` with every cache flushed; spans
//! are visited from the end of the heap's span list, so a span freed (and
//! swapped out of the list) never hides one not yet visited; a span with a
//! freed slot is marked `needzero`, as allocation then clears slots.

use crate::mcache;
use crate::mgc::{POISON, STATS};
use crate::mheap::{self, Span, BITMAP_WORDS, ST_LARGE};

const POISON_WORD: u64 = 0xdead_beef_dead_beef;

/// Sweep every span; returns the bytes that stayed allocated.
pub fn sweep() -> usize {
    mcache::central_reset();
    let st = unsafe { &mut *core::ptr::addr_of_mut!(STATS) };
    let poison = unsafe { POISON };
    let mut live = 0;
    let spans = mheap::allspans();
    for i in (0..spans.len()).rev() {
        let s = unsafe { &mut *mheap::allspans()[i] };
        let (kept, freed) = if s.state == ST_LARGE {
            sweep_large(s, poison)
        } else {
            sweep_small(s, poison)
        };
        live += kept;
        st.nfree += freed.0;
        st.freed_bytes += freed.1;
    }
    live
}

/// Returns (bytes kept, (objects freed, bytes freed)).
fn sweep_large(s: &mut Span, poison: bool) -> (usize, (u64, u64)) {
    if s.markbits[0] & 1 != 0 {
        s.markbits[0] = 0;
        return (s.elemsize, (0, 0));
    }
    let size = s.elemsize;
    if poison {
        fill(s.base, size);
    }
    mheap::free_span(s);
    (0, (1, size as u64))
}

fn sweep_small(s: &mut Span, poison: bool) -> (usize, (u64, u64)) {
    let nw = s.nelems.div_ceil(64);
    let mut marked = 0;
    for w in 0..nw {
        marked += s.markbits[w].count_ones() as usize;
    }
    let freed = s.allocated - marked;
    if poison && freed > 0 {
        for w in 0..nw {
            let mut dead = s.allocbits[w] & !s.markbits[w];
            while dead != 0 {
                let i = w * 64 + dead.trailing_zeros() as usize;
                dead &= dead - 1;
                fill(s.base + i * s.elemsize, s.elemsize);
            }
        }
    }
    let freed_bytes = (freed * s.elemsize) as u64;
    if marked == 0 {
        mheap::free_span(s);
        return (0, (freed as u64, freed_bytes));
    }
    s.allocbits = s.markbits;
    s.markbits = [0; BITMAP_WORDS];
    s.allocated = marked;
    s.freeindex = 0;
    if freed > 0 {
        s.needzero = true;
    }
    if marked < s.nelems {
        mcache::central_put(s);
    }
    (marked * s.elemsize, (freed as u64, freed_bytes))
}

fn fill(p: usize, n: usize) {
    let w = p as *mut u64;
    for i in 0..n / 8 {
        unsafe { w.add(i).write(POISON_WORD) };
    }
}
