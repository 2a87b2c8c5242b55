//! Calls of generic functions and type inference.
//!
//! The type arguments not given explicitly are inferred as Go infers them:
//! first by unifying each parameter's type with the type of its typed
//! argument (inexactly: a defined type unifies with a type literal of its
//! underlying type), then from the core types of the constraints
//! (`S ~[]E` gives E once S is known), and last from untyped constant
//! arguments, which give their default type (the largest kind among the
//! untyped arguments of one type parameter).

use super::expr::*;
use super::subst::Subst;
use super::ty::*;
use super::*;
use crate::syntax::ast::{Expr, ExprKind};

impl Checker<'_> {
    /// If `func` names a generic function (`F`, `pkg.F`, `F[A]`): the
    /// function and the explicit type argument expressions.
    pub(super) fn generic_callee<'e>(&mut self, func: &'e Expr) -> Option<(ObjId, &'e [Expr])> {
        let (name, targs): (&Expr, &[Expr]) = match &func.kind {
            ExprKind::Index(x, args) => (x, args),
            ExprKind::Paren(x) => return self.generic_callee(x),
            _ => (func, &[]),
        };
        let obj = self.generic_func_obj(name)?;
        Some((obj, targs))
    }

    /// The generic function an identifier or qualified identifier denotes.
    fn generic_func_obj(&mut self, e: &Expr) -> Option<ObjId> {
        let id = match &e.kind {
            ExprKind::Ident(name) => self.lookup(name)?,
            ExprKind::Selector(x, sel) => {
                let pi = self.package_operand(x)?;
                let scope = self.pkg_scopes.get(pi)?;
                let id = *scope.get(&sel.name)?;
                if !imports::is_exported(&sel.name) {
                    return None;
                }
                id
            }
            _ => return None,
        };
        if !matches!(self.obj(id).kind, ObjKind::Func { .. })
            || self.info.method_recv.contains_key(&id)
        {
            return None;
        }
        self.resolve(id);
        self.info.tparams.contains_key(&id).then_some(id)
    }

    /// Uses of a generic function other than calls: `F[int, string]` with
    /// every type argument (a function value), or a bare `F` (an error).
    pub(super) fn generic_func_value(&mut self, e: &Expr, obj: ObjId, targs: &[Expr]) -> Operand {
        self.mark_generic_use(e, obj);
        let name = self.obj(obj).name.clone();
        let tparams = self.info.tparams[&obj].clone();
        if targs.is_empty() {
            self.error(
                e.pos,
                format!("cannot use generic function {name} without instantiation"),
            );
            return Operand::invalid();
        }
        let Some(given) = self.explicit_targs(e, &name, &tparams, targs) else {
            return Operand::invalid();
        };
        if given.len() < tparams.len() {
            self.error(
                e.pos,
                format!("cannot use generic function {name} without instantiation"),
            );
            return Operand::invalid();
        }
        if !self.verify_targs(targs[0].pos, &tparams, &given) {
            return Operand::invalid();
        }
        let m = self.subst_for(obj, &given);
        let ft = self.obj(obj).ty;
        let t = self.tys().subst(ft, &m);
        self.info.instances.insert(e.id, (obj, given));
        Operand::value(t)
    }

    /// Records the identifier of a generic function as used.
    fn mark_generic_use(&mut self, e: &Expr, obj: ObjId) {
        let name = match &e.kind {
            ExprKind::Index(x, _) => &**x,
            _ => e,
        };
        match &name.kind {
            ExprKind::Ident(_) => {
                self.info.uses.insert(name.id, obj);
            }
            ExprKind::Selector(x, sel) => {
                if let Some(pi) = self.package_operand(x) {
                    self.qualified_object(name, pi, sel);
                }
                self.info.uses.insert(name.id, obj);
            }
            _ => {}
        }
        self.note_dependency(obj);
        self.obj_mut(obj).used = true;
    }

    /// Checks explicit type arguments; None after an error.
    fn explicit_targs(
        &mut self,
        e: &Expr,
        name: &str,
        tparams: &[TypeId],
        targs: &[Expr],
    ) -> Option<Vec<TypeId>> {
        let given: Vec<TypeId> = targs.iter().map(|a| self.type_expr(a)).collect();
        if given.contains(&T_INVALID) {
            return None;
        }
        if given.len() > tparams.len() {
            self.error(
                targs[tparams.len()].pos,
                format!(
                    "got {} type arguments but {name} has {} type parameters",
                    given.len(),
                    tparams.len()
                ),
            );
            let _ = e;
            return None;
        }
        Some(given)
    }

    /// A call of a generic function: infers the missing type arguments,
    /// checks them and the arguments against the instantiated signature.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn generic_call(
        &mut self,
        e: &Expr,
        func: &Expr,
        obj: ObjId,
        targs: &[Expr],
        args: &[Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
    ) -> Operand {
        self.mark_generic_use(func, obj);
        let name = self.obj(obj).name.clone();
        let tparams = self.info.tparams[&obj].clone();
        let given = if targs.is_empty() {
            Vec::new()
        } else {
            match self.explicit_targs(func, &name, &tparams, targs) {
                Some(g) => g,
                None => {
                    self.eval_args(args);
                    return Operand::invalid();
                }
            }
        };
        let ops = self.eval_args(args);
        if ops.iter().any(|(o, _)| o.ty == T_INVALID) {
            return Operand::invalid();
        }
        let TypeKind::Func(sig) = self.info.types.kind(self.obj(obj).ty).clone() else {
            return Operand::invalid();
        };
        // Go reports inference at the call's `(` (known only after a name).
        let lparen = match &func.kind {
            ExprKind::Ident(n) => Pos {
                col: func.pos.col + n.len() as u32,
                ..func.pos
            },
            _ => args.first().map_or(rparen, |a| a.pos),
        };
        let mut out: Vec<Option<TypeId>> = tparams.iter().map(|_| None).collect();
        for (i, g) in given.iter().enumerate() {
            out[i] = Some(*g);
        }
        self.infer(&tparams, &sig, &ops, ellipsis.is_some(), &mut out);
        let missing: Vec<usize> = (0..tparams.len()).filter(|&i| out[i].is_none()).collect();
        if let Some(&i) = missing.first() {
            let tn = self.tname(tparams[i]);
            let fname = self.expr_str(func);
            let declared = self.tparam_decl_pos(tparams[i]);
            self.error(
                lparen,
                format!("in call to {fname}, cannot infer {tn} (declared at {declared})"),
            );
            return Operand::invalid();
        }
        let inferred: Vec<TypeId> = out.into_iter().map(|t| t.unwrap_or(T_INVALID)).collect();
        // Explicit type arguments are checked where they stand, inferred
        // ones at the call's `(`.
        let at = targs.first().map_or(lparen, |a| a.pos);
        if !self.verify_targs(at, &tparams, &inferred) {
            return Operand::invalid();
        }
        let m = self.subst_for(obj, &inferred);
        let isig = self.tys().subst_sig(&sig, &m);
        let ft = self.tys().func(isig.clone());
        self.record(func, ft, Mode::Value);
        self.info.instances.insert(func.id, (obj, inferred));
        let fname = self.expr_str(func);
        self.check_args(
            &isig,
            args,
            ops,
            ellipsis,
            rparen,
            &format!("argument to {fname}"),
            &format!("call to {fname}"),
        );
        let _ = e;
        match isig.results.len() {
            0 => Operand {
                mode: Mode::NoValue,
                ty: T_INVALID,
            },
            1 => Operand::value(isig.results[0]),
            _ => {
                let t = self.tys().tuple(isig.results.clone());
                Operand::value(t)
            }
        }
    }

    /// Infers type arguments into `out` from the arguments, the
    /// constraints' core types and untyped constants, in Go's order.
    fn infer(
        &mut self,
        tparams: &[TypeId],
        sig: &Signature,
        ops: &[(Operand, usize)],
        dots: bool,
        out: &mut [Option<TypeId>],
    ) {
        let np = sig.params.len();
        let param_of = |k: usize, types: &Types| -> TypeId {
            if sig.variadic && k + 1 >= np && !dots {
                match types.kind(sig.params[np - 1]) {
                    TypeKind::Slice(el) => *el,
                    _ => sig.params[np - 1],
                }
            } else {
                sig.params[k.min(np.saturating_sub(1))]
            }
        };
        if np == 0 {
            return;
        }
        // Typed arguments.
        for (k, (o, _)) in ops.iter().enumerate() {
            if self.info.types.is_untyped(o.ty) {
                continue;
            }
            let p = param_of(k, &self.info.types);
            self.unify(p, o.ty, tparams, out);
        }
        // Core types of constraints, until nothing changes.
        loop {
            let mut progress = false;
            for (i, &tp) in tparams.iter().enumerate() {
                let Some(c) = self.info.types.constraint_of(tp) else {
                    continue;
                };
                let Some(terms) = self.info.types.constraint_terms(c) else {
                    continue;
                };
                if terms.len() != 1 {
                    continue;
                }
                let term = terms[0];
                match out[i] {
                    Some(a) => {
                        let a = if term.tilde {
                            self.info.types.underlying(a)
                        } else {
                            a
                        };
                        let before = out.iter().filter(|x| x.is_some()).count();
                        self.unify(term.ty, a, tparams, out);
                        progress |= out.iter().filter(|x| x.is_some()).count() > before;
                    }
                    None if !term.tilde || !self.info.types.has_type_params(term.ty) => {
                        // The only type in the set, or its core type
                        // made of known type arguments.
                        let known: Subst = tparams
                            .iter()
                            .zip(out.iter())
                            .filter_map(|(&t, a)| a.map(|a| (t, a)))
                            .collect();
                        let t = self.tys().subst(term.ty, &known);
                        if !self.info.types.has_type_params(t) && !term.tilde {
                            out[i] = Some(t);
                            progress = true;
                        }
                    }
                    None => {}
                }
            }
            if !progress {
                break;
            }
        }
        // Untyped constants: the default type of the largest kind.
        for (i, &tp) in tparams.iter().enumerate() {
            if out[i].is_some() {
                continue;
            }
            let mut best: Option<TypeId> = None;
            for (k, (o, _)) in ops.iter().enumerate() {
                if param_of(k, &self.info.types) != tp || !self.info.types.is_untyped(o.ty) {
                    continue;
                }
                if o.ty == T_UNTYPED_NIL {
                    continue;
                }
                best = Some(match best {
                    Some(b) if untyped_rank(b) >= untyped_rank(o.ty) => b,
                    _ => o.ty,
                });
            }
            if let Some(b) = best {
                out[i] = Some(self.info.types.default_type(b));
            }
        }
        // Inferred types may mention other type parameters (from the core
        // types); substitute what is known.
        let known: Subst = tparams
            .iter()
            .zip(out.iter())
            .filter_map(|(&t, a)| a.map(|a| (t, a)))
            .collect();
        for a in out.iter_mut().flatten() {
            *a = self.tys().subst(*a, &known);
        }
    }

    /// Unifies parameter type `p` (which may mention `tparams`) with
    /// argument type `a`, binding type parameters in `out`.
    fn unify(
        &mut self,
        p: TypeId,
        a: TypeId,
        tparams: &[TypeId],
        out: &mut [Option<TypeId>],
    ) -> bool {
        let types = &self.info.types;
        if let Some(i) = tparams.iter().position(|&t| t == p) {
            return match out[i] {
                None => {
                    out[i] = Some(a);
                    true
                }
                Some(b) if types.identical(a, b) => true,
                // Inexact: a defined type wins over its type literal.
                Some(b) if types.identical(types.underlying(a), types.underlying(b)) => {
                    if types.is_named(a) && !types.is_named(b) {
                        out[i] = Some(a);
                    }
                    true
                }
                Some(_) => false,
            };
        }
        if !types.has_type_params(p) {
            return true;
        }
        let (pk, ak) = (types.kind(p).clone(), types.kind(a).clone());
        match (&pk, &ak) {
            (
                TypeKind::Named {
                    origin: po,
                    targs: pa,
                    ..
                },
                TypeKind::Named {
                    origin: ao,
                    targs: aa,
                    ..
                },
            ) if po == ao && *po != T_INVALID => pa
                .iter()
                .zip(aa)
                .all(|(&x, &y)| self.unify(x, y, tparams, out)),
            (TypeKind::Pointer(x), TypeKind::Pointer(y))
            | (TypeKind::Slice(x), TypeKind::Slice(y))
            | (TypeKind::Array(_, x), TypeKind::Array(_, y))
            | (TypeKind::Chan(_, x), TypeKind::Chan(_, y)) => self.unify(*x, *y, tparams, out),
            (TypeKind::Map(k1, v1), TypeKind::Map(k2, v2)) => {
                self.unify(*k1, *k2, tparams, out) && self.unify(*v1, *v2, tparams, out)
            }
            (TypeKind::Func(s1), TypeKind::Func(s2)) => {
                s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1
                        .params
                        .iter()
                        .zip(&s2.params)
                        .chain(s1.results.iter().zip(&s2.results))
                        .all(|(&x, &y)| self.unify(x, y, tparams, out))
            }
            (TypeKind::Struct(f1), TypeKind::Struct(f2)) if f1.len() == f2.len() => f1
                .iter()
                .zip(f2)
                .all(|(x, y)| self.unify(x.ty, y.ty, tparams, out)),
            // Inexact: a defined type against a type literal, or a type
            // parameter of the caller against its core type.
            (_, TypeKind::Named { .. })
            | (_, TypeKind::Alias { .. })
            | (_, TypeKind::TypeParam { .. }) => {
                let u = types.underlying(a);
                u != a && self.unify(p, u, tparams, out)
            }
            // A generic defined type against a type literal: its
            // underlying type (`Func2[A1, A2, R]` against `func(int, int)
            // int`).
            (TypeKind::Named { .. }, _) => {
                let u = types.underlying(p);
                u != p && self.unify(u, a, tparams, out)
            }
            _ => false,
        }
    }
}

impl Checker<'_> {
    /// Where a type parameter is declared, as Go writes it in "declared at"
    /// (`./file.go:3:11`).
    fn tparam_decl_pos(&self, tp: TypeId) -> String {
        let obj = self
            .info
            .objects
            .iter()
            .find(|o| o.ty == tp && o.kind == ObjKind::TypeName);
        let Some(o) = obj else {
            return String::new();
        };
        let path = self
            .files
            .get(o.pos.file as usize)
            .map(|f| f.path.as_str())
            .unwrap_or("?");
        let path = if path.starts_with('/') || path.starts_with('.') {
            path.to_string()
        } else {
            format!("./{path}")
        };
        format!("{path}:{}:{}", o.pos.line, o.pos.col)
    }
}

/// The order of untyped constant kinds for inference (int < rune < float).
fn untyped_rank(t: TypeId) -> u8 {
    match t {
        T_UNTYPED_INT => 1,
        T_UNTYPED_RUNE => 2,
        T_UNTYPED_FLOAT => 3,
        _ => 0,
    }
}
