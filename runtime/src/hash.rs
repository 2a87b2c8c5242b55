//! Hashing and equality of Go values, by type descriptor.
//!
//! Maps hash keys and compare them through the key type's descriptor
//! (`goc_abi::typedesc`): its `HASHFN`/`EQUAL` functions when the compiler
//! set them, else the value's bytes when the type is regular memory, else
//! the type is not comparable and hashing it panics with Go's
//! `runtime error: hash of unhashable type T`. [`hash_of`] and [`equal_of`]
//! implement that dispatch; the `goc_*hash`/`goc_*equal` entry points are
//! the functions descriptors point at (strings, floats, interfaces) and the
//! ones compiler-generated struct/array hashes call for their parts.
//!
//! The hash function. A portable multiply-mix in the wyhash family,
//! written for goc: the primitive is the *folded multiply*
//! `fmul(a, b) = lo64(a*b) ^ hi64(a*b)` (one 64x64->128 multiply: `mul` on
//! x86_64, `mul`+`umulh` on aarch64), which spreads every input bit over
//! the whole result. Inputs up to 16 bytes are read as two (possibly
//! overlapping) words and mixed with two multiplies; longer inputs are
//! folded 16 bytes per multiply (three independent lanes above 48 bytes),
//! then the last 16 bytes and the length are mixed in. The seed enters
//! both operands of every multiply, so no input can zero the state without
//! knowing the seed (the classic weakness of fixed-constant variants:
//! crafted keys that all collide). No x86 AES or CRC instructions: the same
//! code runs on every target, and its output is the same everywhere.
//! Rejected: SipHash (three times slower on short keys, and Go itself does
//! not pay for it); per-architecture AES hashing (not portable, and a
//! second implementation to keep consistent).
//!
//! Randomness: one process-wide generator (a Weyl sequence through
//! `fmul`, wyrand-style) seeded from the kernel's 16 random bytes at
//! `AT_RANDOM` in the auxiliary vector, mixed with addresses (ASLR) as a
//! fallback. It provides each map's hash seed, each iteration's random
//! start, and the hash of a NaN (random, so NaN keys spread out).
//!
//! Invariants: `equal_of(t, a, b)` implies
//! `hash_of(t, a, s) == hash_of(t, b, s)` for every seed `s` (so +0 and -0
//! hash alike, NaN never equals anything, an interface hashes as its
//! dynamic value); hashing never allocates.

use crate::print::Sink;
use crate::typedesc::{iface_dyn_type, Type};
use core::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use goc_abi::typedesc as td;

// Odd 64-bit constants with 32 bits set (drawn at random for goc).
const K0: u64 = 0xdb14_9e47_14be_09ab;
const K1: u64 = 0x4192_74d4_65ee_28df;
const K2: u64 = 0x2204_25dd_2e67_dbe9;
const K3: u64 = 0x9f64_2b78_f008_8cfd;
const K4: u64 = 0xc5c3_0e11_9edb_8d93;

/// Folded multiply: low and high halves of the 128-bit product, xored.
#[inline(always)]
pub fn fmul(a: u64, b: u64) -> u64 {
    let r = (a as u128).wrapping_mul(b as u128);
    (r as u64) ^ ((r >> 64) as u64)
}

#[inline(always)]
unsafe fn r64(p: *const u8) -> u64 {
    u64::from_le(core::ptr::read_unaligned(p as *const u64))
}

#[inline(always)]
unsafe fn r32(p: *const u8) -> u32 {
    u32::from_le(core::ptr::read_unaligned(p as *const u32))
}

/// Hash of one 64-bit word: the maps' fast path for 8- and 4-byte keys
/// that are plain memory. One multiply.
#[inline(always)]
pub fn hash64(x: u64, seed: u64) -> u64 {
    fmul(x ^ seed, K1)
}

/// Hash of `n` bytes at `p`.
///
/// # Safety
/// `p` must point to `n` readable bytes (any pointer when `n` is 0).
#[inline]
pub unsafe fn memhash(p: *const u8, seed: u64, n: usize) -> u64 {
    let mut s = seed ^ K0;
    let (a, b);
    if n <= 16 {
        if n >= 8 {
            a = r64(p);
            b = r64(p.add(n - 8));
        } else if n >= 4 {
            a = r32(p) as u64;
            b = r32(p.add(n - 4)) as u64;
        } else if n > 0 {
            a = (*p as u64) << 16 | (*p.add(n >> 1) as u64) << 8 | *p.add(n - 1) as u64;
            b = 0;
        } else {
            a = 0;
            b = 0;
        }
    } else {
        let mut q = p;
        let mut i = n;
        if i > 48 {
            let (mut s1, mut s2) = (s ^ K3, s ^ K4);
            while i > 48 {
                s = fmul(r64(q) ^ K1 ^ s, r64(q.add(8)) ^ s);
                s1 = fmul(r64(q.add(16)) ^ K2 ^ s1, r64(q.add(24)) ^ s1);
                s2 = fmul(r64(q.add(32)) ^ K3 ^ s2, r64(q.add(40)) ^ s2);
                q = q.add(48);
                i -= 48;
            }
            s ^= s1 ^ s2;
        }
        while i > 16 {
            s = fmul(r64(q) ^ K1 ^ s, r64(q.add(8)) ^ s);
            q = q.add(16);
            i -= 16;
        }
        a = r64(p.add(n - 16));
        b = r64(p.add(n - 8));
    }
    fmul(fmul(a ^ K1 ^ s, b ^ K2 ^ s) ^ K4, (n as u64) ^ s ^ K3)
}

/// Whether the `n` bytes at `a` and `b` are equal.
///
/// # Safety
/// Both must point to `n` readable bytes.
#[inline]
pub unsafe fn memequal(a: *const u8, b: *const u8, n: usize) -> bool {
    if n >= 8 {
        if n <= 16 {
            return r64(a) == r64(b) && r64(a.add(n - 8)) == r64(b.add(n - 8));
        }
        return core::slice::from_raw_parts(a, n) == core::slice::from_raw_parts(b, n);
    }
    if n >= 4 {
        return r32(a) == r32(b) && r32(a.add(n - 4)) == r32(b.add(n - 4));
    }
    let mut i = 0;
    while i < n {
        if *a.add(i) != *b.add(i) {
            return false;
        }
        i += 1;
    }
    true
}

// ---- process randomness ----

static RSTATE: AtomicU64 = AtomicU64::new(0);
static RSEEDED: AtomicBool = AtomicBool::new(false);

/// `AT_RANDOM`: the auxv entry pointing at 16 random bytes from the kernel.
const AT_RANDOM: usize = 25;

fn auxv_random() -> u64 {
    unsafe {
        let mut p = crate::proc::AUXV;
        if p.is_null() {
            return 0;
        }
        loop {
            let (k, v) = (*p, *p.add(1));
            if k == 0 {
                return 0;
            }
            if k == AT_RANDOM && v != 0 {
                let b = v as *const u8;
                return fmul(r64(b) ^ K0, r64(b.add(8)) ^ K1);
            }
            p = p.add(2);
        }
    }
}

#[cold]
fn seed_rand() {
    if RSEEDED.swap(true, Ordering::Relaxed) {
        return;
    }
    let local = 0u8;
    let mut s = auxv_random();
    s ^= fmul(
        core::ptr::addr_of!(RSTATE) as u64 ^ K2,
        &local as *const u8 as u64 ^ K3,
    );
    #[cfg(test)]
    {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap();
        s ^= fmul(t.as_nanos() as u64 ^ K4, K1);
    }
    RSTATE.fetch_add(s, Ordering::Relaxed);
}

/// A random 64-bit number (not for cryptography).
#[inline]
pub fn rand() -> u64 {
    if !RSEEDED.load(Ordering::Relaxed) {
        seed_rand();
    }
    let s = RSTATE.fetch_add(K0, Ordering::Relaxed).wrapping_add(K0);
    fmul(s, s ^ K2)
}

// ---- panics ----

/// A panic with the text `<prefix><type name>`: a `runtime.Error`
/// (`runtime error: ` first) when `runtime`, else Go's
/// `maps.unhashableTypeError` (the nil or empty map path, see
/// goc_abi::map).
#[cold]
#[inline(never)]
pub fn panic_type(runtime: bool, prefix: &[u8], t: Type) -> ! {
    let kind = if runtime {
        crate::rterror::Kind::ErrorString
    } else {
        crate::rterror::Kind::Unhashable
    };
    crate::rterror::raise(kind, |s| {
        s.put(prefix);
        s.put(t.name());
    })
}

#[cold]
#[inline(never)]
fn panic_unhashable(t: Type) -> ! {
    panic_type(true, b"hash of unhashable type ", t)
}

#[cold]
#[inline(never)]
fn panic_uncomparable(t: Type) -> ! {
    panic_type(true, b"comparing uncomparable type ", t)
}

// ---- typed dispatch ----

type HashFn = unsafe extern "C" fn(*const u8, u64) -> u64;
type EqualFn = unsafe extern "C" fn(*const u8, *const u8) -> bool;

/// Whether values of `t` can be hashed (and compared).
#[inline(always)]
pub fn hashable(t: Type) -> bool {
    t.hash_fn() != 0 || t.regular_memory()
}

/// Hash of the value of type `t` at `p`; panics for unhashable types.
///
/// # Safety
/// `p` must point to a value of type `t`.
#[inline]
pub unsafe fn hash_of(t: Type, p: *const u8, seed: u64) -> u64 {
    let f = t.hash_fn();
    if f != 0 {
        let f: HashFn = core::mem::transmute(f);
        return f(p, seed);
    }
    if t.regular_memory() {
        return memhash(p, seed, t.size());
    }
    panic_unhashable(t)
}

/// `*a == *b` for values of type `t`; panics for uncomparable types.
///
/// # Safety
/// `a` and `b` must point to values of type `t`.
#[inline]
pub unsafe fn equal_of(t: Type, a: *const u8, b: *const u8) -> bool {
    let f = t.equal_fn();
    if f != 0 {
        let f: EqualFn = core::mem::transmute(f);
        return f(a, b);
    }
    if t.regular_memory() {
        return memequal(a, b, t.size());
    }
    panic_uncomparable(t)
}

/// Whether an interface type's values are empty interfaces (the first
/// word is a type descriptor rather than an itab).
fn is_empty_iface(t: Type) -> bool {
    let h = t.hash_fn();
    if h == goc_nilinterhash as *const () as usize {
        return true;
    }
    if h == goc_interhash as *const () as usize {
        return false;
    }
    t.nmethods() == 0
}

/// Address of the value held by an interface whose dynamic type is `t`
/// and whose data word is at `data`.
#[inline(always)]
unsafe fn iface_value(t: Type, data: *const u8) -> *const u8 {
    if t.direct_iface() {
        data
    } else {
        core::ptr::read(data as *const *const u8)
    }
}

/// Go's check of a map key before a lookup or delete in an empty or nil
/// map (which must panic as a hash would, without hashing): the dynamic
/// type inside `*p` (of type `t`) that cannot be hashed, if any. Go then
/// panics with `panic: hash of unhashable type: T` (its own wording for
/// this path: no "runtime error: ", a colon).
///
/// # Safety
/// `p` must point to a value of type `t`.
pub unsafe fn key_error(t: Type, p: *const u8) -> Option<Type> {
    if t.regular_memory() {
        return None;
    }
    match t.kind() {
        td::KIND_FLOAT32
        | td::KIND_FLOAT64
        | td::KIND_COMPLEX64
        | td::KIND_COMPLEX128
        | td::KIND_STRING => None,
        td::KIND_INTERFACE => {
            let w0 = core::ptr::read(p as *const *const u8);
            let dt = iface_dyn_type(w0, is_empty_iface(t))?;
            if !hashable(dt) {
                return Some(dt);
            }
            key_error(dt, iface_value(dt, p.add(8)))
        }
        td::KIND_ARRAY => {
            let e = t.elem();
            (0..t.array_len()).find_map(|i| key_error(e, p.add(i * e.size())))
        }
        td::KIND_STRUCT => (0..t.nfields()).find_map(|i| {
            let f = t.field(i);
            if f.name() == b"_" {
                None
            } else {
                key_error(f.typ(), p.add(f.offset()))
            }
        }),
        _ => {
            if hashable(t) {
                None
            } else {
                Some(t)
            }
        }
    }
}

/// Panics as Go does for [`key_error`]'s result.
#[cold]
#[inline(never)]
pub fn panic_key_error(t: Type) -> ! {
    panic_type(false, b"hash of unhashable type: ", t)
}

// ---- entry points: the functions descriptors and generated code call ----

/// # Safety
/// `p` must point to `size` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_memhash(p: *const u8, seed: u64, size: u64) -> u64 {
    memhash(p, seed, size as usize)
}

/// # Safety
/// `a` and `b` must point to `size` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_memequal(a: *const u8, b: *const u8, size: u64) -> bool {
    memequal(a, b, size as usize)
}

/// A string `(ptr, len)` at `p`.
///
/// # Safety
/// `p` must point to a Go string.
#[no_mangle]
pub unsafe extern "C" fn goc_strhash(p: *const u8, seed: u64) -> u64 {
    let ptr = core::ptr::read(p as *const *const u8);
    let len = core::ptr::read(p.add(8) as *const u64);
    memhash(ptr, seed, len as usize)
}

/// # Safety
/// `a` and `b` must point to Go strings.
#[no_mangle]
pub unsafe extern "C" fn goc_strequal(a: *const u8, b: *const u8) -> bool {
    let la = core::ptr::read(a.add(8) as *const u64);
    let lb = core::ptr::read(b.add(8) as *const u64);
    if la != lb {
        return false;
    }
    let pa = core::ptr::read(a as *const *const u8);
    let pb = core::ptr::read(b as *const *const u8);
    pa == pb || memequal(pa, pb, la as usize)
}

/// Hash of a float's bits, with both zeros alike and every NaN different.
#[inline(always)]
fn float_hash(bits: u64, zero: bool, nan: bool, seed: u64) -> u64 {
    if zero {
        hash64(K4, seed)
    } else if nan {
        hash64(rand(), seed ^ K3)
    } else {
        hash64(bits, seed)
    }
}

/// # Safety
/// `p` must point to a float32.
#[no_mangle]
pub unsafe extern "C" fn goc_f32hash(p: *const u8, seed: u64) -> u64 {
    let f = core::ptr::read_unaligned(p as *const f32);
    float_hash(f.to_bits() as u64, f == 0.0, f.is_nan(), seed)
}

/// # Safety
/// `p` must point to a float64.
#[no_mangle]
pub unsafe extern "C" fn goc_f64hash(p: *const u8, seed: u64) -> u64 {
    let f = core::ptr::read_unaligned(p as *const f64);
    float_hash(f.to_bits(), f == 0.0, f.is_nan(), seed)
}

/// # Safety
/// `a` and `b` must point to float32s.
#[no_mangle]
pub unsafe extern "C" fn goc_f32equal(a: *const u8, b: *const u8) -> bool {
    core::ptr::read_unaligned(a as *const f32) == core::ptr::read_unaligned(b as *const f32)
}

/// # Safety
/// `a` and `b` must point to float64s.
#[no_mangle]
pub unsafe extern "C" fn goc_f64equal(a: *const u8, b: *const u8) -> bool {
    core::ptr::read_unaligned(a as *const f64) == core::ptr::read_unaligned(b as *const f64)
}

/// # Safety
/// `p` must point to a complex64 (two float32s).
#[no_mangle]
pub unsafe extern "C" fn goc_c64hash(p: *const u8, seed: u64) -> u64 {
    goc_f32hash(p.add(4), goc_f32hash(p, seed))
}

/// # Safety
/// `p` must point to a complex128 (two float64s).
#[no_mangle]
pub unsafe extern "C" fn goc_c128hash(p: *const u8, seed: u64) -> u64 {
    goc_f64hash(p.add(8), goc_f64hash(p, seed))
}

/// # Safety
/// `a` and `b` must point to complex64s.
#[no_mangle]
pub unsafe extern "C" fn goc_c64equal(a: *const u8, b: *const u8) -> bool {
    goc_f32equal(a, b) && goc_f32equal(a.add(4), b.add(4))
}

/// # Safety
/// `a` and `b` must point to complex128s.
#[no_mangle]
pub unsafe extern "C" fn goc_c128equal(a: *const u8, b: *const u8) -> bool {
    goc_f64equal(a, b) && goc_f64equal(a.add(8), b.add(8))
}

/// Hash of an interface value at `p` (two words) by its dynamic type;
/// a nil interface hashes as the seed mixed with a constant (not 0: a
/// constant would erase the seed that a struct's earlier fields chained
/// in).
#[inline(always)]
unsafe fn iface_hash(p: *const u8, seed: u64, empty: bool) -> u64 {
    let w0 = core::ptr::read(p as *const *const u8);
    match iface_dyn_type(w0, empty) {
        None => hash64(K2, seed),
        Some(t) => {
            if !hashable(t) {
                panic_unhashable(t);
            }
            hash_of(t, iface_value(t, p.add(8)), seed ^ t.hash() as u64)
        }
    }
}

/// Equality of two interface values (same static type) at `a` and `b`.
#[inline(always)]
unsafe fn iface_equal(a: *const u8, b: *const u8, empty: bool) -> bool {
    let wa = core::ptr::read(a as *const *const u8);
    let wb = core::ptr::read(b as *const *const u8);
    let t = if wa == wb {
        match iface_dyn_type(wa, empty) {
            None => return true,
            Some(t) => t,
        }
    } else {
        // Itabs need not be unique (static ones and the runtime's cache),
        // so compare dynamic types.
        match (iface_dyn_type(wa, empty), iface_dyn_type(wb, empty)) {
            (Some(ta), Some(tb)) if ta == tb => ta,
            _ => return false,
        }
    };
    if !hashable(t) && t.equal_fn() == 0 {
        panic_uncomparable(t);
    }
    let (da, db) = (a.add(8), b.add(8));
    if t.direct_iface() {
        return core::ptr::read(da as *const usize) == core::ptr::read(db as *const usize);
    }
    equal_of(t, iface_value(t, da), iface_value(t, db))
}

/// Non-empty interface: word 0 is an itab (or null).
///
/// # Safety
/// `p` must point to an interface value.
#[no_mangle]
pub unsafe extern "C" fn goc_interhash(p: *const u8, seed: u64) -> u64 {
    iface_hash(p, seed, false)
}

/// Empty interface: word 0 is a type descriptor (or null).
///
/// # Safety
/// `p` must point to an interface value.
#[no_mangle]
pub unsafe extern "C" fn goc_nilinterhash(p: *const u8, seed: u64) -> u64 {
    iface_hash(p, seed, true)
}

/// # Safety
/// `a` and `b` must point to interface values.
#[no_mangle]
pub unsafe extern "C" fn goc_interequal(a: *const u8, b: *const u8) -> bool {
    iface_equal(a, b, false)
}

/// # Safety
/// `a` and `b` must point to interface values.
#[no_mangle]
pub unsafe extern "C" fn goc_nilinterequal(a: *const u8, b: *const u8) -> bool {
    iface_equal(a, b, true)
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use std::collections::HashSet;

    /// A descriptor built in memory for tests.
    #[repr(C, align(8))]
    pub struct Desc(pub [u8; td::SIZE_OF]);

    impl Desc {
        pub fn new(size: u64, kind: u8, align: u8, flags: u8) -> Box<Desc> {
            let mut d = Box::new(Desc([0; td::SIZE_OF]));
            d.put(td::SIZE, size);
            d.put(td::PTRDATA, 0);
            d.0[td::KIND as usize] = kind;
            d.0[td::ALIGN as usize] = align;
            d.0[td::FLAGS as usize] = flags;
            d
        }
        pub fn put(&mut self, off: i32, v: u64) {
            self.0[off as usize..off as usize + 8].copy_from_slice(&v.to_le_bytes());
        }
        pub fn funcs(mut self: Box<Self>, eq: usize, h: usize) -> Box<Self> {
            self.put(td::EQUAL, eq as u64);
            self.put(td::HASHFN, h as u64);
            self
        }
        pub fn named(mut self: Box<Self>, name: &'static str) -> Box<Self> {
            self.put(td::NAME, name.as_ptr() as u64);
            self.put(td::NAME + 8, name.len() as u64);
            self
        }
        pub fn t(&self) -> Type {
            Type(self.0.as_ptr())
        }
    }

    const RM: u8 = td::FLAG_COMPARABLE | td::FLAG_REGULAR_MEMORY;

    pub fn int64_desc() -> Box<Desc> {
        Desc::new(8, td::KIND_INT64, 8, RM).named("int64")
    }
    pub fn string_desc() -> Box<Desc> {
        Desc::new(16, td::KIND_STRING, 8, td::FLAG_COMPARABLE)
            .funcs(
                goc_strequal as *const () as usize,
                goc_strhash as *const () as usize,
            )
            .named("string")
    }
    pub fn float64_desc() -> Box<Desc> {
        Desc::new(8, td::KIND_FLOAT64, 8, td::FLAG_COMPARABLE)
            .funcs(
                goc_f64equal as *const () as usize,
                goc_f64hash as *const () as usize,
            )
            .named("float64")
    }
    pub fn any_desc() -> Box<Desc> {
        Desc::new(16, td::KIND_INTERFACE, 8, td::FLAG_COMPARABLE)
            .funcs(
                goc_nilinterequal as *const () as usize,
                goc_nilinterhash as *const () as usize,
            )
            .named("interface {}")
    }

    #[test]
    fn memhash_all_lengths_differ() {
        // Every length and every one-byte change gives a different hash.
        let buf: Vec<u8> = (0..300u32).map(|i| (i * 7 + 3) as u8).collect();
        let mut seen = HashSet::new();
        for n in 0..buf.len() {
            assert!(
                seen.insert(unsafe { memhash(buf.as_ptr(), 1, n) }),
                "len {n}"
            );
        }
        for n in [1usize, 3, 4, 7, 8, 15, 16, 17, 47, 48, 49, 100, 299] {
            for i in 0..n {
                let mut b = buf[..n].to_vec();
                b[i] ^= 0x10;
                assert!(
                    seen.insert(unsafe { memhash(b.as_ptr(), 1, n) }),
                    "len {n} byte {i}"
                );
            }
        }
        // The seed matters.
        unsafe {
            assert_ne!(memhash(buf.as_ptr(), 1, 10), memhash(buf.as_ptr(), 2, 10));
            assert_ne!(memhash(buf.as_ptr(), 1, 100), memhash(buf.as_ptr(), 2, 100));
        }
    }

    #[test]
    fn memhash_avalanche() {
        // Flipping one input bit flips about half of the output bits.
        let mut total = 0u64;
        let mut count = 0u64;
        for n in [8usize, 16, 24, 64] {
            let base: Vec<u8> = (0..n as u8).collect();
            let h0 = unsafe { memhash(base.as_ptr(), 42, n) };
            for bit in 0..n * 8 {
                let mut b = base.clone();
                b[bit / 8] ^= 1 << (bit % 8);
                let h = unsafe { memhash(b.as_ptr(), 42, n) };
                total += (h ^ h0).count_ones() as u64;
                count += 1;
            }
        }
        let avg = total as f64 / count as f64;
        assert!((28.0..36.0).contains(&avg), "average flipped bits {avg}");
    }

    #[test]
    fn memequal_lengths() {
        let a: Vec<u8> = (0..100).collect();
        for n in 0..100 {
            let mut b = a.clone();
            assert!(unsafe { memequal(a.as_ptr(), b.as_ptr(), n) });
            if n > 0 {
                b[n - 1] ^= 1;
                assert!(!unsafe { memequal(a.as_ptr(), b.as_ptr(), n) });
                b[n - 1] ^= 1;
                b[0] ^= 0x80;
                assert!(!unsafe { memequal(a.as_ptr(), b.as_ptr(), n) });
            }
        }
    }

    #[test]
    fn strings() {
        let (x, y) = (String::from("hello, world"), String::from("hello, world"));
        let sx = [x.as_ptr() as u64, x.len() as u64];
        let sy = [y.as_ptr() as u64, y.len() as u64];
        let sz = [y.as_ptr() as u64, 5];
        unsafe {
            let (px, py, pz) = (
                sx.as_ptr() as *const u8,
                sy.as_ptr() as *const u8,
                sz.as_ptr() as *const u8,
            );
            assert!(goc_strequal(px, py));
            assert!(!goc_strequal(px, pz));
            assert_eq!(goc_strhash(px, 9), goc_strhash(py, 9));
            assert_ne!(goc_strhash(px, 9), goc_strhash(pz, 9));
            assert_eq!(goc_strhash(pz, 9), memhash(b"hello".as_ptr(), 9, 5));
        }
    }

    #[test]
    fn floats() {
        let f = |v: f64| unsafe { goc_f64hash(&v as *const f64 as *const u8, 5) };
        let g = |v: f32| unsafe { goc_f32hash(&v as *const f32 as *const u8, 5) };
        assert_eq!(f(0.0), f(-0.0));
        assert_eq!(g(0.0), g(-0.0));
        assert_eq!(f(1.5), f(1.5));
        assert_ne!(f(1.5), f(2.5));
        assert_ne!(f(f64::NAN), f(f64::NAN));
        assert_ne!(g(f32::NAN), g(f32::NAN));
        let e = |a: f64, b: f64| unsafe {
            goc_f64equal(&a as *const f64 as *const u8, &b as *const f64 as *const u8)
        };
        assert!(e(0.0, -0.0));
        assert!(!e(f64::NAN, f64::NAN));
        assert!(e(1.0, 1.0));
        let e32 = |a: f32, b: f32| unsafe {
            goc_f32equal(&a as *const f32 as *const u8, &b as *const f32 as *const u8)
        };
        assert!(e32(0.0, -0.0));
        assert!(!e32(f32::NAN, f32::NAN));
    }

    #[test]
    fn interfaces() {
        let int = int64_desc();
        let flt = float64_desc();
        let s = string_desc();
        let v1: i64 = 7;
        let v2: i64 = 7;
        let f1: f64 = 0.0;
        let f2: f64 = -0.0;
        let nan: f64 = f64::NAN;
        let st = String::from("abc");
        let sv = [st.as_ptr() as u64, 3u64];
        let e = |t: &Desc, p: *const u8| [t.0.as_ptr() as u64, p as u64];
        let a = e(&int, &v1 as *const i64 as *const u8);
        let b = e(&int, &v2 as *const i64 as *const u8);
        let c = e(&flt, &f1 as *const f64 as *const u8);
        let d = e(&flt, &f2 as *const f64 as *const u8);
        let n = e(&flt, &nan as *const f64 as *const u8);
        let st1 = e(&s, sv.as_ptr() as *const u8);
        let nil = [0u64, 0];
        let p = |x: &[u64; 2]| x.as_ptr() as *const u8;
        unsafe {
            assert!(goc_nilinterequal(p(&a), p(&b)));
            assert_eq!(goc_nilinterhash(p(&a), 3), goc_nilinterhash(p(&b), 3));
            assert!(goc_nilinterequal(p(&c), p(&d)));
            assert_eq!(goc_nilinterhash(p(&c), 3), goc_nilinterhash(p(&d), 3));
            assert!(!goc_nilinterequal(p(&n), p(&n)));
            assert!(!goc_nilinterequal(p(&a), p(&c)));
            assert!(!goc_nilinterequal(p(&a), p(&nil)));
            assert!(goc_nilinterequal(p(&nil), p(&nil)));
            assert!(goc_nilinterequal(p(&st1), p(&st1)));
            assert_eq!(goc_nilinterhash(p(&nil), 3), goc_nilinterhash(p(&nil), 3));
            assert_ne!(goc_nilinterhash(p(&nil), 3), goc_nilinterhash(p(&nil), 4));
            // Non-empty interfaces: word 0 is an itab whose TYPE is the type.
            let itab1 = [0u64, int.0.as_ptr() as u64, 0, 0];
            let itab2 = [0u64, int.0.as_ptr() as u64, 0, 0];
            let ia = [itab1.as_ptr() as u64, &v1 as *const i64 as u64];
            let ib = [itab2.as_ptr() as u64, &v2 as *const i64 as u64];
            assert!(goc_interequal(p(&ia), p(&ib)));
            assert_eq!(goc_interhash(p(&ia), 1), goc_interhash(p(&ib), 1));
            assert_eq!(goc_interhash(p(&ia), 1), goc_nilinterhash(p(&a), 1));
            assert!(!goc_interequal(p(&ia), p(&nil)));
            assert!(goc_interequal(p(&nil), p(&nil)));
        }
    }

    #[test]
    fn unhashable_key_detection() {
        let slice = Desc::new(24, td::KIND_SLICE, 8, 0).named("[]int");
        let any = any_desc();
        let int = int64_desc();
        let v: i64 = 1;
        let sl = [0u64; 3];
        let k1 = [slice.0.as_ptr() as u64, sl.as_ptr() as u64];
        let k2 = [int.0.as_ptr() as u64, &v as *const i64 as u64];
        unsafe {
            let bad = key_error(any.t(), k1.as_ptr() as *const u8).unwrap();
            assert_eq!(bad.name(), b"[]int");
            assert!(key_error(any.t(), k2.as_ptr() as *const u8).is_none());
            assert!(key_error(any.t(), [0u64, 0].as_ptr() as *const u8).is_none());
        }
    }

    #[test]
    fn rand_varies() {
        let xs: HashSet<u64> = (0..1000).map(|_| rand()).collect();
        assert_eq!(xs.len(), 1000);
    }
}
