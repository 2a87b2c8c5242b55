//! Slices and strings as (ptr, len[, cap]) words: slicing with Go's bounds
//! checks, append's growth, make and copy.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, BlockArg, InstBuilder};

use super::abi;
use super::func::{trusted, Lower};
use crate::ir::{layout, Reg, Type};
use goc_abi::sym;

impl Lower<'_, '_> {
    /// `x[lo:hi:max]` with Go's checks, in Go's order: max against cap, hi
    /// against max (or cap), lo against hi.
    pub(super) fn slice_of(
        &mut self,
        dst: Reg,
        x: Reg,
        lo: Option<Reg>,
        hi: Option<Reg>,
        max: Option<Reg>,
    ) -> Result<(), String> {
        use goc_abi::bounds::*;
        let xt = self.ty(x);
        let (base, len, cap, es, is_slice, is_string) = match xt {
            Type::String => {
                let v = self.get(x);
                (v[0], v[1], v[1], 1, false, true)
            }
            Type::Slice(e) => {
                let v = self.get(x);
                (v[0], v[1], v[2], layout::size_of(e), true, false)
            }
            Type::Ptr(p) => {
                let Type::Array(n, e) = p.resolved() else {
                    return Err(format!("slicing {xt}"));
                };
                let p = self.get1(x);
                self.nil_check(p)?;
                let n = self.b.ins().iconst(types::I64, *n as i64);
                (p, n, n, layout::size_of(e), false, false)
            }
            _ => return Err(format!("slicing {xt}")),
        };
        let lo = lo.map(|r| self.int64(r)).transpose()?;
        let hi = hi.map(|r| self.int64(r)).transpose()?;
        let max = max.map(|r| self.int64(r)).transpose()?;
        let j = hi.unwrap_or((len, true));
        let k = if let Some(k) = max {
            let code = if is_slice { SLICE3_ACAP } else { SLICE3_ALEN };
            self.slice_check(k, cap, code)?;
            self.slice_check(j, k.0, SLICE3_B)?;
            if let Some(i) = lo {
                self.slice_check(i, j.0, SLICE3_C)?;
            }
            k.0
        } else {
            if hi.is_some() {
                let code = if is_slice { SLICE_ACAP } else { SLICE_ALEN };
                self.slice_check(j, cap, code)?;
            }
            if let Some(i) = lo {
                self.slice_check(i, j.0, SLICE_B)?;
            }
            cap
        };
        let vals = match lo {
            None => {
                if is_string {
                    vec![base, j.0]
                } else {
                    vec![base, j.0, k]
                }
            }
            Some((i, _)) => {
                let new_len = self.b.ins().isub(j.0, i);
                let new_cap = if is_string {
                    new_len
                } else {
                    self.b.ins().isub(k, i)
                };
                // An empty result keeps the base pointer rather than point
                // past the end of the object (as Go does).
                let moved = self.elem_addr(base, i, es);
                let empty = self.b.ins().icmp_imm_s(IntCC::Equal, new_cap, 0);
                let p = self.b.ins().select(empty, base, moved);
                if is_string {
                    vec![p, new_len]
                } else {
                    vec![p, new_len, new_cap]
                }
            }
        };
        self.set(dst, &vals);
        Ok(())
    }

    /// `dst = slice extended by n elements`: in place when the capacity
    /// suffices, else through goc_growslice. The new elements are not
    /// zeroed: the append that follows stores every one of them, and may read
    /// them first (`append(s[:i], s[i+1:]...)` copies from that very memory).
    pub(super) fn grow_slice(&mut self, dst: Reg, slice: Reg, n: Reg) -> Result<(), String> {
        let Type::Slice(elem) = self.ty(slice) else {
            return Err("GrowSlice of a non-slice".into());
        };
        let s = self.get(slice);
        let (n, _) = self.int64(n)?;
        let new_len = self.b.ins().iadd(s[1], n);
        let fits = self
            .b
            .ins()
            .icmp(IntCC::UnsignedLessThanOrEqual, new_len, s[2]);
        let slow = self.b.create_block();
        let join = self.b.create_block();
        let jp = self.b.append_block_param(join, types::I64);
        let jl = self.b.append_block_param(join, types::I64);
        let jc = self.b.append_block_param(join, types::I64);
        self.b.set_cold_block(slow);
        self.b.ins().brif(
            fits,
            join,
            &[
                BlockArg::Value(s[0]),
                BlockArg::Value(new_len),
                BlockArg::Value(s[2]),
            ],
            slow,
            &[],
        );

        self.b.switch_to_block(slow);
        let old = self.scratch(0);
        let out = self.scratch(1);
        for (i, &w) in s.iter().enumerate() {
            self.b
                .ins()
                .store(trusted(), w, old, abi::word_offset(&Type::I64, i));
        }
        let shape = self.shape_addr(elem)?;
        self.call_rt(
            sym::GROWSLICE,
            &[types::I64; 4],
            &[],
            &[old, shape, new_len, out],
        )?;
        let v = self.load_slice(out);
        self.b.ins().jump(
            join,
            &[
                BlockArg::Value(v[0]),
                BlockArg::Value(v[1]),
                BlockArg::Value(v[2]),
            ],
        );

        self.b.switch_to_block(join);
        self.set(dst, &[jp, jl, jc]);
        Ok(())
    }

    /// `dst = make([]T, len, cap)` through goc_makeslice, which checks the
    /// sizes (an unsigned size above MaxInt64 arrives negative and is
    /// rejected).
    pub(super) fn make_slice(&mut self, dst: Reg, len: Reg, cap: Reg) -> Result<(), String> {
        let Type::Slice(elem) = self.ty(dst) else {
            return Err("MakeSlice of a non-slice".into());
        };
        let es = self.shape_addr(elem)?;
        let (l, _) = self.int64(len)?;
        let (c, _) = self.int64(cap)?;
        let out = self.scratch(0);
        let i64s = [types::I64; 4];
        self.call_rt(sym::MAKESLICE, &i64s, &[], &[es, l, c, out])?;
        let v = self.load_slice(out);
        self.set(dst, &v);
        Ok(())
    }

    /// `dst = copy(to, from)`: min of the lengths, memmove when positive.
    pub(super) fn copy_slice(&mut self, dst: Reg, to: Reg, from: Reg) -> Result<(), String> {
        let Type::Slice(elem) = self.ty(to) else {
            return Err("CopySlice to a non-slice".into());
        };
        let es = layout::size_of(elem);
        let t = self.get(to);
        let f = self.get(from);
        let n = self.b.ins().smin(t[1], f[1]);
        let pos = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, n, 0);
        let do_copy = self.b.create_block();
        let done = self.b.create_block();
        self.b.ins().brif(pos, do_copy, &[], done, &[]);
        self.b.switch_to_block(do_copy);
        self.write_barrier_typed(elem, t[0], n)?;
        let bytes = self.b.ins().imul_imm_s(n, es as i64);
        self.call_rt(
            sym::MEMMOVE,
            &[types::I64; 3],
            &[types::I64],
            &[t[0], f[0], bytes],
        )?;
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(done);
        self.set(dst, &[n]);
        Ok(())
    }
}
