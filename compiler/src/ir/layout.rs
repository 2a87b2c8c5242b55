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
        Type::I64 | Type::U64 | Type::F64 | Type::Ptr(_) | Type::Func(_) => 8,
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
}
