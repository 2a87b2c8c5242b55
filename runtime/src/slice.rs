//! Slices: `make([]T, len, cap)`, `append` growth and `copy`.
//!
//! A slice is three words `{ptr, len, cap}` ([`GoSlice`]). The runtime
//! functions write results through an `out` pointer.
//!
//! Growth must reproduce Go 1.27's capacities exactly, because programs
//! print `cap()`:
//! 1. the new capacity is `new_len` if that exceeds twice the old
//!    capacity; otherwise twice the old capacity below 256 elements; above,
//!    the old capacity grows by `(cap + 3*256) / 4` steps (1.25x plus 192)
//!    until it holds `new_len`;
//! 2. the byte size is then rounded up to the allocator's size class
//!    (`malloc::roundupsize`), and the capacity becomes whatever fits in it.
//!
//! Invariants: `0 <= len <= cap`; `ptr` is non-null for any slice made
//! here (zero-sized elements share `ZEROBASE`); bytes past `len` up to
//! `cap` are zero after makeslice and growslice.
//!
//! Note: Go's compiler backs the first append to a non-escaping slice with
//! a 32-byte stack buffer (`goc_abi::APPEND_STACK_BUF_BYTES`), giving e.g.
//! cap 4 for `[]int` instead of 1; that is the compiler's business, not
//! the runtime's.

use crate::malloc::{self, MAX_ALLOC};

#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GoSlice {
    pub ptr: *mut u8,
    pub len: i64,
    pub cap: i64,
}

/// Go's nextslicecap: the capacity before size-class rounding.
pub fn next_cap(new_len: i64, old_cap: i64) -> i64 {
    let mut newcap = old_cap;
    let doublecap = newcap.wrapping_add(newcap);
    if new_len > doublecap {
        return new_len;
    }
    const THRESHOLD: i64 = 256;
    if old_cap < THRESHOLD {
        return doublecap;
    }
    loop {
        newcap = newcap.wrapping_add((newcap.wrapping_add(3 * THRESHOLD)) >> 2);
        if newcap as u64 >= new_len as u64 {
            break;
        }
    }
    if newcap <= 0 {
        return new_len;
    }
    newcap
}

/// Capacity and byte size of the grown backing array, or None when the
/// size is out of range ("growslice: len out of range").
pub fn grow_cap(
    elem_size: usize,
    new_len: i64,
    old_cap: i64,
    noscan: bool,
) -> Option<(i64, usize)> {
    let newcap = next_cap(new_len, old_cap);
    let cap_bytes = (elem_size as u128) * (newcap as u64 as u128);
    if newcap < 0 || cap_bytes > MAX_ALLOC as u128 {
        return None;
    }
    let mem = malloc::roundupsize(cap_bytes as usize, noscan);
    let cap = mem / elem_size;
    Some((cap as i64, cap * elem_size))
}

/// `make([]T, len, cap)`: zeroed backing array of `cap` elements, whose
/// shape (`goc_abi::gcshape`, giving the element size) is `elem_shape`.
///
/// # Safety
/// `out` must be writable, `elem_shape` a valid shape.
#[no_mangle]
pub unsafe extern "C" fn goc_makeslice(
    elem_shape: *const u8,
    len: i64,
    cap: i64,
    out: *mut GoSlice,
) {
    let (elem_size, shape) = malloc::shape_of(elem_shape);
    let mem = (elem_size as u128) * (cap as u64 as u128);
    if cap < 0 || mem > MAX_ALLOC as u128 || len > cap {
        // Go reports the len first when it alone is out of range.
        let len_mem = (elem_size as u128) * (len as u64 as u128);
        if len < 0 || len_mem > MAX_ALLOC as u128 {
            crate::rterror::raise_msg(
                crate::rterror::Kind::ErrorString,
                b"makeslice: len out of range",
            );
        }
        crate::rterror::raise_msg(
            crate::rterror::Kind::ErrorString,
            b"makeslice: cap out of range",
        );
    }
    if len < 0 {
        crate::rterror::raise_msg(
            crate::rterror::Kind::ErrorString,
            b"makeslice: len out of range",
        );
    }
    let p = if mem == 0 {
        core::ptr::addr_of_mut!(malloc::ZEROBASE) as *mut u8
    } else {
        malloc::mallocgc(mem as usize, shape)
    };
    *out = GoSlice { ptr: p, len, cap };
}

/// Grow `*old` so it can hold `new_len` elements of the shape `elem_shape`
/// (`goc_abi::gcshape`: the element size, and whether elements hold
/// pointers, which changes Go's size rounding above 512 bytes): copies the
/// `old.len` elements, zeroes the rest, sets `len = new_len`. The caller
/// then stores the appended elements at `[old.len, new_len)`. `old` and
/// `out` may be the same address.
///
/// # Safety
/// `old` readable, `out` writable, `old.ptr` valid for `old.len` elements,
/// `elem_shape` a valid shape.
#[no_mangle]
pub unsafe extern "C" fn goc_growslice(
    old: *const GoSlice,
    elem_shape: *const u8,
    new_len: i64,
    out: *mut GoSlice,
) {
    let (elem_size, shape) = malloc::shape_of(elem_shape);
    let noscan = shape.is_null();
    let old = *old;
    if new_len < 0 {
        crate::rterror::raise_msg(
            crate::rterror::Kind::ErrorString,
            b"growslice: len out of range",
        );
    }
    if elem_size == 0 {
        *out = GoSlice {
            ptr: core::ptr::addr_of_mut!(malloc::ZEROBASE) as *mut u8,
            len: new_len,
            cap: new_len,
        };
        return;
    }
    let (cap, mem) = match grow_cap(elem_size, new_len, old.cap, noscan) {
        Some(x) => x,
        None => crate::rterror::raise_msg(
            crate::rterror::Kind::ErrorString,
            b"growslice: len out of range",
        ),
    };
    let p = malloc::mallocgc(mem, shape);
    let old_bytes = (old.len.max(0) as usize) * elem_size;
    if old_bytes > 0 {
        core::ptr::copy_nonoverlapping(old.ptr, p, old_bytes);
    }
    *out = GoSlice {
        ptr: p,
        len: new_len,
        cap,
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Capacities seen when appending one element at a time to an escaping
    /// slice, until `limit` elements.
    fn caps(elem_size: usize, limit: i64, noscan: bool) -> Vec<i64> {
        let (mut len, mut cap) = (0i64, 0i64);
        let mut v = vec![];
        while len < limit {
            len += 1;
            if len > cap {
                cap = grow_cap(elem_size, len, cap, noscan).unwrap().0;
                v.push(cap);
            }
        }
        v
    }

    fn parse(s: &str) -> Vec<i64> {
        s.split_whitespace().map(|x| x.parse().unwrap()).collect()
    }

    // Expected sequences printed by Go 1.27.3 (slices escaping to the heap).
    #[test]
    fn growth_matches_go() {
        assert_eq!(caps(8, 100000, true), parse("1 2 4 8 16 32 64 128 256 512 848 1280 1792 2560 3408 5120 7168 9216 12288 16384 21504 27648 34816 44032 55296 69632 88064 110592"));
        assert_eq!(caps(1, 100000, true), parse("8 16 32 64 128 256 512 896 1408 2048 3072 4096 5376 6912 9472 12288 16384 21760 28672 40960 57344 73728 98304 131072"));
        assert_eq!(caps(24, 100000, true), parse("1 2 4 8 16 32 64 128 256 512 853 1365 2048 3072 4096 5461 7168 9216 11946 15360 19456 24576 31061 39253 49493 62122 78165 97962 122880"));
        assert_eq!(caps(12, 30000, true), parse("1 2 4 8 16 32 64 128 256 512 853 1365 2048 3413 4778 6826 8874 11605 15018 19114 24576 31402"));
        assert_eq!(caps(5, 30000, true), parse("1 3 6 12 25 51 102 204 409 819 1228 1894 2713 3686 4915 6553 9830 13107 18022 22937 29491 37683"));
        assert_eq!(
            caps(1000, 3000, true),
            parse("1 2 4 8 16 32 65 131 262 524 851 1261 1769 2408 3203")
        );
    }

    #[test]
    fn multi_append() {
        // append(nil []int, 1,2,3,4,5) -> cap 6; then 20 more -> 26
        assert_eq!(grow_cap(8, 5, 0, true).unwrap().0, 6);
        assert_eq!(grow_cap(8, 25, 6, true).unwrap().0, 26);
        assert_eq!(grow_cap(1, 13, 0, true).unwrap().0, 16);
        assert_eq!(grow_cap(1, 1013, 16, true).unwrap().0, 1024);
        assert!(grow_cap(8, i64::MAX / 4, 0, true).is_none());
    }
}
