//! Sizes and alignments of Go types, for `unsafe.Sizeof`, `Alignof` and
//! `Offsetof`, which are constants: the same rules as the IR's layout
//! (ir/layout.rs), which places the values the compiled code uses, on
//! Go's 64-bit targets (as types2's sizes.go does for gc).

use super::ty::*;

const WORD: u64 = 8;

impl Types {
    /// The size and alignment of a value of type `t`.
    pub fn size_align(&self, t: TypeId) -> (u64, u64) {
        match self.under(t) {
            TypeKind::Basic(b) => {
                let s = match b {
                    Basic::Bool | Basic::Int8 | Basic::Uint8 => 1,
                    Basic::Int16 | Basic::Uint16 => 2,
                    Basic::Int32 | Basic::Uint32 | Basic::Float32 | Basic::UntypedRune => 4,
                    // Two float32s, aligned as one.
                    Basic::Complex64 => return (8, 4),
                    Basic::String
                    | Basic::UntypedString
                    | Basic::Complex128
                    | Basic::UntypedComplex => 2 * WORD,
                    _ => WORD,
                };
                (s, s.min(WORD))
            }
            TypeKind::Pointer(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Chan(..) => {
                (WORD, WORD)
            }
            TypeKind::Interface(_) | TypeKind::Constraint { .. } => (2 * WORD, WORD),
            TypeKind::Slice(_) => (3 * WORD, WORD),
            TypeKind::Array(n, e) => {
                let (s, a) = self.size_align(*e);
                (n.saturating_mul(s), a)
            }
            TypeKind::Struct(fields) => {
                let (_, size, align) = self.struct_offsets(fields);
                (size, align)
            }
            TypeKind::Tuple(_)
            | TypeKind::Named { .. }
            | TypeKind::Alias { .. }
            | TypeKind::TypeParam { .. } => (WORD, WORD),
        }
    }

    /// The offset of each field, and the struct's size and alignment: each
    /// field at the next multiple of its alignment, a final zero-size field
    /// padded (so no pointer to it points past the object), the size
    /// rounded up to the alignment.
    pub fn struct_offsets(&self, fields: &[StructField]) -> (Vec<u64>, u64, u64) {
        let mut offsets = Vec::with_capacity(fields.len());
        let mut off = 0u64;
        let mut align = 1;
        let mut last_zero = false;
        for f in fields {
            let (s, a) = self.size_align(f.ty);
            off = off.div_ceil(a) * a;
            offsets.push(off);
            off += s;
            align = align.max(a);
            last_zero = s == 0;
        }
        if off > 0 && last_zero {
            off += 1;
        }
        (offsets, off.div_ceil(align) * align, align)
    }
}
