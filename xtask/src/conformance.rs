//! The conformance suites: Go programs under testdata/ whose behaviour under
//! goc must equal what real Go recorded for them.
//!
//! * `testdata/run/NAME.go` is built with `goc build` and run; its stdout,
//!   stderr and exit status are compared with `NAME.stdout`, `NAME.stderr`,
//!   `NAME.status` under the rules in [`crate::compare`]. Optional inputs:
//!   `NAME.stdin` (fed to stdin), `NAME.args` (one argument per line),
//!   `NAME.env` (KEY=VALUE lines; the program otherwise gets an empty
//!   environment). argv[0] is always `NAME` and the working directory is the
//!   suite's folder, so nothing about the machine leaks into the outputs.
//! * A case may also be a module, `testdata/run/NAME/` (or
//!   `testdata/errors/NAME/`) holding a go.mod and its packages: it is built
//!   with `goc build .` (`go build .`) inside that directory, and its
//!   expected files sit beside the directory as for a one-file case.
//! * `testdata/errors/NAME.go` must be rejected by `goc build` with exit
//!   status 1, and the first line of its stderr (path reduced to the bare
//!   file name) must equal `NAME.expect`.
//!
//! `--regen` re-records every expected file from real Go (see
//! [`crate::gotool`]); each program is run twice and must behave the same
//! both times, so a recorded output never depends on chance.
//!
//! The aarch64 pass (`--target aarch64`, and a step of `cargo xtask test`)
//! builds the run/ programs with `goc build --target
//! aarch64-unknown-linux-gnu` and starts them under qemu-aarch64 (see
//! [`Target`]), comparing with the same expected files by the same rules;
//! the errors/ cases do not depend on the target and are not repeated.
//!
//! More suites belong in [`SUITES`]: a stress suite (repeated runs) is
//! planned there.

use crate::compare::{first_diagnostic, normalize_diagnostic, normalize_stderr, short_diff};
use crate::exec::{Output, Spec, Status};
use crate::gotool;
use crate::pool::par_map;
use crate::{Tally, Workspace};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a test program may run before it counts as hung.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one `goc build` may take.
pub const BUILD_TIMEOUT: Duration = Duration::from_secs(120);
/// How long one real `go build` may take (the first one fills Go's cache).
const GO_BUILD_TIMEOUT: Duration = Duration::from_secs(600);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Build, run, compare stdout/stderr/status.
    Run,
    /// Build must fail with a given first diagnostic.
    Errors,
}

pub struct SuiteDef {
    /// Folder under testdata/ and prefix of the case ids ("run/hello").
    pub dir: &'static str,
    pub kind: Kind,
}

/// Every suite `cargo xtask conformance` runs, in order.
pub const SUITES: &[SuiteDef] = &[
    SuiteDef {
        dir: "run",
        kind: Kind::Run,
    },
    SuiteDef {
        dir: "errors",
        kind: Kind::Errors,
    },
    // Later: SuiteDef { dir: "stress", kind: Kind::Stress } (repeated runs).
];

/// The architecture `--target` selects for the conformance programs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arch {
    /// goc's default target (the host), every suite.
    Host,
    /// aarch64 Linux, the run/ suite, under qemu-aarch64 unless the host is
    /// aarch64.
    Aarch64,
}

impl Arch {
    /// `--target` values: a GOARCH or architecture name, or a triple.
    pub fn parse(s: &str) -> Option<Arch> {
        let arch = s.split('-').next().unwrap_or(s);
        match arch {
            "host" => Some(Arch::Host),
            "amd64" | "x86_64" if cfg!(target_arch = "x86_64") => Some(Arch::Host),
            "arm64" | "aarch64" => Some(Arch::Aarch64),
            _ => None,
        }
    }
}

/// The triple goc is given for the aarch64 pass.
pub const AARCH64_TRIPLE: &str = "aarch64-unknown-linux-gnu";

/// Emulated programs get this many times `RUN_TIMEOUT` (qemu-user
/// translates code as it first runs it; typical programs are 2-5x slower).
const EMULATION_SLOWDOWN: u32 = 3;

/// Where compiled test programs are built for and execute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// goc's default target, run directly.
    Host,
    /// `goc build --target aarch64-unknown-linux-gnu`, run under this
    /// qemu-aarch64 (directly when `None`: the host is aarch64).
    Aarch64 { qemu: Option<PathBuf> },
}

impl Target {
    /// Prefix of the case ids in reports ("" for the host).
    pub fn label(&self) -> &'static str {
        match self {
            Target::Host => "",
            Target::Aarch64 { .. } => "aarch64:",
        }
    }

    /// True when programs run directly rather than under an emulator (whose
    /// own resource use would then be measured).
    pub fn runs_natively(&self) -> bool {
        matches!(self, Target::Host | Target::Aarch64 { qemu: None })
    }

    /// Extra `goc build` arguments.
    pub fn build_args(&self) -> Vec<String> {
        match self {
            Target::Host => Vec::new(),
            Target::Aarch64 { .. } => vec!["--target".into(), AARCH64_TRIPLE.into()],
        }
    }

    /// The spec that runs `binary` on this target, with `arg0` as its
    /// argv[0]; the caller appends the program's arguments.
    pub fn runner(&self, binary: &Path, arg0: &str) -> Spec {
        match self {
            Target::Host | Target::Aarch64 { qemu: None } => {
                let mut spec = Spec::new(binary, RUN_TIMEOUT);
                spec.arg0 = Some(arg0.to_string());
                spec
            }
            Target::Aarch64 { qemu: Some(q) } => {
                // qemu-aarch64 [-0 argv0] program args...: options stop at
                // the program, so the program's own arguments pass through.
                let mut spec = Spec::new(q, RUN_TIMEOUT * EMULATION_SLOWDOWN);
                spec.arg0 = Some(arg0.to_string());
                spec.args = vec!["-0".into(), arg0.into(), binary.display().to_string()];
                spec
            }
        }
    }
}

/// True when running under CI (`CI` set to anything but empty or `false`),
/// where a missing qemu or aarch64 runtime is a failure, not a skip.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false")
}

/// The qemu-aarch64 to use: `$QEMU_AARCH64`, else `qemu-aarch64` on PATH.
/// On an aarch64 host, `Ok(None)`: programs run directly.
pub fn find_qemu_aarch64() -> Result<Option<PathBuf>, String> {
    if cfg!(target_arch = "aarch64") {
        return Ok(None);
    }
    if let Some(p) = std::env::var_os("QEMU_AARCH64").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        if !p.is_file() {
            return Err(format!("QEMU_AARCH64={}: no such file", p.display()));
        }
        return Ok(Some(p));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join("qemu-aarch64"))
        .find(|p| p.is_file())
        .map(Some)
        .ok_or_else(|| {
            "qemu-aarch64 not found (Debian: apt-get install qemu-user; or set QEMU_AARCH64)".into()
        })
}

/// Checks that `goc` embeds an aarch64 runtime (`goc env` says so).
pub fn goc_has_aarch64(goc: &Path) -> Result<(), String> {
    let mut spec = Spec::new(goc, BUILD_TIMEOUT);
    spec.args = vec![
        "env".into(),
        "--target".into(),
        AARCH64_TRIPLE.into(),
        "GOCRUNTIME".into(),
    ];
    let out = spec
        .run()
        .map_err(|e| format!("cannot start {}: {e}", goc.display()))?;
    let text = String::from_utf8_lossy(&out.stdout);
    if out.status == Status::Exited(0) && text.starts_with("embedded") {
        Ok(())
    } else {
        Err(format!(
            "{} has no aarch64 runtime: {}{}",
            goc.display(),
            text.trim(),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

#[derive(Clone, Debug)]
pub struct Case {
    pub kind: Kind,
    pub suite: &'static str,
    pub name: String,
    pub dir: PathBuf,
    /// A module directory `NAME/` rather than a file `NAME.go`.
    pub module: bool,
}

impl Case {
    pub fn id(&self) -> String {
        format!("{}/{}", self.suite, self.name)
    }
    pub fn src(&self) -> PathBuf {
        self.file("go")
    }
    pub fn file(&self, ext: &str) -> PathBuf {
        self.dir.join(format!("{}.{}", self.name, ext))
    }
}

#[derive(Clone)]
pub struct Options {
    pub regen: bool,
    pub goc: Option<PathBuf>,
    pub filters: Vec<String>,
    pub jobs: usize,
    pub verbose: bool,
    /// `--target`: which architecture the programs are built for.
    pub arch: Arch,
    /// GOCDEBUG for the programs goc built (from the environment; see
    /// `run_program`).
    pub gocdebug: Option<String>,
}

/// Lists the cases of every suite, sorted by name, keeping those whose id
/// contains one of `filters` (all of them when there is no filter).
pub fn discover(ws: &Workspace, filters: &[String]) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    for s in SUITES {
        let dir = ws.root.join("testdata").join(s.dir);
        let mut names = Vec::new();
        let rd = fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in rd {
            let entry = entry.map_err(|e| e.to_string())?;
            let file = entry.file_name().to_string_lossy().into_owned();
            if let Some(name) = file.strip_suffix(".go") {
                names.push((name.to_string(), false));
            } else if entry.path().join("go.mod").is_file() {
                names.push((file, true));
            }
        }
        names.sort();
        for (name, module) in names {
            let c = Case {
                kind: s.kind,
                suite: s.dir,
                name,
                dir: dir.clone(),
                module,
            };
            if filters.is_empty() || filters.iter().any(|f| c.id().contains(f.as_str())) {
                cases.push(c);
            }
        }
        warn_orphans(&dir);
    }
    Ok(cases)
}

/// Expected-output files whose program is gone are reported, not deleted.
fn warn_orphans(dir: &Path) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    let mut orphans: Vec<String> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|f| !f.ends_with(".go") && !f.starts_with('.'))
        .filter(|f| {
            let stem = f.rsplit_once('.').map(|(s, _)| s).unwrap_or(f);
            !dir.join(format!("{stem}.go")).exists() && !dir.join(stem).join("go.mod").is_file()
        })
        .collect();
    orphans.sort();
    for o in orphans {
        eprintln!(
            "xtask: warning: {} has no matching .go program",
            dir.join(o).display()
        );
    }
}

/// `cargo xtask conformance`: returns the tally; prints failures and the
/// final `N passed, M failed` line (unless `quiet_summary`).
pub fn conformance(ws: &Workspace, opts: &Options) -> Result<Tally, String> {
    let cases = discover(ws, &opts.filters)?;
    if cases.is_empty() {
        return Err(format!("no test case matches {:?}", opts.filters));
    }
    if opts.regen {
        if opts.arch != Arch::Host {
            return Err("--regen records with real Go on the host; it takes no --target".into());
        }
        return regen(ws, &cases, opts);
    }
    let goc = match &opts.goc {
        Some(p) => p.clone(),
        None => ws.build_goc()?,
    };
    match opts.arch {
        Arch::Host => run_cases(ws, &goc, &cases, opts, &Target::Host),
        Arch::Aarch64 => {
            let target = Target::Aarch64 {
                qemu: find_qemu_aarch64()?,
            };
            goc_has_aarch64(&goc)?;
            let cases: Vec<Case> = cases.into_iter().filter(|c| c.kind == Kind::Run).collect();
            if cases.is_empty() {
                return Err(format!("no run/ program matches {:?}", opts.filters));
            }
            run_cases(ws, &goc, &cases, opts, &target)
        }
    }
}

/// The aarch64 pass of `cargo xtask test`: the run/ programs built for
/// aarch64 and run under qemu-aarch64. `None` (with a note) when qemu or
/// goc's aarch64 runtime is missing on a developer machine; in CI that is
/// a failure.
pub fn aarch64_pass(ws: &Workspace, opts: &Options) -> Option<Tally> {
    let any_run = discover(ws, &opts.filters)
        .map(|cs| cs.iter().any(|c| c.kind == Kind::Run))
        .unwrap_or(true);
    if !any_run {
        println!("xtask: conformance (aarch64): no run/ program selected");
        return None;
    }
    let opts = Options {
        regen: false,
        goc: opts.goc.clone(),
        filters: opts.filters.clone(),
        jobs: opts.jobs,
        verbose: opts.verbose,
        arch: Arch::Aarch64,
        gocdebug: opts.gocdebug.clone(),
    };
    let goc = match &opts.goc {
        Some(p) => p.clone(),
        None => match ws.build_goc() {
            Ok(p) => p,
            Err(e) => {
                eprintln!("xtask: conformance (aarch64): {e}");
                return Some(Tally {
                    passed: 0,
                    failed: 1,
                });
            }
        },
    };
    let missing = find_qemu_aarch64()
        .and_then(|_| goc_has_aarch64(&goc))
        .err();
    if let Some(why) = missing {
        if in_ci() {
            eprintln!("xtask: conformance (aarch64): {why} (required in CI)");
            return Some(Tally {
                passed: 0,
                failed: 1,
            });
        }
        println!("xtask: conformance (aarch64) skipped: {why}");
        return None;
    }
    let opts = Options {
        goc: Some(goc),
        ..opts
    };
    match conformance(ws, &opts) {
        Ok(t) => Some(t),
        Err(e) => {
            eprintln!("xtask: conformance (aarch64): {e}");
            Some(Tally {
                passed: 0,
                failed: 1,
            })
        }
    }
}

/// Checks `cases` against `goc` for `target`, `opts.jobs` at a time.
fn run_cases(
    ws: &Workspace,
    goc: &Path,
    cases: &[Case],
    opts: &Options,
    target: &Target,
) -> Result<Tally, String> {
    let label = target.label();
    let tmp = ws.scratch(&format!("conformance{}", label.trim_end_matches(':')))?;
    let nrun = cases.iter().filter(|c| c.kind == Kind::Run).count();
    let place = match target {
        Target::Host => String::new(),
        Target::Aarch64 { qemu: Some(q) } => format!(" for aarch64 under {}", q.display()),
        Target::Aarch64 { qemu: None } => " for aarch64".into(),
    };
    println!(
        "conformance{place}: {} programs, {} error cases; goc = {}; {} jobs",
        nrun,
        cases.len() - nrun,
        goc.display(),
        opts.jobs
    );
    let results = par_map(cases, opts.jobs, |c| {
        let r = match c.kind {
            Kind::Run => check_run(ws, goc, c, &tmp, target, opts.gocdebug.as_deref()),
            Kind::Errors => check_error(ws, goc, c, &tmp),
        };
        if opts.verbose {
            match &r {
                Ok(()) => println!("ok   {label}{}", c.id()),
                Err(_) => println!("FAIL {label}{}", c.id()),
            }
        }
        r
    });
    let _ = fs::remove_dir_all(&tmp);
    let mut tally = Tally::default();
    for (c, r) in cases.iter().zip(results) {
        match r {
            Ok(()) => tally.passed += 1,
            Err(why) => {
                tally.failed += 1;
                println!("{}", failure_report(&format!("{label}{}", c.id()), &why));
            }
        }
    }
    Ok(tally)
}

/// `FAIL id: first reason`, further lines indented under it.
fn failure_report(id: &str, why: &str) -> String {
    let mut lines = why.trim_end().lines();
    let mut out = format!("FAIL {id}: {}", lines.next().unwrap_or("failed"));
    for l in lines {
        out.push('\n');
        if !l.starts_with("    ") {
            out.push_str("    ");
        }
        out.push_str(l);
    }
    out
}

/// The inputs of a run case, read from its optional side files.
pub struct Inputs {
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    pub stdin: Option<Vec<u8>>,
}

pub fn read_inputs(c: &Case) -> Result<Inputs, String> {
    let read = |ext: &str| -> Result<Option<Vec<u8>>, String> {
        let p = c.file(ext);
        match fs::read(&p) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: {e}", p.display())),
        }
    };
    let args = read("args")?
        .map(|b| parse_args(&String::from_utf8_lossy(&b)))
        .unwrap_or_default();
    let env = match read("env")? {
        Some(b) => parse_env(&String::from_utf8_lossy(&b))
            .map_err(|e| format!("{}: {e}", c.file("env").display()))?,
        None => Vec::new(),
    };
    Ok(Inputs {
        args,
        env,
        stdin: read("stdin")?,
    })
}

/// NAME.args: one argument per line; a final newline does not start another
/// argument, but empty lines before it are empty arguments.
pub fn parse_args(text: &str) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    body.split('\n').map(str::to_string).collect()
}

/// NAME.env: KEY=VALUE per line; blank lines and lines starting with `#`
/// are skipped; the value is everything after the first `=`.
pub fn parse_env(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once('=') {
            Some((k, v)) if !k.is_empty() => out.push((k.to_string(), v.to_string())),
            _ => return Err(format!("line {}: expected KEY=VALUE, got {line:?}", i + 1)),
        }
    }
    Ok(out)
}

/// Runs a built test program the way both the oracle and goc are run.
/// `gocdebug`, goc's runtime debug switches (docs/TESTING.md), is set for
/// the program unless the case has its own environment (NAME.env), which
/// it then gets exactly.
fn run_program(
    c: &Case,
    binary: &Path,
    target: &Target,
    gocdebug: Option<&str>,
) -> Result<Output, String> {
    let inputs = read_inputs(c)?;
    let mut spec = target.runner(binary, &c.name);
    spec.args.extend(inputs.args);
    spec.clear_env = true;
    spec.env = inputs.env;
    if let (true, Some(v)) = (spec.env.is_empty(), gocdebug) {
        spec.env.push(("GOCDEBUG".into(), v.to_string()));
    }
    spec.stdin = inputs.stdin;
    spec.cwd = Some(c.dir.clone());
    spec.run()
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))
}

fn goc_build(
    ws: &Workspace,
    goc: &Path,
    c: &Case,
    out: &Path,
    target: &Target,
) -> Result<Output, String> {
    let mut spec = Spec::new(goc, BUILD_TIMEOUT);
    let src = c.src();
    let rel = src.strip_prefix(&ws.root).unwrap_or(&src);
    spec.args = vec!["build".into()];
    spec.args.extend(target.build_args());
    spec.args.extend(["-o".into(), out.display().to_string()]);
    if c.module {
        spec.args.push(".".into());
        spec.cwd = Some(c.dir.join(&c.name));
    } else {
        spec.args.push(rel.display().to_string());
        spec.cwd = Some(ws.root.clone());
    }
    spec.run()
        .map_err(|e| format!("cannot start {}: {e}", goc.display()))
}

fn head(bytes: &[u8], lines: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut s: String = text
        .lines()
        .take(lines)
        .map(|l| format!("    | {l}\n"))
        .collect();
    if text.lines().count() > lines {
        s.push_str("    | ...\n");
    }
    s
}

fn read_expected(p: &Path) -> Result<Vec<u8>, String> {
    fs::read(p).map_err(|e| {
        format!(
            "missing expected file {} ({e}); run `cargo xtask conformance --regen`",
            p.display()
        )
    })
}

fn check_run(
    ws: &Workspace,
    goc: &Path,
    c: &Case,
    tmp: &Path,
    target: &Target,
    gocdebug: Option<&str>,
) -> Result<(), String> {
    let want_stdout = read_expected(&c.file("stdout"))?;
    let want_stderr = read_expected(&c.file("stderr"))?;
    let status_text = String::from_utf8_lossy(&read_expected(&c.file("status"))?)
        .trim()
        .to_string();
    let want_status: i32 = status_text.parse().map_err(|_| {
        format!(
            "{}: not an exit code: {status_text:?}",
            c.file("status").display()
        )
    })?;

    let bin = tmp.join(&c.name);
    let b = goc_build(ws, goc, c, &bin, target)?;
    if b.status != Status::Exited(0) {
        return Err(format!("goc build: {}\n{}", b.status, head(&b.stderr, 8)));
    }
    if !bin.is_file() {
        return Err(format!(
            "goc build: {} but wrote no {}\n{}",
            b.status,
            bin.display(),
            head(&b.stderr, 8)
        ));
    }
    let got = run_program(c, &bin, target, gocdebug)?;
    let _ = fs::remove_file(&bin);
    let mut why = String::new();
    if got.status.code() != Some(want_status) {
        why.push_str(&format!(
            "status: want exit status {want_status}, got {}\n",
            got.status
        ));
    }
    if got.stdout != want_stdout {
        why.push_str(&format!(
            "stdout differs\n{}",
            short_diff(&want_stdout, &got.stdout, 6)
        ));
    }
    let (we, ge) = (
        normalize_stderr(&want_stderr, want_status),
        normalize_stderr(&got.stderr, want_status),
    );
    if we != ge {
        why.push_str(&format!("stderr differs\n{}", short_diff(&we, &ge, 6)));
    }
    if why.is_empty() {
        Ok(())
    } else {
        Err(why)
    }
}

fn check_error(ws: &Workspace, goc: &Path, c: &Case, tmp: &Path) -> Result<(), String> {
    let expect_raw = read_expected(&c.file("expect"))?;
    let expect = normalize_diagnostic(
        String::from_utf8_lossy(&expect_raw)
            .lines()
            .next()
            .unwrap_or(""),
    );
    let bin = tmp.join(&c.name);
    let b = goc_build(ws, goc, c, &bin, &Target::Host)?;
    let _ = fs::remove_file(&bin);
    let got = first_diagnostic(&b.stderr);
    let mut why = String::new();
    if b.status != Status::Exited(1) {
        why.push_str(&format!(
            "goc build: want exit status 1, got {}\n",
            b.status
        ));
    }
    if got.as_deref() != Some(expect.as_str()) {
        why.push_str(&format!(
            "first diagnostic differs\n    -{expect}\n    +{}\n",
            got.as_deref().unwrap_or("(no diagnostic on stderr)")
        ));
        if String::from_utf8_lossy(&b.stderr).lines().count() > 1 {
            why.push_str(&head(&b.stderr, 6));
        }
    }
    if why.is_empty() {
        Ok(())
    } else {
        Err(why)
    }
}

// ---------------------------------------------------------------------------
// Recording expected outputs with real Go.

fn go_build(go: &gotool::Go, c: &Case, out: &Path, trimpath: bool) -> Result<Output, String> {
    let mut spec = Spec::new(&go.path, GO_BUILD_TIMEOUT);
    spec.args = vec!["build".into()];
    if trimpath {
        spec.args.push("-trimpath".into());
    }
    spec.args.extend(["-o".into(), out.display().to_string()]);
    if c.module {
        spec.args.push(".".into());
        spec.cwd = Some(c.dir.join(&c.name));
    } else {
        spec.args.push(format!("{}.go", c.name));
        spec.cwd = Some(c.dir.clone());
    }
    for (k, v) in gotool::ORACLE_ENV {
        spec.env.push((k.into(), v.into()));
    }
    spec.run()
        .map_err(|e| format!("cannot start {}: {e}", go.path.display()))
}

fn regen(ws: &Workspace, cases: &[Case], opts: &Options) -> Result<Tally, String> {
    let go = gotool::find_go(&ws.target)?;
    println!(
        "regen: recording with {} at {} ({})",
        go.version,
        go.path.display(),
        go.origin
    );
    if go.version != gotool::GO_VERSION {
        eprintln!(
            "xtask: warning: expected outputs are meant to come from {}, not {}",
            gotool::GO_VERSION,
            go.version
        );
    }
    let tmp = ws.scratch("regen")?;
    let results = par_map(cases, opts.jobs, |c| {
        let r = match c.kind {
            Kind::Run => regen_run(&go, c, &tmp),
            Kind::Errors => regen_error(&go, c, &tmp),
        };
        if opts.verbose && r.is_ok() {
            println!("recorded {}", c.id());
        }
        r
    });
    let _ = fs::remove_dir_all(&tmp);
    let mut tally = Tally::default();
    for (c, r) in cases.iter().zip(results) {
        match r {
            Ok(()) => tally.passed += 1,
            Err(why) => {
                tally.failed += 1;
                println!("{}", failure_report(&c.id(), &why));
            }
        }
    }
    println!(
        "regen: wrote expected files under {}",
        ws.root.join("testdata").display()
    );
    Ok(tally)
}

fn regen_run(go: &gotool::Go, c: &Case, tmp: &Path) -> Result<(), String> {
    let bin = tmp.join(&c.name);
    let b = go_build(go, c, &bin, true)?;
    if b.status != Status::Exited(0) {
        return Err(format!(
            "real Go cannot build it: {}\n{}",
            b.status,
            head(&b.stderr, 8)
        ));
    }
    let first = run_program(c, &bin, &Target::Host, None)?;
    let second = run_program(c, &bin, &Target::Host, None)?;
    let _ = fs::remove_file(&bin);
    let Some(code) = first.status.code() else {
        return Err(format!("under real Go it {}", first.status));
    };
    // Stored masked: Go randomises heap addresses, and the masked form is
    // what comparisons see anyway; this keeps re-recording byte-stable.
    let stderr = crate::compare::mask_hex(&first.stderr);
    let status = code;
    if first.status != second.status
        || first.stdout != second.stdout
        || crate::compare::normalize_stderr(&stderr, status)
            != crate::compare::normalize_stderr(&second.stderr, status)
    {
        return Err(format!(
            "not deterministic under real Go: two runs differ\n{}{}",
            short_diff(&first.stdout, &second.stdout, 4),
            short_diff(&stderr, &crate::compare::mask_hex(&second.stderr), 4)
        ));
    }
    if first.elapsed > Duration::from_secs(1) {
        eprintln!(
            "xtask: warning: {} takes {:.2}s under real Go (keep programs under 1s)",
            c.id(),
            first.elapsed.as_secs_f64()
        );
    }
    write(&c.file("stdout"), &first.stdout)?;
    write(&c.file("stderr"), &stderr)?;
    write(&c.file("status"), format!("{code}\n").as_bytes())
}

fn regen_error(go: &gotool::Go, c: &Case, tmp: &Path) -> Result<(), String> {
    let bin = tmp.join(&c.name);
    let b = go_build(go, c, &bin, false)?;
    let _ = fs::remove_file(&bin);
    if b.status != Status::Exited(1) {
        return Err(format!(
            "real Go should reject it with exit status 1, got {}",
            b.status
        ));
    }
    let diag = first_diagnostic(&b.stderr).ok_or("real Go printed no diagnostic")?;
    write(&c.file("expect"), format!("{diag}\n").as_bytes())
}

fn write(p: &Path, data: &[u8]) -> Result<(), String> {
    fs::write(p, data).map_err(|e| format!("cannot write {}: {e}", p.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failure_report_indents_details() {
        let r = failure_report("run/x", "status: want 0\nstderr differs\n    -a\n    +b\n");
        assert_eq!(
            r,
            "FAIL run/x: status: want 0\n    stderr differs\n    -a\n    +b"
        );
    }

    #[test]
    fn target_spellings() {
        for s in [
            "aarch64",
            "arm64",
            "aarch64-unknown-linux-gnu",
            "aarch64-linux",
        ] {
            assert_eq!(Arch::parse(s), Some(Arch::Aarch64), "{s}");
        }
        assert_eq!(Arch::parse("host"), Some(Arch::Host));
        assert_eq!(Arch::parse("riscv64"), None);
    }

    #[test]
    fn qemu_runner_passes_arg0_and_binary() {
        let t = Target::Aarch64 {
            qemu: Some(PathBuf::from("/usr/bin/qemu-aarch64")),
        };
        let spec = t.runner(Path::new("/tmp/x/hello"), "hello");
        assert_eq!(spec.program, PathBuf::from("/usr/bin/qemu-aarch64"));
        assert_eq!(spec.args, vec!["-0", "hello", "/tmp/x/hello"]);
        assert_eq!(spec.timeout, RUN_TIMEOUT * EMULATION_SLOWDOWN);
        assert_eq!(t.build_args(), vec!["--target", AARCH64_TRIPLE]);
    }

    #[test]
    fn args_are_lines() {
        assert_eq!(parse_args(""), Vec::<String>::new());
        assert_eq!(parse_args("a\nb c\n"), vec!["a", "b c"]);
        assert_eq!(parse_args("a\n\nb"), vec!["a", "", "b"]);
        assert_eq!(parse_args("\n"), vec![""]);
    }

    #[test]
    fn env_is_key_value_lines() {
        let e = parse_env("# comment\nA=1\n\nB=x=y\nEMPTY=\n").unwrap();
        assert_eq!(
            e,
            vec![
                ("A".into(), "1".into()),
                ("B".into(), "x=y".into()),
                ("EMPTY".into(), "".into())
            ]
        );
        assert!(parse_env("novalue\n").is_err());
        assert!(parse_env("=v\n").is_err());
    }
}
