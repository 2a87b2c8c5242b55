//! Index expressions `x[i]` and slice expressions `x[lo:hi:max]`, with
//! Go's constant bounds checks.

use super::expr::*;
use super::ty::*;
use super::*;
use crate::syntax::ast::Expr;
use num_traits::{Signed, ToPrimitive};

impl Checker<'_> {
    /// Checks an index operand: an integer (or untyped constant
    /// representable as int), non-negative, below `bound` if given.
    pub(super) fn index_value(&mut self, i: &Expr, bound: Option<u64>) -> Option<Option<i64>> {
        let io = self.expr(i);
        if io.ty == T_INVALID {
            return None;
        }
        let untyped_int = self.info.types.is_untyped(io.ty)
            && io.constant().is_some_and(|v| v.to_int().is_some());
        if !self.info.types.is_integer(io.ty) && !untyped_int {
            let s = self.operand_str(i, &io);
            if matches!(io.constant(), Some(Value::Float(_))) {
                self.error(i.pos, format!("{s} truncated to int"));
                return None;
            }
            self.error(
                i.pos,
                format!("invalid argument: index {s} must be integer"),
            );
            return None;
        }
        let Some(v) = io.constant().and_then(|v| v.to_int()) else {
            return Some(None);
        };
        if self.info.types.is_untyped(io.ty) && !self.convert_untyped(i, &io, T_INT) {
            let s = self.operand_str(i, &io);
            self.error(
                i.pos,
                format!("cannot use {s} as int value in index (overflows)"),
            );
            return None;
        }
        if v.is_negative() {
            let s = self.operand_str(
                i,
                &Operand {
                    mode: Mode::Const(Value::Int(v.clone())),
                    ty: if self.info.types.is_untyped(io.ty) {
                        T_INT
                    } else {
                        io.ty
                    },
                },
            );
            let s = if self.info.types.is_untyped(io.ty) {
                s.replace("(untyped int constant", "(constant of type int")
            } else {
                s
            };
            self.error(
                i.pos,
                format!("invalid argument: index {s} must not be negative"),
            );
            return None;
        }
        let n = v.to_i64()?;
        if let Some(b) = bound {
            if n as u64 >= b {
                let s = self.expr_str(i);
                self.error(
                    i.pos,
                    format!("invalid argument: index {s} out of bounds [0:{b}]"),
                );
                return None;
            }
        }
        Some(Some(n))
    }

    pub(super) fn index(&mut self, e: &Expr, x: &Expr, idx: &[Expr]) -> Operand {
        if let Some((obj, _)) = self.generic_callee(x) {
            return self.generic_func_value(e, obj, idx);
        }
        let xo = self.expr_multi(x);
        if xo.mode == Mode::Type {
            let t = self.instance_type(e, x, idx);
            return Operand {
                mode: if t == T_INVALID {
                    Mode::Value
                } else {
                    Mode::Type
                },
                ty: t,
            };
        }
        let xo = self.single_value(x, xo);
        if xo.ty == T_INVALID || idx.len() != 1 {
            if idx.len() != 1 && xo.ty != T_INVALID {
                self.error(e.pos, "unexpected comma; expecting ]");
            }
            return Operand::invalid();
        }
        let i = &idx[0];
        if let Some(op) = self.tparam_index(x, &xo, i) {
            return op;
        }
        let kind = self.info.types.under(xo.ty).clone();
        match kind {
            TypeKind::Basic(b) if b.is_string() => {
                let len = match xo.constant() {
                    Some(Value::Str(s)) => Some(s.len() as u64),
                    _ => None,
                };
                let iv = self.index_value(i, len);
                if iv.is_none() {
                    return Operand::invalid();
                }
                if self.info.types.is_untyped(xo.ty) {
                    self.convert_untyped(x, &xo, T_STRING);
                }
                Operand::value(T_BYTE)
            }
            TypeKind::Slice(elem) => {
                self.index_value(i, None);
                Operand {
                    mode: Mode::Var,
                    ty: elem,
                }
            }
            TypeKind::Map(k, v) => {
                let ko = self.expr(i);
                self.assignable(i, &ko, k, "map index");
                Operand {
                    mode: Mode::MapIndex,
                    ty: v,
                }
            }
            TypeKind::Array(n, elem) => {
                self.index_value(i, Some(n));
                Operand {
                    mode: if xo.mode == Mode::Var {
                        Mode::Var
                    } else {
                        Mode::Value
                    },
                    ty: elem,
                }
            }
            TypeKind::Pointer(p) => match self.info.types.under(p).clone() {
                TypeKind::Array(n, elem) => {
                    self.index_value(i, Some(n));
                    Operand {
                        mode: Mode::Var,
                        ty: elem,
                    }
                }
                _ => self.not_indexable(e, x, &xo),
            },
            _ => self.not_indexable(e, x, &xo),
        }
    }

    pub(super) fn not_indexable(&mut self, e: &Expr, x: &Expr, xo: &Operand) -> Operand {
        let s = self.operand_str(x, xo);
        self.error(e.pos, format!("invalid operation: cannot index {s}"));
        Operand::invalid()
    }

    pub(super) fn slice_expr(
        &mut self,
        e: &Expr,
        x: &Expr,
        lo: &Option<Box<Expr>>,
        hi: &Option<Box<Expr>>,
        max: &Option<Box<Expr>>,
    ) -> Operand {
        let xo = self.expr(x);
        if xo.ty == T_INVALID {
            return Operand::invalid();
        }
        let kind = self.info.types.under(xo.ty).clone();
        let (result, bound) = match kind {
            TypeKind::Basic(b) if b.is_string() => {
                if max.is_some() {
                    let s = self.operand_str(x, &xo);
                    self.error(
                        e.pos,
                        format!("invalid operation: 3-index slice of string {s}"),
                    );
                    return Operand::invalid();
                }
                let len = match xo.constant() {
                    Some(Value::Str(s)) => Some(s.len() as u64 + 1),
                    _ => None,
                };
                let t = if self.info.types.is_untyped(xo.ty) {
                    self.convert_untyped(x, &xo, T_STRING);
                    T_STRING
                } else {
                    xo.ty
                };
                (t, len)
            }
            TypeKind::Slice(_) => (xo.ty, None),
            TypeKind::Array(n, elem) => {
                if xo.mode != Mode::Var {
                    let s = self.operand_str(x, &xo);
                    self.error(
                        e.pos,
                        format!(
                            "invalid operation: {} (slice of unaddressable value)",
                            s.split(" (").next().unwrap_or(&s)
                        ),
                    );
                    return Operand::invalid();
                }
                self.mark_addr_taken(x);
                (self.tys().slice(elem), Some(n + 1))
            }
            TypeKind::Pointer(p) => match self.info.types.under(p).clone() {
                TypeKind::Array(n, elem) => (self.tys().slice(elem), Some(n + 1)),
                _ => {
                    let s = self.operand_str(x, &xo);
                    self.error(e.pos, format!("cannot slice {s}"));
                    return Operand::invalid();
                }
            },
            _ => {
                let s = self.operand_str(x, &xo);
                self.error(e.pos, format!("cannot slice {s}"));
                return Operand::invalid();
            }
        };
        let mut consts: Vec<i64> = Vec::new();
        for b in [lo, hi, max].into_iter().flatten() {
            match self.index_value(b, bound) {
                None => return Operand::invalid(),
                Some(Some(v)) => {
                    if let Some(&prev) = consts.last() {
                        if v < prev {
                            self.error(b.pos, format!("invalid slice indices: {} < {}", v, prev));
                            return Operand::invalid();
                        }
                    }
                    consts.push(v);
                }
                Some(None) => {}
            }
        }
        Operand::value(result)
    }

    /// `x[i]` of a type parameter without a core type: valid when every
    /// type of its set is indexable with the same element type (strings,
    /// arrays, pointers to arrays, slices); assignable only if none is a
    /// string. None for other operands.
    fn tparam_index(&mut self, x: &Expr, xo: &Operand, i: &Expr) -> Option<Operand> {
        let terms = self.info.types.tparam_terms(xo.ty)?.to_vec();
        if self.info.types.underlying(xo.ty) != xo.ty {
            return None; // it has a core type: the usual rules apply
        }
        let mut elem: Option<TypeId> = None;
        let mut strings = false;
        let mut ok = !terms.is_empty();
        for t in &terms {
            let e = match self.info.types.under(t.ty).clone() {
                TypeKind::Basic(b) if b.is_string() => {
                    strings = true;
                    T_BYTE
                }
                TypeKind::Slice(e) | TypeKind::Array(_, e) => e,
                TypeKind::Pointer(p) => match self.info.types.under(p).clone() {
                    TypeKind::Array(_, e) => e,
                    _ => T_INVALID,
                },
                _ => T_INVALID,
            };
            match elem {
                _ if e == T_INVALID => ok = false,
                None => elem = Some(e),
                Some(prev) if !self.info.types.identical(prev, e) => ok = false,
                Some(_) => {}
            }
        }
        if !ok {
            let s = self.operand_str(x, xo);
            self.error(x.pos, format!("invalid operation: cannot index {s}"));
            return Some(Operand::invalid());
        }
        if self.index_value(i, None).is_none() {
            return Some(Operand::invalid());
        }
        Some(Operand {
            mode: if strings { Mode::Value } else { Mode::Var },
            ty: elem.unwrap_or(T_INVALID),
        })
    }
}
