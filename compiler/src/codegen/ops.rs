//! Scalar and string operations: constants, unary and binary operators
//! (with Go's division and shift semantics), numeric conversions, and the
//! string conversions that call the runtime.

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types, BlockArg, InstBuilder, Value};

use super::abi::words;
use super::func::Lower;
use crate::ir::{BinaryOp, Const, Reg, StrConv, Type};
use goc_abi::sym;

impl Lower<'_, '_> {
    pub(super) fn constant(&mut self, dst: Reg, value: &Const) -> Result<(), String> {
        let t = self.ty(dst);
        let ws = words(t).ok_or("constant of memory type")?;
        let vals: Vec<Value> = match value {
            Const::Zero => ws.iter().map(|&w| self.zero(w)).collect(),
            Const::Int(v) => vec![self.scalar_const(ws[0], *v as f64, *v)],
            Const::Float(x) => vec![self.scalar_const(ws[0], *x, *x as i64)],
            Const::Complex(re, im) => vec![
                self.scalar_const(ws[0], *re, 0),
                self.scalar_const(ws[1], *im, 0),
            ],
            Const::Bool(b) => vec![self.scalar_const(ws[0], *b as i64 as f64, *b as i64)],
            Const::Str(bytes) => {
                if *t != Type::String {
                    return Err(format!("string constant in a {t} register"));
                }
                let len = self.b.ins().iconst(types::I64, bytes.len() as i64);
                if bytes.is_empty() {
                    let p = self.b.ins().iconst(types::I64, 0);
                    vec![p, len]
                } else {
                    let id = self.ms.string_data(bytes)?;
                    let gv = self.global_value(id);
                    let p = self.b.ins().symbol_value(types::I64, gv);
                    vec![p, len]
                }
            }
        };
        if vals.len() != ws.len() {
            return Err(format!("constant {value:?} does not fit a {t} register"));
        }
        self.set(dst, &vals);
        Ok(())
    }

    pub(super) fn scalar_const(&mut self, w: types::Type, f: f64, i: i64) -> Value {
        match w {
            types::F32 => self.b.ins().f32const(f as f32),
            types::F64 => self.b.ins().f64const(f),
            _ => self.iconst(w, i),
        }
    }

    pub(super) fn binary(&mut self, dst: Reg, op: BinaryOp, x: Reg, y: Reg) -> Result<(), String> {
        let t = self.ty(x);
        match t {
            Type::String => return self.string_binary(dst, op, x, y),
            Type::C64 | Type::C128 => return self.complex_binary(dst, op, x, y),
            Type::Slice(_) => {
                // Only comparison with nil: compare the data pointers.
                let a = self.get1(x);
                let b = self.get1(y);
                let cc = match op {
                    BinaryOp::Eq => IntCC::Equal,
                    BinaryOp::Ne => IntCC::NotEqual,
                    _ => return Err(format!("{op:?} on slices")),
                };
                let r = self.b.ins().icmp(cc, a, b);
                self.set(dst, &[r]);
                return Ok(());
            }
            _ => {}
        }
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            return self.shift(dst, op, x, y);
        }
        let a = self.get1(x);
        let b = self.get1(y);
        let r = if t.is_float() {
            match op {
                BinaryOp::Add => self.b.ins().fadd(a, b),
                BinaryOp::Sub => self.b.ins().fsub(a, b),
                BinaryOp::Mul => self.b.ins().fmul(a, b),
                BinaryOp::Div => self.b.ins().fdiv(a, b),
                BinaryOp::Eq => self.b.ins().fcmp(FloatCC::Equal, a, b),
                // `ne` is unordered-or-not-equal: true when either is NaN.
                BinaryOp::Ne => self.b.ins().fcmp(FloatCC::NotEqual, a, b),
                BinaryOp::Lt => self.b.ins().fcmp(FloatCC::LessThan, a, b),
                BinaryOp::Le => self.b.ins().fcmp(FloatCC::LessThanOrEqual, a, b),
                BinaryOp::Gt => self.b.ins().fcmp(FloatCC::GreaterThan, a, b),
                BinaryOp::Ge => self.b.ins().fcmp(FloatCC::GreaterThanOrEqual, a, b),
                _ => return Err(format!("{op:?} on {t}")),
            }
        } else {
            let signed = t.is_signed();
            let cmp = |op| -> Option<IntCC> {
                Some(match (op, signed) {
                    (BinaryOp::Eq, _) => IntCC::Equal,
                    (BinaryOp::Ne, _) => IntCC::NotEqual,
                    (BinaryOp::Lt, true) => IntCC::SignedLessThan,
                    (BinaryOp::Le, true) => IntCC::SignedLessThanOrEqual,
                    (BinaryOp::Gt, true) => IntCC::SignedGreaterThan,
                    (BinaryOp::Ge, true) => IntCC::SignedGreaterThanOrEqual,
                    (BinaryOp::Lt, false) => IntCC::UnsignedLessThan,
                    (BinaryOp::Le, false) => IntCC::UnsignedLessThanOrEqual,
                    (BinaryOp::Gt, false) => IntCC::UnsignedGreaterThan,
                    (BinaryOp::Ge, false) => IntCC::UnsignedGreaterThanOrEqual,
                    _ => return None,
                })
            };
            if let Some(cc) = cmp(op) {
                self.b.ins().icmp(cc, a, b)
            } else {
                match op {
                    BinaryOp::Add => self.b.ins().iadd(a, b),
                    BinaryOp::Sub => self.b.ins().isub(a, b),
                    BinaryOp::Mul => self.b.ins().imul(a, b),
                    BinaryOp::And => self.b.ins().band(a, b),
                    BinaryOp::Or => self.b.ins().bor(a, b),
                    BinaryOp::Xor => self.b.ins().bxor(a, b),
                    BinaryOp::AndNot => self.b.ins().band_not(a, b),
                    BinaryOp::Div | BinaryOp::Rem => self.divide(op, signed, a, b)?,
                    _ => return Err(format!("{op:?} on {t}")),
                }
            }
        };
        self.set(dst, &[r]);
        Ok(())
    }

    /// Integer division with Go's semantics: a zero divisor panics;
    /// `MinInt / -1` wraps to MinInt and `MinInt % -1` is 0 (Cranelift's
    /// sdiv/srem trap there, so a -1 divisor is replaced by 1 and the
    /// quotient negated).
    pub(super) fn divide(
        &mut self,
        op: BinaryOp,
        signed: bool,
        a: Value,
        b: Value,
    ) -> Result<Value, String> {
        let zero = self.b.ins().icmp_imm_s(IntCC::Equal, b, 0);
        self.check_fail(zero, |lw| lw.call_noreturn(sym::PANICDIVIDE, &[], &[]))?;
        if !signed {
            return Ok(match op {
                BinaryOp::Div => self.b.ins().udiv(a, b),
                _ => self.b.ins().urem(a, b),
            });
        }
        let w = self.b.func.dfg.value_type(b);
        let m1 = self.iconst(w, -1);
        let is_m1 = self.b.ins().icmp(IntCC::Equal, b, m1);
        let one = self.iconst(w, 1);
        let d = self.b.ins().select(is_m1, one, b);
        Ok(match op {
            BinaryOp::Div => {
                let q = self.b.ins().sdiv(a, d);
                let n = self.b.ins().ineg(a);
                self.b.ins().select(is_m1, n, q)
            }
            _ => self.b.ins().srem(a, d),
        })
    }

    /// Shifts with Go's semantics: a negative (signed) count panics; a count
    /// of at least the width gives 0, or the sign for a signed right shift.
    pub(super) fn shift(&mut self, dst: Reg, op: BinaryOp, x: Reg, y: Reg) -> Result<(), String> {
        let t = self.ty(x);
        if !t.is_int() {
            return Err(format!("shift of {t}"));
        }
        let width = t.bits().unwrap_or(64) as i64;
        let xv = self.get1(x);
        let (count, signed_count) = self.int64(y)?;
        if signed_count {
            let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, count, 0);
            self.check_fail(neg, |lw| lw.call_noreturn(sym::PANICSHIFT, &[], &[]))?;
        }
        let big = self
            .b
            .ins()
            .icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, count, width);
        let w = self.wty(x);
        let r = match op {
            BinaryOp::Shl => {
                let s = self.b.ins().ishl(xv, count);
                let z = self.iconst(w, 0);
                self.b.ins().select(big, z, s)
            }
            _ if t.is_signed() => {
                let max = self.b.ins().iconst(types::I64, width - 1);
                let c = self.b.ins().select(big, max, count);
                self.b.ins().sshr(xv, c)
            }
            _ => {
                let s = self.b.ins().ushr(xv, count);
                let z = self.iconst(w, 0);
                self.b.ins().select(big, z, s)
            }
        };
        self.set(dst, &[r]);
        Ok(())
    }

    pub(super) fn string_binary(
        &mut self,
        dst: Reg,
        op: BinaryOp,
        x: Reg,
        y: Reg,
    ) -> Result<(), String> {
        let a = self.get(x);
        let b = self.get(y);
        let args = [a[0], a[1], b[0], b[1]];
        let i64s = [types::I64; 4];
        match op {
            BinaryOp::Add => {
                let r = self.call_rt(sym::CONCATSTRING, &i64s, &[types::I64, types::I64], &args)?;
                self.set(dst, &r);
            }
            BinaryOp::Eq | BinaryOp::Ne => {
                // Different lengths are unequal without a call.
                let same_len = self.b.ins().icmp(IntCC::Equal, a[1], b[1]);
                let call_blk = self.b.create_block();
                let join = self.b.create_block();
                let res = self.b.append_block_param(join, types::I8);
                let f = self.b.ins().iconst(types::I8, 0);
                self.b
                    .ins()
                    .brif(same_len, call_blk, &[], join, &[BlockArg::Value(f)]);
                self.b.switch_to_block(call_blk);
                let r = self.call_rt(sym::EQSTRING, &i64s, &[types::I8], &args)?;
                self.b.ins().jump(join, &[BlockArg::Value(r[0])]);
                self.b.switch_to_block(join);
                let r = if op == BinaryOp::Ne {
                    self.b.ins().bxor_imm_u(res, 1)
                } else {
                    res
                };
                self.set(dst, &[r]);
            }
            _ => {
                let c = self.call_rt(sym::CMPSTRING, &i64s, &[types::I64], &args)?;
                let cc = match op {
                    BinaryOp::Lt => IntCC::SignedLessThan,
                    BinaryOp::Le => IntCC::SignedLessThanOrEqual,
                    BinaryOp::Gt => IntCC::SignedGreaterThan,
                    BinaryOp::Ge => IntCC::SignedGreaterThanOrEqual,
                    _ => return Err(format!("{op:?} on strings")),
                };
                let r = self.b.ins().icmp_imm_s(cc, c[0], 0);
                self.set(dst, &[r]);
            }
        }
        Ok(())
    }

    pub(super) fn convert(&mut self, dst: Reg, x: Reg) -> Result<(), String> {
        let (dt, st) = (self.ty(dst), self.ty(x));
        if dt.is_complex() && st.is_complex() {
            self.complex_convert(dst, x);
            return Ok(());
        }
        let v = self.get1(x);
        let (dw, sw) = (self.wty(dst), self.wty(x));
        let word = |t: &Type| matches!(t, Type::Ptr(_)) || t.is_int();
        let r = if dt == st || (word(dt) && word(st) && dw == sw) {
            v
        } else if dt.is_int() && st.is_int() {
            if dw.bits() < sw.bits() {
                self.b.ins().ireduce(dw, v)
            } else if st.is_signed() {
                self.b.ins().sextend(dw, v)
            } else {
                self.b.ins().uextend(dw, v)
            }
        } else if dt.is_float() && st.is_int() {
            if *st == Type::U64 {
                self.b.ins().fcvt_from_uint(dw, v)
            } else {
                let (v64, _) = self.int64(x)?;
                self.b.ins().fcvt_from_sint(dw, v64)
            }
        } else if dt.is_int() && st.is_float() {
            // Saturating conversions (never the trapping forms). x86_64
            // converts to 32 or 64 bits only: narrower results saturate in
            // 32 bits, are clamped to their range, then truncated.
            let bits = dw.bits();
            let cw = if bits < 32 { types::I32 } else { dw };
            let c = if dt.is_signed() {
                self.b.ins().fcvt_to_sint_sat(cw, v)
            } else {
                self.b.ins().fcvt_to_uint_sat(cw, v)
            };
            if bits < 32 {
                let c = if dt.is_signed() {
                    let hi = self.b.ins().iconst(types::I32, (1i64 << (bits - 1)) - 1);
                    let lo = self.iconst(types::I32, -(1i64 << (bits - 1)));
                    let c = self.b.ins().smin(c, hi);
                    self.b.ins().smax(c, lo)
                } else {
                    let hi = self.b.ins().iconst(types::I32, (1i64 << bits) - 1);
                    self.b.ins().umin(c, hi)
                };
                self.b.ins().ireduce(dw, c)
            } else {
                c
            }
        } else if dt.is_float() && st.is_float() {
            if dw == types::F64 {
                self.b.ins().fpromote(dw, v)
            } else {
                self.b.ins().fdemote(dw, v)
            }
        } else if matches!(dt, Type::Ptr(_)) && matches!(st, Type::Ptr(_)) {
            v
        } else {
            return Err(format!("conversion from {st} to {dt}"));
        };
        self.set(dst, &[r]);
        Ok(())
    }

    pub(super) fn strconv(&mut self, dst: Reg, op: StrConv, x: Reg) -> Result<(), String> {
        let i64s = [types::I64; 3];
        let pair = [types::I64, types::I64];
        match op {
            StrConv::StringToBytes | StrConv::StringToRunes => {
                let s = self.get(x);
                let out = self.scratch(0);
                let name = if op == StrConv::StringToBytes {
                    sym::STRINGTOSLICEBYTE
                } else {
                    sym::STRINGTOSLICERUNE
                };
                self.call_rt(name, &i64s, &[], &[s[0], s[1], out])?;
                let v = self.load_slice(out);
                self.set(dst, &v);
            }
            StrConv::BytesToString | StrConv::RunesToString => {
                let s = self.get(x);
                let name = if op == StrConv::BytesToString {
                    sym::SLICEBYTETOSTRING
                } else {
                    sym::SLICERUNETOSTRING
                };
                let r = self.call_rt(name, &pair, &pair, &s[..2])?;
                self.set(dst, &r);
            }
            StrConv::RuneToString => {
                // The full 64-bit value: out-of-range values must not wrap
                // into valid runes.
                let (v, _) = self.int64(x)?;
                let r = self.call_rt(sym::INTSTRING, &[types::I64], &pair, &[v])?;
                self.set(dst, &r);
            }
        }
        Ok(())
    }
}
