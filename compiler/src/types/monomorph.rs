//! Monomorphization: the instances of generic functions and methods a
//! program needs, each with its body's facts substituted.
//!
//! A generic body is checked once, with its type parameters as types of
//! their own; what the check recorded for it (`Info::generic_bodies`: the
//! type of every expression, the types of its locals, its selections and
//! the generic calls in it) is copied per instance with the type arguments
//! substituted, and the lowering compiles the body once per instance from
//! those tables (`FuncInstance`). The instances needed are found from the
//! roots outwards: every instantiation in non-generic code, every method of
//! every concrete instance of a generic type, and, transitively, the
//! instantiations inside the instances' bodies. A method called through a
//! constraint (`x.String()` with `x` of type `T`) is looked up again on the
//! type argument.
//!
//! goc compiles one copy per list of type arguments (full monomorphization):
//! the fastest code, at the cost of size for instances that gc would share
//! by GC shape; docs/LANGUAGE.md says why.

use std::collections::{HashMap, HashSet};

use super::subst::Subst;
use super::ty::*;
use super::*;

impl Checker<'_> {
    /// Makes `info.func_instances`: every instance the program needs.
    pub(super) fn monomorphize(&mut self) {
        let in_generic: HashSet<ExprId> = self
            .info
            .generic_bodies
            .values()
            .flat_map(|b| b.exprs.iter().copied())
            .collect();
        let mut roots: Vec<(&ExprId, &(ObjId, Vec<TypeId>))> = self
            .info
            .instances
            .iter()
            .filter(|(id, _)| !in_generic.contains(id))
            .collect();
        roots.sort_by_key(|(id, _)| **id);
        let mut queue: Vec<(ObjId, Vec<TypeId>)> =
            roots.into_iter().map(|(_, v)| v.clone()).collect();
        queue.reverse();
        let mut done_types: HashSet<TypeId> = HashSet::new();
        loop {
            // Every method of every concrete instance of a generic type: its
            // method table may call any of them.
            let mut types: Vec<TypeId> = self
                .info
                .types
                .instances
                .values()
                .copied()
                .filter(|t| !done_types.contains(t) && !self.info.types.has_type_params(*t))
                .collect();
            types.sort();
            for t in types {
                done_types.insert(t);
                let Some((origin, targs)) = self.info.types.instance_of(t) else {
                    continue;
                };
                let targs = targs.to_vec();
                for &m in self.info.methods.get(&origin).map_or(&[][..], |v| v) {
                    queue.push((m, targs.clone()));
                }
            }
            if queue.is_empty() {
                break;
            }
            while let Some((obj, targs)) = queue.pop() {
                self.instance(obj, targs, &mut queue);
            }
        }
    }

    /// Makes the instance of `obj` for `targs` (once), queueing the
    /// instances its body needs.
    fn instance(&mut self, obj: ObjId, targs: Vec<TypeId>, queue: &mut Vec<(ObjId, Vec<TypeId>)>) {
        let symbol = instance_symbol(&self.info, obj, &targs);
        if self.info.instance_index.contains_key(&symbol) {
            return;
        }
        let m: Subst = self.subst_for(obj, &targs);
        let generic_ty = self.obj(obj).ty;
        let ty = self.tys().subst(generic_ty, &m);
        let recv = self
            .info
            .method_recv
            .get(&obj)
            .map(|&(base, _)| base)
            .map(|base| self.tys().instantiate(base, targs.clone()));
        let body = self
            .info
            .generic_bodies
            .get(&obj)
            .cloned()
            .unwrap_or_default();
        let mut inst = FuncInstance {
            obj,
            targs,
            symbol: symbol.clone(),
            ty,
            recv,
            exprs: HashMap::new(),
            obj_types: HashMap::new(),
            selections: HashMap::new(),
            instances: HashMap::new(),
            iface_method_exprs: HashSet::new(),
        };
        for &id in &body.exprs {
            if inst.exprs.contains_key(&id) {
                continue;
            }
            // (An op-assignment's synthesized operation is not kept.)
            let Some(ei) = self.info.exprs.get(&id).cloned() else {
                continue;
            };
            let t = self.tys().subst(ei.ty, &m);
            inst.exprs.insert(
                id,
                ExprInfo {
                    ty: t,
                    mode: ei.mode,
                },
            );
        }
        for &o in &body.objs {
            let t = self.obj(o).ty;
            let t = self.tys().subst(t, &m);
            inst.obj_types.insert(o, t);
        }
        for &id in &body.exprs {
            if let Some((callee, ta)) = self.info.instances.get(&id).cloned() {
                let ta: Vec<TypeId> = ta.iter().map(|&a| self.tys().subst(a, &m)).collect();
                queue.push((callee, ta.clone()));
                inst.instances.insert(id, (callee, ta));
            }
            if let Some((recv_e, name)) = self.info.tparam_methods.get(&id).cloned() {
                let Some(rt) = inst.exprs.get(&recv_e).map(|e| e.ty) else {
                    continue;
                };
                // `T.m` (the receiver expression a type) is a method
                // expression of the type argument.
                let is_type = matches!(
                    self.info.exprs.get(&recv_e).map(|e| &e.mode),
                    Some(Mode::Type)
                );
                if let Some(mut sel) = self.concrete_selection(rt, &name) {
                    if let Some(ms) = sel.method.as_mut() {
                        ms.expr = is_type;
                    } else if is_type {
                        inst.iface_method_exprs.insert(id);
                    }
                    inst.selections.insert(id, sel);
                }
                continue;
            }
            let Some(mut sel) = self.info.selections.get(&id).cloned() else {
                continue;
            };
            if let Some(ms) = &mut sel.method {
                if self.info.types.has_type_params(ms.recv) {
                    ms.recv = self.tys().subst(ms.recv, &m);
                    inst.selections.insert(id, sel);
                }
            }
        }
        let index = self.info.func_instances.len();
        self.info.func_instances.push(inst);
        self.info.instance_index.insert(symbol, index);
    }

    /// The selection of method `name` on a type argument.
    fn concrete_selection(&self, t: TypeId, name: &str) -> Option<Selection> {
        let lookup::Lookup::Found(f) = self.lookup_member(t, name) else {
            return None;
        };
        match f.member {
            lookup::Member::Field(_) => None,
            _ => Some(f.selection(false)),
        }
    }
}

/// The symbol of an instance of a generic function or method:
/// `main.Map[int,string]`, `main.(*List[int]).Push`, `main.List[int].Len`.
pub(crate) fn instance_symbol(info: &Info, obj: ObjId, targs: &[TypeId]) -> String {
    let ObjKind::Func { symbol } = &info.obj(obj).kind else {
        unreachable!("instance of a non-function")
    };
    let args: Vec<String> = targs.iter().map(|&t| info.types.name(t)).collect();
    let args = format!("[{}]", args.join(","));
    if !info.method_recv.contains_key(&obj) {
        return format!("{symbol}{args}");
    }
    let (head, method) = symbol.rsplit_once('.').expect("a method symbol");
    match head.strip_suffix(')') {
        Some(h) => format!("{h}{args}).{method}"),
        None => format!("{head}{args}.{method}"),
    }
}
