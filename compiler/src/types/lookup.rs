//! Selectors: finding the field or method `x.name` denotes, through embedded
//! fields, breadth-first by depth as Go's spec describes (a name at a
//! shallower depth wins; two at the same depth make the selector ambiguous).

use std::collections::HashSet;

use super::ty::*;
use super::*;

/// What a selector found.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    /// Indices of the embedded fields followed, then the field's own index
    /// (for a method: only the embedded fields).
    pub path: Vec<u32>,
    /// For each step of `path`: whether the value there is a pointer that is
    /// dereferenced first.
    pub derefs: Vec<bool>,
    pub member: Member,
}

#[derive(Clone, Debug)]
pub(crate) enum Member {
    Field(TypeId),
    /// A method of the named type `recv`, declared with a pointer receiver
    /// or not; `recv_is_ptr` tells whether the value reached by the path is a
    /// pointer to `recv`.
    Method {
        obj: ObjId,
        recv: TypeId,
        ptr_recv: bool,
        recv_is_ptr: bool,
    },
    /// Method `index` of an interface type (the value reached by the path
    /// is an interface value).
    IfaceMethod {
        index: u32,
        ty: TypeId,
    },
}

impl Found {
    /// What the lowering needs of the selector that found this: the path,
    /// and the method (`expr` for a method expression `T.M`) or interface
    /// method.
    pub(crate) fn selection(self, expr: bool) -> Selection {
        let (method, iface_method) = match self.member {
            Member::Method {
                obj,
                recv,
                ptr_recv,
                recv_is_ptr,
            } => (
                Some(MethodSel {
                    obj,
                    recv,
                    ptr_recv,
                    recv_is_ptr,
                    expr,
                }),
                None,
            ),
            Member::IfaceMethod { index, .. } => (None, Some(index)),
            Member::Field(_) => (None, None),
        };
        Selection {
            path: self.path,
            derefs: self.derefs,
            method,
            iface_method,
        }
    }
}

pub(crate) enum Lookup {
    Found(Found),
    Ambiguous,
    Missing,
}

impl Checker<'_> {
    /// The methods declared for a named type, by name.
    /// For an instance of a generic type, the generic type's methods.
    pub(crate) fn method_of(&self, named: TypeId, name: &str) -> Option<ObjId> {
        let named = self.info.types.instance_of(named).map_or(named, |(o, _)| o);
        self.info
            .methods
            .get(&named)?
            .iter()
            .copied()
            .find(|&m| self.obj(m).name == name)
    }

    pub(crate) fn lookup_member(&self, t: TypeId, name: &str) -> Lookup {
        let types = &self.info.types;
        let mut level: Vec<(TypeId, Vec<u32>, Vec<bool>)> = vec![(t, vec![], vec![])];
        let mut seen: HashSet<TypeId> = HashSet::new();
        while !level.is_empty() {
            let mut next = Vec::new();
            let mut found: Option<Found> = None;
            let mut count = 0;
            for (t, path, derefs) in &level {
                // A defined pointer type has no methods, but `x.f` is
                // `(*x).f` for a field f of its base type.
                let defined_ptr = matches!(types.kind(*t), TypeKind::Named { .. })
                    && matches!(types.under(*t), TypeKind::Pointer(_));
                let (base, is_ptr) = match types.kind(*t) {
                    TypeKind::Pointer(e) => (*e, true),
                    _ => match types.under(*t) {
                        // A pointer type's own methods do not exist, but
                        // its fields are reachable.
                        TypeKind::Pointer(e) if !types.is_named(*t) || defined_ptr => (*e, true),
                        _ => (*t, false),
                    },
                };
                if !seen.insert(base) {
                    continue;
                }
                let mut has_method = false;
                if matches!(types.kind(base), TypeKind::Named { .. }) && !defined_ptr {
                    if let Some(m) = self.method_of(base, name) {
                        has_method = true;
                        count += 1;
                        let ptr_recv = self.info.method_recv.get(&m).is_some_and(|r| r.1);
                        found = Some(Found {
                            path: path.clone(),
                            derefs: derefs.clone(),
                            member: Member::Method {
                                obj: m,
                                recv: base,
                                ptr_recv,
                                recv_is_ptr: is_ptr,
                            },
                        });
                    }
                }
                // A type parameter's methods are its constraint's.
                if let Some(c) = types.constraint_of(base) {
                    let ms = types.iface_methods(c);
                    if let Some(i) = ms.iter().position(|m| m.name == name) {
                        count += 1;
                        found = Some(Found {
                            path: path.clone(),
                            derefs: derefs.clone(),
                            member: Member::IfaceMethod {
                                index: i as u32,
                                ty: ms[i].ty,
                            },
                        });
                    }
                    continue;
                }
                if let TypeKind::Interface(ms) = types.under(base) {
                    if !is_ptr {
                        if let Some(i) = ms.iter().position(|m| m.name == name) {
                            count += 1;
                            found = Some(Found {
                                path: path.clone(),
                                derefs: derefs.clone(),
                                member: Member::IfaceMethod {
                                    index: i as u32,
                                    ty: ms[i].ty,
                                },
                            });
                        }
                    }
                    continue;
                }
                let TypeKind::Struct(fields) = types.under(base) else {
                    continue;
                };
                for (i, f) in fields.iter().enumerate() {
                    let mut p = path.clone();
                    p.push(i as u32);
                    let mut d = derefs.clone();
                    d.push(is_ptr);
                    // A method of the same type shadows a field of the same
                    // name (the declaration itself is an error).
                    if f.name == name && !has_method {
                        count += 1;
                        found = Some(Found {
                            path: p.clone(),
                            derefs: d.clone(),
                            member: Member::Field(f.ty),
                        });
                    }
                    if f.embedded {
                        next.push((f.ty, p, d));
                    }
                }
            }
            match (count, found) {
                (1, Some(f)) => return Lookup::Found(f),
                (0, _) => {}
                _ => return Lookup::Ambiguous,
            }
            level = next;
        }
        Lookup::Missing
    }

    /// Whether type `v` implements interface `t`; the reason, in Go's words
    /// and parentheses, when it does not (`(missing method M)`).
    pub(crate) fn implements(&mut self, v: TypeId, t: TypeId) -> Result<(), String> {
        let want = self.info.types.iface_methods(t).to_vec();
        let types = &self.info.types;
        if types.is_interface(v) {
            let have = types.iface_methods(v);
            for m in want {
                match have.iter().find(|h| h.name == m.name) {
                    None => return Err(format!("(missing method {})", m.name)),
                    Some(h) if !types.identical(h.ty, m.ty) => {
                        return Err(self.wrong_type(&m.name, h.ty, m.ty))
                    }
                    Some(_) => {}
                }
            }
            return Ok(());
        }
        for m in &want {
            match self.lookup_member(v, &m.name) {
                Lookup::Found(Found {
                    member:
                        Member::Method {
                            obj,
                            recv,
                            ptr_recv,
                            recv_is_ptr,
                        },
                    derefs,
                    ..
                }) => {
                    let mt = self.method_type(obj, recv);
                    if mt != T_INVALID && !self.info.types.identical(mt, m.ty) {
                        return Err(self.wrong_type(&m.name, mt, m.ty));
                    }
                    if ptr_recv && !recv_is_ptr && !derefs.iter().any(|d| *d) {
                        return Err(format!("(method {} has pointer receiver)", m.name));
                    }
                }
                Lookup::Found(Found {
                    member: Member::IfaceMethod { ty, .. },
                    ..
                }) => {
                    if !self.info.types.identical(ty, m.ty) {
                        return Err(self.wrong_type(&m.name, ty, m.ty));
                    }
                }
                _ => return Err(format!("(missing method {})", m.name)),
            }
        }
        Ok(())
    }

    fn wrong_type(&self, name: &str, have: TypeId, want: TypeId) -> String {
        let sig = |t: TypeId| {
            let mut s = String::new();
            if let TypeKind::Func(sig) = self.info.types.kind(t) {
                self.info.types.write_sig(sig, self.pkg_name(), &mut s);
            }
            s
        };
        format!(
            "(wrong type for method {name})\n\t\thave {name}{}\n\t\twant {name}{}",
            sig(have),
            sig(want)
        )
    }
}
