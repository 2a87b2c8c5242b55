//! Maps: Go's `map[K]V`, an open-addressing hash table with control bytes.
//!
//! # Layout
//!
//! A map value is a pointer to a [`Map`] header (nil for a nil map) whose
//! first word is the entry count, which compiled code reads inline for
//! `len(m)` (`goc_abi::map::COUNT`). The header points at one *table*: an
//! array of `2^k` groups, each
//!
//! ```text
//!   ctrl: u64        one control byte per slot, slot i in byte i (little-endian)
//!   slot[0..8]       key (K's size), padding to V's alignment, value (V's size)
//! ```
//!
//! Keys and values are stored inline, copied by their descriptors' sizes
//! (zero-sized ones included; a slot is at least one byte so slot
//! addresses stay inside the table). A control byte is `0x00` for an empty
//! slot, `0x7e` for a deleted one (tombstone) and `0x80 | h2` for a full
//! one, where `h2` is the low 7 bits of the key's hash. Empty being zero
//! means a table fresh from the allocator is empty as it is, and `clear`
//! is one memset.
//!
//! A lookup hashes the key once (with the map's own random seed), starts at
//! group `(hash >> 7) & mask`, and compares the 8 control bytes of a group
//! with `h2` in a few word operations (SWAR: no SIMD, so the same code runs
//! on every architecture); only slots whose byte matches (1/128 false
//! positives) have their keys compared. A group with an empty slot ends the
//! search; otherwise the probe moves on by 1, 2, 3, ... groups (triangular
//! numbers visit every group of a power-of-two table).
//!
//! Keys of 8 and 4 bytes that are plain memory, and strings, take
//! specialised, inlined hash and equality code (chosen once per map in
//! [`Map::class`]); other keys go through the descriptor's functions
//! ([`hash::hash_of`], [`hash::equal_of`]).
//!
//! # Invariants
//!
//! * At most 7/8 of a table's slots are full or deleted: `growth_left`
//!   counts the empty slots that may still be filled. So every probe
//!   sequence meets an empty slot and ends.
//! * Every key is found by its probe sequence before any group with an
//!   empty slot: a deletion leaves a tombstone unless its group has an
//!   empty slot already (then no probe went past that group).
//! * The key and value bytes of a slot that is not full are zero (deletion
//!   zeroes them), so a collector may scan slots without reading control
//!   bytes, and a value slot handed out for a new key reads as V's zero.
//! * A table is never changed after the map moved to a new one, and the
//!   entries of a table never move within it: growth, and the clean-up of
//!   tombstones, always build a new table and rehash into it.
//!
//! # Growth
//!
//! Amortised, not incremental: when an insertion needs an empty slot and
//! `growth_left` is 0, the map allocates a new table — twice as large, or
//! the same size when at least half the used slots are tombstones — and
//! moves every entry there at once. Each resize is paid for by the
//! `max_load/2` insertions before it, so insertion is O(1) amortised.
//! Rejected: Go 1.24's incremental scheme (a directory of 1024-slot tables
//! split one at a time) bounds the pause of a single insertion, but costs a
//! directory indirection on every lookup and much more code; goc can move
//! to it if latency of huge maps matters.
//!
//! # Iteration
//!
//! The iterator ([`Iter`], in the compiler's frame) remembers the table it
//! started on and walks it from a random group at a random slot offset
//! (`hash::rand`): slots `offset, offset+1, ...` (mod 8) of groups `start,
//! start+1, ...` (mod the group count). Each slot of that table is visited
//! once, so nothing is produced twice. While the map still uses that table,
//! entries are produced in place: a deletion clears the control byte
//! before the iterator gets there, an update is seen, an insertion may land
//! ahead of or behind the iterator. Once the map has moved to a new table
//! (growth during the loop), the old table is frozen and the iterator keeps
//! walking it — the same order, so still no duplicates — but produces each
//! key only if a lookup finds it in the map's current table, and then the
//! current key and value (deleted entries are skipped, updates seen).
//! Entries inserted after the move are not produced. A key that is not
//! equal to itself (NaN) cannot be looked up: it is produced from the old
//! table unless the map was cleared since (`clear_seq`), as Go does. A key
//! deleted and inserted again during the loop is a new entry and may be
//! produced again, as Go allows.
//!
//! # Memory and the collector
//!
//! Headers and tables come from the collected heap, zeroed; an old table
//! stays alive as long as an iterator points at it. The collector scans a
//! header conservatively (its one heap pointer is `groups`) and a table
//! precisely by its map type's group shape (`group_shape`: the key and
//! value of every slot as their descriptors' shapes say, slot `i` of group
//! `g` at `g*group_size + 8 + i*slot_size`, value at `+elem_off`); a table
//! of pointer-free keys and values is never scanned. An iterator lives in
//! compiled code's memory, where `key`, `elem`, `m`, `t` and `groups` are
//! pointer words.

use crate::hash::{self, hash64, memequal, memhash};
use crate::typedesc::Type;
use core::ptr;
use goc_abi::map as abi;

const SLOTS: usize = 8;
const EMPTY: u8 = 0x00;
const DELETED: u8 = 0x7e;
const FULL_BIT: u8 = 0x80;

const LSB: u64 = 0x0101_0101_0101_0101;
const MSB: u64 = 0x8080_8080_8080_8080;

/// Bytes equal to `b` (MSB of each matching byte set). May also report a
/// full slot right after a true match (a borrow); never a non-full slot.
#[inline(always)]
fn match_byte(ctrl: u64, b: u8) -> u64 {
    let x = ctrl ^ (LSB * b as u64);
    x.wrapping_sub(LSB) & !x & MSB
}

/// Empty slots, exactly.
#[inline(always)]
fn match_empty(ctrl: u64) -> u64 {
    let t = (ctrl & !MSB).wrapping_add(!MSB);
    !(t | ctrl) & MSB
}

/// Empty or deleted slots.
#[inline(always)]
fn match_free(ctrl: u64) -> u64 {
    !ctrl & MSB
}

#[inline(always)]
fn match_full(ctrl: u64) -> u64 {
    ctrl & MSB
}

/// Slot index of the lowest set match bit.
#[inline(always)]
fn first(bits: u64) -> usize {
    (bits.trailing_zeros() / 8) as usize
}

#[inline(always)]
fn h2(h: u64) -> u8 {
    (h as u8 & 0x7f) | FULL_BIT
}

#[inline(always)]
fn h1(h: u64) -> usize {
    (h >> 7) as usize
}

#[inline(always)]
unsafe fn load_ctrl(grp: *const u8) -> u64 {
    u64::from_le(ptr::read(grp as *const u64))
}

/// Most full-or-deleted slots a table of `ngroups` groups may have.
#[inline(always)]
fn max_load(ngroups: usize) -> usize {
    ngroups * 7
}

/// Key classes: which hash and equality code a map uses.
const CLASS_ANY: u8 = 0;
const CLASS_64: u8 = 1;
const CLASS_32: u8 = 2;
const CLASS_STR: u8 = 3;

/// The map header.
#[repr(C)]
pub struct Map {
    /// Number of entries (`len`), read inline by compiled code.
    pub count: u64,
    /// The current table (null until the first insertion).
    groups: *mut u8,
    /// Number of groups - 1.
    mask: usize,
    /// Empty slots that may still be filled before a resize.
    growth_left: usize,
    /// Hash seed, random per map.
    seed: u64,
    /// Incremented by `clear`.
    clear_seq: u64,
    /// Bytes per group: 8 + 8 * slot_size.
    group_size: usize,
    slot_size: usize,
    /// Offset of the value in a slot.
    elem_off: usize,
    key_size: usize,
    /// GC shape of one group (null: keys and values hold no pointers).
    group_shape: *const u8,
    /// `CLASS_*`.
    class: u8,
    /// Store the key again when overwriting (+0/-0, strings: Go keeps the
    /// newest key): true for keys that are not plain memory.
    key_update: bool,
}

const _: () = {
    assert!(core::mem::offset_of!(Map, count) == abi::COUNT as usize);
    assert!(core::mem::size_of::<Iter>() <= abi::iter::SIZE_OF);
    assert!(core::mem::offset_of!(Iter, key) == abi::iter::KEY as usize);
    assert!(core::mem::offset_of!(Iter, elem) == abi::iter::ELEM as usize);
};

/// The iteration state the compiler reserves in its frame
/// (`goc_abi::map::iter`).
#[repr(C)]
pub struct Iter {
    /// Key of the current entry; null when the iteration is over.
    pub key: *const u8,
    /// Value of the current entry.
    pub elem: *const u8,
    m: *mut Map,
    /// The map's type descriptor.
    t: *const u8,
    /// The table being walked (the map's when the iteration started).
    groups: *mut u8,
    mask: usize,
    start: usize,
    offset: usize,
    /// Slots of `groups` visited so far, of `end`.
    pos: usize,
    end: usize,
    clear_seq: u64,
}

// ---- allocation seam ----

/// Map headers: scanned conservatively (their one heap pointer is
/// `groups`).
#[cfg(not(test))]
#[inline(always)]
fn alloc(size: usize, align: usize) -> *mut u8 {
    let _ = align;
    crate::malloc::mallocgc(size, crate::malloc::CONSERVATIVE)
}

/// Tables: precisely, by the group shape (repeated for every group).
#[cfg(not(test))]
fn alloc_table(size: usize, shape: *const u8) -> *mut u8 {
    crate::malloc::mallocgc(size, shape)
}

#[cfg(test)]
fn alloc_table(size: usize, _shape: *const u8) -> *mut u8 {
    alloc(size, 8)
}

/// One group's GC shape for map type `t`: the key's and the value's
/// pointer words in each of the `SLOTS` slots after the control word; null
/// when neither has pointers. Shapes are made once per map type and kept
/// (persistent memory) in a small table searched by descriptor address.
#[cfg(not(test))]
fn group_shape(t: Type, group_size: usize, slot_size: usize, elem_off: usize) -> *const u8 {
    use goc_abi::gcshape;
    let (kt, vt) = (t.key(), t.elem());
    if kt.ptrdata() == 0 && vt.ptrdata() == 0 {
        return ptr::null();
    }
    static LOCK: crate::lock::Mutex = crate::lock::Mutex::new();
    static mut CACHE: [(usize, usize); 256] = [(0, 0); 256];
    LOCK.lock();
    let cache = unsafe { &mut *ptr::addr_of_mut!(CACHE) };
    let key = t.0 as usize;
    let mut slot = (key >> 4) % cache.len();
    for _ in 0..cache.len() {
        if cache[slot].0 == key || cache[slot].0 == 0 {
            break;
        }
        slot = (slot + 1) % cache.len();
    }
    if cache[slot].0 == key {
        LOCK.unlock();
        return cache[slot].1 as *const u8;
    }
    let words = group_size / 8;
    let shape = crate::persistent::alloc(gcshape::MASK as usize + words.div_ceil(8), 8, false);
    let mut last = 0;
    unsafe {
        let mask = shape.add(gcshape::MASK as usize);
        let mut mark = |off: usize, ty: Type| {
            let src = ty.gcdata();
            if src.is_null() {
                return;
            }
            let src_mask = src.add(gcshape::MASK as usize);
            for w in 0..ty.ptrdata() / 8 {
                if *src_mask.add(w / 8) >> (w % 8) & 1 != 0 {
                    let at = off / 8 + w;
                    *mask.add(at / 8) |= 1 << (at % 8);
                    last = last.max(at + 1);
                }
            }
        };
        for i in 0..SLOTS {
            let slot_at = 8 + i * slot_size;
            mark(slot_at, kt);
            mark(slot_at + elem_off, vt);
        }
        (shape as *mut u64).write(group_size as u64);
        (shape.add(gcshape::PTRDATA as usize) as *mut u64).write((last * 8) as u64);
    }
    // A full cache only costs re-making shapes.
    if cache[slot].0 == 0 {
        cache[slot] = (key, shape as usize);
    }
    LOCK.unlock();
    shape
}

#[cfg(test)]
fn group_shape(_: Type, _: usize, _: usize, _: usize) -> *const u8 {
    ptr::null()
}

/// Host tests run in parallel threads; the runtime's bump allocator is
/// single-threaded, so tests take zeroed memory from std (leaked, as the
/// runtime never frees either).
#[cfg(test)]
fn alloc(size: usize, align: usize) -> *mut u8 {
    if size == 0 {
        return align.max(8) as *mut u8;
    }
    let l = std::alloc::Layout::from_size_align(size, align.max(8)).unwrap();
    let p = unsafe { std::alloc::alloc_zeroed(l) };
    assert!(!p.is_null());
    p
}

// ---- key classes ----

trait KeyOps {
    unsafe fn hash(kt: Type, k: *const u8, seed: u64) -> u64;
    unsafe fn eq(kt: Type, stored: *const u8, k: *const u8) -> bool;
}

struct K64;
struct K32;
struct KStr;
struct KAny;

impl KeyOps for K64 {
    #[inline(always)]
    unsafe fn hash(_: Type, k: *const u8, seed: u64) -> u64 {
        hash64(ptr::read_unaligned(k as *const u64), seed)
    }
    #[inline(always)]
    unsafe fn eq(_: Type, a: *const u8, b: *const u8) -> bool {
        ptr::read_unaligned(a as *const u64) == ptr::read_unaligned(b as *const u64)
    }
}

impl KeyOps for K32 {
    #[inline(always)]
    unsafe fn hash(_: Type, k: *const u8, seed: u64) -> u64 {
        hash64(ptr::read_unaligned(k as *const u32) as u64, seed)
    }
    #[inline(always)]
    unsafe fn eq(_: Type, a: *const u8, b: *const u8) -> bool {
        ptr::read_unaligned(a as *const u32) == ptr::read_unaligned(b as *const u32)
    }
}

impl KeyOps for KStr {
    #[inline(always)]
    unsafe fn hash(_: Type, k: *const u8, seed: u64) -> u64 {
        let p = ptr::read(k as *const *const u8);
        let n = ptr::read(k.add(8) as *const usize);
        memhash(p, seed, n)
    }
    #[inline(always)]
    unsafe fn eq(_: Type, a: *const u8, b: *const u8) -> bool {
        let na = ptr::read(a.add(8) as *const usize);
        if na != ptr::read(b.add(8) as *const usize) {
            return false;
        }
        let pa = ptr::read(a as *const *const u8);
        let pb = ptr::read(b as *const *const u8);
        pa == pb || memequal(pa, pb, na)
    }
}

impl KeyOps for KAny {
    #[inline(always)]
    unsafe fn hash(kt: Type, k: *const u8, seed: u64) -> u64 {
        hash::hash_of(kt, k, seed)
    }
    #[inline(always)]
    unsafe fn eq(kt: Type, a: *const u8, b: *const u8) -> bool {
        hash::equal_of(kt, a, b)
    }
}

fn key_class(kt: Type) -> u8 {
    if kt.regular_memory() && kt.hash_fn() == 0 {
        match kt.size() {
            8 => CLASS_64,
            4 => CLASS_32,
            _ => CLASS_ANY,
        }
    } else if kt.kind() == goc_abi::typedesc::KIND_STRING {
        CLASS_STR
    } else {
        CLASS_ANY
    }
}

/// Calls `$f::<K>(args)` with the map's key class.
macro_rules! dispatch {
    ($class:expr, $f:ident ( $($a:expr),* )) => {
        match $class {
            CLASS_64 => $f::<K64>($($a),*),
            CLASS_32 => $f::<K32>($($a),*),
            CLASS_STR => $f::<KStr>($($a),*),
            _ => $f::<KAny>($($a),*),
        }
    };
}

// ---- table operations ----

impl Map {
    #[inline(always)]
    fn group(&self, g: usize) -> *mut u8 {
        unsafe { self.groups.add(g * self.group_size) }
    }
    #[inline(always)]
    fn slot(&self, grp: *mut u8, i: usize) -> *mut u8 {
        unsafe { grp.add(8 + i * self.slot_size) }
    }
}

/// The group and slot index holding `key`, or a null group.
#[inline(always)]
unsafe fn find<K: KeyOps>(m: &Map, kt: Type, key: *const u8, h: u64) -> (*mut u8, usize) {
    let tag = h2(h);
    let mut g = h1(h) & m.mask;
    let mut step = 0;
    loop {
        let grp = m.group(g);
        let ctrl = load_ctrl(grp);
        let mut bits = match_byte(ctrl, tag);
        while bits != 0 {
            let i = first(bits);
            if K::eq(kt, m.slot(grp, i), key) {
                return (grp, i);
            }
            bits &= bits - 1;
        }
        if match_empty(ctrl) != 0 {
            return (ptr::null_mut(), 0);
        }
        step += 1;
        g = (g + step) & m.mask;
    }
}

/// Claims the first free slot on `h`'s probe sequence for a key known to
/// be absent, marks it full and returns it. The caller ensures
/// `growth_left > 0` or that a tombstone will be found first.
#[inline(always)]
unsafe fn claim(m: &mut Map, h: u64) -> *mut u8 {
    let mut g = h1(h) & m.mask;
    let mut step = 0;
    loop {
        let grp = m.group(g);
        let free = match_free(load_ctrl(grp));
        if free != 0 {
            let i = first(free);
            if *grp.add(i) == EMPTY {
                m.growth_left -= 1;
            }
            *grp.add(i) = h2(h);
            return m.slot(grp, i);
        }
        step += 1;
        g = (g + step) & m.mask;
    }
}

fn new_table(m: &mut Map, ngroups: usize) {
    let bytes = match ngroups.checked_mul(m.group_size) {
        Some(b) if b <= crate::malloc::MAX_ALLOC => b,
        _ => crate::panic::throw("runtime: out of memory"),
    };
    // The old table may hold entries marking has not reached yet.
    crate::mgcwb::pre_write(ptr::addr_of!(m.groups) as *const u8, 8);
    m.groups = alloc_table(bytes, m.group_shape);
    m.mask = ngroups - 1;
    m.growth_left = max_load(ngroups);
}

/// Moves every entry to a new table: twice as large, or as large when
/// tombstones are at least half the used slots.
#[cold]
#[inline(never)]
unsafe fn resize<K: KeyOps>(m: &mut Map, kt: Type) {
    let old = m.groups;
    let old_ngroups = m.mask + 1;
    let ngroups = if (m.count as usize) * 2 < max_load(old_ngroups) {
        old_ngroups
    } else {
        old_ngroups * 2
    };
    new_table(m, ngroups);
    for g in 0..old_ngroups {
        let grp = old.add(g * m.group_size);
        let mut full = match_full(load_ctrl(grp));
        while full != 0 {
            let src = m.slot(grp, first(full));
            let dst = claim(m, K::hash(kt, src, m.seed));
            ptr::copy_nonoverlapping(src, dst, m.slot_size);
            full &= full - 1;
        }
    }
}

#[inline(always)]
unsafe fn access<K: KeyOps>(m: &Map, kt: Type, key: *const u8) -> *const u8 {
    let h = K::hash(kt, key, m.seed);
    let (grp, i) = find::<K>(m, kt, key, h);
    if grp.is_null() {
        ptr::null()
    } else {
        m.slot(grp, i).add(m.elem_off)
    }
}

#[inline(always)]
unsafe fn assign<K: KeyOps>(m: &mut Map, kt: Type, key: *const u8) -> *mut u8 {
    if m.groups.is_null() {
        new_table(m, 1);
    }
    let h = K::hash(kt, key, m.seed);
    let tag = h2(h);
    let mut g = h1(h) & m.mask;
    let mut step = 0;
    let mut free_grp: *mut u8 = ptr::null_mut();
    let mut free_i = 0;
    loop {
        let grp = m.group(g);
        let ctrl = load_ctrl(grp);
        let mut bits = match_byte(ctrl, tag);
        while bits != 0 {
            let i = first(bits);
            let s = m.slot(grp, i);
            if K::eq(kt, s, key) {
                if m.key_update {
                    crate::mgcwb::pre_write(s, m.key_size);
                    ptr::copy(key, s, m.key_size);
                }
                return s.add(m.elem_off);
            }
            bits &= bits - 1;
        }
        if free_grp.is_null() {
            let f = match_free(ctrl);
            if f != 0 {
                free_grp = grp;
                free_i = first(f);
            }
        }
        if match_empty(ctrl) != 0 {
            break;
        }
        step += 1;
        g = (g + step) & m.mask;
    }
    // Absent: take the first free slot seen, unless that needs an empty
    // slot and none may be filled any more.
    let s = if *free_grp.add(free_i) == EMPTY && m.growth_left == 0 {
        resize::<K>(m, kt);
        claim(m, h)
    } else {
        if *free_grp.add(free_i) == EMPTY {
            m.growth_left -= 1;
        }
        *free_grp.add(free_i) = tag;
        m.slot(free_grp, free_i)
    };
    ptr::copy_nonoverlapping(key, s, m.key_size);
    m.count += 1;
    s.add(m.elem_off)
}

#[inline(always)]
unsafe fn delete<K: KeyOps>(m: &mut Map, kt: Type, key: *const u8) {
    let h = K::hash(kt, key, m.seed);
    let (grp, i) = find::<K>(m, kt, key, h);
    if grp.is_null() {
        return;
    }
    if match_empty(load_ctrl(grp)) != 0 {
        *grp.add(i) = EMPTY;
        m.growth_left += 1;
    } else {
        *grp.add(i) = DELETED;
    }
    crate::mgcwb::pre_write(m.slot(grp, i), m.slot_size);
    ptr::write_bytes(m.slot(grp, i), 0, m.slot_size);
    m.count -= 1;
}

/// For lookups and deletes in a nil or empty map: panic as Go does when the
/// key holds an unhashable dynamic type, without hashing.
#[inline(always)]
unsafe fn check_key(t: Type, key: *const u8) {
    let kt = t.key();
    if !kt.regular_memory() {
        if let Some(bad) = hash::key_error(kt, key) {
            hash::panic_key_error(bad);
        }
    }
}

// ---- entry points ----

/// `make(map[K]V, hint)`. A negative hint, or one too large to allocate
/// for, counts as 0 (Go's makemap does the same).
///
/// # Safety
/// `t` must be a map type descriptor.
#[no_mangle]
pub unsafe extern "C" fn goc_makemap(t: *const u8, hint: i64) -> *mut Map {
    let t = Type::from_ptr(t);
    let (kt, vt) = (t.key(), t.elem());
    let (ks, vs) = (kt.size(), vt.size());
    let (ka, va) = (kt.align(), vt.align());
    if ka > 8 || va > 8 {
        crate::panic::throw("runtime: map key or value alignment above 8");
    }
    let elem_off = (ks + va - 1) & !(va - 1);
    let slot_align = ka.max(va);
    let slot_size = ((elem_off + vs + slot_align - 1) & !(slot_align - 1)).max(1);
    let group_size = match slot_size.checked_mul(SLOTS).and_then(|s| s.checked_add(8)) {
        Some(g) => g,
        None => crate::panic::throw("runtime: out of memory"),
    };
    let m = alloc(core::mem::size_of::<Map>(), 8) as *mut Map;
    ptr::write(
        m,
        Map {
            count: 0,
            groups: ptr::null_mut(),
            mask: 0,
            growth_left: 0,
            seed: hash::rand(),
            clear_seq: 0,
            group_size,
            slot_size,
            elem_off,
            key_size: ks,
            group_shape: group_shape(t, group_size, slot_size, elem_off),
            class: key_class(kt),
            key_update: !kt.regular_memory(),
        },
    );
    if hint > 0 {
        // Enough groups to hold `hint` entries without growing.
        let need = (hint as u64).div_ceil(7);
        if let Some(ng) = need.checked_next_power_of_two() {
            if let Some(bytes) = (ng as usize).checked_mul(group_size) {
                if ng <= usize::MAX as u64 && bytes <= crate::malloc::MAX_ALLOC {
                    new_table(&mut *m, ng as usize);
                }
            }
        }
    }
    m
}

/// `m[key]`: the value's address, or null when absent (or m is nil).
///
/// # Safety
/// `t` must be `m`'s map type; `key` must point to a key.
#[no_mangle]
pub unsafe extern "C" fn goc_mapaccess(t: *const u8, m: *const Map, key: *const u8) -> *const u8 {
    let t = Type::from_ptr(t);
    if m.is_null() || (*m).count == 0 {
        check_key(t, key);
        return ptr::null();
    }
    let m = &*m;
    dispatch!(m.class, access(m, t.key(), key))
}

/// `m[key] = ...`: the address to store the value at, inserting the key if
/// absent (its value slot then holds V's zero value).
///
/// # Safety
/// `t` must be `m`'s map type; `key` must point to a key.
#[no_mangle]
pub unsafe extern "C" fn goc_mapassign(t: *const u8, m: *mut Map, key: *const u8) -> *mut u8 {
    if m.is_null() {
        nil_assign();
    }
    let t = Type::from_ptr(t);
    let m = &mut *m;
    dispatch!(m.class, assign(m, t.key(), key))
}

#[cold]
#[inline(never)]
fn nil_assign() -> ! {
    crate::rterror::raise_msg(
        crate::rterror::Kind::Plain,
        b"assignment to entry in nil map",
    )
}

/// `delete(m, key)`.
///
/// # Safety
/// `t` must be `m`'s map type; `key` must point to a key.
#[no_mangle]
pub unsafe extern "C" fn goc_mapdelete(t: *const u8, m: *mut Map, key: *const u8) {
    let t = Type::from_ptr(t);
    if m.is_null() || (*m).count == 0 {
        check_key(t, key);
        return;
    }
    let m = &mut *m;
    dispatch!(m.class, delete(m, t.key(), key))
}

/// `clear(m)`.
///
/// # Safety
/// `m` must be a map (or nil).
#[no_mangle]
pub unsafe extern "C" fn goc_mapclear(_t: *const u8, m: *mut Map) {
    if m.is_null() {
        return;
    }
    let m = &mut *m;
    m.clear_seq = m.clear_seq.wrapping_add(1);
    if m.groups.is_null() {
        return;
    }
    let ngroups = m.mask + 1;
    if m.count != 0 || m.growth_left != max_load(ngroups) {
        crate::mgcwb::pre_write(m.groups, ngroups * m.group_size);
        ptr::write_bytes(m.groups, 0, ngroups * m.group_size);
        m.count = 0;
        m.growth_left = max_load(ngroups);
    }
}

/// `for k, v := range m`: initialises `it` and moves to the first entry.
///
/// # Safety
/// `t` must be `m`'s map type; `it` must point to `goc_abi::map::iter::SIZE_OF`
/// writable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_mapiterinit(t: *const u8, m: *mut Map, it: *mut Iter) {
    let mut st = Iter {
        key: ptr::null(),
        elem: ptr::null(),
        m,
        t,
        groups: ptr::null_mut(),
        mask: 0,
        start: 0,
        offset: 0,
        pos: 0,
        end: 0,
        clear_seq: 0,
    };
    if !m.is_null() && (*m).count != 0 {
        let mr = &*m;
        let r = hash::rand();
        st.groups = mr.groups;
        st.mask = mr.mask;
        st.start = (r >> 3) as usize & mr.mask;
        st.offset = r as usize & (SLOTS - 1);
        st.end = (mr.mask + 1) * SLOTS;
        st.clear_seq = mr.clear_seq;
    }
    ptr::write(it, st);
    goc_mapiternext(it);
}

/// Moves `it` to the next entry; `it.key` is null when there is none.
///
/// # Safety
/// `it` must have been initialised by `goc_mapiterinit`.
#[no_mangle]
pub unsafe extern "C" fn goc_mapiternext(it: *mut Iter) {
    let it = &mut *it;
    while it.pos < it.end {
        let m = &*it.m;
        let p = it.pos;
        let grp = it
            .groups
            .add(((it.start + (p / SLOTS)) & it.mask) * m.group_size);
        if p.is_multiple_of(SLOTS) && match_full(load_ctrl(grp)) == 0 {
            it.pos = p + SLOTS;
            continue;
        }
        it.pos = p + 1;
        let i = (it.offset + p) % SLOTS;
        if *grp.add(i) & FULL_BIT == 0 {
            continue;
        }
        let s = grp.add(8 + i * m.slot_size);
        if it.groups == m.groups {
            it.key = s;
            it.elem = s.add(m.elem_off);
            return;
        }
        // The map has moved to another table: produce the entry only if it
        // is still there, as it is now.
        let kt = Type::from_ptr(it.t).key();
        if it.clear_seq == m.clear_seq && !reflexive(m, kt) && !hash::equal_of(kt, s, s) {
            it.key = s;
            it.elem = s.add(m.elem_off);
            return;
        }
        if m.count == 0 {
            continue;
        }
        let (ngrp, ni) = dispatch!(m.class, find_key(m, kt, s));
        if !ngrp.is_null() {
            let ns = m.slot(ngrp, ni);
            it.key = ns;
            it.elem = ns.add(m.elem_off);
            return;
        }
    }
    it.key = ptr::null();
    it.elem = ptr::null();
}

fn reflexive(m: &Map, kt: Type) -> bool {
    m.class != CLASS_ANY || kt.regular_memory()
}

#[inline(always)]
unsafe fn find_key<K: KeyOps>(m: &Map, kt: Type, key: *const u8) -> (*mut u8, usize) {
    find::<K>(m, kt, key, K::hash(kt, key, m.seed))
}

#[cfg(test)]
mod tests;
