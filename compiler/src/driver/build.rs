//! `goc build` and `goc run`: sources → [`crate::compile_to_ir`] →
//! [`crate::codegen::compile`] → [`crate::link::link`] → an executable
//! (and, for run, the program run from a temporary directory).

use std::path::{Path, PathBuf};
use std::process::Command;

use super::flags::{self, Cmd, Flags};
use super::sources::{self, Package};
use super::{io_text, target, CmdResult, Fail};
use crate::buildtags::Context;
use crate::link::{self, Target};

/// Go's compiler stops after this many errors.
const MAX_ERRORS: usize = 10;

pub(crate) fn build(args: &[String]) -> CmdResult {
    let (f, rest) = flags::parse(args, Cmd::Build)?;
    let target = target::resolve(f.target.as_deref())?;
    let ctx = Context::new(target, &f.tags);
    if f.emit_ir {
        let pkg = sources::load(rest, &ctx)?;
        return emit_ir(&pkg);
    }
    target::require_runtime(target)?;
    let pkg = sources::load(rest, &ctx)?;
    // Compile errors come before complaints about the output file.
    let prog = front_end(&pkg)?;
    let out = output_path(&f, &pkg)?;
    back_end(&prog, target, &out)?;
    Ok(0)
}

pub(crate) fn run(args: &[String]) -> CmdResult {
    let (f, rest) = flags::parse(args, Cmd::Run)?;
    // The package: the leading .go files, else one directory.
    let nfiles = rest.iter().take_while(|a| a.ends_with(".go")).count();
    let (pkg_args, mut prog_args) = match (nfiles, rest.first()) {
        (0, None) => return Err(Fail::goc("no go files listed")),
        (0, Some(_)) => rest.split_at(1),
        (n, _) => rest.split_at(n),
    };
    if prog_args.first().map(String::as_str) == Some("--") {
        prog_args = &prog_args[1..];
    }
    let target = target::resolve(f.target.as_deref())?;
    let ctx = Context::new(target, &f.tags);
    if f.emit_ir {
        let pkg = sources::load(pkg_args, &ctx)?;
        return emit_ir(&pkg);
    }
    target::require_runtime(target)?;
    let pkg = sources::load(pkg_args, &ctx)?;
    let tmp = TempDir::new()?;
    let exe = tmp.0.join(&pkg.default_name);
    back_end(&front_end(&pkg)?, target, &exe)?;
    let status = execute(&exe, prog_args)?;
    drop(tmp);
    Ok(status)
}

/// Where `goc build` writes the executable; refuses to overwrite a
/// directory or a file that is not an executable (e.g. `-o x.go`), as Go
/// does.
fn output_path(f: &Flags, pkg: &Package) -> Result<PathBuf, Fail> {
    let out = match &f.output {
        Some(o) if o.ends_with('/') || Path::new(o).is_dir() => {
            Path::new(o).join(&pkg.default_name)
        }
        Some(o) => PathBuf::from(o),
        None => PathBuf::from(&pkg.default_name),
    };
    if let Ok(meta) = std::fs::metadata(&out) {
        let shown = out.display();
        if meta.is_dir() {
            return Err(Fail::goc(format!(
                "build output \"{shown}\" already exists and is a directory"
            )));
        }
        if meta.is_file() && meta.len() > 0 && !is_executable(&out) {
            return Err(Fail::goc(format!(
                "build output \"{shown}\" already exists and is not an object file"
            )));
        }
    }
    Ok(out)
}

fn is_executable(p: &Path) -> bool {
    use std::io::Read;
    let mut magic = [0u8; 4];
    std::fs::File::open(p)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok()
        && &magic == b"\x7fELF"
}

/// Runs the front end; compile errors become the exit-1 failure, printed
/// as Go prints them (at most [`MAX_ERRORS`], then `too many errors`).
fn front_end(pkg: &Package) -> Result<crate::ir::Program, Fail> {
    let main = pkg
        .sources
        .iter()
        .map(|s| crate::Source {
            path: s.path.clone(),
            text: s.text.clone(),
        })
        .collect();
    let std = crate::load::StdImporter(pkg.ctx.clone());
    let importer: &dyn crate::load::Importer = match &pkg.module {
        Some(m) => m,
        None => &std,
    };
    crate::compile_program(main, &pkg.main_path, importer)
        .map_err(|errs| Fail::new(render_errors(&errs)))
}

fn render_errors(errs: &[String]) -> String {
    let mut s = String::new();
    for e in errs.iter().take(MAX_ERRORS) {
        s.push_str(e);
        s.push('\n');
    }
    if errs.len() >= MAX_ERRORS {
        // Go: "<position of the last error printed>: too many errors".
        match position_prefix(&errs[MAX_ERRORS - 1]) {
            Some(pos) => s.push_str(&format!("{pos}: too many errors\n")),
            None => s.push_str("too many errors\n"),
        }
    }
    if errs.is_empty() {
        s.push_str("goc: compilation failed without a diagnostic (a goc bug)\n");
    }
    s
}

/// The `file.go:LINE:COL` at the start of a diagnostic, if it has one.
fn position_prefix(diag: &str) -> Option<&str> {
    let mut search = 0;
    while let Some(i) = diag[search..].find(": ") {
        let end = search + i;
        let head = &diag[..end];
        let mut parts = head.rsplitn(3, ':');
        let col = parts.next()?;
        let line = parts.next();
        let file = parts.next();
        let num = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if let (Some(line), Some(file)) = (line, file) {
            if num(col) && num(line) && !file.is_empty() {
                return Some(head);
            }
        }
        search = end + 2;
    }
    None
}

fn emit_ir(pkg: &Package) -> CmdResult {
    let prog = front_end(pkg)?;
    super::write_stdout(prog.to_string().as_bytes())?;
    Ok(0)
}

/// Code generation and the link: any failure here is goc's, not the
/// program's (`goc: <message>`).
fn back_end(prog: &crate::ir::Program, target: Target, out: &Path) -> Result<(), Fail> {
    let object = crate::codegen::compile(prog, &target::triple(target)?).map_err(Fail::goc)?;
    link::link(&object, target, out).map_err(Fail::goc)
}

/// A scratch directory for `goc run`, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir, Fail> {
        let base = std::env::temp_dir();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let mut last_err = None;
        for attempt in 0..100u32 {
            let dir = base.join(format!("goc-run-{}-{nanos}-{attempt}", std::process::id()));
            match std::fs::create_dir(&dir) {
                Ok(()) => return Ok(TempDir(dir)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    last_err = Some(format!("{}: {}", dir.display(), io_text(&e)));
                    break;
                }
            }
        }
        Err(Fail::goc(format!(
            "cannot create a temporary directory: {}",
            last_err.unwrap_or_else(|| base.display().to_string())
        )))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the built program with stdio passed through; returns the status
/// goc exits with.
fn execute(exe: &Path, args: &[String]) -> Result<i32, Fail> {
    let mut child = Command::new(exe)
        .args(args)
        .spawn()
        .map_err(|e| Fail::goc(format!("running {}: {}", exe.display(), io_text(&e))))?;
    // Ctrl-C and Ctrl-\ reach the whole foreground process group: the
    // program decides what they mean, and goc outlives it to clean up.
    // (Ignored only after the spawn: ignored signals are inherited.)
    let saved = signals::ignore_interactive();
    let status = child.wait();
    signals::restore(saved);
    let status =
        status.map_err(|e| Fail::goc(format!("waiting for {}: {}", exe.display(), io_text(&e))))?;
    if let Some(code) = status.code() {
        return Ok(code);
    }
    use std::os::unix::process::ExitStatusExt;
    let sig = status.signal().unwrap_or(0);
    // As a shell would, say nothing about an interrupt or a broken pipe.
    if sig != signals::SIGINT && sig != signals::SIGPIPE {
        eprintln!("signal: {}", signals::name(sig));
    }
    Ok(128 + sig)
}

/// The little of signal(2) goc needs, declared directly (libc is linked by
/// std anyway; no dependency on the libc crate).
mod signals {
    use std::ffi::c_int;

    pub const SIGINT: i32 = 2;
    const SIGQUIT: i32 = 3;
    pub const SIGPIPE: i32 = 13;
    const SIG_IGN: usize = 1;

    extern "C" {
        fn signal(signum: c_int, handler: usize) -> usize;
    }

    /// The dispositions [`ignore_interactive`] replaced.
    pub struct Saved([usize; 2]);

    /// Ignores SIGINT and SIGQUIT in goc; returns what they were.
    pub fn ignore_interactive() -> Saved {
        // SAFETY: setting a signal disposition to SIG_IGN has no memory
        // effects; nothing in goc installs handlers for these signals.
        unsafe { Saved([signal(SIGINT, SIG_IGN), signal(SIGQUIT, SIG_IGN)]) }
    }

    /// Puts back what [`ignore_interactive`] found (which may itself be
    /// "ignored": a shell's background job starts so).
    pub fn restore(saved: Saved) {
        // SAFETY: as above; the values are dispositions signal(2) returned.
        unsafe {
            signal(SIGINT, saved.0[0]);
            signal(SIGQUIT, saved.0[1]);
        }
    }

    /// Go's (and strsignal's) name of a Linux signal.
    pub fn name(sig: i32) -> String {
        match sig {
            1 => "hangup",
            2 => "interrupt",
            3 => "quit",
            4 => "illegal instruction",
            5 => "trace/breakpoint trap",
            6 => "aborted",
            7 => "bus error",
            8 => "floating point exception",
            9 => "killed",
            10 => "user defined signal 1",
            11 => "segmentation fault",
            12 => "user defined signal 2",
            13 => "broken pipe",
            14 => "alarm clock",
            15 => "terminated",
            _ => return format!("signal {sig}"),
        }
        .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_many_errors_as_go() {
        let errs: Vec<String> = (1..=12)
            .map(|i| format!("./x.go:{i}:2: undefined: v{i}"))
            .collect();
        let s = render_errors(&errs);
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines.len(), 11);
        assert_eq!(lines[9], "./x.go:10:2: undefined: v10");
        assert_eq!(lines[10], "./x.go:10:2: too many errors");
        assert_eq!(render_errors(&errs[..3]).lines().count(), 3);
    }

    #[test]
    fn positions() {
        assert_eq!(position_prefix("a.go:3:5: x: y"), Some("a.go:3:5"));
        assert_eq!(position_prefix("dir:1/a.go:3:5: x"), Some("dir:1/a.go:3:5"));
        assert_eq!(position_prefix("goc: internal error: invalid IR: f"), None);
    }
}
