//! Complex numbers: a complex64 or complex128 register is two float words,
//! the real and the imaginary part ([`super::abi::words`]). Addition,
//! subtraction, negation, multiplication (the schoolbook formula, as Go
//! computes it: `(ac-bd) + (ad+bc)i`, no fused multiply-add) and comparison
//! are inline float instructions; division calls the runtime's
//! `goc_complex128div`, in complex128 for both widths as Go does.

use cranelift_codegen::ir::condcodes::FloatCC;
use cranelift_codegen::ir::{types, InstBuilder, Value};

use super::func::Lower;
use crate::ir::{BinaryOp, Reg};
use goc_abi::sym;

impl Lower<'_, '_> {
    pub(super) fn complex_binary(
        &mut self,
        dst: Reg,
        op: BinaryOp,
        x: Reg,
        y: Reg,
    ) -> Result<(), String> {
        let (x, y) = (self.get(x), self.get(y));
        let (a, b, c, d) = (x[0], x[1], y[0], y[1]);
        let out = match op {
            BinaryOp::Add => vec![self.b.ins().fadd(a, c), self.b.ins().fadd(b, d)],
            BinaryOp::Sub => vec![self.b.ins().fsub(a, c), self.b.ins().fsub(b, d)],
            BinaryOp::Mul => {
                let (ac, bd) = (self.b.ins().fmul(a, c), self.b.ins().fmul(b, d));
                let (ad, bc) = (self.b.ins().fmul(a, d), self.b.ins().fmul(b, c));
                vec![self.b.ins().fsub(ac, bd), self.b.ins().fadd(ad, bc)]
            }
            BinaryOp::Div => self.complex_div(a, b, c, d)?,
            BinaryOp::Eq | BinaryOp::Ne => {
                let re = self.b.ins().fcmp(FloatCC::Equal, a, c);
                let im = self.b.ins().fcmp(FloatCC::Equal, b, d);
                let eq = self.b.ins().band(re, im);
                vec![if op == BinaryOp::Ne {
                    self.b.ins().bxor_imm_u(eq, 1)
                } else {
                    eq
                }]
            }
            _ => return Err(format!("{op:?} on complex numbers")),
        };
        self.set(dst, &out);
        Ok(())
    }

    /// `(a+bi) / (c+di)` by the runtime, widening float32 parts and
    /// rounding the quotient back.
    fn complex_div(
        &mut self,
        a: Value,
        b: Value,
        c: Value,
        d: Value,
    ) -> Result<Vec<Value>, String> {
        let narrow = self.b.func.dfg.value_type(a) == types::F32;
        let mut args = [a, b, c, d];
        if narrow {
            for v in &mut args {
                *v = self.b.ins().fpromote(types::F64, *v);
            }
        }
        let f64s = [types::F64; 4];
        let mut q = self.call_rt(sym::COMPLEX128DIV, &f64s, &f64s[..2], &args)?;
        if narrow {
            for v in &mut q {
                *v = self.b.ins().fdemote(types::F32, *v);
            }
        }
        Ok(q)
    }

    pub(super) fn complex_neg(&mut self, dst: Reg, x: Reg) {
        let v = self.get(x);
        let out = [self.b.ins().fneg(v[0]), self.b.ins().fneg(v[1])];
        self.set(dst, &out);
    }

    /// complex64 ↔ complex128: each part rounded or widened.
    pub(super) fn complex_convert(&mut self, dst: Reg, x: Reg) {
        let v = self.get(x);
        let out: Vec<Value> = match (self.wty(dst), self.wty(x)) {
            (d, s) if d == s => v,
            (types::F64, _) => v
                .iter()
                .map(|&p| self.b.ins().fpromote(types::F64, p))
                .collect(),
            _ => v
                .iter()
                .map(|&p| self.b.ins().fdemote(types::F32, p))
                .collect(),
        };
        self.set(dst, &out);
    }
}
