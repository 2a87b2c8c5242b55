//! Strings: concatenation, comparison, conversions and UTF-8 decoding.
//!
//! A Go string is two words `{ptr, len}` ([`GoString`]) pointing at
//! immutable bytes that need not be valid UTF-8. Functions returning a
//! string return the struct by value (rax:rdx on x86_64).
//!
//! Invariants: a string made here never aliases a mutable slice (the
//! conversions copy); an empty result has `len == 0` and a non-null
//! pointer; UTF-8 decoding follows Go exactly: an invalid or truncated
//! sequence, a surrogate half, or an overlong encoding decodes as U+FFFD
//! consuming one byte, and encoding an invalid rune (negative, surrogate,
//! above U+10FFFF) produces U+FFFD.
//!
//! The UTF-8 codec is pure and unit-tested on the host.

use crate::malloc;
use crate::slice::GoSlice;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct GoString {
    pub ptr: *const u8,
    pub len: i64,
}

/// Result of `goc_decoderune`: the rune and the index just after it.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodedRune {
    pub rune: i64,
    pub next: i64,
}

pub const RUNE_ERROR: u32 = 0xFFFD;

/// Decode one rune at the start of `b` (non-empty): (rune, byte length).
pub fn decode(b: &[u8]) -> (u32, usize) {
    let b0 = b[0];
    if b0 < 0x80 {
        return (b0 as u32, 1);
    }
    let cont = |i: usize, lo: u8, hi: u8| -> Option<u32> {
        let c = *b.get(i)?;
        if c < lo || c > hi {
            None
        } else {
            Some((c & 0x3f) as u32)
        }
    };
    let r = match b0 {
        0xC2..=0xDF => cont(1, 0x80, 0xBF).map(|c1| (((b0 & 0x1f) as u32) << 6 | c1, 2)),
        0xE0..=0xEF => {
            // E0 needs A0..BF (no overlong), ED needs 80..9F (no surrogates)
            let (lo, hi) = match b0 {
                0xE0 => (0xA0, 0xBF),
                0xED => (0x80, 0x9F),
                _ => (0x80, 0xBF),
            };
            cont(1, lo, hi).and_then(|c1| {
                cont(2, 0x80, 0xBF).map(|c2| (((b0 & 0x0f) as u32) << 12 | c1 << 6 | c2, 3))
            })
        }
        0xF0..=0xF4 => {
            let (lo, hi) = match b0 {
                0xF0 => (0x90, 0xBF),
                0xF4 => (0x80, 0x8F),
                _ => (0x80, 0xBF),
            };
            cont(1, lo, hi).and_then(|c1| {
                cont(2, 0x80, 0xBF).and_then(|c2| {
                    cont(3, 0x80, 0xBF)
                        .map(|c3| (((b0 & 0x07) as u32) << 18 | c1 << 12 | c2 << 6 | c3, 4))
                })
            })
        }
        _ => None,
    };
    r.unwrap_or((RUNE_ERROR, 1))
}

/// Encode `r` (invalid runes become U+FFFD) into `out`; returns the length.
pub fn encode(r: i64, out: &mut [u8; 4]) -> usize {
    let r = if !(0..=0x10FFFF).contains(&r) || (0xD800..=0xDFFF).contains(&r) {
        RUNE_ERROR
    } else {
        r as u32
    };
    if r < 0x80 {
        out[0] = r as u8;
        1
    } else if r < 0x800 {
        out[0] = 0xC0 | (r >> 6) as u8;
        out[1] = 0x80 | (r & 0x3f) as u8;
        2
    } else if r < 0x10000 {
        out[0] = 0xE0 | (r >> 12) as u8;
        out[1] = 0x80 | ((r >> 6) & 0x3f) as u8;
        out[2] = 0x80 | (r & 0x3f) as u8;
        3
    } else {
        out[0] = 0xF0 | (r >> 18) as u8;
        out[1] = 0x80 | ((r >> 12) & 0x3f) as u8;
        out[2] = 0x80 | ((r >> 6) & 0x3f) as u8;
        out[3] = 0x80 | (r & 0x3f) as u8;
        4
    }
}

unsafe fn bytes<'a>(ptr: *const u8, len: i64) -> &'a [u8] {
    if len <= 0 {
        &[]
    } else {
        core::slice::from_raw_parts(ptr, len as usize)
    }
}

/// A new string holding a copy of `b`.
pub fn copy_string(b: &[u8]) -> GoString {
    let p = malloc::mallocgc(b.len(), core::ptr::null());
    unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len()) };
    GoString {
        ptr: p,
        len: b.len() as i64,
    }
}

/// `a + b`.
///
/// # Safety
/// Both strings must be valid.
#[no_mangle]
pub unsafe extern "C" fn goc_concatstring(
    a_ptr: *const u8,
    a_len: i64,
    b_ptr: *const u8,
    b_len: i64,
) -> GoString {
    // An empty operand: the other string can be shared (strings are immutable).
    if a_len <= 0 {
        return GoString {
            ptr: b_ptr,
            len: b_len.max(0),
        };
    }
    if b_len <= 0 {
        return GoString {
            ptr: a_ptr,
            len: a_len,
        };
    }
    let n = (a_len + b_len) as usize;
    let p = malloc::mallocgc(n, core::ptr::null());
    core::ptr::copy_nonoverlapping(a_ptr, p, a_len as usize);
    core::ptr::copy_nonoverlapping(b_ptr, p.add(a_len as usize), b_len as usize);
    GoString {
        ptr: p,
        len: n as i64,
    }
}

/// Bytewise comparison: -1, 0 or 1.
///
/// # Safety
/// Both strings must be valid.
#[no_mangle]
pub unsafe extern "C" fn goc_cmpstring(
    a_ptr: *const u8,
    a_len: i64,
    b_ptr: *const u8,
    b_len: i64,
) -> i64 {
    match bytes(a_ptr, a_len).cmp(bytes(b_ptr, b_len)) {
        core::cmp::Ordering::Less => -1,
        core::cmp::Ordering::Equal => 0,
        core::cmp::Ordering::Greater => 1,
    }
}

/// # Safety
/// Both strings must be valid.
#[no_mangle]
pub unsafe extern "C" fn goc_eqstring(
    a_ptr: *const u8,
    a_len: i64,
    b_ptr: *const u8,
    b_len: i64,
) -> bool {
    a_len == b_len && (a_ptr == b_ptr || bytes(a_ptr, a_len) == bytes(b_ptr, b_len))
}

/// `string(rune(r))`.
#[no_mangle]
pub extern "C" fn goc_intstring(r: i64) -> GoString {
    let mut buf = [0u8; 4];
    let n = encode(r, &mut buf);
    copy_string(&buf[..n])
}

/// `string(b)` for a byte slice: copies.
///
/// # Safety
/// `ptr` valid for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn goc_slicebytetostring(ptr: *const u8, len: i64) -> GoString {
    copy_string(bytes(ptr, len))
}

/// `[]byte(s)`: a fresh copy; cap is rounded up to the size class as Go does.
///
/// # Safety
/// `ptr` valid for `len` bytes, `out` writable.
#[no_mangle]
pub unsafe extern "C" fn goc_stringtoslicebyte(ptr: *const u8, len: i64, out: *mut GoSlice) {
    let b = bytes(ptr, len);
    let cap = if b.is_empty() {
        0
    } else {
        malloc::roundupsize(b.len(), true)
    };
    let p = malloc::mallocgc(cap, core::ptr::null());
    core::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len());
    *out = GoSlice {
        ptr: p,
        len: b.len() as i64,
        cap: cap as i64,
    };
}

/// `[]rune(s)`.
///
/// # Safety
/// `ptr` valid for `len` bytes, `out` writable.
#[no_mangle]
pub unsafe extern "C" fn goc_stringtoslicerune(ptr: *const u8, len: i64, out: *mut GoSlice) {
    let b = bytes(ptr, len);
    let mut n = 0usize;
    let mut i = 0;
    while i < b.len() {
        i += decode(&b[i..]).1;
        n += 1;
    }
    let cap = if n == 0 {
        0
    } else {
        malloc::roundupsize(n * 4, true) / 4
    };
    let p = malloc::mallocgc(cap * 4, core::ptr::null()) as *mut i32;
    let mut i = 0;
    let mut k = 0;
    while i < b.len() {
        let (r, w) = decode(&b[i..]);
        *p.add(k) = r as i32;
        k += 1;
        i += w;
    }
    *out = GoSlice {
        ptr: p as *mut u8,
        len: n as i64,
        cap: cap as i64,
    };
}

/// `string(rs)` for a rune slice.
///
/// # Safety
/// `ptr` valid for `len` runes.
#[no_mangle]
pub unsafe extern "C" fn goc_slicerunetostring(ptr: *const i32, len: i64) -> GoString {
    let rs: &[i32] = if len <= 0 {
        &[]
    } else {
        core::slice::from_raw_parts(ptr, len as usize)
    };
    let mut buf = [0u8; 4];
    let total: usize = rs.iter().map(|&r| encode(r as i64, &mut buf)).sum();
    let p = malloc::mallocgc(total, core::ptr::null());
    let mut off = 0;
    for &r in rs {
        let n = encode(r as i64, &mut buf);
        core::ptr::copy_nonoverlapping(buf.as_ptr(), p.add(off), n);
        off += n;
    }
    GoString {
        ptr: p,
        len: total as i64,
    }
}

/// One step of `for i, r := range s`: the rune starting at byte `pos`
/// (`0 <= pos < len`) and the index of the next one.
///
/// # Safety
/// The string must be valid.
#[no_mangle]
pub unsafe extern "C" fn goc_decoderune(ptr: *const u8, len: i64, pos: i64) -> DecodedRune {
    let b = bytes(ptr, len);
    if pos < 0 || pos as usize >= b.len() {
        return DecodedRune {
            rune: RUNE_ERROR as i64,
            next: pos + 1,
        };
    }
    let (r, w) = decode(&b[pos as usize..]);
    DecodedRune {
        rune: r as i64,
        next: pos + w as i64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_matches_go() {
        assert_eq!(decode(b"a"), ('a' as u32, 1));
        assert_eq!(decode("é".as_bytes()), ('é' as u32, 2));
        assert_eq!(decode("世".as_bytes()), ('世' as u32, 3));
        assert_eq!(decode("😀".as_bytes()), ('😀' as u32, 4));
        assert_eq!(decode(b"\xff"), (RUNE_ERROR, 1));
        assert_eq!(decode(b"\xe4\xb8"), (RUNE_ERROR, 1)); // truncated
        assert_eq!(decode(b"\xc0\x80"), (RUNE_ERROR, 1)); // overlong
        assert_eq!(decode(b"\xed\xa0\x80"), (RUNE_ERROR, 1)); // surrogate
        assert_eq!(decode(b"\xf4\x90\x80\x80"), (RUNE_ERROR, 1)); // > U+10FFFF
    }

    #[test]
    fn encode_matches_go() {
        let e = |r: i64| {
            let mut b = [0u8; 4];
            let n = encode(r, &mut b);
            b[..n].to_vec()
        };
        assert_eq!(e(65), b"A");
        assert_eq!(e(0x4e16), "世".as_bytes());
        assert_eq!(e(-1), "\u{FFFD}".as_bytes());
        assert_eq!(e(0xD800), "\u{FFFD}".as_bytes());
        assert_eq!(e(0x110000), "\u{FFFD}".as_bytes());
        assert_eq!(e(0x10FFFF), "\u{10FFFF}".as_bytes());
    }
}
