//! Memory layout of IR types on 64-bit targets, following Go's rules (the
//! same on x86_64 and aarch64): each type has a size and an alignment; struct
//! fields are placed in order at the next multiple of their alignment, and a
//! struct's size is rounded up to its alignment. As in Go, a struct whose
//! last field has size zero (and that is not itself empty) gets one byte of
//! padding, so a pointer to that field never points past the object.
//! Named types have the layout of their definition; a type can only refer
//! to itself through pointers and slices, whose size is fixed, so computing
//! a layout always terminates.

use super::Type;

pub const WORD: u64 = 8;

pub fn size_of(t: &Type) -> u64 {
    match t {
        Type::Bool | Type::I8 | Type::U8 => 1,
        Type::I16 | Type::U16 => 2,
        Type::I32 | Type::U32 | Type::F32 => 4,
        Type::I64 | Type::U64 | Type::F64 | Type::C64 | Type::Ptr(_) | Type::Func(_) => 8,
        Type::C128 => 16,
        Type::String | Type::Iface => 2 * WORD,
        Type::Slice(_) => 3 * WORD,
        Type::Array(n, elem) => n.saturating_mul(size_of(elem)),
        Type::Struct(_) => struct_layout(t).1,
        Type::Named(n) => size_of(n.def()),
    }
}

pub fn align_of(t: &Type) -> u64 {
    match t {
        Type::Array(_, elem) => align_of(elem),
        Type::Struct(fields) => fields.iter().map(|f| align_of(&f.ty)).max().unwrap_or(1),
        Type::Named(n) => align_of(n.def()),
        Type::C64 => 4,
        _ => size_of(t).clamp(1, WORD),
    }
}

/// The byte offset of each field of a struct type, and the struct's size.
pub fn struct_layout(t: &Type) -> (Vec<u64>, u64) {
    let t = t.resolved();
    let Type::Struct(fields) = t else {
        return (Vec::new(), size_of(t));
    };
    let mut offsets = Vec::with_capacity(fields.len());
    let mut off = 0u64;
    for f in fields {
        let a = align_of(&f.ty);
        off = round_up(off, a);
        offsets.push(off);
        off += size_of(&f.ty);
    }
    if off > 0 && fields.last().is_some_and(|f| size_of(&f.ty) == 0) {
        off += 1;
    }
    (offsets, round_up(off, align_of(t)))
}

/// The byte offset of field `i` of a struct type.
pub fn field_offset(t: &Type, i: usize) -> u64 {
    struct_layout(t).0[i]
}

pub fn round_up(x: u64, align: u64) -> u64 {
    x.div_ceil(align) * align
}

/// Whether values of the type contain pointers the collector must see.
pub fn has_pointers(t: &Type) -> bool {
    match t {
        Type::Ptr(_) | Type::Func(_) | Type::String | Type::Slice(_) | Type::Iface => true,
        Type::Array(n, e) => *n > 0 && has_pointers(e),
        Type::Struct(fields) => fields.iter().any(|f| has_pointers(&f.ty)),
        Type::Named(n) => has_pointers(n.def()),
        _ => false,
    }
}

/// Where the collector finds pointers in a value of a type: goc_abi's
/// `gcshape` (size, ptrdata, one mask bit per word of the ptrdata prefix).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GcShape {
    pub size: u64,
    /// Bytes up to and including the last pointer word (0: pointer-free).
    pub ptrdata: u64,
    /// One bit per 8-byte word of the `ptrdata` prefix, LSB of byte 0 first.
    pub mask: Vec<u8>,
}

impl GcShape {
    /// The shape's bytes as goc_abi::gcshape lays them out (little endian).
    pub fn bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(16 + self.mask.len());
        b.extend_from_slice(&self.size.to_le_bytes());
        b.extend_from_slice(&self.ptrdata.to_le_bytes());
        b.extend_from_slice(&self.mask);
        b
    }

    /// Byte offsets of the pointer words.
    pub fn pointer_offsets(&self) -> impl Iterator<Item = u64> + '_ {
        (0..self.ptrdata / WORD)
            .filter(|w| self.mask[(w / 8) as usize] & (1 << (w % 8)) != 0)
            .map(|w| w * WORD)
    }
}

/// The word offsets (in words from the start) of the pointer words of `t`,
/// appended to `out` with `base` (a byte offset) added. Pointer words are
/// pointers, function values, the data word of strings and slices and word
/// 1 of interfaces (word 0 is a type descriptor or itab, never in the heap);
/// integers (uintptr included) are not pointers, as in Go.
pub fn pointer_words(t: &Type, base: u64, out: &mut Vec<u64>) {
    match t {
        Type::Ptr(_) | Type::Func(_) | Type::String | Type::Slice(_) => out.push(base / WORD),
        Type::Iface => out.push(base / WORD + 1),
        Type::Array(n, e) => {
            if *n == 0 || !has_pointers(e) {
                return;
            }
            let es = size_of(e);
            let mut one = Vec::new();
            pointer_words(e, 0, &mut one);
            for i in 0..*n {
                let b = base + i * es;
                out.extend(one.iter().map(|w| b / WORD + w));
            }
        }
        Type::Struct(fields) => {
            let (offs, _) = struct_layout(t);
            for (f, off) in fields.iter().zip(offs) {
                pointer_words(&f.ty, base + off, out);
            }
        }
        Type::Named(n) => pointer_words(n.def(), base, out),
        _ => {}
    }
}

/// The GC shape of a type.
pub fn gc_shape(t: &Type) -> GcShape {
    let size = size_of(t);
    let mut words = Vec::new();
    pointer_words(t, 0, &mut words);
    let ptrdata = words.last().map_or(0, |w| (w + 1) * WORD);
    let mut mask = vec![0u8; (ptrdata / WORD).div_ceil(8) as usize];
    for w in words {
        mask[(w / 8) as usize] |= 1 << (w % 8);
    }
    GcShape {
        size,
        ptrdata,
        mask,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Field;

    fn st(tys: &[Type]) -> Type {
        Type::Struct(
            tys.iter()
                .enumerate()
                .map(|(i, t)| Field {
                    name: format!("f{i}"),
                    ty: t.clone(),
                })
                .collect(),
        )
    }

    #[test]
    fn struct_padding_follows_go() {
        let t = st(&[Type::Bool, Type::I64, Type::I16]);
        assert_eq!(struct_layout(&t), (vec![0, 8, 16], 24));
        let t = st(&[Type::U8, Type::String]);
        assert_eq!(struct_layout(&t), (vec![0, 8], 24));
        let t = st(&[Type::I32, Type::Array(0, Box::new(Type::I64))]);
        assert_eq!(struct_layout(&t), (vec![0, 8], 16));
        assert_eq!(size_of(&st(&[])), 0);
        assert_eq!(size_of(&Type::Array(3, Box::new(t))), 48);
    }

    #[test]
    fn gc_shapes() {
        let p = Type::ptr(Type::I64);
        // struct { int; *int; string; iface; []int; uintptr }
        let t = st(&[
            Type::I64,
            p.clone(),
            Type::String,
            Type::Iface,
            Type::Slice(Box::new(Type::I8)),
            Type::U64,
        ]);
        let s = gc_shape(&t);
        assert_eq!(s.size, 80);
        // words 1 (ptr), 2 (string data), 5 (iface data), 6 (slice data)
        assert_eq!(s.ptrdata, 56);
        assert_eq!(s.mask, vec![0b0110_0110]);
        assert_eq!(s.pointer_offsets().collect::<Vec<_>>(), vec![8, 16, 40, 48]);
        let s = gc_shape(&Type::Array(10, Box::new(st(&[Type::I64, p.clone()]))));
        assert_eq!((s.size, s.ptrdata), (160, 160));
        assert_eq!(s.mask, vec![0xaa, 0xaa, 0x0a]);
        let s = gc_shape(&st(&[Type::I64, Type::U64]));
        assert_eq!((s.size, s.ptrdata, s.mask.len()), (16, 0, 0));
        assert_eq!(gc_shape(&Type::Iface).mask, vec![2]);
    }
}
