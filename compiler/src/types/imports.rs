//! Imports and qualified identifiers.
//!
//! A dot-import (`import . "strings"`) instead makes the package's
//! exported names visible unqualified in the file, after the package scope
//! and before the universe; its use is tracked in `dot_used`.
//!
//! Each import declares a package name in its file's scope (an object of
//! kind [`ObjKind::PkgName`]), which sits between the package scope and the
//! universe; only `pkg.Name` selectors may use it. The imported package was
//! checked before (packages come in dependency order), so its package scope
//! is complete: a qualified identifier is that scope's object, recorded in
//! [`Info::uses`] under the selector expression's id, exactly as an
//! identifier would be. A name the package does not declare is
//! `undefined: p.x` (with a hint `(but have X)` when an exported name
//! differs only in case); one it declares unexported is `name x not
//! exported by package p`, as Go's type checker says. (go build sees only
//! export data, which holds unexported objects only when an inlinable
//! exported function refers to them, and says `undefined` for the others;
//! goc, with every package's source, always gives the precise message.)
//! An import whose name is never used is an error, in Go's words, at the
//! import spec. Unexported fields and methods of another package's types
//! are private too: selecting them, or naming or filling them in a struct
//! literal, is an error (`t.b undefined (cannot refer to unexported field
//! b)`).

use super::*;
use crate::syntax::ast::{Expr, ExprKind};

/// Whether a package-level name is visible from other packages.
pub(crate) fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

impl Checker<'_> {
    /// Declares the package names `file` imports in its file scope.
    pub(super) fn collect_imports(&mut self, fi: usize, file: &ast::File) {
        for imp in &file.imports {
            let Some(&pi) = self.pkg_index.get(&imp.path) else {
                // The loader resolves every import before checking.
                self.error(imp.path_pos, format!("package {} is not in std", imp.path));
                continue;
            };
            let name = match &imp.name {
                Some(n) if n.name == "." => {
                    let id = self.new_obj(".", imp.pos, T_INVALID, ObjKind::PkgName(pi as u32));
                    self.dot_imports.entry(fi).or_default().push((pi, id));
                    self.imports.push((id, imp.clone()));
                    continue;
                }
                Some(n) => n.name.clone(),
                None => self.info.packages[pi].name.clone(),
            };
            let id = self.new_obj(&name, imp.pos, T_INVALID, ObjKind::PkgName(pi as u32));
            if name == "_" {
                continue;
            }
            let scope = self.file_scopes.entry(fi).or_default();
            if let Some(&prev) = scope.get(&name) {
                let prev_pos = self.obj(prev).pos;
                let msg = format!(
                    "{name} redeclared in this block\n\t{}: other declaration of {name}",
                    self.pos_string(prev_pos)
                );
                self.error(imp.pos, msg);
                continue;
            }
            scope.insert(name, id);
            self.imports.push((id, imp.clone()));
        }
    }

    /// `"strings" imported and not used`, `"math" imported as m and not used`.
    pub(super) fn unused_imports(&mut self) {
        for (id, imp) in std::mem::take(&mut self.imports) {
            if self.obj(id).used || self.dot_used.borrow().contains(&id) {
                continue;
            }
            let ObjKind::PkgName(pi) = self.obj(id).kind else {
                continue;
            };
            let real = &self.info.packages[pi as usize].name;
            let msg = match &imp.name {
                Some(n) if n.name != *real && n.name != "." => {
                    format!("{:?} imported as {} and not used", imp.path, n.name)
                }
                _ => format!("{:?} imported and not used", imp.path),
            };
            self.error(imp.pos, msg);
        }
    }

    /// The package a selector's operand names, if it is an imported
    /// package's name (marking the import used).
    pub(crate) fn package_operand(&mut self, x: &Expr) -> Option<usize> {
        let ExprKind::Ident(name) = &x.kind else {
            return None;
        };
        let id = self.lookup(name)?;
        let ObjKind::PkgName(pi) = self.obj(id).kind else {
            return None;
        };
        self.obj_mut(id).used = true;
        Some(pi as usize)
    }

    /// The object `pkg.sel` denotes, recorded as the selector's use; reports
    /// Go's error when the package has no such exported name.
    pub(crate) fn qualified_object(
        &mut self,
        e: &Expr,
        pi: usize,
        sel: &ast::Ident,
    ) -> Option<ObjId> {
        let found = self.pkg_scopes[pi].get(&sel.name).copied();
        if found.is_some() && !is_exported(&sel.name) {
            let pkg = &self.info.packages[pi].name;
            let msg = format!("name {} not exported by package {pkg}", sel.name);
            self.error(sel.pos, msg);
            return None;
        }
        let Some(id) = found else {
            let lower = sel.name.to_lowercase();
            let mut similar: Vec<&String> = self.pkg_scopes[pi]
                .keys()
                .filter(|k| is_exported(k) && k.to_lowercase() == lower)
                .collect();
            similar.sort();
            let hint = similar
                .first()
                .map(|k| format!(" (but have {k})"))
                .unwrap_or_default();
            let es = self.expr_str(e);
            self.error(sel.pos, format!("undefined: {es}{hint}"));
            return None;
        };
        self.info.uses.insert(e.id, id);
        Some(id)
    }

    /// Whether `t` (or what it points to) is a defined type of another
    /// package, whose unexported fields this package may not use.
    pub(crate) fn declared_elsewhere(&self, t: TypeId) -> bool {
        let t = match self.info.types.kind(t) {
            TypeKind::Pointer(e) => *e,
            _ => t,
        };
        matches!(self.info.types.kind(t), TypeKind::Named { pkg, .. } if pkg != self.pkg_name())
    }

    /// An exported name of a package the current file dot-imports.
    pub(crate) fn dot_lookup(&self, name: &str) -> Option<ObjId> {
        if !is_exported(name) {
            return None;
        }
        for &(pi, imp) in self.dot_imports.get(&self.cur_file)? {
            if let Some(&id) = self.pkg_scopes[pi].get(name) {
                self.dot_used.borrow_mut().insert(imp);
                return Some(id);
            }
        }
        None
    }

    /// A package-level name may not also come from an import of one of the
    /// package's files (Go reports it at the package-level declaration).
    pub(super) fn import_conflicts(&mut self) {
        let mut found = Vec::new();
        for (fi, scope) in &self.file_scopes {
            if !self.inputs[self.cur].files.contains(fi) {
                continue;
            }
            for (name, &imp) in scope {
                if let Some(&decl) = self.package_scope.get(name) {
                    if let ObjKind::PkgName(pi) = self.obj(imp).kind {
                        found.push((decl, name.clone(), pi as usize, "import", imp));
                    }
                }
            }
        }
        for (fi, dots) in &self.dot_imports {
            if !self.inputs[self.cur].files.contains(fi) {
                continue;
            }
            for &(pi, _) in dots {
                for (name, &other) in &self.pkg_scopes[pi] {
                    if let (true, Some(&decl)) = (is_exported(name), self.package_scope.get(name)) {
                        found.push((decl, name.clone(), pi, "dot-import", other));
                    }
                }
            }
        }
        found.sort_by_key(|f| self.obj(f.0).pos);
        // The package-level name hides the import everywhere, so it is
        // also unused, as Go reports.
        let hidden: Vec<ObjId> = found
            .iter()
            .filter(|f| f.3 == "import")
            .map(|f| f.4)
            .collect();
        let imports = std::mem::take(&mut self.imports);
        self.imports = imports
            .iter()
            .filter(|(id, _)| hidden.contains(id))
            .cloned()
            .collect();
        self.unused_imports();
        self.imports = imports;
        for (decl, name, pi, how, other) in found {
            let pkg = &self.info.packages[pi];
            let msg = format!(
                "{name} already declared through {how} of package {} ({:?})\n\t{}: other declaration of {name}",
                pkg.name,
                pkg.path,
                self.pos_string(self.obj(other).pos)
            );
            let pos = self.obj(decl).pos;
            self.error(pos, msg);
        }
    }
}
