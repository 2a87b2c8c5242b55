//! Type sets: what an interface allows as a constraint, and the questions
//! the checker asks of a type parameter through its constraint (is every
//! type in its set an integer? comparable? what is its core type?).
//!
//! An interface's type set is the intersection of its elements' sets: its
//! methods, its unions of terms (`~int | string`) and `comparable`. goc keeps
//! the terms of that intersection as one union (`TypeKind::Constraint`'s
//! `terms`; None when no element restricts by terms), which is enough for
//! Go's rules: a type argument satisfies a constraint when it is in the
//! union, has the methods, and is comparable if `comparable` is required.

use super::ty::*;

impl Types {
    /// The union of terms a constraint interface allows (None: any type).
    pub fn constraint_terms(&self, c: TypeId) -> Option<&[Term]> {
        match self.under(c) {
            TypeKind::Constraint {
                terms: Some(ts), ..
            } => Some(ts),
            _ => None,
        }
    }

    /// The terms of a type parameter's type set (None for other types and
    /// for type parameters whose set is not restricted by terms).
    pub fn tparam_terms(&self, t: TypeId) -> Option<&[Term]> {
        match self.kind(t) {
            TypeKind::TypeParam { constraint, .. } => self.constraint_terms(*constraint),
            _ => None,
        }
    }

    pub fn is_type_param(&self, t: TypeId) -> bool {
        matches!(self.kind(t), TypeKind::TypeParam { .. })
    }

    /// The constraint of a type parameter.
    pub fn constraint_of(&self, t: TypeId) -> Option<TypeId> {
        match self.kind(t) {
            TypeKind::TypeParam { constraint, .. } => Some(*constraint),
            _ => None,
        }
    }

    /// The core type of a constraint: the one underlying type every type of
    /// its set has, if there is one.
    pub fn core_of(&self, c: TypeId) -> Option<TypeId> {
        let terms = self.constraint_terms(c)?;
        let first = self.canonical(self.underlying(terms.first()?.ty));
        terms
            .iter()
            .all(|t| self.canonical(self.underlying(t.ty)) == first)
            .then_some(first)
    }

    /// Whether `f` holds for the basic type of `t`, or, for a type
    /// parameter, of every type in its (non-empty) set.
    pub fn all_basic(&self, t: TypeId, f: impl Fn(Basic) -> bool + Copy) -> bool {
        if let TypeKind::TypeParam { constraint, .. } = self.kind(t) {
            return match self.constraint_terms(*constraint) {
                Some(ts) if !ts.is_empty() => ts.iter().all(|tm| self.all_basic(tm.ty, f)),
                _ => false,
            };
        }
        self.basic(t).is_some_and(f)
    }

    /// Whether every type of a constraint's set is comparable.
    pub fn typeset_comparable(&self, c: TypeId) -> bool {
        match self.under(c) {
            TypeKind::Constraint {
                comparable: true, ..
            } => true,
            TypeKind::Constraint {
                terms: Some(ts), ..
            } => ts.iter().all(|t| self.comparable(t.ty)),
            _ => false,
        }
    }

    /// Whether type `t` is in the set of a term.
    pub fn in_term(&self, t: TypeId, term: &Term) -> bool {
        if term.tilde {
            self.identical(self.underlying(t), self.underlying(term.ty))
        } else {
            self.identical(t, term.ty)
        }
    }

    /// The intersection of two unions (None: all types).
    pub fn intersect_terms(&self, a: Option<Vec<Term>>, b: Option<Vec<Term>>) -> Option<Vec<Term>> {
        let (a, b) = match (a, b) {
            (None, x) | (x, None) => return x,
            (Some(a), Some(b)) => (a, b),
        };
        let mut out = Vec::new();
        for x in &a {
            for y in &b {
                // The narrower of two overlapping terms remains.
                let t = if self.in_term(x.ty, y) && (!x.tilde || y.tilde) {
                    Some(*x)
                } else if self.in_term(y.ty, x) && (!y.tilde || x.tilde) {
                    Some(*y)
                } else {
                    None
                };
                if let Some(t) = t {
                    if !out.contains(&t) {
                        out.push(t);
                    }
                }
            }
        }
        Some(out)
    }
}
