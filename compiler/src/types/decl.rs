//! Package-level declarations: collecting them into the package scope,
//! resolving each on demand (so order in the source does not matter), type
//! expressions, function bodies, and the package initialisation order.

use std::collections::{HashMap, HashSet};

use super::ty::*;
use super::*;
use crate::syntax::ast::{Decl, Expr, ExprKind, GenDecl};

impl Checker<'_> {
    /// Enters every package-level name into the package scope.
    pub(super) fn collect(&mut self) {
        let files = self.files;
        let funcs_start = self.info.funcs.len();
        let input = &self.inputs[self.cur];
        let is_main = input.path == "main";
        if let Some(&first) = input.files.first() {
            self.info.packages[self.cur].name = files[first].package.name.clone();
        }
        for &fi in &input.files {
            let file = &files[fi];
            if is_main && file.package.name != "main" {
                self.error(
                    file.package.pos,
                    format!(
                        "package {} is not a main package: goc builds only package main",
                        file.package.name
                    ),
                );
            } else if file.package.name != self.pkg_name() {
                let msg = format!(
                    "package {}; expected package {}",
                    file.package.name,
                    self.pkg_name()
                );
                self.error(file.package.pos, msg);
            }
            self.collect_imports(fi, file);
            if !imports_unsafe(file) {
                // Go's compiler reports this with `missing function body`,
                // after type checking.
                for l in &file.linknames {
                    self.late_errors.push(Diag::new(
                        l.pos,
                        "//go:linkname only allowed in Go files that import \"unsafe\"",
                    ));
                }
            }
            for (di, decl) in file.decls.iter().enumerate() {
                match decl {
                    Decl::Func(f) => self.collect_func(fi, di, f),
                    Decl::Gen(GenDecl::Var(specs)) | Decl::Gen(GenDecl::Const(specs)) => {
                        let is_const = matches!(decl, Decl::Gen(GenDecl::Const(_)));
                        for (si, spec) in specs.iter().enumerate() {
                            for name in &spec.names {
                                let kind = if is_const {
                                    ObjKind::Const(Value::int(0))
                                } else {
                                    ObjKind::Var { global: true }
                                };
                                let id = self.declare_package(name, T_INVALID, kind);
                                self.decl_of.insert(
                                    id,
                                    DeclRef::Value {
                                        file: fi,
                                        decl: di,
                                        spec: si,
                                    },
                                );
                            }
                        }
                    }
                    Decl::Gen(GenDecl::Type(specs)) => {
                        for (si, spec) in specs.iter().enumerate() {
                            let ty = if spec.alias {
                                T_INVALID
                            } else {
                                let pkg = self.pkg_name().to_string();
                                self.tys().new_named(&spec.name.name, &pkg, false)
                            };
                            let id = self.declare_package(&spec.name, ty, ObjKind::TypeName);
                            self.decl_of.insert(
                                id,
                                DeclRef::Type {
                                    file: fi,
                                    decl: di,
                                    spec: si,
                                },
                            );
                        }
                    }
                }
            }
        }
        self.collect_methods(funcs_start);
        if is_main && !self.package_scope.contains_key("main") && self.errors.is_empty() {
            let pos = input
                .files
                .first()
                .map(|&f| files[f].package.pos)
                .unwrap_or_default();
            self.error(pos, "function main is undeclared in the main package");
        }
    }

    fn collect_func(&mut self, fi: usize, di: usize, f: &ast::FuncDecl) {
        if f.recv.is_some() {
            // Attached to its receiver type once every type is declared.
            let id = self.new_obj(
                &f.name.name,
                f.name.pos,
                T_INVALID,
                ObjKind::Func {
                    symbol: String::new(),
                },
            );
            self.info.defs.insert(f.name.pos, id);
            self.state.insert(id, DeclState::Unresolved);
            self.decl_of
                .insert(id, DeclRef::Func { file: fi, decl: di });
            self.info.funcs.push(FuncEntry {
                obj: id,
                file: fi,
                decl: di,
            });
            return;
        }
        let name = &f.name.name;
        if (name == "init" || name == "main")
            && (!f.sig.params.is_empty() || !f.sig.results.is_empty())
        {
            self.error(
                f.name.pos,
                format!("func {name} must have no arguments and no return values"),
            );
        }
        // A body-less function of a standard package, or one a
        // `//go:linkname` directive names, is bound to goc's runtime.
        let linkname = self.linkname(fi, name);
        let runtime_bound =
            f.body.is_none() && name != "init" && (self.inputs[self.cur].std || linkname.is_some());
        if f.body.is_none() && !runtime_bound {
            // Go's compiler reports this after type checking.
            self.late_errors
                .push(Diag::new(f.name.pos, "missing function body"));
        }
        let entry = FuncEntry {
            obj: ObjId(0),
            file: fi,
            decl: di,
        };
        if name == "init" {
            let n = self.info.packages[self.cur].init_funcs.len();
            let symbol = format!("{}.init.{}", self.pkg_path(), n);
            let id = self.new_obj(name, f.name.pos, T_INVALID, ObjKind::Func { symbol });
            self.info.defs.insert(f.name.pos, id);
            self.state.insert(id, DeclState::Unresolved);
            self.decl_of
                .insert(id, DeclRef::Func { file: fi, decl: di });
            let index = self.info.funcs.len();
            self.info.packages[self.cur].init_funcs.push(index);
            self.info.funcs.push(FuncEntry { obj: id, ..entry });
            return;
        }
        let symbol = if runtime_bound {
            let (pkg, fname) =
                linkname.unwrap_or_else(|| (self.pkg_path().to_string(), name.clone()));
            runtime_symbol(&pkg, &fname)
        } else if name == "_" {
            // Blank functions are checked and compiled; there may be
            // several, each its own symbol.
            format!("{}._{}", self.pkg_path(), self.info.funcs.len())
        } else {
            format!("{}.{}", self.pkg_path(), name)
        };
        let id = self.declare_package(&f.name, T_INVALID, ObjKind::Func { symbol });
        self.decl_of
            .insert(id, DeclRef::Func { file: fi, decl: di });
        self.info.funcs.push(FuncEntry { obj: id, ..entry });
    }

    /// Gives each method its receiver type and symbol (`main.T.M`,
    /// `main.(*T).M`), checking Go's rules for receivers.
    fn collect_methods(&mut self, funcs_start: usize) {
        let files = self.files;
        let entries = self.info.funcs[funcs_start..].to_vec();
        for entry in entries {
            self.cur_file = entry.file;
            let Decl::Func(f) = &files[entry.file].decls[entry.decl] else {
                continue;
            };
            let Some(recv) = &f.recv else { continue };
            let mut te = &recv.ty;
            while let ExprKind::Paren(x) = &te.kind {
                te = x;
            }
            let (ptr, base_expr) = match &te.kind {
                ExprKind::Star(x) => (true, &**x),
                _ => (false, te),
            };
            // `List[T]`: a method of a generic type, with type parameters
            // of its own named by the receiver.
            let base_expr = match &base_expr.kind {
                ExprKind::Index(b, _) => &**b,
                _ => base_expr,
            };
            let ExprKind::Ident(tname) = &base_expr.kind else {
                self.error(
                    base_expr.pos,
                    format!("invalid receiver type {}", self.expr_str(&recv.ty)),
                );
                continue;
            };
            let base = match self.lookup(tname) {
                None => {
                    self.error(base_expr.pos, format!("undefined: {tname}"));
                    continue;
                }
                Some(id)
                    if self.obj(id).kind == ObjKind::TypeName
                        && self.package_scope.get(tname) == Some(&id) =>
                {
                    self.info.uses.insert(base_expr.id, id);
                    self.obj_mut(id).used = true;
                    self.obj(id).ty
                }
                Some(id) if self.obj(id).kind == ObjKind::TypeName => {
                    self.error(
                        base_expr.pos,
                        format!("cannot define new methods on non-local type {tname}"),
                    );
                    continue;
                }
                Some(_) => {
                    self.error(base_expr.pos, format!("{tname} is not a type"));
                    continue;
                }
            };
            if !matches!(self.info.types.kind(base), TypeKind::Named { .. }) {
                self.error(
                    base_expr.pos,
                    format!("cannot define new methods on non-local type {tname}"),
                );
                continue;
            }
            let name = &f.name.name;
            if name != "_" {
                if let Some(prev) = self.method_of(base, name) {
                    let p = self.pos_string(self.obj(prev).pos);
                    self.error(
                        f.name.pos,
                        format!("method {tname}.{name} already declared at {p}"),
                    );
                    continue;
                }
            }
            let pkg = self.pkg_path().to_string();
            // Blank methods are checked and compiled but belong to no
            // method set; there may be several, each its own symbol.
            let name = if name == "_" {
                format!("_{}", entry.obj.0)
            } else {
                name.clone()
            };
            let symbol = if ptr {
                format!("{pkg}.(*{tname}).{name}")
            } else {
                format!("{pkg}.{tname}.{name}")
            };
            self.obj_mut(entry.obj).kind = ObjKind::Func { symbol };
            if f.name.name != "_" {
                self.info.methods.entry(base).or_default().push(entry.obj);
            }
            self.info.method_recv.insert(entry.obj, (base, ptr));
        }
    }

    fn declare_package(&mut self, ident: &ast::Ident, ty: TypeId, kind: ObjKind) -> ObjId {
        let id = self.new_obj(&ident.name, ident.pos, ty, kind);
        self.info.defs.insert(ident.pos, id);
        self.state.insert(id, DeclState::Unresolved);
        if ident.name == "_" {
            return id;
        }
        if let Some(&prev) = self.package_scope.get(&ident.name) {
            let prev_pos = self.obj(prev).pos;
            let msg = format!(
                "{} redeclared in this block\n\t{}: other declaration of {}",
                ident.name,
                self.pos_string(prev_pos),
                ident.name
            );
            self.error(ident.pos, msg);
        } else {
            if ident.name == "init" {
                self.error(ident.pos, "cannot declare init - must be func");
            }
            self.package_scope.insert(ident.name.clone(), id);
        }
        id
    }

    pub(super) fn resolve_all(&mut self) {
        // Method signatures first: checking whether a type implements an
        // interface (in any initialiser) needs them.
        let methods: Vec<ObjId> = self.info.method_recv.keys().copied().collect();
        for m in methods {
            self.resolve(m);
        }
        let mut ids: Vec<ObjId> = self.decl_of.keys().copied().collect();
        ids.sort();
        for id in ids {
            self.resolve(id);
        }
        // A method may not share its name with a field of its receiver.
        let mut clashes = Vec::new();
        for (&base, ms) in &self.info.methods {
            if let TypeKind::Struct(fields) = self.info.types.under(base) {
                for &m in ms {
                    let o = self.obj(m);
                    if fields.iter().any(|f| f.name == o.name) {
                        clashes.push((o.pos, o.name.clone()));
                    }
                }
            }
        }
        for (pos, name) in clashes {
            self.error(pos, format!("field and method with the same name {name}"));
        }
    }

    /// Makes sure a package-level object has its type (and value). Called
    /// whenever a name resolves to a package-level object.
    pub(crate) fn resolve(&mut self, id: ObjId) {
        let Some(&st) = self.state.get(&id) else {
            return;
        };
        match st {
            DeclState::Done => return,
            DeclState::InProgress => {
                let o = self.obj(id);
                match o.kind {
                    ObjKind::TypeName | ObjKind::Func { .. } => {}
                    _ => {
                        let (pos, name) = (o.pos, o.name.clone());
                        self.error(pos, format!("initialization cycle for {name}"));
                        self.obj_mut(id).ty = T_INVALID;
                        self.state.insert(id, DeclState::Done);
                    }
                }
                return;
            }
            DeclState::Unresolved => {}
        }
        self.state.insert(id, DeclState::InProgress);
        let saved_file = self.cur_file;
        self.cur_file = match self.decl_of[&id] {
            DeclRef::Func { file, .. }
            | DeclRef::Value { file, .. }
            | DeclRef::Type { file, .. } => file,
        };
        let saved_scopes = std::mem::take(&mut self.scopes);
        let saved_func = self.func.take();
        let saved_decl = self.current_decl.take();
        let saved_iota = self.iota.take();
        match self.decl_of[&id] {
            DeclRef::Func { file, decl } => {
                let Decl::Func(f) = &self.files[file].decls[decl] else {
                    unreachable!()
                };
                let generic = self.open_func_tparams(id, f);
                let sig = self.signature(&f.sig);
                let t = self.tys().func(sig);
                self.obj_mut(id).ty = t;
                if f.body.is_none() {
                    self.check_runtime_binding(id, f);
                }
                if generic {
                    let scope = self.scopes.pop().unwrap_or_default();
                    self.tparam_scopes.insert(id, scope);
                }
            }
            DeclRef::Type { file, decl, spec } => {
                let Decl::Gen(GenDecl::Type(specs)) = &self.files[file].decls[decl] else {
                    unreachable!()
                };
                let spec = &specs[spec];
                let generic = !spec.tparams.is_empty();
                if generic {
                    self.scopes.push(HashMap::new());
                    let tps = self.declare_tparams(&spec.tparams);
                    if spec.alias {
                        self.alias_tparams.insert(id, tps);
                    } else {
                        let named = self.obj(id).ty;
                        self.tys().set_type_params(named, tps);
                    }
                }
                let under = self.type_expr(&spec.ty);
                if generic {
                    self.scopes.pop();
                }

                if spec.alias {
                    self.obj_mut(id).ty = under;
                } else {
                    let named = self.obj(id).ty;
                    if under == named || self.contains_directly(under, named) {
                        self.error(
                            spec.name.pos,
                            format!("invalid recursive type {}", spec.name.name),
                        );
                        self.tys().set_underlying(named, T_INVALID);
                    } else if let Some(cycle) = self.tys().set_underlying(named, under) {
                        self.type_cycle_error(&cycle);
                    }
                }
            }
            DeclRef::Value { file, decl, spec } => {
                let Decl::Gen(gd) = &self.files[file].decls[decl] else {
                    unreachable!()
                };
                match gd {
                    GenDecl::Const(specs) => {
                        let spec = &specs[spec];
                        let objs: Vec<ObjId> =
                            spec.names.iter().map(|n| self.info.defs[&n.pos]).collect();
                        for &o in &objs {
                            self.state.insert(o, DeclState::InProgress);
                        }
                        self.const_spec(spec, &objs);
                        for &o in &objs {
                            self.state.insert(o, DeclState::Done);
                        }
                    }
                    GenDecl::Var(specs) => {
                        let spec = &specs[spec];
                        let objs: Vec<ObjId> =
                            spec.names.iter().map(|n| self.info.defs[&n.pos]).collect();
                        for &o in &objs {
                            self.state.insert(o, DeclState::InProgress);
                        }
                        self.current_decl = Some(objs[0]);
                        if spec.values.len() == objs.len() {
                            // `var a, b = x, y`: each variable depends on its
                            // own value only (see assign_values_to).
                            self.value_owners = objs.clone();
                        }
                        self.var_spec(spec, &objs);
                        self.value_owners.clear();
                        if spec.values.len() != objs.len() {
                            // One multi-valued expression feeds them all.
                            let deps = self.deps.get(&objs[0]).cloned().unwrap_or_default();
                            for &o in &objs[1..] {
                                self.deps.insert(o, deps.clone());
                            }
                        }
                        for &o in &objs {
                            self.state.insert(o, DeclState::Done);
                        }
                    }
                    GenDecl::Type(_) => unreachable!(),
                }
            }
        }
        self.scopes = saved_scopes;
        self.cur_file = saved_file;
        self.func = saved_func;
        self.current_decl = saved_decl;
        self.iota = saved_iota;
        self.state.insert(id, DeclState::Done);
    }

    /// The package and name a `//go:linkname` directive of file `fi` binds
    /// function `local` to; directives count only in files that import
    /// "unsafe", as in Go.
    fn linkname(&self, fi: usize, local: &str) -> Option<(String, String)> {
        let file = &self.files[fi];
        if !imports_unsafe(file) {
            return None;
        }
        file.linknames
            .iter()
            .find(|l| l.local == local)
            .map(|l| (l.pkg.clone(), l.name.clone()))
    }

    /// A function bound to goc's runtime (declared without a body in a
    /// standard package, or named by `//go:linkname`) must be one the
    /// runtime provides, with the signature the runtime implements:
    /// goc_abi::stdlib lists them, and a mismatch is a build error rather
    /// than a wrong call at run time.
    fn check_runtime_binding(&mut self, id: ObjId, f: &ast::FuncDecl) {
        if !matches!(&self.obj(id).kind, ObjKind::Func { symbol } if symbol.starts_with("goc_pkg_"))
        {
            return;
        }
        let (pkg, name) = self
            .linkname(self.cur_file, &f.name.name)
            .unwrap_or_else(|| (self.pkg_path().to_string(), f.name.name.clone()));
        let have = self.info.types.name(self.obj(id).ty);
        let words = self.abi_words(self.obj(id).ty);
        match goc_abi::stdlib::find(&pkg, &name) {
            None => self.error(
                f.name.pos,
                format!("{pkg}.{name} is not a function goc's runtime provides (goc_abi::stdlib)"),
            ),
            Some(rf) if rf.sig != have || (rf.params, rf.results) != words => self.error(
                f.name.pos,
                format!(
                    "{pkg}.{name} is declared as {have}, but goc's runtime implements {} (goc_abi::stdlib)",
                    rf.sig
                ),
            ),
            Some(_) => {}
        }
    }

    /// The machine words of the parameters and of the results of a
    /// function type as goc's calls pass them (codegen/abi.rs): a string or
    /// interface is two words, a slice three, a complex number two floats,
    /// a struct or array one (its address; a struct or array result is a
    /// leading pointer parameter), anything else one.
    fn abi_words(&self, f: TypeId) -> (usize, usize) {
        let types = &self.info.types;
        let TypeKind::Func(sig) = types.kind(f) else {
            return (0, 0);
        };
        let memory =
            |t: TypeId| matches!(types.under(t), TypeKind::Struct(_) | TypeKind::Array(..));
        let words = |t: TypeId| match types.under(t) {
            TypeKind::Basic(b) if b.is_string() || b.is_complex() => 2,
            TypeKind::Interface(_) => 2,
            TypeKind::Slice(_) => 3,
            _ => 1,
        };
        let params: usize = sig.params.iter().map(|&p| words(p)).sum::<usize>()
            + sig.results.iter().filter(|&&r| memory(r)).count();
        let results = sig
            .results
            .iter()
            .filter(|&&r| !memory(r))
            .map(|&r| words(r))
            .sum();
        (params, results)
    }

    /// Go's report of defined types declared as each other in a cycle,
    /// from the one declared first: `invalid recursive type A` and a line
    /// `A refers to B` for each step.
    fn type_cycle_error(&mut self, cycle: &[TypeId]) {
        let objs: Vec<ObjId> = cycle
            .iter()
            .filter_map(|&t| {
                self.package_scope
                    .values()
                    .copied()
                    .find(|&o| self.obj(o).kind == ObjKind::TypeName && self.obj(o).ty == t)
            })
            .collect();
        let Some(start) = (0..objs.len()).min_by_key(|&i| self.obj(objs[i]).pos) else {
            return;
        };
        let name = |c: &Self, i: usize| c.obj(objs[i % objs.len()]).name.clone();
        let mut msg = format!("invalid recursive type {}", name(self, start));
        for k in start..start + objs.len() {
            let pos = self.pos_string(self.obj(objs[k % objs.len()]).pos);
            msg.push_str(&format!(
                "\n\t{pos}: {} refers to {}",
                name(self, k),
                name(self, k + 1)
            ));
        }
        self.error(self.obj(objs[start]).pos, msg);
    }

    /// Whether `t` contains `named` without an indirection (which would make
    /// its size infinite).
    fn contains_directly(&self, t: TypeId, named: TypeId) -> bool {
        if t == named {
            return true;
        }
        match self.info.types.kind(t) {
            TypeKind::Array(_, e) => self.contains_directly(*e, named),
            TypeKind::Struct(fs) => fs.iter().any(|f| self.contains_directly(f.ty, named)),
            TypeKind::Named { underlying, .. } if *underlying != T_INVALID => {
                self.contains_directly(*underlying, named)
            }
            _ => false,
        }
    }

    /// The type a type expression denotes; reports and returns the invalid
    /// type if it is not one.
    pub(crate) fn type_expr(&mut self, e: &Expr) -> TypeId {
        let t = self.type_expr_inner(e);
        self.record(e, t, Mode::Type);
        t
    }

    fn type_expr_inner(&mut self, e: &Expr) -> TypeId {
        match &e.kind {
            ExprKind::Ident(name) => {
                let Some(id) = self.lookup(name) else {
                    self.error(e.pos, format!("undefined: {name}"));
                    return T_INVALID;
                };
                self.info.uses.insert(e.id, id);
                self.obj_mut(id).used = true;
                if self.obj(id).kind != ObjKind::TypeName {
                    if name == "_" {
                        self.error(e.pos, "cannot use _ as value or type");
                    } else {
                        self.error(e.pos, format!("{name} is not a type"));
                    }
                    return T_INVALID;
                }
                // A defined type declared later gets its underlying type now
                // (a composite literal in an earlier initialiser needs it);
                // inside its own declaration, `resolve` leaves it pending.
                let ty = self.obj(id).ty;
                if ty == T_INVALID
                    || self.is_alias(id)
                    || self.info.types.underlying(ty) == T_INVALID
                {
                    self.resolve(id);
                }
                let ty = self.obj(id).ty;
                if self.bare_generic_type(e, ty) {
                    return T_INVALID;
                }
                ty
            }
            ExprKind::Index(x, args) => self.instance_type(e, x, args),
            ExprKind::Paren(x) => self.type_expr(x),
            ExprKind::Star(x) => {
                let t = self.type_expr(x);
                if t == T_INVALID {
                    return T_INVALID;
                }
                self.tys().pointer(t)
            }
            ExprKind::ArrayType { len: None, elem } => {
                let t = self.type_expr(elem);
                if t == T_INVALID {
                    return T_INVALID;
                }
                self.tys().slice(t)
            }
            ExprKind::ArrayType {
                len: Some(len),
                elem,
            } => {
                if matches!(len.kind, ExprKind::Ellipsis(None)) {
                    self.error(
                        len.pos,
                        "invalid use of [...] array (outside a composite literal)",
                    );
                    return T_INVALID;
                }
                let n = self.array_len(len);
                let t = self.type_expr(elem);
                match n {
                    Some(n) if t != T_INVALID => self.tys().array(n, t),
                    _ => T_INVALID,
                }
            }
            ExprKind::StructType(fields) => {
                let mut out: Vec<StructField> = Vec::new();
                let mut seen: HashMap<String, ()> = HashMap::new();
                for fd in fields {
                    let t = self.type_expr(&fd.ty);
                    let t = self.check_value_type(&fd.ty, t);
                    let names: Vec<(String, Pos, bool)> = if fd.names.is_empty() {
                        let base = match &fd.ty.kind {
                            ExprKind::Star(x) => x,
                            _ => &fd.ty,
                        };
                        // `B[T]` embeds the instance under the name B.
                        let base = match &base.kind {
                            ExprKind::Index(x, _) => &**x,
                            _ => base,
                        };
                        let name = match &base.kind {
                            ExprKind::Ident(n) => n.clone(),
                            ExprKind::Selector(_, sel) => sel.name.clone(),
                            _ => "?".to_string(),
                        };
                        vec![(name, fd.ty.pos, true)]
                    } else {
                        fd.names
                            .iter()
                            .map(|n| (n.name.clone(), n.pos, false))
                            .collect()
                    };
                    for (name, pos, embedded) in names {
                        if name != "_" && seen.insert(name.clone(), ()).is_some() {
                            self.error(pos, format!("{name} redeclared"));
                        }
                        out.push(StructField {
                            name,
                            ty: t,
                            embedded,
                            tag: fd.tag.clone().unwrap_or_default(),
                        });
                    }
                }
                if out.iter().any(|f| f.ty == T_INVALID) {
                    return T_INVALID;
                }
                self.tys().structure(out)
            }
            ExprKind::FuncType(ft) => {
                let sig = self.signature(ft);
                self.tys().func(sig)
            }
            ExprKind::MapType(k, v) => {
                let (kt, vt) = (self.type_expr(k), self.type_expr(v));
                if kt == T_INVALID || vt == T_INVALID {
                    return T_INVALID;
                }
                // A key type still being declared is checked when complete.
                let pending = matches!(self.info.types.kind(kt), TypeKind::Named { underlying, .. } if *underlying == T_INVALID);
                if self.info.types.is_type_param(kt) {
                    if let Some(keys) = &mut self.pending_keys {
                        keys.push((k.pos, kt));
                        return self.tys().map(kt, vt);
                    }
                }
                if !pending && !self.info.types.comparable(kt) {
                    let tn = self.tname(kt);
                    self.error(k.pos, format!("invalid map key type {tn}"));
                    return T_INVALID;
                }
                self.tys().map(kt, vt)
            }
            ExprKind::ChanType(dir, elem) => {
                let et = self.type_expr(elem);
                if et == T_INVALID {
                    return T_INVALID;
                }
                self.tys().chan(*dir, et)
            }
            ExprKind::InterfaceType(elems) => {
                let mut methods: Vec<IMethod> = Vec::new();
                // The type set's terms and `comparable`, from embedded
                // unions, non-interface types and constraint interfaces.
                let mut terms: Option<Vec<Term>> = None;
                let mut comparable = false;
                for el in elems {
                    let (name, pos, t) = match el {
                        ast::InterfaceElem::Method { name, sig } => {
                            let s = self.signature(sig);
                            let t = self.tys().func(s);
                            (name.name.clone(), name.pos, t)
                        }
                        ast::InterfaceElem::Embedded(te) if instantiate::is_union(te) => {
                            let u = self.union_terms(te);
                            terms = self.info.types.intersect_terms(terms, Some(u));
                            continue;
                        }
                        ast::InterfaceElem::Embedded(te) => {
                            let t = self.type_expr(te);
                            if t == T_INVALID {
                                continue;
                            }
                            if !self.info.types.is_interface(t) {
                                if self.info.types.is_type_param(t) {
                                    let s = self.expr_str(te);
                                    self.error(
                                        te.pos,
                                        format!("term cannot be a type parameter: {s}"),
                                    );
                                    continue;
                                }
                                let one = Some(vec![Term {
                                    tilde: false,
                                    ty: t,
                                }]);
                                terms = self.info.types.intersect_terms(terms, one);
                                continue;
                            }
                            if let TypeKind::Constraint {
                                terms: ts,
                                comparable: c,
                                ..
                            } = self.info.types.under(t).clone()
                            {
                                terms = self.info.types.intersect_terms(terms, ts);
                                comparable |= c;
                            }
                            for m in self.info.types.iface_methods(t).to_vec() {
                                match methods.iter().find(|x| x.name == m.name) {
                                    Some(x) if !self.info.types.identical(x.ty, m.ty) => {
                                        self.error(te.pos, format!("duplicate method {}", m.name));
                                    }
                                    Some(_) => {}
                                    None => methods.push(m),
                                }
                            }
                            continue;
                        }
                    };
                    if methods.iter().any(|m| m.name == name) {
                        self.error(pos, format!("duplicate method {name}"));
                        continue;
                    }
                    methods.push(IMethod { name, ty: t });
                }
                if terms.is_none() && !comparable {
                    return self.tys().interface(methods);
                }
                methods.sort_by(|a, b| a.name.cmp(&b.name));
                self.tys().intern(TypeKind::Constraint {
                    methods,
                    terms,
                    comparable,
                })
            }
            ExprKind::Selector(x, sel) => {
                let Some(pi) = self.package_operand(x) else {
                    let es = self.expr_str(e);
                    self.error(e.pos, format!("{es} is not a type"));
                    return T_INVALID;
                };
                let Some(id) = self.qualified_object(e, pi, sel) else {
                    return T_INVALID;
                };
                if self.obj(id).kind != ObjKind::TypeName {
                    let es = self.expr_str(e);
                    self.error(e.pos, format!("{es} is not a type"));
                    return T_INVALID;
                }
                let ty = self.obj(id).ty;
                if self.bare_generic_type(e, ty) {
                    return T_INVALID;
                }
                ty
            }
            ExprKind::Bad => T_INVALID,
            _ => {
                let s = self.expr_str(e);
                self.error(e.pos, format!("{s} is not a type"));
                T_INVALID
            }
        }
    }

    fn is_alias(&self, id: ObjId) -> bool {
        match self.decl_of.get(&id) {
            Some(DeclRef::Type { file, decl, spec }) => match &self.files[*file].decls[*decl] {
                Decl::Gen(GenDecl::Type(specs)) => specs[*spec].alias,
                _ => false,
            },
            _ => false,
        }
    }

    pub(crate) fn unsupported(&mut self, pos: Pos, what: &str) -> TypeId {
        self.error(pos, format!("goc does not support {what} yet"));
        T_INVALID
    }

    /// The length of an array type: a non-negative integer constant.
    pub(crate) fn array_len(&mut self, len: &Expr) -> Option<u64> {
        let op = self.expr(len);
        if op.ty == T_INVALID {
            return None;
        }
        match &op.mode {
            Mode::Const(v)
                if self.info.types.is_integer(op.ty) || self.info.types.is_untyped(op.ty) =>
            {
                match v.to_int() {
                    Some(i) => match num_traits::ToPrimitive::to_u64(&i) {
                        Some(n) if n < (1 << 40) => {
                            self.convert_untyped(len, &op, T_INT);
                            Some(n)
                        }
                        _ => {
                            let s = self.expr_str(len);
                            self.error(len.pos, format!("invalid array length {s}"));
                            None
                        }
                    },
                    None => {
                        let s = self.operand_str(len, &op);
                        self.error(len.pos, format!("array length {s} must be integer"));
                        None
                    }
                }
            }
            Mode::Const(_) => {
                let s = self.operand_str(len, &op);
                self.error(len.pos, format!("array length {s} must be integer"));
                None
            }
            _ => {
                let s = self.operand_str(len, &op);
                self.error(len.pos, format!("array length {s} must be constant"));
                None
            }
        }
    }

    pub(crate) fn signature(&mut self, ft: &ast::FuncType) -> Signature {
        let mut params = Vec::new();
        let mut variadic = false;
        for (i, p) in ft.params.iter().enumerate() {
            let t = match &p.ty.kind {
                ExprKind::Ellipsis(Some(elem)) => {
                    if i + 1 != ft.params.len() {
                        self.error(p.ty.pos, "can only use ... with final parameter in list");
                    }
                    variadic = true;
                    let e = self.type_expr(elem);
                    let s = self.tys().slice(e);
                    self.record(&p.ty, s, Mode::Type);
                    s
                }
                _ => {
                    let t = self.type_expr(&p.ty);
                    self.check_value_type(&p.ty, t)
                }
            };
            params.push(t);
        }
        let results = ft
            .results
            .iter()
            .map(|r| {
                let t = self.type_expr(&r.ty);
                self.check_value_type(&r.ty, t)
            })
            .collect();
        Signature {
            params,
            results,
            variadic,
        }
    }

    pub(super) fn const_spec(&mut self, spec: &ast::ValueSpec, objs: &[ObjId]) {
        self.iota = Some(spec.iota as i64);
        let declared = spec.ty.as_ref().map(|t| self.type_expr(t));
        if let Some(t) = declared {
            if t != T_INVALID && self.info.types.basic(t).is_none() {
                let s = self.tname(t);
                self.error(
                    spec.ty.as_ref().unwrap().pos,
                    format!("invalid constant type {s}"),
                );
            }
        }
        if spec.values.is_empty() {
            self.error(spec.pos, "missing init expr for const declaration");
        }
        for (i, &o) in objs.iter().enumerate() {
            let Some(e) = spec.values.get(i) else {
                if !spec.values.is_empty() {
                    self.error(self.obj(o).pos, "missing init expr for const declaration");
                }
                self.obj_mut(o).ty = T_INVALID;
                continue;
            };
            let op = self.expr(e);
            let (ty, val) = match (&op.mode, declared) {
                _ if op.ty == T_INVALID => (T_INVALID, Value::int(0)),
                (Mode::Const(_), Some(t)) if t != T_INVALID => {
                    let ctx = "constant declaration";
                    if self.assignable(e, &op, t, ctx) {
                        (
                            t,
                            self.info.constant(e.id).cloned().unwrap_or(Value::int(0)),
                        )
                    } else {
                        (T_INVALID, Value::int(0))
                    }
                }
                (Mode::Const(v), _) => (op.ty, v.clone()),
                _ => {
                    let s = self.operand_str(e, &op);
                    self.error(e.pos, format!("{s} is not constant"));
                    (T_INVALID, Value::int(0))
                }
            };
            let obj = self.obj_mut(o);
            obj.ty = ty;
            obj.kind = ObjKind::Const(val);
        }
        if spec.values.len() > objs.len() {
            self.error(spec.values[objs.len()].pos, "extra init expr");
        }
        self.iota = None;
    }

    /// Types and checks a var spec (package level or local): declared type
    /// and/or initial values, with Go's assignment rules.
    pub(crate) fn var_spec(&mut self, spec: &ast::ValueSpec, objs: &[ObjId]) {
        let declared = spec.ty.as_ref().map(|t| {
            let ty = self.type_expr(t);
            self.check_value_type(t, ty)
        });
        if spec.values.is_empty() {
            for &o in objs {
                self.obj_mut(o).ty = declared.unwrap_or(T_INVALID);
            }
            return;
        }
        let tys = self.assign_values(&spec.values, objs.len(), declared, "variable declaration");
        for (&o, t) in objs.iter().zip(tys) {
            self.obj_mut(o).ty = declared.unwrap_or(t);
        }
    }

    /// Opens the scope of a generic function's type parameters (or of a
    /// method's receiver type parameters, for a method of a generic type)
    /// and records them; false (and no scope) for other functions.
    fn open_func_tparams(&mut self, id: ObjId, f: &ast::FuncDecl) -> bool {
        if !f.tparams.is_empty() {
            self.scopes.push(HashMap::new());
            let tps = self.declare_tparams(&f.tparams);
            self.info.tparams.insert(id, tps);
            return true;
        }
        let Some(&(base, _)) = self.info.method_recv.get(&id) else {
            return false;
        };
        let Some(recv) = &f.recv else { return false };
        let mut te = &recv.ty;
        while let ExprKind::Paren(x) | ExprKind::Star(x) = &te.kind {
            te = x;
        }
        let (name_expr, args): (&Expr, &[Expr]) = match &te.kind {
            ExprKind::Index(b, args) => (b, args),
            _ => (te, &[]),
        };
        // The receiver's type must be declared (its type parameters known).
        if let Some(&tobj) = self.info.uses.get(&name_expr.id) {
            self.resolve(tobj);
        }
        let origin_tps = self.info.types.type_params(base).to_vec();
        if origin_tps.is_empty() && args.is_empty() {
            return false;
        }
        if args.len() != origin_tps.len() {
            let tn = self.tname(base);
            let msg = if origin_tps.is_empty() {
                format!("cannot index {tn}: {tn} is not a generic type")
            } else {
                format!(
                    "receiver declares {} type parameters, but receiver base type declares {}",
                    args.len(),
                    origin_tps.len()
                )
            };
            self.error(te.pos, msg);
            return false;
        }
        self.scopes.push(HashMap::new());
        let mut tps = Vec::new();
        for a in args {
            let ExprKind::Ident(name) = &a.kind else {
                let s = self.expr_str(a);
                self.error(
                    a.pos,
                    format!("receiver type parameter {s} must be an identifier"),
                );
                continue;
            };
            let t = self.tys().new_type_param(name);
            let ident = ast::Ident {
                name: name.clone(),
                pos: a.pos,
            };
            let obj = self.declare_local(&ident, t, ObjKind::TypeName);
            self.obj_mut(obj).used = true;
            self.record(a, t, Mode::Type);
            tps.push(t);
        }
        if tps.len() == origin_tps.len() {
            let m: subst::Subst = origin_tps
                .iter()
                .copied()
                .zip(tps.iter().copied())
                .collect();
            for (&otp, &tp) in origin_tps.iter().zip(&tps) {
                if let Some(c) = self.info.types.constraint_of(otp) {
                    let c = self.tys().subst(c, &m);
                    self.tys().set_constraint(tp, c);
                }
            }
        }
        self.info.tparams.insert(id, tps);
        true
    }

    /// The receiver base type of a method as its body sees it: for a method
    /// of a generic type, the instance with the method's type parameters.
    pub(crate) fn receiver_base(&mut self, method: ObjId, base: TypeId) -> TypeId {
        match self.info.tparams.get(&method) {
            Some(tps) if !self.info.types.type_params(base).is_empty() => {
                let tps = tps.clone();
                self.tys().instantiate(base, tps)
            }
            _ => base,
        }
    }

    /// Checks every function body, each in its own scope.
    pub(super) fn check_bodies(&mut self, funcs_start: usize) {
        let files = self.files;
        let funcs = self.info.funcs[funcs_start..].to_vec();
        for entry in funcs {
            self.cur_file = entry.file;
            let Decl::Func(f) = &files[entry.file].decls[entry.decl] else {
                continue;
            };
            self.resolve(entry.obj);
            let Some(body) = &f.body else { continue };
            let TypeKind::Func(sig) = self.info.types.kind(self.obj(entry.obj).ty).clone() else {
                continue;
            };
            let recv = match (&f.recv, self.info.method_recv.get(&entry.obj)) {
                (Some(r), Some(&(base, ptr))) => {
                    let base = self.receiver_base(entry.obj, base);
                    let t = if ptr { self.tys().pointer(base) } else { base };
                    Some((r, t))
                }
                (Some(_), None) => continue,
                _ => None,
            };
            let tparam_scope = self.tparam_scopes.get(&entry.obj).cloned();
            let generic = tparam_scope.is_some();
            if let Some(scope) = tparam_scope {
                self.scopes.push(scope);
                self.generic_body = Some(GenericBody::default());
            }
            self.current_decl = Some(entry.obj);
            self.func_body(recv, &f.sig, &sig, body);
            self.current_decl = None;
            if generic {
                self.scopes.pop();
                let b = self.generic_body.take().unwrap_or_default();
                self.info.generic_bodies.insert(entry.obj, b);
            }
        }
    }

    /// Records that the declaration being checked refers to a package-level
    /// variable or function (for the initialisation order).
    pub(crate) fn note_dependency(&mut self, id: ObjId) {
        let Some(cur) = self.current_decl else { return };
        match self.obj(id).kind {
            ObjKind::Var { global: true } | ObjKind::Func { .. } => {
                self.deps.entry(cur).or_default().push(id)
            }
            _ => {}
        }
    }

    /// Go's rule: repeatedly initialise the earliest variable in declaration
    /// order that depends on no uninitialised variable.
    pub(super) fn compute_init_order(&mut self) {
        if !self.errors.is_empty() {
            return;
        }
        // Package-level variable specs in declaration order.
        let mut specs: Vec<(usize, usize, usize, Vec<ObjId>)> = Vec::new();
        for &fi in &self.inputs[self.cur].files {
            let file = &self.files[fi];
            for (di, d) in file.decls.iter().enumerate() {
                if let Decl::Gen(GenDecl::Var(vs)) = d {
                    for (si, s) in vs.iter().enumerate() {
                        let objs = s.names.iter().map(|n| self.info.defs[&n.pos]).collect();
                        specs.push((fi, di, si, objs));
                    }
                }
            }
        }
        // Variables each variable depends on, through functions.
        let mut var_deps: HashMap<ObjId, HashSet<ObjId>> = HashMap::new();
        for (_, _, _, objs) in &specs {
            for &o in objs {
                let mut seen = HashSet::new();
                let mut vars = HashSet::new();
                let mut stack: Vec<ObjId> = self.deps.get(&o).cloned().unwrap_or_default();
                while let Some(d) = stack.pop() {
                    if !seen.insert(d) {
                        continue;
                    }
                    match self.obj(d).kind {
                        ObjKind::Var { .. } => {
                            vars.insert(d);
                        }
                        _ => stack.extend(self.deps.get(&d).cloned().unwrap_or_default()),
                    }
                }
                var_deps.insert(o, vars);
            }
        }
        // Units of initialisation: one per variable, or one per spec whose
        // single multi-valued expression feeds several variables. A
        // variable without an initialiser is a unit too: it counts as
        // uninitialised until its turn in declaration order comes (Go's
        // "ready for initialization"), though it has no code.
        struct Unit {
            step: InitStep,
            code: bool,
        }
        let mut units: Vec<Unit> = Vec::new();
        for (fi, di, si, objs) in &specs {
            let Decl::Gen(GenDecl::Var(vs)) = &self.files[*fi].decls[*di] else {
                unreachable!()
            };
            let spec = &vs[*si];
            let step = |vars: Vec<ObjId>, value: Option<usize>| InitStep {
                vars,
                file: *fi,
                decl: *di,
                spec: *si,
                value,
            };
            if spec.values.is_empty() {
                for &o in objs {
                    units.push(Unit {
                        step: step(vec![o], None),
                        code: false,
                    });
                }
            } else if spec.values.len() == objs.len() {
                for (i, &o) in objs.iter().enumerate() {
                    units.push(Unit {
                        step: step(vec![o], Some(i)),
                        code: true,
                    });
                }
            } else {
                units.push(Unit {
                    step: step(objs.clone(), None),
                    code: true,
                });
            }
        }
        let pending_vars: HashSet<ObjId> = units.iter().flat_map(|u| u.step.vars.clone()).collect();
        let mut done: HashSet<ObjId> = HashSet::new();
        let mut emitted = vec![false; units.len()];
        let mut order = Vec::new();
        loop {
            let next = (0..units.len()).find(|&i| {
                !emitted[i]
                    && units[i].step.vars.iter().all(|v| {
                        var_deps
                            .get(v)
                            .into_iter()
                            .flatten()
                            .all(|d| done.contains(d) || !pending_vars.contains(d))
                    })
            });
            let Some(i) = next else { break };
            emitted[i] = true;
            done.extend(units[i].step.vars.iter().copied());
            if units[i].code {
                order.push(units[i].step.clone());
            }
        }
        if let Some(i) = emitted.iter().position(|e| !e) {
            let v = units[i].step.vars[0];
            let (pos, name) = (self.obj(v).pos, self.obj(v).name.clone());
            self.error(pos, format!("initialization cycle for {name}"));
        }
        self.info.packages[self.cur].init_order = order;
    }
}

/// Whether a file imports package unsafe (which `//go:linkname` needs).
fn imports_unsafe(file: &ast::File) -> bool {
    file.imports.iter().any(|i| i.path == "unsafe")
}
