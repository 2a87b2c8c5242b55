//! The program's packages: from the main package's files, every package it
//! imports, directly or not, found through an [`Importer`], parsed once and
//! put in Go's initialisation order.
//!
//! Imports are followed depth first in source order; a package met again
//! while it is still being loaded is an import cycle, reported as `go build`
//! does (`package P\n\timports Q from f.go\n...: import cycle not allowed`).
//! An import nobody provides is an error at the import's path literal; a
//! package whose build constraints exclude every file is reported after
//! the chain of imports that reached it, as `go build` does. The importer
//! selects a package's files ([`crate::buildtags`]): the module's
//! directories in driver/sources.rs, the embedded standard library in
//! [`std_import`], for the same target and tags.
//! The order (Go 1.21's rule): repeatedly, among the packages sorted by
//! import path, the first one whose imports are all initialised; the main
//! package, which imports everything else, comes last. The checker receives
//! the packages in that order, so each package is checked after its imports.

use std::collections::HashMap;

use crate::diag::Diag;
use crate::syntax::{self, ast};
use crate::types::PackageInput;
use crate::Source;

/// Where the packages of import paths come from.
pub trait Importer {
    /// The files of the package with this import path (those its build
    /// constraints select) and whether it is a standard package; or why
    /// it cannot be imported.
    fn import(&self, path: &str) -> Result<(Vec<Source>, bool), ImportError>;
}

/// Why an import failed, by where Go reports it.
#[derive(Debug, PartialEq, Eq)]
pub enum ImportError {
    /// At the import's path: `f.go:L:C: package x is not in std`.
    AtImport(String),
    /// After the chain of imports that led to the package: `package
    /// main/path\n\timports a\n\timports b: build constraints exclude all
    /// Go files in DIR`.
    Stack(String),
    /// Alone, as is (`x/t: no non-test Go files in DIR`).
    Alone(String),
}

/// Only the embedded standard library (for a build of files outside a
/// module), its files selected for this build context.
pub struct StdImporter(pub crate::buildtags::Context);

impl Importer for StdImporter {
    fn import(&self, path: &str) -> Result<(Vec<Source>, bool), ImportError> {
        std_import(path, &self.0)
    }
}

/// A standard package, its files selected for `ctx` by their names and
/// build constraints; or Go's message for a path that is none.
pub fn std_import(
    path: &str,
    ctx: &crate::buildtags::Context,
) -> Result<(Vec<Source>, bool), ImportError> {
    use crate::buildtags::{classify, FileKind};
    let Some(files) = crate::stdlib::package(path) else {
        return Err(ImportError::AtImport(
            if path.split('/').next().is_some_and(|p| p.contains('.')) {
                format!("no required module provides package {path}; to add it:\n\tgo get {path}")
            } else {
                format!("package {path} is not in std")
            },
        ));
    };
    let mut kept = Vec::new();
    for Source { path: file, text } in files {
        let name = file.rsplit('/').next().unwrap_or_default().to_string();
        match classify(&name, || Ok(text), ctx) {
            Ok((FileKind::Package, Some(text))) => kept.push(Source { path: file, text }),
            Ok(_) => {}
            Err(e) => return Err(ImportError::AtImport(e)),
        }
    }
    if kept.is_empty() {
        return Err(ImportError::Stack(format!(
            "build constraints exclude all Go files in $GOROOT/src/{path}"
        )));
    }
    Ok((kept, true))
}

/// The loaded program: every file (the main package's first, in the order
/// given) and the packages in initialisation order.
pub struct Loaded {
    pub sources: Vec<Source>,
    pub files: Vec<ast::File>,
    pub packages: Vec<PackageInput>,
}

struct Loader<'a> {
    importer: &'a dyn Importer,
    sources: Vec<Source>,
    files: Vec<ast::File>,
    next_id: u32,
    /// Packages by import path: files, std, imports (paths).
    pkgs: HashMap<String, (Vec<usize>, bool, Vec<String>)>,
    /// The import chain being loaded: (path, file the next import is in).
    stack: Vec<(String, String)>,
    errors: Vec<Diag>,
    /// An import cycle or a syntax error: reported alone.
    fatal: Option<Vec<String>>,
}

/// Loads the main package (`main_path` as Go names it in messages: the
/// module path, or `command-line-arguments`) and everything it imports.
pub fn load(
    main_sources: Vec<Source>,
    main_path: &str,
    importer: &dyn Importer,
) -> Result<Loaded, Vec<String>> {
    let mut l = Loader {
        importer,
        sources: Vec::new(),
        files: Vec::new(),
        next_id: 0,
        pkgs: HashMap::new(),
        stack: Vec::new(),
        errors: Vec::new(),
        fatal: None,
    };
    let main_files = l.parse(main_sources)?;
    l.stack.push((main_path.to_string(), String::new()));
    let imports = l.follow_imports(&main_files);
    l.pkgs
        .insert("main".to_string(), (main_files, false, imports));
    if let Some(e) = l.fatal {
        return Err(e);
    }
    if !l.errors.is_empty() {
        let paths: Vec<String> = l.sources.iter().map(|s| s.path.clone()).collect();
        l.errors.sort_by_key(|d| d.pos);
        return Err(l.errors.iter().map(|d| d.render(&paths)).collect());
    }
    let packages = init_order(&l.pkgs);
    Ok(Loaded {
        sources: l.sources,
        files: l.files,
        packages,
    })
}

impl Loader<'_> {
    fn parse(&mut self, sources: Vec<Source>) -> Result<Vec<usize>, Vec<String>> {
        let mut idx = Vec::new();
        for s in sources {
            let i = self.sources.len();
            let f = syntax::parse_file(&s.path, &s.text, i as u32, &mut self.next_id);
            self.sources.push(s);
            match f {
                Ok(f) => {
                    self.files.push(f);
                    idx.push(i);
                }
                Err(ds) => {
                    let paths: Vec<String> = self.sources.iter().map(|s| s.path.clone()).collect();
                    return Err(ds.iter().map(|d| d.render(&paths)).collect());
                }
            }
        }
        Ok(idx)
    }

    /// Loads every package the files import; returns their import paths.
    fn follow_imports(&mut self, files: &[usize]) -> Vec<String> {
        let mut imports = Vec::new();
        for &fi in files {
            let specs = self.files[fi].imports.clone();
            let base = self.sources[fi]
                .path
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string();
            for imp in specs {
                if self.fatal.is_some() {
                    return imports;
                }
                if !imports.contains(&imp.path) {
                    imports.push(imp.path.clone());
                }
                if self.stack.iter().any(|(p, _)| *p == imp.path) {
                    let mut msg = format!("package {}", self.stack[0].0);
                    for k in 1..self.stack.len() {
                        let (p, _) = &self.stack[k];
                        let from = &self.stack[k - 1].1;
                        msg.push_str(&format!("\n\timports {p} from {from}"));
                    }
                    msg.push_str(&format!(
                        "\n\timports {} from {base}: import cycle not allowed",
                        imp.path
                    ));
                    self.fatal = Some(vec![msg]);
                    return imports;
                }
                if self.pkgs.contains_key(&imp.path) {
                    continue;
                }
                if imp.path == "unsafe" {
                    // No files: the checker makes its scope.
                    self.pkgs
                        .insert(imp.path.clone(), (Vec::new(), true, Vec::new()));
                    continue;
                }
                let from_std = self
                    .stack
                    .last()
                    .is_some_and(|(p, _)| crate::stdlib::is_std(p));
                if !from_std
                    && crate::stdlib::is_std(&imp.path)
                    && crate::stdlib::is_internal(&imp.path)
                {
                    self.errors.push(Diag::new(
                        imp.path_pos,
                        format!("package {} is not in std", imp.path),
                    ));
                    continue;
                }
                match self.importer.import(&imp.path) {
                    Err(ImportError::AtImport(msg)) => {
                        self.errors.push(Diag::new(imp.path_pos, msg))
                    }
                    Err(ImportError::Stack(msg)) => {
                        let mut s = format!("package {}", self.stack[0].0);
                        for (p, _) in &self.stack[1..] {
                            s.push_str(&format!("\n\timports {p}"));
                        }
                        s.push_str(&format!("\n\timports {}: {msg}", imp.path));
                        self.fatal = Some(vec![s]);
                        return imports;
                    }
                    Err(ImportError::Alone(msg)) => {
                        self.fatal = Some(vec![msg]);
                        return imports;
                    }
                    Ok((sources, std)) => {
                        let idx = match self.parse(sources) {
                            Ok(idx) => idx,
                            Err(e) => {
                                self.fatal = Some(e);
                                return imports;
                            }
                        };
                        self.stack.last_mut().unwrap().1 = base.clone();
                        self.stack.push((imp.path.clone(), String::new()));
                        let sub = self.follow_imports(&idx);
                        self.stack.pop();
                        self.pkgs.insert(imp.path.clone(), (idx, std, sub));
                    }
                }
            }
        }
        imports
    }
}

/// Go's package initialisation order (see the module comment).
fn init_order(pkgs: &HashMap<String, (Vec<usize>, bool, Vec<String>)>) -> Vec<PackageInput> {
    let mut paths: Vec<&String> = pkgs.keys().filter(|p| *p != "main").collect();
    paths.sort();
    let mut done: Vec<String> = Vec::new();
    let mut out = Vec::new();
    while done.len() < paths.len() {
        let Some(next) = paths
            .iter()
            .find(|p| !done.contains(p) && pkgs[p.as_str()].2.iter().all(|d| done.contains(d)))
        else {
            break;
        };
        done.push(next.to_string());
        let (files, std, _) = &pkgs[next.as_str()];
        out.push(PackageInput {
            path: next.to_string(),
            files: files.clone(),
            std: *std,
        });
    }
    let (files, std, _) = &pkgs["main"];
    out.push(PackageInput {
        path: "main".into(),
        files: files.clone(),
        std: *std,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::buildtags::Context;
    use crate::link::Target;

    /// The embedded packages have no constraints yet: selection keeps every
    /// file, for both targets.
    #[test]
    fn std_packages_keep_every_file() {
        for t in Target::ALL {
            let ctx = Context::new(t, &[]);
            for path in crate::stdlib::paths() {
                let all = crate::stdlib::package(path).unwrap();
                let (kept, std) = std_import(path, &ctx).unwrap();
                assert!(std);
                let names = |v: &[Source]| v.iter().map(|s| s.path.clone()).collect::<Vec<_>>();
                assert_eq!(names(&kept), names(&all), "{path}");
            }
        }
        let ctx = Context::new(Target::X86_64, &[]);
        assert!(matches!(
            std_import("no/such", &ctx),
            Err(ImportError::AtImport(m)) if m == "package no/such is not in std"
        ));
    }

    /// A package of `a` importing `b`, importing `c`, which fails with `err`.
    struct Chain(fn() -> ImportError);

    impl Importer for Chain {
        fn import(&self, path: &str) -> Result<(Vec<Source>, bool), ImportError> {
            let file = |text: &str| Source {
                path: format!("{path}/x.go"),
                text: text.as_bytes().to_vec(),
            };
            match path {
                "m/b" => Ok((vec![file("package b\n\nimport _ \"m/c\"\n")], false)),
                "m/c" => Err((self.0)()),
                _ => Err(ImportError::AtImport(format!(
                    "package {path} is not in std"
                ))),
            }
        }
    }

    fn load_chain(err: fn() -> ImportError) -> Vec<String> {
        let main = Source {
            path: "main.go".into(),
            text: b"package main\n\nimport _ \"m/b\"\n\nfunc main() {}\n".to_vec(),
        };
        match load(vec![main], "m", &Chain(err)) {
            Ok(_) => panic!("loaded"),
            Err(e) => e,
        }
    }

    #[test]
    fn import_errors_where_go_reports_them() {
        assert_eq!(
            load_chain(|| ImportError::Stack("build constraints exclude all Go files in /c".into())),
            ["package m\n\timports m/b\n\timports m/c: build constraints exclude all Go files in /c"]
        );
        assert_eq!(
            load_chain(|| ImportError::Alone("m/c: no non-test Go files in /c".into())),
            ["m/c: no non-test Go files in /c"]
        );
        assert_eq!(
            load_chain(|| ImportError::AtImport(
                "x.go: parsing //go:build line: missing close paren".into()
            )),
            ["m/b/x.go:3:10: x.go: parsing //go:build line: missing close paren"]
        );
    }
}
