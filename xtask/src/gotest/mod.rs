//! `cargo xtask gotest`: goc measured against Go's own test suite (the
//! `test/` directory of a Go source tree; Debian's golang-1.19-src installs
//! it at /usr/share/go-1.19/test). A yardstick, not a gate: it exits 0
//! unless `--min-pass` is given and not met.
//!
//! Design:
//!
//! * The files of test/, test/ken, test/chan, test/interface,
//!   test/typeparam and test/fixedbugs are read once; each gets its recipe
//!   (`// run`, `// errorcheck`, ...) and its build constraints for the
//!   target ([`header`]). Sources are never copied into this repository.
//! * **Run part.** The single-file `// run` programs (no flags, no
//!   arguments) are the scored programs. `--regen` builds each with real Go
//!   (a scratch module, `go 1.27`, so current language semantics) and runs
//!   it twice; what it did (exit status, stdout, stderr normalised: hex
//!   masked, cut after the first `goroutine ` line) is recorded under
//!   testdata/gotest/ ([`expect`] describes the format). Programs Go cannot
//!   build, that time out or behave differently in two runs are recorded as
//!   such and left out of the score. Without `--regen` each program is
//!   built with goc, run, and classified: pass, build-fail, wrong-output,
//!   wrong-exit, timeout or crash.
//! * **Crash sweep.** Every `// compile`, `// errorcheck` and `// run` file
//!   (any flags) is given to `goc build`; a Rust panic, a stack overflow, a
//!   death by signal, an exit status other than 0 and 1, an internal error
//!   or a Cranelift verifier failure is a crash. The scored programs' builds
//!   are the same builds, reused.
//! * **Errorcheck figure.** For `// errorcheck` files, how many `// ERROR`
//!   annotations a goc diagnostic on their line matches ([`errorcheck`]).
//!
//! Everything per file runs in parallel (`-j`); the report is printed in
//! path order, so it is deterministic for a given goc.

mod errorcheck;
mod expect;
mod header;

use crate::compare::first_diagnostic;
use crate::conformance::{self, Arch, Target};
use crate::exec::{Output, Spec, Status};
use crate::gotool;
use crate::pool::{default_jobs, par_map};
use crate::Workspace;
use expect::{Blob, Golden, Record, Records};
use header::{Context, Recipe};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// The suite's directories, relative to its root ("" is the root).
pub const DIRS: &[&str] = &["", "ken", "chan", "interface", "typeparam", "fixedbugs"];
/// Where Debian's golang-1.19-src puts Go's test suite.
const DEFAULT_SUITE: &str = "/usr/share/go-1.19/test";
/// A goc program's time limit (`--timeout`), tripled under qemu.
const RUN_TIMEOUT: Duration = Duration::from_secs(10);
/// A program's time limit under real Go when recording.
const GO_RUN_TIMEOUT: Duration = Duration::from_secs(30);
/// One `go build` (the first fills Go's build cache).
const GO_BUILD_TIMEOUT: Duration = Duration::from_secs(600);
/// One `goc build`.
const GOC_BUILD_TIMEOUT: Duration = Duration::from_secs(60);
/// Under qemu-aarch64 programs get this many times their time limit.
const EMULATION_SLOWDOWN: u32 = 3;
/// The go.mod of the scratch module each program is built in by real Go.
const GO_MOD: &str = "module gotest\n\ngo 1.27\n";

const USAGE: &str = "\
usage: cargo xtask gotest [options] [FILTER...]

Go's test suite against goc: the single-file `// run` programs compared with
what real Go recorded for them (testdata/gotest/), a crash sweep of goc over
every `// compile`, `// errorcheck` and `// run` file, and the share of
`// ERROR` annotations goc meets. FILTERs select files whose path in the
suite (e.g. fixedbugs/issue1) contains one of them.

  --regen               record real Go's behaviour into testdata/gotest/
  --goc PATH            the goc to measure (default: cargo build --release -p goc)
  --target aarch64      build for aarch64, run under qemu-aarch64
  -j N                  parallel jobs (default: $XTASK_JOBS or the CPU count)
  --timeout SECS        a goc program's time limit (default 10; x3 under qemu)
  --suite DIR           Go's test/ directory (default $GOTEST_SUITE, else
                        /usr/share/go-1.19/test)
  --no-sweep            only the run part: no crash sweep, no errorcheck figure
  --report PATH         also write the report to PATH
  --min-pass PCT        exit 1 if less than PCT % of the programs pass
  -v                    print every file's result as it comes
";

#[derive(Clone, Debug)]
pub struct Options {
    regen: bool,
    goc: Option<PathBuf>,
    arch: Arch,
    jobs: usize,
    timeout: Duration,
    suite: PathBuf,
    sweep: bool,
    report: Option<PathBuf>,
    min_pass: Option<f64>,
    verbose: bool,
    filters: Vec<String>,
}

fn parse_args(args: &[String]) -> Result<Option<Options>, String> {
    let mut o = Options {
        regen: false,
        goc: None,
        arch: Arch::Host,
        jobs: default_jobs(),
        timeout: RUN_TIMEOUT,
        suite: std::env::var_os("GOTEST_SUITE")
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(DEFAULT_SUITE)),
        sweep: true,
        report: None,
        min_pass: None,
        verbose: false,
        filters: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name {
            "-h" | "--help" => return Ok(None),
            "--regen" => o.regen = true,
            "--no-sweep" => o.sweep = false,
            "-v" | "--verbose" => o.verbose = true,
            "--goc" => o.goc = Some(crate::absolute(&value()?)),
            "--suite" => o.suite = crate::absolute(&value()?),
            "--report" => o.report = Some(crate::absolute(&value()?)),
            "--target" => {
                let v = value()?;
                o.arch = Arch::parse(&v)
                    .ok_or(format!("unsupported --target {v:?} (aarch64 or host)"))?
            }
            "-j" | "--jobs" => {
                let v = value()?;
                o.jobs = v
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or(format!("bad job count {v:?}"))?
            }
            "--timeout" => {
                let v = value()?;
                let s: f64 = v
                    .parse()
                    .ok()
                    .filter(|&s: &f64| s > 0.0)
                    .ok_or(format!("bad --timeout {v:?}"))?;
                o.timeout = Duration::from_secs_f64(s);
            }
            "--min-pass" => {
                let v = value()?;
                o.min_pass = Some(
                    v.trim_end_matches('%')
                        .parse()
                        .map_err(|_| format!("bad --min-pass {v:?}"))?,
                );
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s:?}\n\n{USAGE}")),
            s => o.filters.push(s.to_string()),
        }
    }
    if let Some(g) = &o.goc {
        if !g.is_file() {
            return Err(format!("--goc {}: no such file", g.display()));
        }
    }
    Ok(Some(o))
}

/// `cargo xtask gotest ...`.
pub fn main(ws: &Workspace, args: &[String]) -> ExitCode {
    let r = parse_args(args).and_then(|o| match o {
        None => {
            print!("{USAGE}");
            Ok(true)
        }
        Some(o) if o.regen => regen(ws, &o),
        Some(o) => measure(ws, &o),
    });
    match r {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("xtask: gotest: {e}");
            ExitCode::FAILURE
        }
    }
}

// ---------------------------------------------------------------------------
// The suite's files.

/// What the run part does with a file.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Scope {
    /// A single-file `// run` program without flags or arguments.
    Run,
    /// Another program that runs, out of scope: the label says which kind.
    RunLike(String),
    /// Not a program that runs (compile, errorcheck, ..., no recipe).
    Other,
}

fn scope(r: Option<&Recipe>) -> Scope {
    let Some(r) = r else { return Scope::Other };
    match r.action.as_str() {
        "run" if r.args.is_empty() => Scope::Run,
        "run" => Scope::RunLike("run with flags or arguments".into()),
        "runoutput"
        | "rundir"
        | "runindir"
        | "buildrun"
        | "buildrundir"
        | "errorcheckandrundir" => Scope::RunLike(r.action.clone()),
        _ => Scope::Other,
    }
}

/// Files the crash sweep gives to goc.
fn in_sweep(r: Option<&Recipe>) -> bool {
    r.is_some_and(|r| {
        matches!(
            r.action.as_str(),
            "compile" | "errorcheck" | "errorcheckwithauto" | "run"
        )
    })
}

fn is_errorcheck(r: Option<&Recipe>) -> bool {
    r.is_some_and(|r| matches!(r.action.as_str(), "errorcheck" | "errorcheckwithauto"))
}

struct TestFile {
    /// Index into DIRS.
    dir: usize,
    /// Path relative to the suite: `ken/chan.go`, `235.go`.
    rel: String,
    recipe: Option<Recipe>,
    /// Why the build constraints exclude it for the target, if they do.
    excluded: Option<String>,
    /// The `// ERROR` annotations, for errorcheck files.
    wanted: Vec<errorcheck::Wanted>,
    /// It imports os/exec: it runs other programs (the go command).
    runs_programs: bool,
}

impl TestFile {
    fn base(&self) -> &str {
        self.rel.rsplit('/').next().unwrap_or(&self.rel)
    }
    fn stem(&self) -> &str {
        self.base().strip_suffix(".go").unwrap_or(self.base())
    }
    fn scope(&self) -> Scope {
        scope(self.recipe.as_ref())
    }
    /// A scored program for this target.
    fn scored(&self) -> bool {
        self.scope() == Scope::Run && self.excluded.is_none()
    }
}

fn dir_label(d: usize) -> String {
    if DIRS[d].is_empty() {
        "test".into()
    } else {
        format!("test/{}", DIRS[d])
    }
}

fn context(arch: Arch) -> Context {
    match arch {
        Arch::Host if cfg!(target_arch = "aarch64") => Context::ARM64,
        Arch::Host => Context::AMD64,
        Arch::Aarch64 => Context::ARM64,
    }
}

/// The suite's `.go` files (sorted by path), keeping those whose path
/// contains one of `filters`.
fn discover(suite: &Path, filters: &[String], ctx: &Context) -> Result<Vec<TestFile>, String> {
    if !suite.join("run.go").is_file() {
        return Err(format!(
            "{} is not Go's test directory (no run.go); install golang-1.19-src or pass --suite",
            suite.display()
        ));
    }
    let mut out = Vec::new();
    for (d, dir) in DIRS.iter().enumerate() {
        let path = suite.join(dir);
        let mut names: Vec<String> = fs::read_dir(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".go"))
            .collect();
        names.sort();
        for name in names {
            let rel = if dir.is_empty() {
                name.clone()
            } else {
                format!("{dir}/{name}")
            };
            if !filters.is_empty() && !filters.iter().any(|f| rel.contains(f.as_str())) {
                continue;
            }
            let bytes = fs::read(path.join(&name))
                .map_err(|e| format!("cannot read {}: {e}", path.join(&name).display()))?;
            let src = String::from_utf8_lossy(&bytes);
            let recipe = header::recipe(&src);
            let excluded = header::check_constraints(&name, &src, ctx).err();
            let wanted = if is_errorcheck(recipe.as_ref()) {
                errorcheck::wanted_errors(&src, &name)
            } else {
                Vec::new()
            };
            out.push(TestFile {
                dir: d,
                rel,
                recipe,
                excluded,
                wanted,
                runs_programs: src.contains("\"os/exec\""),
            });
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Recorded expectations.

fn data_dir(ws: &Workspace) -> PathBuf {
    ws.root.join("testdata").join("gotest")
}

fn data_file(ws: &Workspace, d: usize, arch: Arch) -> PathBuf {
    let name = if DIRS[d].is_empty() { "test" } else { DIRS[d] };
    let file = match arch {
        Arch::Host => format!("{name}.txt"),
        Arch::Aarch64 => format!("{name}.arm64.txt"),
    };
    data_dir(ws).join(file)
}

fn read_records(p: &Path) -> Result<Records, String> {
    match fs::read(p) {
        Ok(b) => expect::parse(&b).map_err(|e| format!("{}: {e}", p.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Records::new()),
        Err(e) => Err(format!("cannot read {}: {e}", p.display())),
    }
}

/// The records for `arch`: the amd64 ones, with the aarch64 differences on
/// top for aarch64.
fn load_records(ws: &Workspace, arch: Arch) -> Result<Records, String> {
    let mut recs = Records::new();
    for d in 0..DIRS.len() {
        recs.extend(read_records(&data_file(ws, d, Arch::Host))?);
        if arch == Arch::Aarch64 {
            recs.extend(read_records(&data_file(ws, d, Arch::Aarch64))?);
        }
    }
    Ok(recs)
}

// ---------------------------------------------------------------------------
// Running things.

fn target_for(arch: Arch) -> Result<Target, String> {
    Ok(match arch {
        Arch::Host => Target::Host,
        Arch::Aarch64 => Target::Aarch64 {
            qemu: conformance::find_qemu_aarch64()?,
        },
    })
}

fn goarch(target: &Target) -> &'static str {
    match target {
        Target::Host if cfg!(target_arch = "aarch64") => "arm64",
        Target::Host => "amd64",
        Target::Aarch64 { .. } => "arm64",
    }
}

/// Runs a built test program: argv[0] is the file's stem, the working
/// directory is the suite's root (as for test/run.go), stdin is empty and
/// the environment holds only GOOS, GOARCH and a fixed PATH.
fn run_program(
    bin: &Path,
    f: &TestFile,
    suite: &Path,
    target: &Target,
    limit: Duration,
) -> Result<Output, String> {
    let mut spec = target.runner(bin, f.stem());
    spec.timeout = match target {
        Target::Aarch64 { qemu: Some(_) } => limit * EMULATION_SLOWDOWN,
        _ => limit,
    };
    spec.clear_env = true;
    spec.env = vec![
        ("GOOS".into(), "linux".into()),
        ("GOARCH".into(), goarch(target).into()),
        ("PATH".into(), "/usr/bin:/bin".into()),
    ];
    spec.cwd = Some(suite.to_path_buf());
    spec.run()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))
}

/// The first line of some output, trimmed and shortened for a report.
fn first_line(b: &[u8]) -> String {
    let text = String::from_utf8_lossy(b);
    let l = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    shorten(l.trim(), 160)
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}

/// What in goc's own output or end shows that goc crashed, if anything.
fn crash_signature(status: Status, stderr: &[u8]) -> Option<String> {
    let text = mask_thread_ids(&String::from_utf8_lossy(stderr));
    let lines: Vec<&str> = text.lines().collect();
    let find = |pat: &str| lines.iter().position(|l| l.contains(pat));
    if let Some(i) = find("has overflowed its stack") {
        return Some(shorten(lines[i].trim(), 200));
    }
    if let Some(i) = find("panicked at") {
        let at = lines[i].trim();
        // Rust prints the message on the next line (older Rust: after ':').
        let msg = lines.get(i + 1).map(|l| l.trim()).unwrap_or("");
        let msg = if msg.starts_with("note: ") { "" } else { msg };
        return Some(shorten(format!("{at} {msg}").trim_end(), 240));
    }
    if let Some(i) = find("internal error") {
        return Some(shorten(lines[i].trim(), 240));
    }
    if let Some(i) = lines.iter().position(|l| {
        let l = l.to_ascii_lowercase();
        l.contains("verifier rejected") || l.contains("verifier error")
    }) {
        let next = lines.get(i + 1).map(|l| l.trim()).unwrap_or("");
        return Some(shorten(&format!("{} {next}", lines[i].trim()), 240));
    }
    match status {
        Status::Exited(0 | 1) => None,
        Status::Exited(c) => Some(format!("exit status {c}: {}", first_line(stderr))),
        Status::Signaled(_) => Some(format!("{status}")),
        Status::TimedOut(d) => Some(format!("goc build hung (killed after {} s)", d.as_secs())),
    }
}

/// `thread 'goc' (12345) panicked` -> `thread 'goc' panicked`: Rust
/// names the thread's id, which changes from run to run.
fn mask_thread_ids(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("' (") {
        let after = &rest[i + 3..];
        let digits = after.chars().take_while(|c| c.is_ascii_digit()).count();
        let quoted_thread = rest[..i]
            .rfind("thread '")
            .is_some_and(|t| !rest[t..i].contains('\n'));
        if digits > 0 && after[digits..].starts_with(')') && quoted_thread {
            out.push_str(&rest[..i + 1]);
            rest = &after[digits + 1..];
        } else {
            out.push_str(&rest[..i + 3]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The actions test/run.go knows.
const ACTIONS: &[&str] = &[
    "compile",
    "compiledir",
    "build",
    "builddir",
    "buildrun",
    "buildrundir",
    "run",
    "runoutput",
    "rundir",
    "runindir",
    "asmcheck",
    "errorcheck",
    "errorcheckdir",
    "errorcheckoutput",
    "errorcheckwithauto",
    "errorcheckandrundir",
    "skip",
];

// ---------------------------------------------------------------------------
// Measuring goc.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    Pass,
    BuildFail,
    WrongOutput,
    WrongExit,
    Timeout,
    Crash,
}

const CLASSES: [Class; 5] = [
    Class::BuildFail,
    Class::WrongOutput,
    Class::WrongExit,
    Class::Timeout,
    Class::Crash,
];

impl Class {
    fn name(self) -> &'static str {
        match self {
            Class::Pass => "pass",
            Class::BuildFail => "build-fail",
            Class::WrongOutput => "wrong-output",
            Class::WrongExit => "wrong-exit",
            Class::Timeout => "timeout",
            Class::Crash => "crash",
        }
    }
}

#[derive(Default)]
struct Outcome {
    /// goc's crash in the build, if it crashed.
    crash: Option<String>,
    /// For a scored program with a recorded run.
    run: Option<(Class, String)>,
    /// For an errorcheck file.
    score: Option<errorcheck::Score>,
    /// For an errorcheck file: goc built it without error.
    accepted: bool,
}

fn goc_build(
    goc: &Path,
    f: &TestFile,
    suite: &Path,
    out: &Path,
    target: &Target,
) -> Result<Output, String> {
    let mut spec = Spec::new(goc, GOC_BUILD_TIMEOUT);
    spec.args = vec!["build".into()];
    spec.args.extend(target.build_args());
    spec.args
        .extend(["-o".into(), out.display().to_string(), f.rel.clone()]);
    spec.cwd = Some(suite.to_path_buf());
    // goc may be missing for a moment while it is being rebuilt: wait.
    let mut tries = 0;
    loop {
        match spec.run() {
            Ok(out) => return Ok(out),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && tries < 5 => {
                tries += 1;
                std::thread::sleep(Duration::from_secs(20));
            }
            Err(e) => return Err(format!("xtask: cannot start {}: {e}", goc.display())),
        }
    }
}

/// The first line where two outputs differ, for a report.
fn first_difference(what: &str, want: &Blob, got: &[u8]) -> String {
    let Blob::Bytes(want) = want else {
        return format!(
            "{what} differs (want {} bytes, recorded as a hash; got {})",
            want.len(),
            got.len()
        );
    };
    let w: Vec<&[u8]> = want.split_inclusive(|&b| b == b'\n').collect();
    let g: Vec<&[u8]> = got.split_inclusive(|&b| b == b'\n').collect();
    let i = w.iter().zip(&g).take_while(|(a, b)| a == b).count();
    // Both lines from a little before their first difference.
    let (wl, gl) = (
        w.get(i).map(|l| String::from_utf8_lossy(l).into_owned()),
        g.get(i).map(|l| String::from_utf8_lossy(l).into_owned()),
    );
    let same = match (&wl, &gl) {
        (Some(a), Some(b)) => a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count(),
        _ => 0,
    };
    let skip = same.saturating_sub(20);
    let show = |l: &Option<String>| match l {
        Some(l) if skip > 0 => format!(
            "{:?}",
            format!(
                "…{}",
                shorten(&l.chars().skip(skip).collect::<String>(), 60)
            )
        ),
        Some(l) => format!("{:?}", shorten(l, 70)),
        None => "end of output".into(),
    };
    format!(
        "{what} line {}: want {}, got {}",
        i + 1,
        show(&wl),
        show(&gl)
    )
}

/// Compares a run of goc's build with Go's record.
fn classify(rec: &Record, got: &Output) -> (Class, String) {
    let Record::Ran {
        status,
        stdout,
        stderr,
        ..
    } = rec
    else {
        unreachable!("only recorded runs are compared")
    };
    let gerr = expect::normalize(&got.stderr);
    match got.status {
        Status::TimedOut(d) => {
            return (
                Class::Timeout,
                format!("timed out after {} s", d.as_secs_f64()),
            )
        }
        Status::Signaled(_) if got.status != *status => {
            let msg = first_line(&gerr);
            let sep = if msg.is_empty() { "" } else { ": " };
            return (Class::Crash, format!("{}{sep}{msg}", got.status));
        }
        _ => {}
    }
    if got.status != *status {
        let msg = first_line(&gerr);
        let sep = if msg.is_empty() { "" } else { ": " };
        let want = match status {
            Status::Exited(c) => format!("exit status {c}"),
            s => s.to_string(),
        };
        return (
            Class::WrongExit,
            format!("want {want}, got {}{sep}{msg}", got.status),
        );
    }
    if !stdout.matches(&got.stdout) {
        return (
            Class::WrongOutput,
            first_difference("stdout", stdout, &got.stdout),
        );
    }
    if !stderr.matches(&gerr) {
        return (
            Class::WrongOutput,
            first_difference("stderr", stderr, &gerr),
        );
    }
    (Class::Pass, String::new())
}

#[allow(clippy::too_many_arguments)]
fn check_file(
    goc: &Path,
    f: &TestFile,
    idx: usize,
    o: &Options,
    target: &Target,
    tmp: &Path,
    rec: Option<&Record>,
    sweep: bool,
) -> Outcome {
    let bin = tmp.join(format!("p{idx}"));
    let mut out = Outcome::default();
    let b = match goc_build(goc, f, &o.suite, &bin, target) {
        Ok(b) => b,
        Err(e) => {
            out.crash = Some(e.clone());
            out.run = rec.map(|_| (Class::BuildFail, e));
            return out;
        }
    };
    if sweep {
        out.crash = crash_signature(b.status, &b.stderr);
    }
    if sweep && !f.wanted.is_empty() {
        let diags = errorcheck::diagnostics(&String::from_utf8_lossy(&b.stderr));
        out.score = Some(errorcheck::score(&f.wanted, f.base(), &diags));
    }
    if sweep && is_errorcheck(f.recipe.as_ref()) {
        out.accepted = b.status == Status::Exited(0);
    }
    if let Some(rec) = rec {
        out.run = Some(if b.status != Status::Exited(0) || !bin.is_file() {
            let why = match crash_signature(b.status, &b.stderr) {
                Some(c) => format!("goc crashed: {c}"),
                None => first_diagnostic(&b.stderr)
                    .map(|d| shorten(&d, 200))
                    .unwrap_or_else(|| format!("goc build: {}", b.status)),
            };
            (Class::BuildFail, why)
        } else {
            match run_program(&bin, f, &o.suite, target, o.timeout) {
                Ok(got) => classify(rec, &got),
                Err(e) => (Class::Crash, e),
            }
        });
    }
    let _ = fs::remove_file(&bin);
    out
}

/// The default mode: measure, print the report, say whether `--min-pass`
/// was met.
fn measure(ws: &Workspace, o: &Options) -> Result<bool, String> {
    let target = target_for(o.arch)?;
    let ctx = context(o.arch);
    let files = discover(&o.suite, &o.filters, &ctx)?;
    if files.is_empty() {
        return Err(format!("no file of the suite matches {:?}", o.filters));
    }
    let recs = load_records(ws, o.arch)?;
    let goc = match &o.goc {
        Some(g) => g.clone(),
        None => ws.build_goc()?,
    };
    if o.arch == Arch::Aarch64 {
        conformance::goc_has_aarch64(&goc)?;
    }
    let work: Vec<(usize, bool, Option<&Record>)> = files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let rec = recs
                .get(&f.rel)
                .filter(|r| f.scored() && r.go_failure().is_none());
            let sweep = o.sweep && f.excluded.is_none() && in_sweep(f.recipe.as_ref());
            (sweep || rec.is_some()).then_some((i, sweep, rec))
        })
        .collect();
    let place = match &target {
        Target::Host => format!("linux/{}", ctx.goarch),
        Target::Aarch64 { qemu: Some(q) } => format!("linux/arm64 under {}", q.display()),
        Target::Aarch64 { qemu: None } => "linux/arm64".into(),
    };
    eprintln!(
        "gotest: {} files of {} ({} to build with goc) for {place}; goc = {}; {} jobs",
        files.len(),
        o.suite.display(),
        work.len(),
        goc.display(),
        o.jobs
    );
    let tmp = ws.scratch(&format!("gotest-{}", ctx.goarch))?;
    let done = AtomicUsize::new(0);
    let outcomes = par_map(&work, o.jobs, |&(i, sweep, rec)| {
        let f = &files[i];
        let out = check_file(&goc, f, i, o, &target, &tmp, rec, sweep);
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if o.verbose {
            let what = match (&out.run, &out.crash) {
                (_, Some(c)) => format!("CRASH {c}"),
                (Some((Class::Pass, _)), _) => "ok".into(),
                (Some((c, why)), _) => format!("{} {why}", c.name()),
                (None, _) => "built".into(),
            };
            let what = match &out.score {
                Some(sc) => format!(
                    "{what}; ERROR annotations met: {} of {}",
                    sc.matched, sc.wanted
                ),
                None => what,
            };
            eprintln!("[{n}/{}] {}: {what}", work.len(), f.rel);
        } else if n.is_multiple_of(200) {
            eprintln!("gotest: {n}/{} files", work.len());
        }
        out
    });
    let _ = fs::remove_dir_all(&tmp);
    let mut by_file: BTreeMap<usize, Outcome> = BTreeMap::new();
    for (&(i, _, _), out) in work.iter().zip(outcomes) {
        by_file.insert(i, out);
    }
    let summary = Summary::new(&files, &recs, &by_file, o.sweep);
    let report = summary.report(&o.suite, &place, &goc, o.arch);
    print!("{report}");
    if let Some(p) = &o.report {
        fs::write(p, &report).map_err(|e| format!("cannot write {}: {e}", p.display()))?;
        eprintln!("gotest: report written to {}", p.display());
    }
    Ok(match o.min_pass {
        Some(min) if summary.percent() < min => {
            eprintln!(
                "gotest: {:.1}% pass, below --min-pass {min}%",
                summary.percent()
            );
            false
        }
        _ => true,
    })
}

#[derive(Default, Clone)]
struct Row {
    programs: usize,
    counts: BTreeMap<Class, usize>,
    skipped: usize,
    go_fails: usize,
}

struct Summary<'a> {
    files: &'a [TestFile],
    rows: Vec<Row>,
    total: Row,
    /// Header kinds of the selected files: action -> count.
    actions: BTreeMap<String, usize>,
    /// Skipped, not scored: label -> count.
    skipped: BTreeMap<String, usize>,
    go_fails: Vec<(String, String)>,
    failures: Vec<(String, Class, String)>,
    crashes: Vec<(String, String)>,
    swept: usize,
    sweep: bool,
    ec: EcFigure,
}

#[derive(Default)]
struct EcFigure {
    files: usize,
    wanted: usize,
    matched: usize,
    plain_files: usize,
    plain_wanted: usize,
    plain_matched: usize,
    accepted: usize,
    bad_regexps: Vec<String>,
}

impl<'a> Summary<'a> {
    fn new(
        files: &'a [TestFile],
        recs: &Records,
        outcomes: &BTreeMap<usize, Outcome>,
        sweep: bool,
    ) -> Summary<'a> {
        let mut s = Summary {
            files,
            rows: vec![Row::default(); DIRS.len()],
            total: Row::default(),
            actions: BTreeMap::new(),
            skipped: BTreeMap::new(),
            go_fails: Vec::new(),
            failures: Vec::new(),
            crashes: Vec::new(),
            swept: 0,
            sweep,
            ec: EcFigure::default(),
        };
        for (i, f) in files.iter().enumerate() {
            let action = match &f.recipe {
                Some(r) if ACTIONS.contains(&r.action.as_str()) => r.action.clone(),
                _ => "(no recipe)".into(),
            };
            *s.actions.entry(action).or_default() += 1;
            let row = &mut s.rows[f.dir];
            let out = outcomes.get(&i);
            let mut skip = |label: String, row: &mut Row| {
                row.skipped += 1;
                *s.skipped.entry(label).or_default() += 1;
            };
            match f.scope() {
                Scope::RunLike(label) => skip(label, row),
                Scope::Run if f.excluded.is_some() => {
                    skip("excluded by build constraints".into(), row)
                }
                Scope::Run => match recs.get(&f.rel) {
                    None => skip("not recorded (run --regen)".into(), row),
                    Some(r) => match r.go_failure() {
                        Some(why) => {
                            row.go_fails += 1;
                            s.go_fails.push((f.rel.clone(), why));
                        }
                        None => {
                            row.programs += 1;
                            let (class, why) = out
                                .and_then(|o| o.run.clone())
                                .unwrap_or((Class::BuildFail, "not built".into()));
                            *row.counts.entry(class).or_default() += 1;
                            if class != Class::Pass {
                                s.failures.push((f.rel.clone(), class, why));
                            }
                        }
                    },
                },
                Scope::Other => {}
            }
            let Some(out) = out else { continue };
            if sweep && f.excluded.is_none() && in_sweep(f.recipe.as_ref()) {
                s.swept += 1;
            }
            if let Some(c) = &out.crash {
                s.crashes.push((f.rel.clone(), c.clone()));
            }
            if let Some(sc) = &out.score {
                let ec = &mut s.ec;
                ec.files += 1;
                ec.wanted += sc.wanted;
                ec.matched += sc.matched;
                if f.recipe.as_ref().is_some_and(|r| r.args.is_empty()) {
                    ec.plain_files += 1;
                    ec.plain_wanted += sc.wanted;
                    ec.plain_matched += sc.matched;
                }
                ec.bad_regexps.extend(sc.bad_regexps.iter().cloned());
            }
            if out.accepted {
                s.ec.accepted += 1;
            }
        }
        for r in &s.rows {
            s.total.programs += r.programs;
            s.total.skipped += r.skipped;
            s.total.go_fails += r.go_fails;
            for (c, n) in &r.counts {
                *s.total.counts.entry(*c).or_default() += n;
            }
        }
        s
    }

    fn passed(&self) -> usize {
        self.total.counts.get(&Class::Pass).copied().unwrap_or(0)
    }

    fn percent(&self) -> f64 {
        pct(self.passed(), self.total.programs)
    }

    fn report(&self, suite: &Path, place: &str, goc: &Path, arch: Arch) -> String {
        let mut r = String::new();
        let w = &mut r;
        let _ = writeln!(
            w,
            "gotest: Go's test suite ({}) on {place}, goc = {}",
            suite.display(),
            goc.display()
        );
        let _ = writeln!(
            w,
            "\n`// run` programs, each compared with what real Go recorded (testdata/gotest/{}):\n",
            if arch == Arch::Aarch64 {
                "*.txt and *.arm64.txt"
            } else {
                "*.txt"
            }
        );
        let _ = writeln!(
            w,
            "{:<16} {:>8} {:>6} {:>10} {:>12} {:>10} {:>7} {:>5} {:>7} {:>8}",
            "directory",
            "programs",
            "pass",
            "build-fail",
            "wrong-output",
            "wrong-exit",
            "timeout",
            "crash",
            "skipped",
            "go-fails"
        );
        let line = |w: &mut String, name: &str, row: &Row| {
            let n = |c: Class| row.counts.get(&c).copied().unwrap_or(0);
            let _ = writeln!(
                w,
                "{:<16} {:>8} {:>6} {:>10} {:>12} {:>10} {:>7} {:>5} {:>7} {:>8}",
                name,
                row.programs,
                n(Class::Pass),
                n(Class::BuildFail),
                n(Class::WrongOutput),
                n(Class::WrongExit),
                n(Class::Timeout),
                n(Class::Crash),
                row.skipped,
                row.go_fails
            );
        };
        for (d, row) in self.rows.iter().enumerate() {
            if self.files.iter().any(|f| f.dir == d) {
                line(w, &dir_label(d), row);
            }
        }
        line(w, "total", &self.total);
        let _ = writeln!(
            w,
            "\npassed: {} of {} programs ({:.1}%)",
            self.passed(),
            self.total.programs,
            self.percent()
        );

        let _ = writeln!(w, "\nskipped, not scored:");
        if self.skipped.is_empty() {
            let _ = writeln!(w, "  none");
        }
        for (label, n) in &self.skipped {
            let _ = writeln!(w, "  {n:>5}  {label}");
        }
        let _ = writeln!(w, "recipes of the {} files read:", self.files.len());
        let mut actions: Vec<_> = self.actions.iter().collect();
        actions.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let list: Vec<String> = actions.iter().map(|(a, n)| format!("{a} {n}")).collect();
        let _ = writeln!(w, "  {}", list.join(", "));

        let _ = writeln!(
            w,
            "\nexcluded because real Go fails with them ({}):",
            self.go_fails.len()
        );
        for (p, why) in &self.go_fails {
            let _ = writeln!(w, "  {p}: {why}");
        }

        if self.sweep {
            let _ = writeln!(
                w,
                "\ncrash sweep: goc build on {} `// compile`, `// errorcheck` and `// run` files: {} crashed",
                self.swept,
                self.crashes.len()
            );
            for (p, c) in &self.crashes {
                let _ = writeln!(w, "  CRASH {p}: {c}");
            }
            let ec = &self.ec;
            let _ = writeln!(
                w,
                "\nerrorcheck: {} of {} `// ERROR` annotations met by a goc diagnostic on their line ({:.1}%), in {} files",
                ec.matched,
                ec.wanted,
                pct(ec.matched, ec.wanted),
                ec.files
            );
            let _ = writeln!(
                w,
                "  files without flags: {} of {} ({:.1}%) in {} files; goc built {} errorcheck files without any error",
                ec.plain_matched,
                ec.plain_wanted,
                pct(ec.plain_matched, ec.plain_wanted),
                ec.plain_files,
                ec.accepted
            );
            if !ec.bad_regexps.is_empty() {
                let _ = writeln!(
                    w,
                    "  {} regexps the harness cannot parse (counted as not met): {:?}",
                    ec.bad_regexps.len(),
                    ec.bad_regexps
                );
            }
        }

        let _ = writeln!(w, "\nmost frequent failure reasons:");
        for (n, key, vars) in top_reasons(&self.failures, 40) {
            let _ = write!(w, "  {n:>5}  {key}");
            if !vars.is_empty() {
                let shown: Vec<String> = vars
                    .iter()
                    .take(8)
                    .map(|(n, v)| format!("{v} {n}"))
                    .collect();
                let more = if vars.len() > 8 { ", …" } else { "" };
                let _ = write!(w, " ({}{more})", shown.join(", "));
            }
            let _ = writeln!(w);
        }
        let _ = writeln!(w, "\nfailures ({}):", self.failures.len());
        for (p, c, why) in &self.failures {
            let _ = writeln!(w, "  {:<12} {p}: {why}", c.name());
        }
        let mut last = format!(
            "\ngotest: {} of {} programs pass ({:.1}%)",
            self.passed(),
            self.total.programs,
            self.percent()
        );
        for c in CLASSES {
            let n = self.total.counts.get(&c).copied().unwrap_or(0);
            if n > 0 {
                let _ = write!(last, ", {n} {}", c.name());
            }
        }
        if self.sweep {
            let _ = write!(
                last,
                "; crash sweep: {} of {} files crash goc; errorcheck: {} of {} annotations met",
                self.crashes.len(),
                self.swept,
                self.ec.matched,
                self.ec.wanted
            );
        }
        let _ = writeln!(w, "{last}");
        r
    }
}

fn pct(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        100.0 * n as f64 / of as f64
    }
}

/// A failure's reason with what varies between programs taken out: the
/// position of a diagnostic, numbers, quoted text.
fn reason_key(class: Class, why: &str) -> String {
    let mut s = why.to_string();
    // `file.go:L:C: message` -> `message`
    if let Some(i) = s.find(".go:") {
        let rest = &s[i + 4..];
        if let Some(j) = rest.find(": ") {
            let pos = &rest[..j];
            if pos.chars().all(|c| c.is_ascii_digit() || c == ':') {
                s = rest[j + 2..].to_string();
            }
        }
    }
    // Numbers (not digits inside a name such as complex128) become N,
    // quoted text becomes "…".
    let mut out = String::new();
    let mut quoted = false;
    let mut prev = ' ';
    let mut in_number = false;
    for c in s.chars() {
        if quoted {
            if c == '"' {
                quoted = false;
                out.push(c);
            }
            continue;
        }
        if c == '"' {
            quoted = true;
            out.push_str("\"…");
        } else if c.is_ascii_digit() && (in_number || !(prev.is_alphanumeric() || prev == '_')) {
            // Exit statuses and signal numbers say what happened: kept.
            let keep = out.ends_with("status ") || out.ends_with("signal ");
            if keep || (in_number && !out.ends_with('N')) {
                out.push(c);
            } else if !in_number {
                out.push('N');
            }
            in_number = true;
        } else {
            in_number = false;
            out.push(c);
        }
        prev = c;
    }
    format!("{}: {}", class.name(), out)
}

/// A reason key (see [`reason_key`]) grouped further: what is missing
/// (a standard package, a name of a package) taken out, and returned as
/// the variant.
fn coarse_key(key: &str) -> (String, Option<String>) {
    if let Some(pkg) = key
        .strip_prefix("build-fail: package ")
        .and_then(|r| r.strip_suffix(" is not in std"))
    {
        return (
            "build-fail: package … is not in std".into(),
            Some(pkg.into()),
        );
    }
    if let Some(name) = key.strip_prefix("build-fail: undefined: ") {
        return match name.split_once('.') {
            Some((pkg, _)) => (format!("build-fail: undefined: {pkg}.…"), Some(name.into())),
            None => ("build-fail: undefined: …".into(), Some(name.into())),
        };
    }
    (key.to_string(), None)
}

/// The most frequent failure reasons: (count, coarse key, its most
/// frequent variants with their counts).
#[allow(clippy::type_complexity)]
fn top_reasons(
    failures: &[(String, Class, String)],
    max: usize,
) -> Vec<(usize, String, Vec<(usize, String)>)> {
    let mut groups: BTreeMap<String, (usize, BTreeMap<String, usize>)> = BTreeMap::new();
    for (_, c, why) in failures {
        let (key, variant) = coarse_key(&reason_key(*c, why));
        let g = groups.entry(key).or_default();
        g.0 += 1;
        if let Some(v) = variant {
            *g.1.entry(v).or_default() += 1;
        }
    }
    let mut v: Vec<(usize, String, Vec<(usize, String)>)> = groups
        .into_iter()
        .map(|(k, (n, vars))| {
            let mut vars: Vec<(usize, String)> = vars.into_iter().map(|(v, n)| (n, v)).collect();
            vars.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            (n, k, vars)
        })
        .collect();
    v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    v.truncate(max);
    v
}

// ---------------------------------------------------------------------------
// Recording with real Go.

/// Builds `f` with real Go in a scratch module and runs it twice.
fn record(go: &gotool::Go, f: &TestFile, suite: &Path, dir: &Path, target: &Target) -> Record {
    // The suite's programs that run others test the toolchain (they run
    // `go build`, `go tool compile`...), which the harness does not give
    // them, and neither does goc.
    if f.runs_programs {
        return Record::GoNeedsTool("imports os/exec to run the go command".into());
    }
    let _ = fs::remove_dir_all(dir);
    if let Err(e) = fs::create_dir_all(dir)
        .and_then(|_| fs::copy(suite.join(&f.rel), dir.join(f.base())).map(|_| ()))
        .and_then(|_| fs::write(dir.join("go.mod"), GO_MOD))
    {
        return Record::GoBuildFail(format!("xtask: cannot prepare {}: {e}", dir.display()));
    }
    let bin = dir.join(f.stem());
    let mut spec = Spec::new(&go.path, GO_BUILD_TIMEOUT);
    spec.args = vec![
        "build".into(),
        "-trimpath".into(),
        "-o".into(),
        bin.display().to_string(),
        f.base().into(),
    ];
    spec.cwd = Some(dir.to_path_buf());
    for (k, v) in gotool::ORACLE_ENV {
        spec.env.push((k.into(), v.into()));
    }
    for (k, v) in [
        ("GO111MODULE", "on"),
        ("GOENV", "off"),
        ("GOOS", "linux"),
        ("GOARCH", goarch(target)),
    ] {
        spec.env.push((k.into(), v.into()));
    }
    let rec = (|| {
        let b = match spec.run() {
            Ok(b) => b,
            Err(e) => return Record::GoBuildFail(format!("cannot start go: {e}")),
        };
        if b.status != Status::Exited(0) {
            let why = first_diagnostic(&b.stderr).unwrap_or_else(|| b.status.to_string());
            return Record::GoBuildFail(shorten(&why, 200));
        }
        if !bin.is_file() {
            return Record::GoBuildFail("go build wrote no executable".into());
        }
        let mut runs = Vec::new();
        for _ in 0..2 {
            match run_program(&bin, f, suite, target, GO_RUN_TIMEOUT) {
                Ok(o) if matches!(o.status, Status::TimedOut(_)) => {
                    return Record::GoTimeout(GO_RUN_TIMEOUT.as_secs())
                }
                Ok(o) => runs.push(o),
                Err(e) => return Record::GoBuildFail(e),
            }
        }
        let (a, b) = (&runs[0], &runs[1]);
        // Programs that test the toolchain run the go command; the harness
        // runs programs with a PATH that has none, as goc has none.
        for out in [&a.stdout, &a.stderr] {
            let text = expect::mask_log_time(out);
            let text = String::from_utf8_lossy(&text);
            if let Some(l) = text
                .lines()
                .find(|l| l.contains("exec: \"go\": executable file not found"))
            {
                return Record::GoNeedsTool(shorten(l.trim(), 160));
            }
        }
        let (ea, eb) = (expect::normalize(&a.stderr), expect::normalize(&b.stderr));
        // Only what differed, not how: the record must not change from one
        // regen to the next.
        for (what, differs) in [
            ("exit status", a.status != b.status),
            ("stdout", a.stdout != b.stdout),
            ("stderr", ea != eb),
        ] {
            if differs {
                return Record::GoFlaky(format!("{what} differs between two runs"));
            }
        }
        Record::Ran {
            status: a.status,
            golden: golden(suite, f, a),
            stdout: Blob::of(&a.stdout),
            stderr: Blob::of(&ea),
        }
    })();
    let _ = fs::remove_dir_all(dir);
    rec
}

/// Whether a run's output is the test's `.out` file (test/run.go compares
/// stdout and stderr together with it).
fn golden(suite: &Path, f: &TestFile, run: &Output) -> Golden {
    let p = suite.join(format!(
        "{}.out",
        f.rel.strip_suffix(".go").unwrap_or(&f.rel)
    ));
    let Ok(want) = fs::read(p) else {
        return Golden::None;
    };
    let joined = |a: &[u8], b: &[u8]| [a, b].concat();
    if want == joined(&run.stdout, &run.stderr) || want == joined(&run.stderr, &run.stdout) {
        Golden::Same
    } else {
        Golden::Differs
    }
}

fn regen(ws: &Workspace, o: &Options) -> Result<bool, String> {
    let target = target_for(o.arch)?;
    let ctx = context(o.arch);
    let files = discover(&o.suite, &o.filters, &ctx)?;
    let progs: Vec<&TestFile> = files.iter().filter(|f| f.scored()).collect();
    if progs.is_empty() {
        return Err(format!("no `// run` program matches {:?}", o.filters));
    }
    let go = gotool::find_go(&ws.target)?;
    if go.version != gotool::GO_VERSION {
        eprintln!(
            "xtask: warning: expectations are meant to come from {}, not {}",
            gotool::GO_VERSION,
            go.version
        );
    }
    eprintln!(
        "gotest --regen: {} programs of {} with {} ({}) for linux/{}; {} jobs",
        progs.len(),
        o.suite.display(),
        go.version,
        go.path.display(),
        ctx.goarch,
        o.jobs
    );
    let tmp = ws.scratch(&format!("gotest-regen-{}", ctx.goarch))?;
    let done = AtomicUsize::new(0);
    let new: Vec<Record> = par_map(&progs, o.jobs, |f| {
        // One directory per program: stems repeat across the suite's
        // directories.
        let dir = tmp.join(f.rel.replace('/', "__"));
        let r = record(&go, f, &o.suite, &dir, &target);
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if o.verbose {
            let what = r.go_failure().unwrap_or_else(|| "recorded".into());
            eprintln!("[{n}/{}] {}: {what}", progs.len(), f.rel);
        } else if n.is_multiple_of(100) {
            eprintln!("gotest --regen: {n}/{}", progs.len());
        }
        r
    });
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir_all(data_dir(ws)).map_err(|e| format!("cannot create testdata/gotest: {e}"))?;

    let (mut ran, mut differs) = (0, 0);
    let mut fails = Vec::new();
    for (f, r) in progs.iter().zip(&new) {
        match r {
            Record::Ran { golden, .. } => {
                ran += 1;
                if *golden == Golden::Differs {
                    differs += 1;
                }
            }
            other => fails.push((f.rel.clone(), other.go_failure().unwrap_or_default())),
        }
    }
    for d in 0..DIRS.len() {
        let mine: Vec<(&&TestFile, &Record)> =
            progs.iter().zip(&new).filter(|(f, _)| f.dir == d).collect();
        if mine.is_empty() {
            continue;
        }
        let path = data_file(ws, d, o.arch);
        let mut recs = read_records(&path)?;
        let base = match o.arch {
            Arch::Host => None,
            Arch::Aarch64 => Some(read_records(&data_file(ws, d, Arch::Host))?),
        };
        if o.filters.is_empty() {
            // A full regen drops records of programs no longer in scope.
            let keep: Vec<&str> = mine.iter().map(|(f, _)| f.rel.as_str()).collect();
            let stale: Vec<String> = recs
                .keys()
                .filter(|k| !keep.contains(&k.as_str()))
                .cloned()
                .collect();
            for k in stale {
                eprintln!(
                    "gotest --regen: dropping the record of {k} (no longer a scored program)"
                );
                recs.remove(&k);
            }
        }
        for (f, r) in mine {
            match &base {
                Some(b) if b.get(&f.rel) == Some(r) => {
                    recs.remove(&f.rel);
                }
                _ => {
                    recs.insert(f.rel.clone(), r.clone());
                }
            }
        }
        let mut header = vec![
            format!(
                "Go's test suite, {}: what real Go did with each single-file `// run` program.",
                dir_label(d)
            ),
            format!(
                "Recorded by `cargo xtask gotest --regen{}` with {} for linux/{}; do not edit.",
                if o.arch == Arch::Aarch64 {
                    " --target aarch64"
                } else {
                    ""
                },
                go.version,
                ctx.goarch
            ),
        ];
        if o.arch == Arch::Aarch64 {
            header.push(format!(
                "Only the programs whose record differs from (or is missing in) {}.",
                data_file(ws, d, Arch::Host)
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
            ));
        }
        header.push(
            "Format: xtask/src/gotest/expect.rs, docs/TESTING.md (\"Go's test suite\").".into(),
        );
        let text = expect::serialize(&header, &recs);
        fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!(
            "gotest --regen: wrote {} ({} records)",
            path.display(),
            recs.len()
        );
    }
    println!(
        "gotest --regen: {} programs: {ran} recorded runs ({differs} print something else than their .out file), {} excluded because real Go fails with them:",
        progs.len(),
        fails.len()
    );
    for (p, why) in &fails {
        println!("  {p}: {why}");
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recipe(s: &str) -> Option<Recipe> {
        header::recipe(s)
    }

    #[test]
    fn scopes() {
        assert_eq!(scope(recipe("// run\n").as_ref()), Scope::Run);
        assert_eq!(
            scope(recipe("// run -gcflags=-l\n").as_ref()),
            Scope::RunLike("run with flags or arguments".into())
        );
        assert_eq!(
            scope(recipe("// rundir\n").as_ref()),
            Scope::RunLike("rundir".into())
        );
        assert_eq!(scope(recipe("// errorcheck\n").as_ref()), Scope::Other);
        assert_eq!(scope(None), Scope::Other);
        assert!(in_sweep(recipe("//errorcheck -0 -m\n").as_ref()));
        assert!(in_sweep(recipe("// run -race\n").as_ref()));
        assert!(in_sweep(recipe("// compile\n").as_ref()));
        assert!(!in_sweep(recipe("// rundir\n").as_ref()));
        assert!(!in_sweep(recipe("// skip\n").as_ref()));
    }

    #[test]
    fn crash_signatures() {
        let panic = b"thread 'main' panicked at compiler/src/types.rs:12:5:\nindex out of bounds\nnote: run with `RUST_BACKTRACE=1`\n";
        assert_eq!(
            crash_signature(Status::Exited(101), panic).as_deref(),
            Some("thread 'main' panicked at compiler/src/types.rs:12:5: index out of bounds")
        );
        let so = b"\nthread 'goc' (12345) has overflowed its stack\nfatal runtime error: stack overflow\n";
        assert_eq!(
            crash_signature(Status::Signaled(6), so).as_deref(),
            Some("thread 'goc' has overflowed its stack")
        );
        assert_eq!(
            mask_thread_ids("a' (1) thread 'x' (77) b"),
            "a' (1) thread 'x' b"
        );
        let ie = b"codegen: main.f: internal error: bad type\n";
        assert!(crash_signature(Status::Exited(1), ie)
            .unwrap()
            .contains("internal error"));
        let ver = b"codegen: f: Cranelift verifier rejected the lowering (a backend bug):\n  inst3: bad\n";
        assert_eq!(
            crash_signature(Status::Exited(1), ver).as_deref(),
            Some(
                "codegen: f: Cranelift verifier rejected the lowering (a backend bug): inst3: bad"
            )
        );
        assert_eq!(
            crash_signature(Status::Exited(1), b"x.go:1:2: undefined: y\n"),
            None
        );
        assert_eq!(crash_signature(Status::Exited(0), b""), None);
        assert_eq!(
            crash_signature(Status::Signaled(11), b"").as_deref(),
            Some("killed by signal 11 (SIGSEGV)")
        );
        assert_eq!(
            crash_signature(Status::Exited(3), b"boom\n").as_deref(),
            Some("exit status 3: boom")
        );
    }

    fn out(status: Status, stdout: &[u8], stderr: &[u8]) -> Output {
        Output {
            status,
            stdout: stdout.to_vec(),
            stderr: stderr.to_vec(),
            elapsed: Duration::ZERO,
        }
    }

    #[test]
    fn classification() {
        let rec = Record::Ran {
            status: Status::Exited(2),
            golden: Golden::None,
            stdout: Blob::of(b"a\nb\n"),
            stderr: Blob::of(&expect::normalize(
                b"panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/x.go:3 +0x1d\n",
            )),
        };
        let goc_panic = b"panic: boom\n\ngoroutine 1 [running]:\nsomething else\n";
        let c = |o: Output| classify(&rec, &o).0;
        assert_eq!(c(out(Status::Exited(2), b"a\nb\n", goc_panic)), Class::Pass);
        assert_eq!(
            c(out(Status::Exited(2), b"a\nc\n", goc_panic)),
            Class::WrongOutput
        );
        assert_eq!(
            c(out(Status::Exited(2), b"a\nb\n", b"panic: bang\n")),
            Class::WrongOutput
        );
        assert_eq!(c(out(Status::Exited(0), b"a\nb\n", b"")), Class::WrongExit);
        assert_eq!(c(out(Status::Signaled(11), b"", b"")), Class::Crash);
        assert_eq!(
            c(out(Status::TimedOut(Duration::from_secs(10)), b"", b"")),
            Class::Timeout
        );
        let (_, why) = classify(&rec, &out(Status::Exited(2), b"a\nc\n", goc_panic));
        assert_eq!(why, "stdout line 2: want \"b\\n\", got \"c\\n\"");
        let long = Record::Ran {
            status: Status::Exited(0),
            golden: Golden::None,
            stdout: Blob::of(b"0123456789012345678901234567890123456789 tail A\n"),
            stderr: Blob::of(b""),
        };
        let (_, why) = classify(
            &long,
            &out(
                Status::Exited(0),
                b"0123456789012345678901234567890123456789 tail B\n",
                b"",
            ),
        );
        assert_eq!(
            why,
            "stdout line 1: want \"…67890123456789 tail A\\n\", got \"…67890123456789 tail B\\n\""
        );
        let (_, why) = classify(&rec, &out(Status::Exited(1), b"", b"fatal: x\n"));
        assert_eq!(why, "want exit status 2, got exit status 1: fatal: x");
    }

    #[test]
    fn reason_keys() {
        assert_eq!(
            reason_key(
                Class::BuildFail,
                "absdiff.go:10:2: generic type constraints are not supported by goc"
            ),
            "build-fail: generic type constraints are not supported by goc"
        );
        assert_eq!(
            reason_key(Class::WrongOutput, "stdout line 12: want \"x\", got \"y\""),
            "wrong-output: stdout line N: want \"…\", got \"…\""
        );
        assert_eq!(
            reason_key(
                Class::BuildFail,
                "x.go:3:1: undefined: complex128 (2 times)"
            ),
            "build-fail: undefined: complex128 (N times)"
        );
        assert_eq!(
            reason_key(
                Class::WrongExit,
                "want exit status 0, got exit status 2: panic: 12"
            ),
            "wrong-exit: want exit status 0, got exit status 2: panic: N"
        );
        let f = vec![
            ("a".into(), Class::Timeout, "timed out after 10 s".into()),
            ("b".into(), Class::Timeout, "timed out after 10 s".into()),
            ("c".into(), Class::Crash, "killed".into()),
        ];
        assert_eq!(
            top_reasons(&f, 5),
            vec![
                (2, "timeout: timed out after N s".into(), vec![]),
                (1, "crash: killed".into(), vec![])
            ]
        );
        let f = vec![
            (
                "a".into(),
                Class::BuildFail,
                "a.go:1:2: package unsafe is not in std".into(),
            ),
            (
                "b".into(),
                Class::BuildFail,
                "b.go:1:2: package log is not in std".into(),
            ),
            (
                "c".into(),
                Class::BuildFail,
                "c.go:1:2: package unsafe is not in std".into(),
            ),
            (
                "d".into(),
                Class::BuildFail,
                "d.go:1:2: undefined: runtime.Caller".into(),
            ),
        ];
        assert_eq!(
            top_reasons(&f, 5),
            vec![
                (
                    3,
                    "build-fail: package … is not in std".into(),
                    vec![(2, "unsafe".into()), (1, "log".into())]
                ),
                (
                    1,
                    "build-fail: undefined: runtime.…".into(),
                    vec![(1, "runtime.Caller".into())]
                ),
            ]
        );
    }

    #[test]
    fn options() {
        let a = |s: &[&str]| parse_args(&s.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        let o = a(&[
            "--timeout",
            "2.5",
            "-j",
            "3",
            "--min-pass=40%",
            "--no-sweep",
            "ken/",
        ])
        .unwrap()
        .unwrap();
        assert_eq!(o.timeout, Duration::from_millis(2500));
        assert_eq!((o.jobs, o.min_pass, o.sweep), (3, Some(40.0), false));
        assert_eq!(o.filters, vec!["ken/"]);
        assert!(a(&["--bogus"]).is_err());
        assert!(a(&["-j", "0"]).is_err());
        assert!(a(&["--help"]).unwrap().is_none());
    }
}
