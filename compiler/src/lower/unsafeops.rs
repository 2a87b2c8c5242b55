//! Package unsafe's functions that are not constants: `Add` (pointer
//! arithmetic through uintptr), `Slice` and `String` (a slice or string over
//! memory the program points at, with Go's run-time checks), `SliceData`
//! and `StringData` (the data pointers), and `Sizeof`/`Alignof`/`Offsetof`
//! of values whose types mention a type parameter (a constant per
//! instance, from the IR layout).
//!
//! `Slice` sees the pointer as one to an array as long as memory can be and
//! slices it, so the IR needs no instruction of its own; `String` copies
//! the bytes (Go shares them; the difference shows only if the program
//! writes to memory the specification says it must not change).

use super::*;
use crate::ir::{layout, BinaryOp, StrConv};
use crate::syntax::ast::{Expr, ExprKind};
use crate::types::Builtin;

/// The longest array `unsafe.Slice` may see memory as: 2^47 bytes.
const MAX_BYTES: u64 = 1 << 47;

impl FnLower<'_, '_> {
    pub(crate) fn unsafe_builtin(&mut self, e: &Expr, b: Builtin, args: &[Expr]) -> Val {
        match b {
            Builtin::Sizeof | Builtin::Alignof => {
                let t = self.ty(self.etype(&args[0]));
                let v = if b == Builtin::Sizeof {
                    layout::size_of(&t)
                } else {
                    layout::align_of(&t)
                };
                Val::Reg(self.konst(ir::Type::U64, Const::Int(v as i64)))
            }
            Builtin::Offsetof => {
                let off = self.offsetof(&args[0]);
                Val::Reg(self.konst(ir::Type::U64, Const::Int(off as i64)))
            }
            Builtin::Add => {
                let p = self.expr_reg(&args[0]);
                let n = self.expr_reg(&args[1]);
                let n = self.widen(n, ir::Type::U64);
                let a = self.widen(p, ir::Type::U64);
                let sum = self.reg(ir::Type::U64);
                self.emit(Inst::Binary {
                    dst: sum,
                    op: BinaryOp::Add,
                    x: a,
                    y: n,
                });
                Val::Reg(self.widen(sum, ir::Type::ptr(ir::Type::U8)))
            }
            Builtin::SliceData | Builtin::StringData => {
                let x = self.expr_reg(&args[0]);
                let t = self.ty(self.etype(e));
                let dst = self.reg(t);
                self.emit(Inst::DataPtr { dst, x });
                Val::Reg(dst)
            }
            Builtin::Slice | Builtin::String => {
                let st = self.etype(e);
                let elem = match b {
                    Builtin::String => ir::Type::U8,
                    _ => match self.ty(st) {
                        ir::Type::Slice(el) => *el,
                        _ => unreachable!("unsafe.Slice of a non-slice"),
                    },
                };
                let p = self.expr_reg(&args[0]);
                let n = self.expr_reg(&args[1]);
                let n = self.widen(n, ir::Type::I64);
                let s = self.unsafe_slice(p, n, elem, b == Builtin::String);
                if b == Builtin::String {
                    let dst = self.reg(ir::Type::String);
                    self.emit(Inst::StrConv {
                        dst,
                        op: StrConv::BytesToString,
                        x: s,
                    });
                    return Val::Reg(dst);
                }
                Val::Reg(s)
            }
            _ => unreachable!("not a function of package unsafe"),
        }
    }

    /// `unsafe.Slice(p, n)` as a slice of `elem`: nil for a nil `p` and
    /// zero `n`; Go's panics for a negative or too large `n` and for a nil
    /// `p` with a non-zero `n`.
    fn unsafe_slice(&mut self, p: Reg, n: Reg, elem: ir::Type, string: bool) -> Reg {
        let what = if string {
            "unsafe.String"
        } else {
            "unsafe.Slice"
        };
        let size = layout::size_of(&elem).max(1);
        let max = (MAX_BYTES / size) as i64;
        let maxr = self.int(max);
        let too_long = self.cmp(BinaryOp::Gt, n, maxr);
        self.panic_if(too_long, &format!("{what}: len out of range"));
        let zero = self.int(0);
        let negative = self.cmp(BinaryOp::Lt, n, zero);
        self.panic_if(negative, &format!("{what}: len out of range"));
        let pt = self.reg_ty(p).clone();
        let null = self.konst(pt, Const::Zero);
        let is_nil = self.cmp(BinaryOp::Eq, p, null);
        let st = ir::Type::slice(elem.clone());
        let out = self.alloc_var(&st, false);
        let (nil_b, slice_b, end) = (self.new_block(), self.new_block(), self.new_block());
        self.branch(is_nil, nil_b, slice_b);
        self.switch_to(nil_b);
        let nonzero = self.cmp(BinaryOp::Ne, n, zero);
        self.panic_if(nonzero, &format!("{what}: ptr is nil and len is not zero"));
        let z = self.konst(st.clone(), Const::Zero);
        self.emit(Inst::Store { ptr: out, src: z });
        self.jump(end);
        self.switch_to(slice_b);
        // The memory must not run past the end of the address space:
        // n*size <= 2^64 - p.
        let addr = self.reg(ir::Type::U64);
        self.emit(Inst::Convert { dst: addr, x: p });
        let zero64 = self.konst(ir::Type::U64, Const::Int(0));
        let room = self.reg(ir::Type::U64);
        self.emit(Inst::Binary {
            dst: room,
            op: BinaryOp::Sub,
            x: zero64,
            y: addr,
        });
        let n64 = self.widen(n, ir::Type::U64);
        let sz = self.konst(ir::Type::U64, Const::Int(size as i64));
        let bytes = self.reg(ir::Type::U64);
        self.emit(Inst::Binary {
            dst: bytes,
            op: BinaryOp::Mul,
            x: n64,
            y: sz,
        });
        let past_end = self.cmp(BinaryOp::Gt, bytes, room);
        self.panic_if(past_end, &format!("{what}: len out of range"));
        let arr = ir::Type::ptr(ir::Type::Array(max as u64, Box::new(elem)));
        let ap = self.reg(arr);
        self.emit(Inst::Copy { dst: ap, src: p });
        let s = self.reg(st.clone());
        self.emit(Inst::SliceOf {
            dst: s,
            x: ap,
            lo: None,
            hi: Some(n),
            max: Some(n),
        });
        self.emit(Inst::Store { ptr: out, src: s });
        self.jump(end);
        self.switch_to(end);
        let r = self.reg(st);
        self.emit(Inst::Load { dst: r, ptr: out });
        r
    }

    /// The offset `unsafe.Offsetof(x.f)` denotes, from the IR layout.
    fn offsetof(&mut self, x: &Expr) -> u64 {
        let x = expr::unparen(x);
        let ExprKind::Selector(base, _) = &x.kind else {
            unreachable!("checked Offsetof operand")
        };
        let sel = self.selection(x.id).expect("a field selection").clone();
        let mut t = self.etype(base);
        if let TypeKind::Pointer(p) = self.info.types.under(t) {
            t = *p;
        }
        let mut off = 0;
        for &i in &sel.path {
            let it = self.ty(t);
            off += layout::field_offset(&it, i as usize);
            let TypeKind::Struct(fields) = self.info.types.under(t) else {
                unreachable!("a field path through a non-struct")
            };
            t = fields[i as usize].ty;
        }
        off
    }
}
