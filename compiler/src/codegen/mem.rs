//! Copying and zeroing memory of a size known at compile time: small sizes
//! inline as a few loads and stores (8-byte words, then a 4/2/1-byte tail;
//! x86_64 and aarch64 both allow unaligned accesses to normal memory),
//! larger ones as calls to the runtime's `memmove` / `memset`.

use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData, Value};

use super::func::Lower;
use goc_abi::sym;

/// Largest copy done inline (8 word loads and stores).
pub(super) const INLINE_COPY_MAX: u64 = 64;
/// Largest zeroing done inline (16 word stores).
pub(super) const INLINE_ZERO_MAX: u64 = 128;

/// The pieces (offset, type) of an inline access of `size` bytes.
fn pieces(size: u64) -> Vec<(i32, types::Type)> {
    let mut out = Vec::new();
    let mut off = 0u64;
    for (w, ty) in [
        (8u64, types::I64),
        (4, types::I32),
        (2, types::I16),
        (1, types::I8),
    ] {
        while size - off >= w {
            out.push((off as i32, ty));
            off += w;
        }
    }
    out
}

impl Lower<'_, '_> {
    /// `*dst = *src` for `size` bytes; dst and src may be the same address
    /// (all loads happen before the stores, or memmove is used).
    pub(super) fn copy_mem(
        &mut self,
        dst: Value,
        src: Value,
        size: u64,
        flags: MemFlagsData,
    ) -> Result<(), String> {
        if size == 0 {
            return Ok(());
        }
        if size <= INLINE_COPY_MAX {
            let ps = pieces(size);
            let vals: Vec<Value> = ps
                .iter()
                .map(|&(off, ty)| self.b.ins().load(ty, flags, src, off))
                .collect();
            for (&(off, _), v) in ps.iter().zip(vals) {
                self.b.ins().store(flags, v, dst, off);
            }
            return Ok(());
        }
        let n = self.b.ins().iconst(types::I64, size as i64);
        self.call_rt(
            sym::MEMMOVE,
            &[types::I64; 3],
            &[types::I64],
            &[dst, src, n],
        )?;
        Ok(())
    }

    /// Zeroes `size` bytes at `dst`.
    pub(super) fn zero_mem(
        &mut self,
        dst: Value,
        size: u64,
        flags: MemFlagsData,
    ) -> Result<(), String> {
        if size == 0 {
            return Ok(());
        }
        if size <= INLINE_ZERO_MAX {
            let mut zeros = std::collections::HashMap::new();
            for (off, ty) in pieces(size) {
                let z = *zeros
                    .entry(ty)
                    .or_insert_with(|| self.b.ins().iconst(ty, 0));
                self.b.ins().store(flags, z, dst, off);
            }
            return Ok(());
        }
        let z = self.b.ins().iconst(types::I32, 0);
        let n = self.b.ins().iconst(types::I64, size as i64);
        self.call_rt(
            sym::MEMSET,
            &[types::I64, types::I32, types::I64],
            &[types::I64],
            &[dst, z, n],
        )?;
        Ok(())
    }
}
