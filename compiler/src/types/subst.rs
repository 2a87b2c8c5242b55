//! Substitution of type arguments for type parameters, and the instances of
//! generic types.
//!
//! An instance (`List[int]`) is a defined type of its own, made once per
//! origin and canonical type arguments, whose underlying type is the
//! origin's with the arguments substituted. A generic type may be
//! instantiated before its own declaration has been checked (recursive
//! types, `next *List[T]`, or a use that comes first): such an instance
//! waits in `pending` until the origin's underlying type is set.

use std::collections::HashMap;

use super::ty::*;

/// A mapping from type parameters to the types that replace them.
pub type Subst = HashMap<TypeId, TypeId>;

/// Instances nested deeper than this are an instantiation cycle
/// (`type T[P any] struct{ f *T[[]P] }` would never end).
const MAX_INSTANCE_DEPTH: usize = 64;

impl Types {
    /// `t` with every type parameter of `m` replaced.
    pub fn subst(&mut self, t: TypeId, m: &Subst) -> TypeId {
        if m.is_empty() {
            return t;
        }
        let k = self.kind(t).clone();
        let s = |ty: &mut Self, x: TypeId| ty.subst(x, m);
        match k {
            TypeKind::TypeParam { .. } => m.get(&t).copied().unwrap_or(t),
            TypeKind::Basic(_) | TypeKind::Alias { .. } => t,
            TypeKind::Pointer(e) => {
                let e2 = s(self, e);
                if e2 == e {
                    t
                } else {
                    self.pointer(e2)
                }
            }
            TypeKind::Slice(e) => {
                let e2 = s(self, e);
                if e2 == e {
                    t
                } else {
                    self.slice(e2)
                }
            }
            TypeKind::Array(n, e) => {
                let e2 = s(self, e);
                if e2 == e {
                    t
                } else {
                    self.array(n, e2)
                }
            }
            TypeKind::Map(k, v) => {
                let (k2, v2) = (s(self, k), s(self, v));
                if (k2, v2) == (k, v) {
                    t
                } else {
                    self.map(k2, v2)
                }
            }
            TypeKind::Chan(d, e) => {
                let e2 = s(self, e);
                if e2 == e {
                    t
                } else {
                    self.chan(d, e2)
                }
            }
            TypeKind::Struct(fs) => {
                let fs2: Vec<StructField> = fs
                    .iter()
                    .map(|f| StructField {
                        ty: s(self, f.ty),
                        ..f.clone()
                    })
                    .collect();
                if fs2 == fs {
                    t
                } else {
                    self.structure(fs2)
                }
            }
            TypeKind::Func(sig) => {
                let sig2 = self.subst_sig(&sig, m);
                if sig2 == sig {
                    t
                } else {
                    self.func(sig2)
                }
            }
            TypeKind::Tuple(ts) => {
                let ts2: Vec<TypeId> = ts.iter().map(|&x| s(self, x)).collect();
                if ts2 == ts {
                    t
                } else {
                    self.tuple(ts2)
                }
            }
            TypeKind::Interface(ms) => {
                let ms2 = self.subst_methods(&ms, m);
                if ms2 == ms {
                    t
                } else {
                    self.interface(ms2)
                }
            }
            TypeKind::Constraint {
                methods,
                terms,
                comparable,
            } => {
                let methods2 = self.subst_methods(&methods, m);
                let terms2 = terms.as_ref().map(|ts| {
                    ts.iter()
                        .map(|tm| Term {
                            tilde: tm.tilde,
                            ty: s(self, tm.ty),
                        })
                        .collect::<Vec<_>>()
                });
                if methods2 == methods && terms2 == terms {
                    t
                } else {
                    self.intern(TypeKind::Constraint {
                        methods: methods2,
                        terms: terms2,
                        comparable,
                    })
                }
            }
            TypeKind::Named { origin, targs, .. } if origin != T_INVALID => {
                let targs2: Vec<TypeId> = targs.iter().map(|&x| s(self, x)).collect();
                if targs2 == targs {
                    t
                } else {
                    self.instantiate(origin, targs2)
                }
            }
            TypeKind::Named { .. } => t,
        }
    }

    pub fn subst_sig(&mut self, sig: &Signature, m: &Subst) -> Signature {
        Signature {
            params: sig.params.iter().map(|&p| self.subst(p, m)).collect(),
            results: sig.results.iter().map(|&r| self.subst(r, m)).collect(),
            variadic: sig.variadic,
        }
    }

    fn subst_methods(&mut self, ms: &[IMethod], m: &Subst) -> Vec<IMethod> {
        ms.iter()
            .map(|x| IMethod {
                name: x.name.clone(),
                ty: self.subst(x.ty, m),
            })
            .collect()
    }

    /// Whether `t` mentions a type parameter (then it is not a type a
    /// program can have at run time).
    pub fn has_type_params(&self, t: TypeId) -> bool {
        match self.kind(t) {
            TypeKind::TypeParam { .. } => true,
            TypeKind::Basic(_) | TypeKind::Alias { .. } => false,
            TypeKind::Pointer(e) | TypeKind::Slice(e) | TypeKind::Array(_, e) => {
                self.has_type_params(*e)
            }
            TypeKind::Chan(_, e) => self.has_type_params(*e),
            TypeKind::Map(k, v) => self.has_type_params(*k) || self.has_type_params(*v),
            TypeKind::Struct(fs) => fs.iter().any(|f| self.has_type_params(f.ty)),
            TypeKind::Func(sig) => sig
                .params
                .iter()
                .chain(&sig.results)
                .any(|&x| self.has_type_params(x)),
            TypeKind::Tuple(ts) => ts.iter().any(|&x| self.has_type_params(x)),
            TypeKind::Interface(ms) => ms.iter().any(|m| self.has_type_params(m.ty)),
            TypeKind::Constraint { methods, terms, .. } => {
                methods.iter().any(|m| self.has_type_params(m.ty))
                    || terms.iter().flatten().any(|tm| self.has_type_params(tm.ty))
            }
            TypeKind::Named { targs, .. } => targs.iter().any(|&a| self.has_type_params(a)),
        }
    }

    /// Declares `origin` a generic type with these type parameters.
    pub fn set_type_params(&mut self, origin: TypeId, tparams: Vec<TypeId>) {
        self.tparams.insert(origin, tparams);
    }

    /// The type parameters of a generic defined type (empty otherwise).
    pub fn type_params(&self, origin: TypeId) -> &[TypeId] {
        self.tparams.get(&origin).map_or(&[], |v| v)
    }

    /// The generic type an instance instantiates and its type arguments.
    pub fn instance_of(&self, t: TypeId) -> Option<(TypeId, &[TypeId])> {
        match self.kind(t) {
            TypeKind::Named { origin, targs, .. } if *origin != T_INVALID => Some((*origin, targs)),
            _ => None,
        }
    }

    /// The instance of generic type `origin` for `targs`, made once.
    pub fn instantiate(&mut self, origin: TypeId, targs: Vec<TypeId>) -> TypeId {
        let key = (
            origin,
            targs.iter().map(|&a| self.canonical(a)).collect::<Vec<_>>(),
        );
        if let Some(&t) = self.instances.get(&key) {
            return t;
        }
        let TypeKind::Named {
            name, pkg, local, ..
        } = self.kind(origin).clone()
        else {
            unreachable!("instantiating a type that is not generic")
        };
        let depth = 1 + targs.iter().map(|&a| self.nesting(a)).max().unwrap_or(0);
        let t = self.new_named(&name, &pkg, local);
        let serial = match self.kind(t) {
            TypeKind::Named { serial, .. } => *serial,
            _ => unreachable!(),
        };
        let kind = TypeKind::Named {
            name,
            pkg,
            underlying: T_INVALID,
            serial,
            local,
            origin,
            targs,
        };
        self.replace_kind(t, kind);
        self.instances.insert(key, t);
        if depth > MAX_INSTANCE_DEPTH {
            // An instantiation cycle: left invalid (reported by the checker).
            return t;
        }
        if self.underlying(origin) == T_INVALID {
            self.pending.push(t);
        } else {
            self.complete_instance(t);
        }
        t
    }

    /// How deeply instances nest in `t`.
    fn nesting(&self, t: TypeId) -> usize {
        match self.kind(t) {
            TypeKind::Named { targs, .. } if !targs.is_empty() => {
                1 + targs.iter().map(|&a| self.nesting(a)).max().unwrap_or(0)
            }
            TypeKind::Pointer(e) | TypeKind::Slice(e) | TypeKind::Array(_, e) => {
                1 + self.nesting(*e)
            }
            TypeKind::Map(k, v) => 1 + self.nesting(*k).max(self.nesting(*v)),
            _ => 0,
        }
    }

    fn complete_instance(&mut self, inst: TypeId) {
        let Some((origin, targs)) = self.instance_of(inst) else {
            return;
        };
        let targs = targs.to_vec();
        let m: Subst = self
            .type_params(origin)
            .iter()
            .copied()
            .zip(targs)
            .collect();
        let u = self.underlying(origin);
        let u2 = self.subst(u, &m);
        let u2 = self.underlying(u2);
        self.set_underlying_only(inst, u2);
    }

    /// Gives the instances of `origin` made before its declaration was
    /// checked their underlying types.
    pub(super) fn complete_instances(&mut self, origin: TypeId) {
        let (mine, rest): (Vec<TypeId>, Vec<TypeId>) = std::mem::take(&mut self.pending)
            .into_iter()
            .partition(|&t| self.instance_of(t).is_some_and(|(o, _)| o == origin));
        self.pending = rest;
        for t in mine {
            self.complete_instance(t);
        }
    }
}
