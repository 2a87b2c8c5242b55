//! Composite literals: arrays, slices, maps and structs, keyed and
//! positional, with elided element types.

use super::expr::*;
use super::ty::*;
use super::*;
use crate::syntax::ast::{Expr, ExprKind};
use num_traits::ToPrimitive;

impl Checker<'_> {
    /// Checks a composite literal; `elided` is the type from the enclosing
    /// literal when the literal's own type is omitted.
    pub(crate) fn composite_lit(&mut self, e: &Expr, elided: Option<TypeId>) -> Operand {
        let ExprKind::CompositeLit { ty, elts, .. } = &e.kind else {
            unreachable!()
        };
        let (t, base) = match (ty, elided) {
            (Some(te), _) => {
                // `[...]T{...}`: the length comes from the elements.
                if let ExprKind::ArrayType { len: Some(l), elem } = &te.kind {
                    if matches!(l.kind, ExprKind::Ellipsis(None)) {
                        let et = self.type_expr(elem);
                        if et == T_INVALID {
                            return Operand::invalid();
                        }
                        let n = self.array_elems(elts, et, None);
                        let t = self.tys().array(n, et);
                        self.record(te, t, Mode::Type);
                        return Operand::value(t);
                    }
                }
                let t = self.type_expr(te);
                (t, t)
            }
            (None, Some(t)) => {
                // An elided `&T` becomes a pointer to a new T.
                match self.info.types.under(t) {
                    TypeKind::Pointer(b) => (t, *b),
                    _ => (t, t),
                }
            }
            (None, None) => {
                self.error(e.pos, "invalid composite literal type: missing type");
                return Operand::invalid();
            }
        };
        if t == T_INVALID {
            return Operand::invalid();
        }
        match self.info.types.under(base).clone() {
            TypeKind::Array(n, et) => {
                self.array_elems(elts, et, Some(n));
            }
            TypeKind::Slice(et) => {
                self.array_elems(elts, et, None);
            }
            TypeKind::Struct(fields) => self.struct_elems(e, base, &fields, elts),
            TypeKind::Map(k, v) => self.map_elems(elts, k, v),
            _ => {
                let tn = self.tname(base);
                self.error(e.pos, format!("invalid composite literal type {tn}"));
                return Operand::invalid();
            }
        }
        Operand::value(t)
    }

    /// Checks array or slice literal elements; returns the length.
    pub(super) fn array_elems(&mut self, elts: &[Expr], et: TypeId, bound: Option<u64>) -> u64 {
        let mut idx: u64 = 0;
        let mut max: u64 = 0;
        let mut seen = std::collections::HashSet::new();
        for el in elts {
            let v = if let ExprKind::KeyValue(k, v) = &el.kind {
                let ko = self.expr(k);
                match ko
                    .constant()
                    .and_then(|v| v.to_int())
                    .and_then(|i| i.to_u64())
                {
                    Some(i) => {
                        self.convert_untyped(k, &ko, T_INT);
                        idx = i;
                    }
                    None if ko.ty != T_INVALID => {
                        let s = self.operand_str(k, &ko);
                        self.error(k.pos, format!("index {s} must be integer constant"));
                    }
                    None => {}
                }
                &**v
            } else {
                el
            };
            if let Some(n) = bound {
                if idx >= n {
                    self.error(v.pos, format!("index {idx} out of bounds [0:{n}]"));
                }
            }
            if !seen.insert(idx) {
                self.error(
                    el.pos,
                    format!("duplicate index {idx} in array or slice literal"),
                );
            }
            self.elem_value(v, et, "array or slice literal");
            idx += 1;
            max = max.max(idx);
        }
        max
    }

    pub(super) fn map_elems(&mut self, elts: &[Expr], kt: TypeId, vt: TypeId) {
        let mut seen: Vec<Value> = Vec::new();
        for el in elts {
            let ExprKind::KeyValue(k, v) = &el.kind else {
                self.error(el.pos, "missing key in map literal");
                self.expr(el);
                continue;
            };
            self.elem_value(k, kt, "map literal");
            if let Some(c) = self.info.constant(k.id).cloned() {
                if seen.contains(&c) {
                    let ks = self.expr_str(k);
                    self.error(k.pos, format!("duplicate key {ks} in map literal"));
                } else {
                    seen.push(c);
                }
            }
            self.elem_value(v, vt, "map literal");
        }
    }

    pub(super) fn elem_value(&mut self, v: &Expr, et: TypeId, ctx: &str) {
        if let ExprKind::CompositeLit { ty: None, .. } = &v.kind {
            let o = self.composite_lit(v, Some(et));
            self.record(v, o.ty, o.mode);
            return;
        }
        let o = self.expr(v);
        self.assignable(v, &o, et, ctx);
    }

    pub(super) fn struct_elems(
        &mut self,
        e: &Expr,
        st: TypeId,
        fields: &[StructField],
        elts: &[Expr],
    ) {
        if elts.is_empty() {
            return;
        }
        let keyed = matches!(elts[0].kind, ExprKind::KeyValue(..));
        let tn = self.tname(st);
        let foreign = self.declared_elsewhere(st);
        if keyed {
            let mut seen = std::collections::HashSet::new();
            for el in elts {
                let ExprKind::KeyValue(k, v) = &el.kind else {
                    self.error(
                        el.pos,
                        "mixture of field:value and value elements in struct literal",
                    );
                    continue;
                };
                let ExprKind::Ident(name) = &k.kind else {
                    let s = self.expr_str(k);
                    self.error(k.pos, format!("invalid field name {s} in struct literal"));
                    continue;
                };
                let Some(i) = fields.iter().position(|f| &f.name == name) else {
                    self.error(
                        k.pos,
                        format!("unknown field {name} in struct literal of type {tn}"),
                    );
                    self.expr(v);
                    continue;
                };
                if foreign && !imports::is_exported(name) {
                    self.error(
                        k.pos,
                        format!("cannot refer to unexported field {name} in struct literal of type {tn}"),
                    );
                }
                if !seen.insert(i) {
                    self.error(
                        k.pos,
                        format!("duplicate field name {name} in struct literal"),
                    );
                }
                self.elem_value(v, fields[i].ty, "struct literal");
            }
        } else {
            for (i, el) in elts.iter().enumerate() {
                if let ExprKind::KeyValue(..) = el.kind {
                    self.error(
                        el.pos,
                        "mixture of field:value and value elements in struct literal",
                    );
                    continue;
                }
                if i >= fields.len() {
                    self.error(
                        el.pos,
                        format!("too many values in struct literal of type {tn}"),
                    );
                    return;
                }
                if foreign && !imports::is_exported(&fields[i].name) {
                    let name = &fields[i].name;
                    self.error(
                        el.pos,
                        format!("implicit assignment to unexported field {name} in struct literal of type {tn}"),
                    );
                }
                self.elem_value(el, fields[i].ty, "struct literal");
            }
            if elts.len() < fields.len() {
                let ExprKind::CompositeLit { rbrace, .. } = &e.kind else {
                    unreachable!()
                };
                self.error(
                    *rbrace,
                    format!("too few values in struct literal of type {tn}"),
                );
            }
        }
    }
}
