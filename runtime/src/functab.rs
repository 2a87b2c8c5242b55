//! The function table: which Go function a pc is in, and which source
//! line (goc-abi's `functab` gives the layout; the compiler's
//! codegen/functab.rs fills it). Tracebacks and runtime.Caller read it.
//!
//! The table holds, per compiled Go function with source code, its code
//! range, its name as Go spells it, its file and a table of (end offset,
//! line) pairs. [`find`] binary-searches an index of the function records
//! sorted by address, built on first use: the first caller builds it (one
//! anonymous mapping, no allocator: lookups happen in fatal errors and
//! signal handlers) while later ones wait; afterwards the index is
//! read-only and lookups take no locks.
//!
//! Invariants: functions do not overlap (the linker placed them); records
//! are 8-aligned and start with a non-zero word (their size), so zero
//! words between the tables of several objects are padding.

use core::sync::atomic::{AtomicU8, Ordering};

use goc_abi::functab as ft;

/// A Go function of the program, as the table describes it.
#[derive(Clone, Copy)]
pub struct Func {
    rec: *const u8,
}

/// One function record, by address.
#[derive(Clone, Copy)]
struct Entry {
    start: usize,
    end: usize,
    rec: *const u8,
}

static mut ENTRIES: *const Entry = core::ptr::null();
static mut LEN: usize = 0;
/// 0: no index yet; 1: being built; 2: built.
static STATE: AtomicU8 = AtomicU8::new(0);

#[cfg(not(test))]
extern "C" {
    static __goc_functab_start: u8;
    static __goc_functab_end: u8;
}

#[cfg(not(test))]
fn table() -> (usize, usize) {
    (
        core::ptr::addr_of!(__goc_functab_start) as usize,
        core::ptr::addr_of!(__goc_functab_end) as usize,
    )
}

// Host unit tests have no linked table.
#[cfg(test)]
fn table() -> (usize, usize) {
    (0, 0)
}

#[inline(always)]
unsafe fn rd32(rec: *const u8, off: usize) -> u32 {
    core::ptr::read_unaligned(rec.add(off) as *const u32)
}

/// Calls `f(rec)` for each function record of the table `[lo, hi)`.
unsafe fn each_func(lo: usize, hi: usize, mut f: impl FnMut(*const u8)) {
    let mut p = (lo + 7) & !7;
    while p + 8 <= hi {
        let rec = p as *const u8;
        let size = rd32(rec, ft::SIZE) as usize;
        if size == 0 {
            p += 8; // padding between the tables of two objects
            continue;
        }
        if rd32(rec, ft::KIND) == ft::KIND_FUNC {
            f(rec);
        }
        p += size;
    }
}

/// Builds the sorted index (once; concurrent callers wait for it).
fn index() -> &'static [Entry] {
    if STATE.load(Ordering::Acquire) != 2 {
        if STATE
            .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
        {
            // SAFETY: only this caller writes ENTRIES/LEN, before STATE
            // becomes 2; readers wait for 2.
            unsafe { build() };
            STATE.store(2, Ordering::Release);
        } else {
            while STATE.load(Ordering::Acquire) != 2 {
                core::hint::spin_loop();
            }
        }
    }
    // SAFETY: STATE is 2: ENTRIES/LEN are written once and read-only now.
    unsafe {
        if LEN == 0 {
            return &[];
        }
        core::slice::from_raw_parts(ENTRIES, LEN)
    }
}

unsafe fn build() {
    let (lo, hi) = table();
    let mut n = 0usize;
    each_func(lo, hi, |_| n += 1);
    if n == 0 {
        return;
    }
    let bytes = (n * core::mem::size_of::<Entry>() + 4095) & !4095;
    let Some(mem) = crate::sys::mmap_anon(bytes, crate::sys::PROT_READ | crate::sys::PROT_WRITE, 0)
    else {
        return; // no index: frames print without names
    };
    let mem = mem as *mut Entry;
    let mut i = 0;
    each_func(lo, hi, |rec| {
        let start = core::ptr::read_unaligned(rec.add(ft::FUNC) as *const u64) as usize;
        *mem.add(i) = Entry {
            start,
            end: start + rd32(rec, ft::CODE_SIZE) as usize,
            rec,
        };
        i += 1;
    });
    core::slice::from_raw_parts_mut(mem, n).sort_unstable_by_key(|e| e.start);
    ENTRIES = mem;
    LEN = n;
}

/// The Go function whose code contains `pc`.
pub fn find(pc: usize) -> Option<Func> {
    let entries = index();
    let i = entries.partition_point(|e| e.start <= pc);
    let e = entries.get(i.checked_sub(1)?)?;
    (pc < e.end).then_some(Func { rec: e.rec })
}

impl Func {
    /// The address of the function's first instruction.
    pub fn entry(&self) -> usize {
        // SAFETY: `rec` is a function record of the linked table.
        unsafe { core::ptr::read_unaligned(self.rec.add(ft::FUNC) as *const u64) as usize }
    }

    /// The name as Go spells it (`main.(*T).get`).
    pub fn name(&self) -> &'static [u8] {
        // SAFETY: the record holds LINES_LEN bytes of line table, then
        // NAME_LEN bytes of name.
        unsafe {
            let n = rd32(self.rec, ft::LINES_LEN) as usize;
            let len = rd32(self.rec, ft::NAME_LEN) as usize;
            core::slice::from_raw_parts(self.rec.add(ft::FUNC_HEADER_SIZE + n), len)
        }
    }

    /// Whether the function takes parameters.
    pub fn has_params(&self) -> bool {
        // SAFETY: `rec` is a function record of the linked table.
        unsafe { rd32(self.rec, ft::HAS_PARAMS) != 0 }
    }

    /// The absolute path of the function's source file.
    pub fn file(&self) -> &'static [u8] {
        // SAFETY: FILE_REL leads to a file record of the same table.
        unsafe {
            let rel = rd32(self.rec, ft::FILE_REL) as i32 as isize;
            let f = self.rec.offset(rel);
            let len = rd32(f, ft::FILE_LEN) as usize;
            core::slice::from_raw_parts(f.add(ft::FILE_HEADER_SIZE), len)
        }
    }

    /// The source line of the instruction at `pc` (0 if it has none).
    pub fn line(&self, pc: usize) -> u32 {
        let off = pc.wrapping_sub(self.entry()) as u64;
        // SAFETY: the record holds LINES_LEN bytes of line table after its
        // header.
        let table = unsafe {
            let n = rd32(self.rec, ft::LINES_LEN) as usize;
            core::slice::from_raw_parts(self.rec.add(ft::FUNC_HEADER_SIZE), n)
        };
        line_at(table, off)
    }
}

/// The line of code offset `off` in an encoded line table (goc-abi's
/// `functab::LINES_LEN`).
fn line_at(table: &[u8], off: u64) -> u32 {
    let mut it = table.iter();
    let mut uleb = || -> Option<u64> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = *it.next()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
            shift += 7;
        }
    };
    let (mut end, mut line) = (0u64, 0i64);
    while let (Some(de), Some(dl)) = (uleb(), uleb()) {
        end += de;
        line += ((dl >> 1) as i64) ^ -((dl & 1) as i64);
        if off < end {
            return line as u32;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::line_at;

    #[test]
    fn decodes_the_compilers_line_tables() {
        // (4, 0), (20, 7), (300, 5), as codegen/functab.rs encodes them.
        let t = [4, 0, 16, 14, 0x98, 0x02, 3];
        assert_eq!(line_at(&t, 0), 0);
        assert_eq!(line_at(&t, 4), 7);
        assert_eq!(line_at(&t, 19), 7);
        assert_eq!(line_at(&t, 20), 5);
        assert_eq!(line_at(&t, 299), 5);
        assert_eq!(line_at(&t, 300), 0);
    }
}
