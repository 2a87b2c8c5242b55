//! Which files make up the package being built, and what the executable is
//! called by default, following `go build`:
//!
//! - `.go` file arguments are the package, in the order given; they must all
//!   be in one directory. The default output is the first file's base name
//!   without `.go`.
//! - a directory argument (or none: the current directory) means every
//!   `*.go` file in it, sorted by name, except `_test.go` files, files whose
//!   names start with `_` or `.`, and files whose `_GOOS`, `_GOARCH` or
//!   `_GOOS_GOARCH` name suffix excludes the target (`//go:build` lines are
//!   not read). The default output is the directory's base name (of its
//!   absolute path, so `.` gets a real name).
//!
//! Each file's diagnostic path is the path as the user wrote it, or joined
//! to the directory as written (`./x.go` for `.` or no argument,
//! `dir/x.go` for `dir`), as Go prints them.

use std::path::{Path, PathBuf};

use super::{io_text, Fail};
use crate::link::Target;
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
}

/// A module: the directory with its go.mod and the module path declared there.
pub(crate) struct Module {
    root: PathBuf,
    path: String,
    /// How diagnostics name the root: relative to the current directory.
    shown_root: PathBuf,
    target: Target,
}

impl crate::load::Importer for Module {
    fn import(&self, path: &str) -> Result<(Vec<Source>, bool), String> {
        let rel = if path == self.path {
            Some("")
        } else {
            path.strip_prefix(&self.path)
                .and_then(|r| r.strip_prefix('/'))
        };
        let Some(rel) = rel else {
            return crate::load::std_import(path);
        };
        let dir = self.root.join(rel);
        if !dir.is_dir() {
            return Err(format!(
                "no required module provides package {path}; to add it:\n\tgo get {path}"
            ));
        }
        let shown = self.shown_root.join(rel);
        let sources = read_go_files(&dir, &shown.display().to_string(), self.target)
            .map_err(|f| f.msg.trim_end().to_string())?;
        Ok((sources, false))
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
fn find_module(abs: &Path, target: Target) -> Result<Option<Module>, Fail> {
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
        target,
    }))
}

/// Loads the package named by `args` (the arguments after the flags).
pub(crate) fn load(args: &[String], target: Target) -> Result<Package, Fail> {
    if args.iter().any(|a| a.ends_with(".go")) {
        return load_files(args);
    }
    match args {
        [] => load_dir(".", target),
        [dir] => load_dir(dir, target),
        _ => Err(Fail::goc(format!(
            "goc builds one package at a time; got {}",
            args.join(" ")
        ))),
    }
}

fn load_files(args: &[String]) -> Result<Package, Fail> {
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
    for a in args {
        let meta =
            std::fs::metadata(a).map_err(|e| Fail::new(format!("stat {a}: {}", io_text(&e))))?;
        if meta.is_dir() {
            return Err(Fail::new(format!("{a} is a directory, not a .go file")));
        }
        let text = std::fs::read(a).map_err(|e| Fail::new(format!("open {a}: {}", io_text(&e))))?;
        sources.push(Source {
            path: a.clone(),
            text,
        });
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
    })
}

fn load_dir(dir: &str, target: Target) -> Result<Package, Fail> {
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
    let sources = read_go_files(Path::new(dir), shown, target)?;
    let default_name = abs
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "a.out".to_string());
    let module = find_module(&abs, target)?;
    let main_path = match &module {
        Some(m) => match abs.strip_prefix(&m.root) {
            Ok(rel) if rel.as_os_str().is_empty() => m.path.clone(),
            Ok(rel) => format!("{}/{}", m.path, rel.display()),
            Err(_) => "command-line-arguments".into(),
        },
        None => "command-line-arguments".into(),
    };
    Ok(Package {
        sources,
        default_name,
        main_path,
        module,
    })
}

/// The package files of a directory (see the module comment), named in
/// diagnostics as joined to `shown`.
fn read_go_files(dir: &Path, shown: &str, target: Target) -> Result<Vec<Source>, Fail> {
    let abs = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Fail::new(format!("open {}: {}", dir.display(), io_text(&e))))?;
    let mut names = Vec::new();
    for e in entries {
        let e = e.map_err(|e| Fail::new(format!("reading {shown}: {}", io_text(&e))))?;
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
    if names.is_empty() {
        return Err(Fail::new(format!("no Go files in {}", abs.display())));
    }
    let ignored = |n: &String| n.starts_with('_') || n.starts_with('.');
    let tests = |n: &String| n.ends_with("_test.go");
    let kept: Vec<&String> = names
        .iter()
        .filter(|n| !ignored(n) && !tests(n) && matches_target(n, target))
        .collect();
    if kept.is_empty() {
        let msg = if names.iter().all(|n| ignored(n) || tests(n)) {
            if names.iter().any(|n| !ignored(n)) {
                format!("no non-test Go files in {}", abs.display())
            } else {
                format!("no Go files in {}", abs.display())
            }
        } else {
            format!(
                "build constraints exclude all Go files in {}",
                abs.display()
            )
        };
        return Err(Fail::new(msg));
    }
    let mut sources = Vec::new();
    for n in kept {
        let path = dir.join(n);
        let shown = Path::new(shown).join(n).display().to_string();
        let text = std::fs::read(&path)
            .map_err(|e| Fail::new(format!("open {shown}: {}", io_text(&e))))?;
        sources.push(Source { path: shown, text });
    }
    Ok(sources)
}

const KNOWN_OS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "wasip1",
    "windows",
    "zos",
];

const KNOWN_ARCH: &[&str] = &[
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "armbe",
    "arm64",
    "arm64be",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "ppc64",
    "ppc64le",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "sparc",
    "sparc64",
    "wasm",
];

/// Go's file-name build constraints: `name_GOOS.go`, `name_GOARCH.go`,
/// `name_GOOS_GOARCH.go` (the whole name must have a part before them).
fn matches_target(name: &str, target: Target) -> bool {
    let stem = name.trim_end_matches(".go");
    let parts: Vec<&str> = stem.split('_').collect();
    let n = parts.len();
    let os_ok = |s: &str| s == "linux";
    let arch_ok = |s: &str| s == target.goarch();
    if n >= 3 && KNOWN_OS.contains(&parts[n - 2]) && KNOWN_ARCH.contains(&parts[n - 1]) {
        return os_ok(parts[n - 2]) && arch_ok(parts[n - 1]);
    }
    if n >= 2 {
        let last = parts[n - 1];
        if KNOWN_OS.contains(&last) {
            return os_ok(last);
        }
        if KNOWN_ARCH.contains(&last) {
            return arch_ok(last);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_name_constraints() {
        let t = Target::X86_64;
        assert!(matches_target("main.go", t));
        assert!(matches_target("x_linux.go", t));
        assert!(matches_target("x_amd64.go", t));
        assert!(matches_target("x_linux_amd64.go", t));
        assert!(!matches_target("x_windows.go", t));
        assert!(!matches_target("x_arm64.go", t));
        assert!(!matches_target("x_linux_arm64.go", t));
        assert!(matches_target("x_linux_arm64.go", Target::Aarch64));
        // A name that is only a constraint is not one (Go's rule).
        assert!(matches_target("windows.go", t));
        assert!(matches_target("my_file.go", t));
    }
}
