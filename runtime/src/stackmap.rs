//! Stack maps and Go globals: where the collector finds pointers outside
//! the heap. Decoders of two tables the compiler emits (goc-abi's
//! `stackmap` and `gcglobals` modules give the layouts; docs/CODEGEN.md,
//! "Stack-map table", how the compiler fills them).
//!
//! * Stack maps: one record per compiled Go function. Every call the
//!   function makes is a safepoint, named by its return address; a frame
//!   whose saved return address (`[callee fp + 8]`) is one of them is
//!   described exactly: the words holding live pointer variables at that
//!   call, the pointer words of the function's frame objects (allocas,
//!   always live: the compiler zeroes them right after the prologue's stack
//!   check, whose call is therefore the one safepoint where they are not
//!   visited), and the ranges to scan
//!   conservatively (the defer frame's saved registers, the registers saved
//!   for a recovery, the outgoing stack arguments). Slots are addressed
//!   from the frame pointer, which the stack walk has (`[fp]` = the
//!   caller's fp, `[fp+8]` = the return address, caller's SP = `fp + 16`,
//!   on x86_64 and aarch64 alike).
//! * Globals: (address, GC shape) pairs for the package-level variables
//!   whose types have pointers. The variables live in their own output
//!   sections (`.goc_godata`/`.goc_gobss`), so the runtime's
//!   `__goc_data_*`/`__goc_bss_*` ranges do not contain them.
//!
//! Invariants: [`init`] runs once, before any collection and before any
//! other thread can call into this module; afterwards the index it builds
//! is read-only, so [`scan_frame`] and [`scan_globals`] may run on any
//! thread without locks. The index is sorted by function address and the
//! functions do not overlap (the linker placed them). A pc that is not
//! exactly a recorded return address (a frame interrupted by a signal,
//! runtime code) is never described: `scan_frame` returns `None`.

use goc_abi::{gcglobals, gcshape, stackmap as sm};

/// One function: its code range and its record.
#[derive(Clone, Copy)]
struct Entry {
    start: usize,
    end: usize,
    rec: *const u8,
}

/// The functions sorted by address.
struct Index {
    entries: *const Entry,
    len: usize,
}

static mut INDEX: Index = Index {
    entries: core::ptr::null(),
    len: 0,
};

#[cfg(not(test))]
extern "C" {
    static __goc_stackmap_start: u8;
    static __goc_stackmap_end: u8;
    static __goc_gcglobals_start: u8;
    static __goc_gcglobals_end: u8;
}

#[cfg(not(test))]
fn stackmap_table() -> (usize, usize) {
    (
        core::ptr::addr_of!(__goc_stackmap_start) as usize,
        core::ptr::addr_of!(__goc_stackmap_end) as usize,
    )
}

#[cfg(not(test))]
fn gcglobals_table() -> (usize, usize) {
    (
        core::ptr::addr_of!(__goc_gcglobals_start) as usize,
        core::ptr::addr_of!(__goc_gcglobals_end) as usize,
    )
}

// Host unit tests have no linked tables.
#[cfg(test)]
fn stackmap_table() -> (usize, usize) {
    (0, 0)
}

#[cfg(test)]
fn gcglobals_table() -> (usize, usize) {
    (0, 0)
}

#[inline(always)]
unsafe fn rd32(rec: *const u8, off: usize) -> u32 {
    core::ptr::read_unaligned(rec.add(off) as *const u32)
}

/// The `u32` array of a record starting `words` u32s after the header.
#[inline(always)]
unsafe fn arr(rec: *const u8, words: usize) -> *const u32 {
    rec.add(sm::HEADER_SIZE + 4 * words) as *const u32
}

/// Size in bytes of the record at `rec`.
unsafe fn rec_size(rec: *const u8) -> usize {
    sm::record_size(
        rd32(rec, sm::NSAFEPOINTS) as usize,
        rd32(rec, sm::NALWAYS) as usize,
        rd32(rec, sm::NRANGES) as usize,
        rd32(rec, sm::NPOOL) as usize,
    )
}

/// Calls `f(rec)` for each record of the table `[lo, hi)`.
unsafe fn each_record(lo: usize, hi: usize, mut f: impl FnMut(*const u8)) {
    let mut p = (lo + 7) & !7;
    while p + 8 <= hi {
        let rec = p as *const u8;
        if *(rec as *const u64) == 0 {
            p += 8; // padding between tables
            continue;
        }
        f(rec);
        p += rec_size(rec);
    }
}

/// Builds the index of the table `[lo, hi)`.
unsafe fn build(lo: usize, hi: usize) -> Index {
    let mut n = 0usize;
    each_record(lo, hi, |_| n += 1);
    if n == 0 {
        return Index {
            entries: core::ptr::null(),
            len: 0,
        };
    }
    let bytes = (n * core::mem::size_of::<Entry>() + 4095) & !4095;
    let mem = match crate::sys::mmap_anon(bytes, crate::sys::PROT_READ | crate::sys::PROT_WRITE, 0)
    {
        Some(p) => p as *mut Entry,
        None => crate::panic::throw("runtime: cannot allocate the stack-map index"),
    };
    let mut i = 0;
    each_record(lo, hi, |rec| {
        let start = *(rec as *const u64) as usize;
        *mem.add(i) = Entry {
            start,
            end: start + rd32(rec, sm::CODE_SIZE) as usize,
            rec,
        };
        i += 1;
    });
    let entries = core::slice::from_raw_parts_mut(mem, n);
    entries.sort_unstable_by_key(|e| e.start);
    Index {
        entries: mem,
        len: n,
    }
}

/// Builds the index of the program's stack maps. Called once at start-up,
/// before any collection.
pub fn init() {
    let (lo, hi) = stackmap_table();
    unsafe {
        INDEX = build(lo, hi);
    }
}

/// The record of the function containing return address `pc`.
unsafe fn lookup(ix: &Index, pc: usize) -> Option<*const u8> {
    if ix.len == 0 {
        return None;
    }
    let entries = core::slice::from_raw_parts(ix.entries, ix.len);
    // The last function starting before pc (a return address is never a
    // function's first byte).
    let i = entries.partition_point(|e| e.start < pc);
    if i == 0 {
        return None;
    }
    let e = entries[i - 1];
    if pc > e.end {
        return None;
    }
    Some(e.rec)
}

unsafe fn scan_frame_in(
    ix: &Index,
    pc: usize,
    fp: usize,
    visit: &mut dyn FnMut(*mut usize),
    conservative: &mut dyn FnMut(usize, usize),
) -> Option<usize> {
    let rec = lookup(ix, pc)?;
    let func = *(rec as *const u64) as usize;
    let off = (pc - func) as u32;
    let nsp = rd32(rec, sm::NSAFEPOINTS) as usize;
    let rets = core::slice::from_raw_parts(arr(rec, 0), nsp);
    let i = rets.binary_search(&off).ok()?;
    let nal = rd32(rec, sm::NALWAYS) as usize;
    let nr = rd32(rec, sm::NRANGES) as usize;
    let starts = arr(rec, nsp);
    let always = arr(rec, 2 * nsp + 1);
    let ranges = arr(rec, 2 * nsp + 1 + 2 * nal);
    let pool = arr(rec, 2 * nsp + 1 + 2 * nal + 2 * nr);
    let slot = |k: u32| fp.wrapping_sub(8 * k as usize);
    for j in *starts.add(i)..*starts.add(i + 1) {
        visit(slot(*pool.add(j as usize)) as *mut usize);
    }
    // At the prologue's stack check the frame objects are not zeroed yet.
    let nal = if off == rd32(rec, sm::ENTRY_RET) {
        0
    } else {
        nal
    };
    for j in 0..nal {
        let (k, n) = (*always.add(2 * j), *always.add(2 * j + 1));
        for w in 0..n as usize {
            visit((slot(k) + 8 * w) as *mut usize);
        }
    }
    for j in 0..nr {
        let (k, n) = (*ranges.add(2 * j), *ranges.add(2 * j + 1));
        conservative(slot(k), slot(k) + 8 * n as usize);
    }
    let sp = fp - rd32(rec, sm::FRAME) as usize;
    let outargs = rd32(rec, sm::OUTARGS) as usize;
    if outargs > 0 {
        conservative(sp, sp + outargs);
    }
    Some(sp + outargs)
}

/// Describes one frame of compiled Go code. `pc` is the frame's return
/// address into its function (the word at `[callee fp + 8]`, or the
/// goroutine's saved pc) and `fp` its frame pointer. If `pc` is a call site
/// of a compiled Go function: calls `visit(slot)` for every stack word that
/// holds a live pointer (possibly nil, interior, or not into the heap),
/// `conservative(lo, hi)` for every range to scan conservatively, and
/// returns the lowest address of the part of the frame described precisely
/// (above the outgoing-argument area, which is reported as conservative):
/// the frame is `[precise_lo, fp + 16)`. `None` when `pc` is not a call site
/// of compiled Go code (runtime code, a frame interrupted by a signal).
///
/// # Safety
/// [`init`] has run; `fp` is the frame pointer of the frame that `pc`
/// returns into.
pub unsafe fn scan_frame(
    pc: usize,
    fp: usize,
    visit: &mut dyn FnMut(*mut usize),
    conservative: &mut dyn FnMut(usize, usize),
) -> Option<usize> {
    scan_frame_in(&*core::ptr::addr_of!(INDEX), pc, fp, visit, conservative)
}

/// Calls `visit` for each pointer word of the value at `base` of the GC
/// shape `shape` (goc_abi::gcshape).
unsafe fn shape_pointers(shape: *const u8, base: usize, visit: &mut dyn FnMut(*mut usize)) {
    let ptrdata = *(shape.add(gcshape::PTRDATA as usize) as *const u64) as usize;
    let mask = shape.add(gcshape::MASK as usize);
    for w in 0..ptrdata / 8 {
        if *mask.add(w / 8) & (1 << (w % 8)) != 0 {
            visit((base + 8 * w) as *mut usize);
        }
    }
}

unsafe fn scan_globals_in(lo: usize, hi: usize, visit: &mut dyn FnMut(*mut usize)) {
    let mut p = lo;
    while p + gcglobals::ENTRY_SIZE <= hi {
        let addr = *(p as *const usize);
        let shape = *((p + 8) as *const *const u8);
        if addr != 0 {
            shape_pointers(shape, addr, visit);
        }
        p += gcglobals::ENTRY_SIZE;
    }
}

/// Calls `visit` for every pointer word of every Go global (package-level
/// variable), precisely.
///
/// # Safety
/// The world is stopped (the globals must not change under the scan).
pub unsafe fn scan_globals(visit: &mut dyn FnMut(*mut usize)) {
    let (lo, hi) = gcglobals_table();
    scan_globals_in(lo, hi, visit)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record as the compiler encodes it (codegen/gcmaps.rs): one
    /// argument per field of the format.
    #[allow(clippy::too_many_arguments)]
    fn record(
        func: u64,
        code_size: u32,
        frame: u32,
        outargs: u32,
        entry_ret: u32,
        safepoints: &[(u32, &[u32])],
        always: &[(u32, u32)],
        ranges: &[(u32, u32)],
    ) -> Vec<u8> {
        let npool: usize = safepoints.iter().map(|s| s.1.len()).sum();
        let mut w = vec![
            code_size,
            frame,
            outargs,
            safepoints.len() as u32,
            always.len() as u32,
            ranges.len() as u32,
            npool as u32,
            entry_ret,
        ];
        w.extend(safepoints.iter().map(|s| s.0));
        let mut st = 0;
        for s in safepoints {
            w.push(st);
            st += s.1.len() as u32;
        }
        w.push(st);
        for &(k, n) in always.iter().chain(ranges) {
            w.extend([k, n]);
        }
        for s in safepoints {
            w.extend_from_slice(s.1);
        }
        let mut b = func.to_le_bytes().to_vec();
        for x in w {
            b.extend_from_slice(&x.to_le_bytes());
        }
        b.resize(b.len().div_ceil(8) * 8, 0);
        b
    }

    #[test]
    fn frames() {
        // Two functions, out of address order, with padding between.
        let mut t: Vec<u64> = Vec::new();
        let push = |t: &mut Vec<u64>, b: Vec<u8>| {
            for c in b.chunks(8) {
                t.push(u64::from_le_bytes(c.try_into().unwrap()));
            }
        };
        push(
            &mut t,
            record(
                0x2000,
                0x100,
                64,
                16,
                0x20,
                &[(0x10, &[2, 5]), (0x20, &[]), (0x30, &[8])],
                &[(7, 2)],
                &[(4, 3)],
            ),
        );
        t.push(0);
        push(
            &mut t,
            record(0x1000, 0x80, 16, 0, 0, &[(0x40, &[1])], &[], &[]),
        );
        let lo = t.as_ptr() as usize;
        let ix = unsafe { build(lo, lo + 8 * t.len()) };
        assert_eq!(ix.len, 2);

        let fp = 0x7000usize;
        let scan = |pc: usize| {
            let mut v = Vec::new();
            let mut c = Vec::new();
            let r = unsafe {
                scan_frame_in(&ix, pc, fp, &mut |p| v.push(p as usize), &mut |a, b| {
                    c.push((a, b))
                })
            };
            (r, v, c)
        };
        let (r, v, c) = scan(0x2010);
        assert_eq!(r, Some(fp - 64 + 16));
        assert_eq!(v, vec![fp - 16, fp - 40, fp - 56, fp - 48]);
        assert_eq!(c, vec![(fp - 32, fp - 8), (fp - 64, fp - 48)]);
        // The prologue's check: frame objects not visited yet.
        let (_, v, c) = scan(0x2020);
        assert_eq!(v, vec![]);
        assert_eq!(c.len(), 2);
        let (_, v, _) = scan(0x2030);
        assert_eq!(v, vec![fp - 64, fp - 56, fp - 48]);
        let (r, v, c) = scan(0x1040);
        assert_eq!((r, v, c), (Some(fp - 16), vec![fp - 8], vec![]));
        // Not a call site; outside every function.
        assert_eq!(scan(0x2011).0, None);
        assert_eq!(scan(0x1081).0, None);
        assert_eq!(scan(0x3000).0, None);
        assert_eq!(scan(0x10).0, None);
    }

    #[test]
    fn globals() {
        #[repr(C)]
        struct Shape {
            size: u64,
            ptrdata: u64,
            mask: [u8; 8],
        }
        // struct { int; *T; string; int }: words 1 and 2.
        let shape = Shape {
            size: 40,
            ptrdata: 24,
            mask: [0b110, 0, 0, 0, 0, 0, 0, 0],
        };
        let g = [0usize; 5];
        let t = [g.as_ptr() as usize, &shape as *const Shape as usize];
        let mut v = Vec::new();
        unsafe {
            let lo = t.as_ptr() as usize;
            scan_globals_in(lo, lo + 16, &mut |p| v.push(p as usize));
        }
        let base = g.as_ptr() as usize;
        assert_eq!(v, vec![base + 8, base + 16]);
    }
}
