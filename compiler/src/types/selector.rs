//! Selectors `x.f` (fields, methods, qualified identifiers through
//! embedding), method expressions `T.M`, and type assertions `x.(T)`.

use super::expr::*;
use super::ty::*;
use super::*;
use crate::syntax::ast::Expr;

impl Checker<'_> {
    pub(super) fn selector(&mut self, e: &Expr, x: &Expr, sel: &ast::Ident) -> Operand {
        if let Some(pi) = self.package_operand(x) {
            return match self.qualified_object(e, pi, sel) {
                Some(id) => self.use_object(e, id),
                None => Operand::invalid(),
            };
        }
        let xo = self.expr_multi(x);
        if let Mode::Type = xo.mode {
            return self.method_expr(e, x, xo.ty, sel);
        }
        let xo = self.single_value(x, xo);
        if xo.ty == T_INVALID {
            return Operand::invalid();
        }
        let found = match self.lookup_member(xo.ty, &sel.name) {
            lookup::Lookup::Found(f) => f,
            lookup::Lookup::Ambiguous => {
                let es = self.expr_str(e);
                self.error(sel.pos, format!("ambiguous selector {es}"));
                return Operand::invalid();
            }
            lookup::Lookup::Missing => {
                let es = self.expr_str(e);
                let tn = self.tname(xo.ty);
                self.error(
                    sel.pos,
                    format!(
                        "{es} undefined (type {tn} has no field or method {})",
                        sel.name
                    ),
                );
                return Operand::invalid();
            }
        };
        let through_ptr = found.derefs.iter().any(|d| *d);
        if !imports::is_exported(&sel.name) {
            let private = match &found.member {
                lookup::Member::Method { obj, .. } => {
                    (self.obj(*obj).pkg as usize != self.cur).then_some("method")
                }
                lookup::Member::Field(_) => self.declared_elsewhere(xo.ty).then_some("field"),
                _ => None,
            };
            if let Some(what) = private {
                let es = self.expr_str(e);
                let name = &sel.name;
                let msg = format!("{es} undefined (cannot refer to unexported {what} {name})");
                self.error(sel.pos, msg);
                return Operand::invalid();
            }
        }
        match found.member {
            lookup::Member::IfaceMethod { ty, .. } => {
                if self.info.types.constraint_of(xo.ty).is_some() {
                    // Resolved per instance, on the type argument.
                    self.info
                        .tparam_methods
                        .insert(e.id, (x.id, sel.name.clone()));
                }
                self.info.selections.insert(e.id, found.selection(false));
                Operand::value(ty)
            }
            lookup::Member::Field(fty) => {
                self.info.selections.insert(e.id, found.selection(false));
                Operand {
                    mode: if through_ptr || xo.mode == Mode::Var {
                        Mode::Var
                    } else {
                        Mode::Value
                    },
                    ty: fty,
                }
            }
            lookup::Member::Method {
                obj,
                recv,
                ptr_recv,
                recv_is_ptr,
            } => {
                self.resolve(obj);
                self.note_dependency(obj);
                // A pointer method needs an addressable receiver (or a
                // pointer): Go takes its address implicitly.
                if ptr_recv && !recv_is_ptr {
                    if !through_ptr && xo.mode != Mode::Var {
                        let tn = self.tname(recv);
                        self.error(
                            sel.pos,
                            format!("cannot call pointer method {} on {tn}", sel.name),
                        );
                        return Operand::invalid();
                    }
                    if !through_ptr {
                        self.mark_addr_taken(x);
                    }
                }
                self.info.selections.insert(e.id, found.selection(false));
                Operand::value(self.method_type(obj, recv))
            }
        }
    }

    /// `x.(T)`: x must be an interface, and T (if not an interface) must
    /// implement it.
    pub(super) fn type_assert(&mut self, e: &Expr, x: &Expr, t: &Expr) -> Operand {
        let xo = self.expr(x);
        let tt = self.type_expr(t);
        if xo.ty == T_INVALID || tt == T_INVALID {
            return Operand::invalid();
        }
        if !self.info.types.is_interface(xo.ty) {
            let s = self.operand_str(x, &xo);
            self.error(x.pos, format!("invalid operation: {s} is not an interface"));
            return Operand::invalid();
        }
        // (A type parameter is checked per instance, at run time.)
        if !self.info.types.is_interface(tt) && !self.info.types.is_type_param(tt) {
            if let Err(reason) = self.implements(tt, xo.ty) {
                let es = self.expr_str(e);
                let (a, b) = (self.tname(tt), self.tname(xo.ty));
                self.error(
                    e.pos,
                    format!(
                        "impossible type assertion: {es}\n\t{a} does not implement {b} {reason}"
                    ),
                );
                return Operand::invalid();
            }
        }
        Operand::value(tt)
    }

    /// `T.M` or `(*T).M`: the method as a function taking the receiver first.
    pub(super) fn method_expr(
        &mut self,
        e: &Expr,
        x: &Expr,
        t: TypeId,
        sel: &ast::Ident,
    ) -> Operand {
        if t == T_INVALID {
            return Operand::invalid();
        }
        let ts = self.expr_str(x);
        let found = match self.lookup_member(t, &sel.name) {
            lookup::Lookup::Found(f) => f,
            _ => {
                self.error(
                    sel.pos,
                    format!(
                        "{ts}.{} undefined (type {} has no method {})",
                        sel.name,
                        self.tname(t),
                        sel.name
                    ),
                );
                return Operand::invalid();
            }
        };
        if let lookup::Member::IfaceMethod { ty, .. } = found.member {
            let tparam = self.info.types.is_type_param(t);
            // `I.m`: a function taking the interface value first; `T.m` of
            // a type parameter: resolved per instance.
            if (!self.info.types.is_interface(t) && !tparam) || !found.path.is_empty() {
                let tn = self.tname(t);
                self.error(
                    sel.pos,
                    format!(
                        "{ts}.{} undefined (type {tn} has no method {})",
                        sel.name, sel.name
                    ),
                );
                return Operand::invalid();
            }
            let Some(ft) = self.with_receiver(t, ty) else {
                return Operand::invalid();
            };
            self.info.selections.insert(e.id, found.selection(true));
            if tparam {
                self.info
                    .tparam_methods
                    .insert(e.id, (x.id, sel.name.clone()));
            } else {
                self.info.iface_method_exprs.insert(e.id);
            }
            return Operand::value(ft);
        }
        let lookup::Member::Method {
            obj,
            recv,
            ptr_recv,
            recv_is_ptr,
        } = found.member
        else {
            self.error(
                sel.pos,
                format!(
                    "{ts}.{} undefined (type {} has no method {})",
                    sel.name,
                    self.tname(t),
                    sel.name
                ),
            );
            return Operand::invalid();
        };
        if ptr_recv && !recv_is_ptr {
            self.error(
                sel.pos,
                format!(
                    "invalid method expression {ts}.{} (needs pointer receiver (*{ts}).{})",
                    sel.name, sel.name
                ),
            );
            return Operand::invalid();
        }
        self.resolve(obj);
        self.note_dependency(obj);
        let mt = self.method_type(obj, recv);
        let Some(ft) = self.with_receiver(t, mt) else {
            return Operand::invalid();
        };
        self.info.selections.insert(e.id, found.selection(true));
        Operand::value(ft)
    }

    /// The type of a method expression: the method's function type with
    /// the receiver type `recv` as its first parameter.
    fn with_receiver(&mut self, recv: TypeId, method: TypeId) -> Option<TypeId> {
        let TypeKind::Func(sig) = self.info.types.kind(method).clone() else {
            return None;
        };
        let mut params = vec![recv];
        params.extend(sig.params);
        Some(self.tys().func(Signature {
            params,
            results: sig.results,
            variadic: sig.variadic,
        }))
    }
}
