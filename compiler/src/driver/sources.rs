//! Which files make up the package being built, and what the executable is
//! called by default, following `go build`:
//!
//! - `.go` file arguments are the package, in the order given; they must all
//!   be in one directory. Build constraints do not filter them (as in Go),
//!   but a malformed `//go:build` line in one is an error, and files whose
//!   names start with `_` or `.`, and `_test.go` files, are dropped as Go
//!   drops them. The default output is the first file's base name without
//!   `.go`.
//! - a directory argument (or none: the current directory) means the
//!   `*.go` files in it, sorted by name, that [`crate::buildtags`] selects
//!   for the target and the `-tags`: not `_test.go` files, not files whose
//!   names start with `_` or `.`, not those whose `_GOOS`/`_GOARCH` name
//!   suffix or `//go:build` (else `// +build`) lines exclude the target. The
//!   default output is the directory's base name (of its absolute path, so
//!   `.` gets a real name). The packages of the module it imports are
//!   selected by the same rules ([`Module`]).
//! - a directory with no file left is Go's error, in Go's words and form:
//!   `no Go files in DIR`, `no non-test Go files in DIR` or `build
//!   constraints exclude all Go files in DIR` (DIR absolute), after
//!   `package PATH: ` for the main package of a module, after the chain
//!   of imports for an imported one, after `PATH: ` when test files
//!   were selected (Go's `go build` reports each of these differently).
//!
//! Each file's diagnostic path is the path as the user wrote it, or joined
//! to the directory as written (`./x.go` for `.` or no argument,
//! `dir/x.go` for `dir`), as Go prints them. A malformed constraint is
//! reported as Go reports it, with the file's base name and no line
//! (`x.go: parsing //go:build line: unexpected end of expression`).

use std::path::{Path, PathBuf};

use super::{io_text, Fail};
use crate::buildtags::{self, classify, Context, FileKind};
use crate::load::ImportError;
use crate::Source;

pub(crate) struct Package {
    pub sources: Vec<Source>,
    /// The executable's default name.
    pub default_name: String,
    /// The main package's import path as Go names it in messages: its path
    /// in the module, or `command-line-arguments`.
    pub main_path: String,
    /// The module the package is in (a directory build inside a go.mod
    /// tree), which provides the imports under its path.
    pub module: Option<Module>,
    /// The target and tags every package's files are selected for.
    pub ctx: Context,
}

/// A module: the directory with its go.mod and the module path declared there.
pub(crate) struct Module {
    root: PathBuf,
    path: String,
    /// How diagnostics name the root: relative to the current directory.
    shown_root: PathBuf,
    ctx: Context,
}

impl crate::load::Importer for Module {
    fn import(&self, path: &str) -> Result<(Vec<Source>, bool), ImportError> {
        let rel = if path == self.path {
            Some("")
        } else {
            path.strip_prefix(&self.path)
                .and_then(|r| r.strip_prefix('/'))
        };
        let Some(rel) = rel else {
            return crate::load::std_import(path, &self.ctx);
        };
        let dir = self.root.join(rel);
        let missing = || {
            ImportError::AtImport(format!(
                "no required module provides package {path}; to add it:\n\tgo get {path}"
            ))
        };
        if !dir.is_dir() {
            return Err(missing());
        }
        let shown = self.shown_root.join(rel);
        match read_go_files(&dir, &shown.display().to_string(), &self.ctx) {
            Ok(sources) => Ok((sources, false)),
            Err(DirError::Fail(msg)) => Err(ImportError::AtImport(msg)),
            // A directory without .go files is no package at all.
            Err(DirError::Empty { no_go: true, .. }) => Err(missing()),
            Err(DirError::Empty {
                msg, tests: true, ..
            }) => Err(ImportError::Alone(format!("{path}: {msg}"))),
            Err(DirError::Empty { msg, .. }) => Err(ImportError::Stack(msg)),
        }
    }
}

/// `path` relative to the directory `base` (both absolute and canonical):
/// `p` below it, `../../w` beside it, as Go names files in messages.
fn relative_to(path: &Path, base: &Path) -> PathBuf {
    let p: Vec<_> = path.components().collect();
    let b: Vec<_> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut rel = PathBuf::new();
    for _ in common..b.len() {
        rel.push("..");
    }
    for c in &p[common..] {
        rel.push(c);
    }
    rel
}

/// The module enclosing directory `abs`: the nearest go.mod above it and
/// its `module` line.
fn find_module(abs: &Path, ctx: &Context) -> Result<Option<Module>, Fail> {
    let Some(root) = abs.ancestors().find(|d| d.join("go.mod").is_file()) else {
        return Ok(None);
    };
    let gomod = root.join("go.mod");
    let text = std::fs::read_to_string(&gomod)
        .map_err(|e| Fail::new(format!("open {}: {}", gomod.display(), io_text(&e))))?;
    let path = text.lines().find_map(|l| {
        let l = l.split("//").next().unwrap_or("").trim();
        let rest = l.strip_prefix("module")?;
        let p = rest.trim().trim_matches('"');
        (!p.is_empty() && rest.starts_with(char::is_whitespace)).then(|| p.to_string())
    });
    let Some(path) = path else {
        return Err(Fail::new(format!(
            "go: error reading {}: no module declaration in go.mod",
            gomod.display()
        )));
    };
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|c| std::fs::canonicalize(c).ok());
    let shown_root = match cwd {
        Some(c) => relative_to(root, &c),
        None => root.to_path_buf(),
    };
    Ok(Some(Module {
        root: root.to_path_buf(),
        path,
        shown_root,
        ctx: ctx.clone(),
    }))
}

/// Loads the package named by `args` (the arguments after the flags), its
/// files selected for `ctx`.
pub(crate) fn load(args: &[String], ctx: &Context) -> Result<Package, Fail> {
    if args.iter().any(|a| a.ends_with(".go")) {
        return load_files(args, ctx);
    }
    match args {
        [] => load_dir(".", ctx),
        [dir] => load_dir(dir, ctx),
        _ => Err(Fail::goc(format!(
            "goc builds one package at a time; got {}",
            args.join(" ")
        ))),
    }
}

fn load_files(args: &[String], ctx: &Context) -> Result<Package, Fail> {
    if let Some(a) = args.iter().find(|a| !a.ends_with(".go")) {
        return Err(Fail::new(format!("named files must be .go files: {a}")));
    }
    let dir_of = |a: &str| -> PathBuf {
        match Path::new(a).parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    };
    let first_dir = dir_of(&args[0]);
    if let Some(a) = args.iter().find(|a| dir_of(a) != first_dir) {
        return Err(Fail::new(format!(
            "named files must all be in one directory; have {} and {}",
            first_dir.display(),
            dir_of(a).display()
        )));
    }
    let mut sources = Vec::new();
    let mut tests = false;
    for a in args {
        let meta =
            std::fs::metadata(a).map_err(|e| Fail::new(format!("stat {a}: {}", io_text(&e))))?;
        if meta.is_dir() {
            return Err(Fail::new(format!("{a} is a directory, not a .go file")));
        }
        let name = Path::new(a)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('_') || name.starts_with('.') {
            continue;
        }
        let text = std::fs::read(a).map_err(|e| Fail::new(format!("open {a}: {}", io_text(&e))))?;
        // Named files are built whatever their constraints say, but the
        // constraints must parse.
        buildtags::should_build(&text, ctx).map_err(|e| Fail::new(format!("{name}: {e}")))?;
        if name.ends_with("_test.go") {
            tests = true;
            continue;
        }
        sources.push(Source {
            path: a.clone(),
            text,
        });
    }
    if sources.is_empty() {
        if tests {
            return Err(Fail::new("no packages to build"));
        }
        let abs = std::fs::canonicalize(&first_dir).unwrap_or(first_dir);
        return Err(Fail::new(format!(
            "package command-line-arguments: no Go files in {}",
            abs.display()
        )));
    }
    let first = Path::new(&args[0]);
    let default_name = first
        .file_name()
        .map(|n| n.to_string_lossy().trim_end_matches(".go").to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "a.out".to_string());
    Ok(Package {
        sources,
        default_name,
        main_path: "command-line-arguments".into(),
        module: None,
        ctx: ctx.clone(),
    })
}

fn load_dir(dir: &str, ctx: &Context) -> Result<Package, Fail> {
    let meta =
        std::fs::metadata(dir).map_err(|e| Fail::new(format!("stat {dir}: {}", io_text(&e))))?;
    if !meta.is_dir() {
        return Err(Fail::new(format!("named files must be .go files: {dir}")));
    }
    let abs = std::fs::canonicalize(dir).unwrap_or_else(|_| PathBuf::from(dir));
    // Go names files of `./x` as `x/f.go`, but those of `.` as `./f.go`.
    let shown = match dir.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest,
        _ => dir,
    };
    let module = find_module(&abs, ctx)?;
    let main_path = match &module {
        Some(m) => match abs.strip_prefix(&m.root) {
            Ok(rel) if rel.as_os_str().is_empty() => m.path.clone(),
            Ok(rel) => format!("{}/{}", m.path, rel.display()),
            Err(_) => "command-line-arguments".into(),
        },
        None => "command-line-arguments".into(),
    };
    let sources = match read_go_files(Path::new(dir), shown, ctx) {
        Ok(s) => s,
        Err(DirError::Fail(msg)) => return Err(Fail::new(msg)),
        // Outside a module (which go build refuses) the bare message.
        Err(DirError::Empty { msg, .. }) if module.is_none() => return Err(Fail::new(msg)),
        Err(DirError::Empty {
            msg, tests: true, ..
        }) => return Err(Fail::new(format!("{main_path}: {msg}"))),
        Err(DirError::Empty {
            msg,
            excluded: false,
            ..
        }) => return Err(Fail::new(msg)),
        Err(DirError::Empty { msg, .. }) => {
            return Err(Fail::new(format!("package {main_path}: {msg}")))
        }
    };
    let default_name = abs
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "a.out".to_string());
    Ok(Package {
        sources,
        default_name,
        main_path,
        module,
        ctx: ctx.clone(),
    })
}

/// Why a directory gives no package.
enum DirError {
    /// It cannot be read, or a file's constraint is malformed: the message.
    Fail(String),
    /// No file is part of the package. `msg` is Go's (`build constraints
    /// exclude all Go files in DIR`...), `no_go`: the directory has no
    /// `.go` file at all, `excluded`: constraints excluded some, `tests`:
    /// test files were selected; where the message is printed depends on
    /// them (see the module comment).
    Empty {
        msg: String,
        no_go: bool,
        excluded: bool,
        tests: bool,
    },
}

/// The package files of a directory (see the module comment), named in
/// diagnostics as joined to `shown`.
fn read_go_files(dir: &Path, shown: &str, ctx: &Context) -> Result<Vec<Source>, DirError> {
    let abs = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let entries = std::fs::read_dir(dir)
        .map_err(|e| DirError::Fail(format!("open {}: {}", dir.display(), io_text(&e))))?;
    let mut names = Vec::new();
    for e in entries {
        let e = e.map_err(|e| DirError::Fail(format!("reading {shown}: {}", io_text(&e))))?;
        let Ok(name) = e.file_name().into_string() else {
            continue;
        };
        // A symbolic link to a file counts, as in Go.
        let is_file = std::fs::metadata(e.path())
            .map(|m| m.is_file())
            .unwrap_or(false);
        if is_file && name.ends_with(".go") {
            names.push(name);
        }
    }
    names.sort();
    let (mut excluded, mut tests) = (false, false);
    let mut sources = Vec::new();
    for n in &names {
        let shown = Path::new(shown).join(n).display().to_string();
        let read =
            || std::fs::read(dir.join(n)).map_err(|e| format!("open {shown}: {}", io_text(&e)));
        match classify(n, read, ctx).map_err(DirError::Fail)? {
            (FileKind::Package, Some(text)) => sources.push(Source { path: shown, text }),
            (FileKind::Excluded, _) => excluded = true,
            (FileKind::Test, _) => tests = true,
            _ => {}
        }
    }
    if sources.is_empty() {
        let why = if excluded {
            "build constraints exclude all Go files in"
        } else if tests {
            "no non-test Go files in"
        } else {
            "no Go files in"
        };
        return Err(DirError::Empty {
            msg: format!("{why} {}", abs.display()),
            no_go: names.is_empty(),
            excluded,
            tests,
        });
    }
    Ok(sources)
}
