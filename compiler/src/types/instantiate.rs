//! Type parameters and instantiation: declaring the type parameters of a
//! generic function or type, their constraints (interfaces with type sets),
//! checking that type arguments satisfy them, and instantiating generic
//! types (`List[int]`) and functions (`Map[int, string]`).
//!
//! goc checks a generic body once, with its type parameters as types of
//! their own, and compiles one copy of it per list of type arguments
//! (monomorph.rs).

use super::subst::Subst;
use super::ty::*;
use super::*;
use crate::syntax::ast::{BinOp, Expr, ExprKind, UnOp};

impl Checker<'_> {
    /// Declares type parameters in the innermost scope (which the caller
    /// pushed) and checks their constraints; returns the new types.
    pub(super) fn declare_tparams(&mut self, decls: &[ast::TypeParamDecl]) -> Vec<TypeId> {
        let mut tps = Vec::with_capacity(decls.len());
        for d in decls {
            let t = self.tys().new_type_param(&d.name.name);
            let id = self.declare_local(&d.name, t, ObjKind::TypeName);
            self.obj_mut(id).used = true;
            tps.push(t);
        }
        // Map key types among the constraints are checked once every
        // constraint is known (`[M ~map[K]V, K comparable, V any]`).
        let saved = self.pending_keys.replace(Vec::new());
        for (d, &t) in decls.iter().zip(&tps) {
            let c = self.constraint_type(&d.constraint);
            self.tys().set_constraint(t, c);
        }
        let keys = std::mem::replace(&mut self.pending_keys, saved).unwrap_or_default();
        for (pos, k) in keys {
            if !self.info.types.comparable(k) {
                let tn = self.tname(k);
                self.error(
                    pos,
                    format!("invalid map key type {tn} (missing comparable constraint)"),
                );
            }
        }
        tps
    }

    /// A constraint: an interface, a union of terms, or a single type
    /// (`[T int]` stands for `interface{ int }`).
    pub(super) fn constraint_type(&mut self, e: &Expr) -> TypeId {
        if is_union(e) {
            let terms = self.union_terms(e);
            return self.tys().intern(TypeKind::Constraint {
                methods: Vec::new(),
                terms: Some(terms),
                comparable: false,
            });
        }
        let t = self.type_expr(e);
        if t == T_INVALID || self.info.types.is_interface(t) {
            return if t == T_INVALID { T_EMPTY_IFACE } else { t };
        }
        if self.info.types.is_type_param(t) {
            let s = self.expr_str(e);
            self.error(
                e.pos,
                format!("cannot use a type parameter as constraint: {s}"),
            );
            return T_EMPTY_IFACE;
        }
        self.tys().intern(TypeKind::Constraint {
            methods: Vec::new(),
            terms: Some(vec![Term {
                tilde: false,
                ty: t,
            }]),
            comparable: false,
        })
    }

    /// The terms of a union `A | ~B | ...`.
    pub(super) fn union_terms(&mut self, e: &Expr) -> Vec<Term> {
        let mut out = Vec::new();
        self.collect_terms(e, &mut out);
        out
    }

    fn collect_terms(&mut self, e: &Expr, out: &mut Vec<Term>) {
        match &e.kind {
            ExprKind::Binary {
                op: BinOp::Or,
                x,
                y,
                ..
            } => {
                self.collect_terms(x, out);
                self.collect_terms(y, out);
            }
            ExprKind::Unary(UnOp::Tilde, x) => {
                let t = self.type_expr(x);
                if t == T_INVALID {
                    return;
                }
                if !self.info.types.identical(t, self.info.types.underlying(t)) {
                    let s = self.expr_str(e);
                    let u = self.tname(self.info.types.underlying(t));
                    let tn = self.tname(t);
                    self.error(
                        e.pos,
                        format!("invalid use of ~ ({s}: underlying type of {tn} is {u})"),
                    );
                    return;
                }
                out.push(Term { tilde: true, ty: t });
            }
            _ => {
                let t = self.type_expr(e);
                if t == T_INVALID {
                    return;
                }
                // A constraint interface in a union adds its terms.
                if let TypeKind::Constraint {
                    methods,
                    terms: Some(ts),
                    comparable: false,
                } = self.info.types.under(t)
                {
                    if methods.is_empty() {
                        out.extend(ts.iter().copied());
                        return;
                    }
                }
                if self.info.types.is_type_param(t) {
                    let s = self.expr_str(e);
                    self.error(e.pos, format!("term cannot be a type parameter: {s}"));
                    return;
                }
                out.push(Term {
                    tilde: false,
                    ty: t,
                });
            }
        }
    }

    /// Whether type argument `targ` satisfies `constraint`; Go's reason when
    /// it does not (`string does not satisfy Number (string missing in ~int
    /// | ~float64)`).
    pub(super) fn satisfies(&mut self, targ: TypeId, constraint: TypeId) -> Result<(), String> {
        let types = &self.info.types;
        let an = self.tname(targ);
        let cn = self.tname(constraint);
        if let Some(terms) = types.constraint_terms(constraint) {
            let ok = match types.tparam_terms(targ) {
                // A type parameter's own set must lie inside the union.
                Some(own) => {
                    !own.is_empty()
                        && own.iter().all(|o| {
                            terms
                                .iter()
                                .any(|t| types.in_term(o.ty, t) && (!o.tilde || t.tilde))
                        })
                }
                None => terms.iter().any(|t| types.in_term(targ, t)),
            };
            if !ok {
                let union = types.terms_string(terms, self.pkg_name());
                return Err(if terms.is_empty() {
                    format!("{an} does not satisfy {cn} (empty type set)")
                } else if types.is_type_param(targ) {
                    format!("{an} does not satisfy {cn}")
                } else {
                    format!("{an} does not satisfy {cn} ({an} missing in {union})")
                });
            }
        }
        let needs_comparable = matches!(
            types.under(constraint),
            TypeKind::Constraint {
                comparable: true,
                ..
            }
        );
        if needs_comparable && !types.comparable(targ) {
            return Err(format!("{an} does not satisfy comparable"));
        }
        if types.iface_methods(constraint).is_empty() {
            return Ok(());
        }
        let methods = types.iface_methods(constraint).to_vec();
        let iface = self.tys().interface(methods);
        let targ_methods = match self.info.types.constraint_of(targ) {
            Some(c) => self.info.types.iface_methods(c).to_vec(),
            None => Vec::new(),
        };
        let checked = if self.info.types.is_type_param(targ) {
            let have = self.tys().interface(targ_methods);
            self.implements(have, iface)
        } else {
            self.implements(targ, iface)
        };
        checked.map_err(|why| format!("{an} does not satisfy {cn} {why}"))
    }

    /// Checks type arguments against the type parameters they replace,
    /// reporting at `pos`; returns whether all satisfy their constraints.
    pub(super) fn verify_targs(&mut self, pos: Pos, tparams: &[TypeId], targs: &[TypeId]) -> bool {
        let m: Subst = tparams.iter().copied().zip(targs.iter().copied()).collect();
        for (&tp, &ta) in tparams.iter().zip(targs) {
            let Some(c) = self.info.types.constraint_of(tp) else {
                continue;
            };
            let c = self.tys().subst(c, &m);
            if let Err(msg) = self.satisfies(ta, c) {
                self.error(pos, msg);
                return false;
            }
        }
        true
    }

    /// `G[A, B]` in a type: the instance of generic type G.
    pub(super) fn instance_type(&mut self, e: &Expr, x: &Expr, args: &[Expr]) -> TypeId {
        let origin = self.generic_type_ref(x);
        if origin == T_INVALID {
            return T_INVALID;
        }
        let alias = match &x.kind {
            ExprKind::Ident(_) | ExprKind::Selector(..) => self
                .info
                .uses
                .get(&x.id)
                .and_then(|o| self.alias_tparams.get(o))
                .cloned(),
            _ => None,
        };
        let tparams = match &alias {
            Some(tps) => tps.clone(),
            None => self.info.types.type_params(origin).to_vec(),
        };
        if tparams.is_empty() {
            let s = self.expr_str(x);
            self.error(e.pos, format!("{s} is not a generic type"));
            return T_INVALID;
        }
        let targs: Vec<TypeId> = args.iter().map(|a| self.type_expr(a)).collect();
        if targs.contains(&T_INVALID) {
            return T_INVALID;
        }
        if targs.len() != tparams.len() {
            let s = self.expr_str(x);
            let which = if targs.len() < tparams.len() {
                "not enough"
            } else {
                "too many"
            };
            let pos = if targs.len() < tparams.len() {
                e.pos
            } else {
                args[tparams.len()].pos
            };
            self.error(
                pos,
                format!(
                    "{which} type arguments for type {s}: have {}, want {}",
                    targs.len(),
                    tparams.len()
                ),
            );
            return T_INVALID;
        }
        let arg_pos = args.first().map_or(e.pos, |a| a.pos);
        if !self.verify_targs(arg_pos, &tparams, &targs) {
            return T_INVALID;
        }
        if alias.is_some() {
            let m: Subst = tparams.iter().copied().zip(targs).collect();
            return self.tys().subst(origin, &m);
        }
        self.tys().instantiate(origin, targs)
    }

    /// The generic type a name in `G[...]` denotes, unresolved generic
    /// types being declared on demand.
    fn generic_type_ref(&mut self, x: &Expr) -> TypeId {
        let saved = std::mem::replace(&mut self.instantiating, true);
        let t = self.type_expr(x);
        self.instantiating = saved;
        t
    }

    /// `generic type List[T any] without instantiation`, as Go reports a
    /// generic type used bare.
    pub(super) fn bare_generic_type(&mut self, e: &Expr, t: TypeId) -> bool {
        let alias = self
            .info
            .uses
            .get(&e.id)
            .is_some_and(|o| self.alias_tparams.contains_key(o));
        if self.instantiating || (self.info.types.type_params(t).is_empty() && !alias) {
            return false;
        }
        if alias {
            let s = self.expr_str(e);
            self.error(
                e.pos,
                format!("cannot use generic type {s} without instantiation"),
            );
            return true;
        }
        // `Pair[K comparable, V any]`, or just `Pair` when it is named
        // through a package.
        let mut s = self.expr_str(e);
        if matches!(e.kind, ExprKind::Ident(_)) {
            let tps: Vec<String> = self
                .info
                .types
                .type_params(t)
                .iter()
                .map(|&tp| {
                    let c = self.info.types.constraint_of(tp).unwrap_or(T_EMPTY_IFACE);
                    format!("{} {}", self.tname(tp), self.tname(c))
                })
                .collect();
            s = format!("{s}[{}]", tps.join(", "));
        }
        self.error(
            e.pos,
            format!("cannot use generic type {s} without instantiation"),
        );
        true
    }

    /// A substitution from the type parameters of generic function or
    /// method `obj` to `targs`.
    pub(super) fn subst_for(&self, obj: ObjId, targs: &[TypeId]) -> Subst {
        self.info
            .tparams
            .get(&obj)
            .map(|tps| tps.iter().copied().zip(targs.iter().copied()).collect())
            .unwrap_or_default()
    }

    /// The type of method `obj` found on receiver base type `recv`: for an
    /// instance of a generic type, its signature with the type arguments in.
    pub(crate) fn method_type(&mut self, obj: ObjId, recv: TypeId) -> TypeId {
        let t = self.obj(obj).ty;
        let Some((_, targs)) = self.info.types.instance_of(recv) else {
            return t;
        };
        let m = self.subst_for(obj, targs);
        self.tys().subst(t, &m)
    }

    /// Reports a constraint interface used as the type of a value.
    pub(super) fn check_value_type(&mut self, e: &Expr, t: TypeId) -> TypeId {
        if matches!(self.info.types.under(t), TypeKind::Constraint { .. }) {
            let s = self.expr_str(e);
            let what = if matches!(
                self.info.types.under(t),
                TypeKind::Constraint { terms: None, .. }
            ) {
                "is (or embeds) comparable"
            } else {
                "contains type constraints"
            };
            self.error(
                e.pos,
                format!("cannot use type {s} outside a type constraint: interface {what}"),
            );
            return T_INVALID;
        }
        t
    }
}

/// Whether a constraint expression is a union or a `~T` term.
pub(super) fn is_union(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Binary { op: BinOp::Or, .. } | ExprKind::Unary(UnOp::Tilde, _)
    )
}
