//! The command line: `goc build`, `goc run`, `goc env`, `goc version`,
//! `goc help`, behaving as `go` users expect of the same commands.
//!
//! [`main`] is the whole program: `main.rs` only exits with its result. It
//! runs the command on a thread with a large stack (deeply nested source is
//! parsed recursively) and turns a panic anywhere in the compiler into one
//! `goc: internal compiler error: ...` line and exit status 1, never a Rust
//! panic message.
//!
//! Exit statuses, as the go command's: 0 success; 1 a failed build (compile
//! errors, missing files, an unsupported target, a link failure); 2 a usage
//! error (unknown command or flag). `goc run` exits with the program's
//! status, or 128+N when a signal N killed it.
//!
//! The pieces:
//! - [`flags`]: the build flags (`-o`, `-emit=ir`, `-tags`, `--target`)
//!   shared by `build` and `run`;
//! - [`target`]: which target to build for (`--target`, else GOOS/GOARCH,
//!   else the host) and whether this goc embeds its runtime;
//! - [`sources`]: which files make up the package (file arguments or a
//!   directory, its files chosen by build constraints: crate::buildtags)
//!   and the default output name;
//! - [`build`]: the `build` and `run` commands: compile, link, run.

mod build;
mod flags;
mod sources;
mod target;

use std::io::Write;
use std::sync::Mutex;

/// A command's failure: `msg` (possibly several lines, possibly empty) goes
/// to stderr and the process exits with `code`.
#[derive(Debug)]
pub(crate) struct Fail {
    pub code: i32,
    pub msg: String,
}

impl Fail {
    /// Exit status 1 with `msg` printed as is.
    pub fn new(msg: impl Into<String>) -> Fail {
        Fail {
            code: 1,
            msg: msg.into(),
        }
    }

    /// Exit status 1 with `goc: msg`.
    pub fn goc(msg: impl std::fmt::Display) -> Fail {
        Fail::new(format!("goc: {msg}"))
    }

    /// Exit status 2 (a usage error) with `msg` printed as is.
    pub fn usage(msg: impl Into<String>) -> Fail {
        Fail {
            code: 2,
            msg: msg.into(),
        }
    }
}

type CmdResult = Result<i32, Fail>;

/// Stack of the thread the command runs on. Reserved, not committed: pages
/// are touched only as deep recursion needs them.
const STACK_SIZE: usize = 256 << 20;

/// The last panic's message and location, kept by the panic hook so a
/// panic that kills the command can be reported in one line. (Panics that
/// the compiler catches itself, as codegen does, leave no output.)
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Runs goc with the process's arguments; returns the exit status.
pub fn main() -> i32 {
    let args: Vec<String> = match std::env::args_os()
        .skip(1)
        .map(|a| a.into_string())
        .collect::<Result<_, _>>()
    {
        Ok(a) => a,
        Err(a) => {
            eprintln!("goc: argument is not valid UTF-8: {}", a.to_string_lossy());
            return 2;
        }
    };

    let verbose_panics = std::env::var_os("RUST_BACKTRACE").is_some();
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = info.payload().downcast_ref::<String>() {
            s.clone()
        } else {
            "panic".to_string()
        };
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(format!("{msg}{at}"));
        }
        if verbose_panics {
            default_hook(info);
        }
    }));

    let worker = std::thread::Builder::new()
        .name("goc".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run_command(&args));
    let result = match worker {
        Ok(handle) => handle.join(),
        Err(e) => {
            eprintln!("goc: cannot start the compiler thread: {e}");
            return 1;
        }
    };
    match result {
        Ok(Ok(code)) => code,
        Ok(Err(fail)) => {
            if !fail.msg.is_empty() {
                let mut err = std::io::stderr().lock();
                let _ = writeln!(err, "{}", fail.msg.trim_end_matches('\n'));
            }
            fail.code
        }
        Err(_) => {
            let what = LAST_PANIC
                .lock()
                .ok()
                .and_then(|mut l| l.take())
                .unwrap_or_else(|| "unknown panic".into());
            eprintln!("goc: internal compiler error: {what}");
            eprintln!("goc: please report this as a bug (RUST_BACKTRACE=1 shows where)");
            1
        }
    }
}

fn run_command(args: &[String]) -> CmdResult {
    let Some(cmd) = args.first() else {
        eprint!("{USAGE}");
        return Ok(2);
    };
    let rest = &args[1..];
    match cmd.as_str() {
        "build" => build::build(rest),
        "run" => build::run(rest),
        "env" => env(rest),
        "version" => version(rest),
        "help" | "-h" | "-help" | "--help" => help(rest),
        "-version" | "--version" => version(&[]),
        _ => Err(Fail::usage(format!(
            "goc {cmd}: unknown command\nRun 'goc help' for usage."
        ))),
    }
}

pub(crate) const USAGE: &str = "\
goc is an ahead-of-time compiler for Go.

Usage:

\tgoc <command> [arguments]

The commands are:

\tbuild       compile a package main into a static executable
\trun         compile and run a Go program
\tenv         print goc environment information
\tversion     print goc version

Use \"goc help <command>\" for more information about a command.
";

const HELP_BUILD: &str = "\
usage: goc build [-o output] [-emit=ir] [-tags tag,list] [--target TRIPLE] [file.go ... | dir]

Build compiles the named .go files, which must all be in one directory, as
package main; or, given a directory (default: the current one), the .go
files in it that its build constraints select, as go build does: not
_test.go files, not files whose _GOOS/_GOARCH name suffix or //go:build
line (else // +build lines) excludes the target. The packages it imports
are chosen the same way. The result is one static executable.

The build tags are linux, unix, the GOARCH (amd64 or arm64) and its base
feature level (amd64.v1, arm64.v8.0), go1.1 to go1.27, goc and purego;
not gc, gccgo or cgo.

\t-o output
\t\twrite the executable to output (or into it, if it is a directory
\t\tor ends in a slash); by default the first file's name without .go,
\t\tor the directory's name, in the current directory.
\t-emit=ir
\t\tprint the program's IR to standard output instead of building.
\t-tags tag,list
\t\ta comma-separated list of additional build tags.
\t--target TRIPLE
\t\tbuild for TRIPLE (x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu,
\t\taarch64-linux, ... or amd64, arm64). Without it, GOOS and GOARCH are
\t\thonoured as by the go command (linux; amd64 or arm64), else the host.

Flags may be written with one or two dashes, as -flag value or -flag=value.
";

const HELP_RUN: &str = "\
usage: goc run [-emit=ir] [-tags tag,list] [--target TRIPLE] file.go... [--] [arguments...]
       goc run [flags] dir [arguments...]

Run compiles the named .go files (or the directory) into a temporary
executable, runs it with the arguments and removes it. Standard input,
output and error are the program's. goc exits with the program's exit
status, or 128+N if it was killed by signal N (after printing
\"signal: <name>\"). A \"--\" right after the files is dropped; everything
after it is passed to the program as is.
";

const HELP_ENV: &str = "\
usage: goc env [--target TRIPLE] [var ...]

Env prints goc's environment for the selected target (see goc help build):
GOOS, GOARCH, GOCLINKER (the linker goc runs, or why none was found) and
GOCRUNTIME (the embedded runtime archive). With variable names, it prints
only their values, one per line.
";

const HELP_VERSION: &str = "\
usage: goc version

Version prints goc's version and the host's GOOS/GOARCH.
";

fn help(args: &[String]) -> CmdResult {
    let text = match args.first().map(String::as_str) {
        None => USAGE,
        Some("build") => HELP_BUILD,
        Some("run") => HELP_RUN,
        Some("env") => HELP_ENV,
        Some("version") => HELP_VERSION,
        Some(t) => {
            return Err(Fail::usage(format!(
                "goc help {t}: unknown help topic. Run 'goc help'."
            )))
        }
    };
    print!("{text}");
    Ok(0)
}

/// Go's name of the host architecture (Rust's when Go has none).
fn host_goarch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" => "ppc64",
        "loongarch64" => "loong64",
        other => other,
    }
}

fn version(args: &[String]) -> CmdResult {
    if !args.is_empty() {
        return Err(Fail::usage(
            "usage: goc version\nRun 'goc help version' for details.",
        ));
    }
    println!(
        "goc version {} {}/{}",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        host_goarch()
    );
    Ok(0)
}

fn env(args: &[String]) -> CmdResult {
    let (f, rest) = flags::parse(args, flags::Cmd::Env)?;
    let target = target::resolve(f.target.as_deref())?;
    let vars: Vec<(&str, String)> = vec![
        ("GOOS", "linux".to_string()),
        ("GOARCH", target.goarch().to_string()),
        (
            "GOCLINKER",
            match crate::link::linker_path() {
                Ok(p) => p.display().to_string(),
                Err(e) => e,
            },
        ),
        ("GOCRUNTIME", crate::link::runtime_description(target)),
    ];
    let mut out = String::new();
    if rest.is_empty() {
        for (k, v) in &vars {
            out.push_str(&format!("{k}={v}\n"));
        }
    } else {
        for name in rest {
            // Unknown names print an empty line, as `go env` does.
            let v = vars
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
                .unwrap_or("");
            out.push_str(v);
            out.push('\n');
        }
    }
    write_stdout(out.as_bytes())?;
    Ok(0)
}

/// Writes to stdout; a closed pipe (`goc build -emit=ir x.go | head`) is
/// not an error.
pub(crate) fn write_stdout(bytes: &[u8]) -> Result<(), Fail> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Fail::goc(format!("writing standard output: {e}"))),
    }
}

/// An I/O error as Go words it: `no such file or directory`, not Rust's
/// `No such file or directory (os error 2)`.
pub(crate) fn io_text(e: &std::io::Error) -> String {
    let s = e.to_string();
    let s = match s.find(" (os error ") {
        Some(i) => &s[..i],
        None => &s,
    };
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_read_like_go() {
        let e = std::fs::metadata("/nonexistent/goc/x.go").unwrap_err();
        assert_eq!(io_text(&e), "no such file or directory");
    }
}
