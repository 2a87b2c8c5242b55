//! `cargo xtask stress`: the runtime under load.
//!
//! Every `testdata/stress/NAME.go` is a self-checking Go program (goroutine
//! storms, channel graphs, select storms) whose stdout, stderr (where
//! `println` writes) and exit status real Go recorded in `NAME.stdout`,
//! `NAME.stderr` and `NAME.status` (`--regen`). Each is built
//! once with goc and run `--reps` times (default 3) under each GOMAXPROCS of
//! `--procs` (default 1,2,8). A run passes when its output and status equal
//! the recorded ones within `TIMEOUT`; a hang is killed and fails. A race
//! that loses a message or a wake-up shows up as a wrong sum or a hang, so
//! the repetitions are the point: a test that passes once is not yet a test
//! that passes.
//!
//! With `--target aarch64` the programs are built for aarch64 and run under
//! qemu-aarch64 (`cargo xtask test` does one run of each there).
//!
//! Two optional side files:
//!
//! * `NAME.skip`: the case is not built or run; the harness prints that it
//!   is skipped and the file's text (why: `needs the collector (issue 5)`).
//!   `--regen` still records it.
//! * `NAME.maxrss`: a limit on the peak resident set size of every run, as
//!   `64MB` (units `KB`, `MB`, `GB`, powers of 1024; a bare number is KB).
//!   Such runs go through the benchmark harness's spawner (`measure.rs`),
//!   which reads the child's `ru_maxrss` from `wait4`, and a run above the
//!   limit fails. Under qemu the figure would be the emulator's, so the
//!   limit is checked only where the program runs natively.
//!
//! ```text
//! cargo xtask stress [--regen] [--reps N] [--procs 1,2,8] [--target aarch64] [--goc PATH] [FILTER...]
//! ```

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::conformance::{self, Target};
use crate::exec::{Spec, Status};
use crate::measure::{self, End, Job, Place};
use crate::{gotool, Tally, Workspace};

/// One run's limit: the programs take well under a second under real Go.
const TIMEOUT: Duration = Duration::from_secs(60);
const BUILD_TIMEOUT: Duration = Duration::from_secs(120);

pub struct Options {
    regen: bool,
    reps: usize,
    procs: Vec<usize>,
    goc: Option<PathBuf>,
    aarch64: bool,
    filters: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            regen: false,
            reps: 3,
            procs: vec![1, 2, 8],
            goc: None,
            aarch64: false,
            filters: Vec::new(),
        }
    }
}

impl Options {
    /// The defaults, with an already built goc (as `cargo xtask test` runs it).
    pub fn with_goc(goc: Option<PathBuf>) -> Options {
        Options {
            goc,
            ..Options::default()
        }
    }

    /// One run of each program per GOMAXPROCS on aarch64 under qemu (the
    /// emulated pass of `cargo xtask test`).
    pub fn aarch64_once(goc: Option<PathBuf>) -> Options {
        Options {
            goc,
            reps: 1,
            aarch64: true,
            ..Options::default()
        }
    }
}

pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match a.as_str() {
            "--regen" => o.regen = true,
            "--reps" => {
                o.reps = value("--reps")?
                    .parse()
                    .map_err(|_| "--reps needs a number".to_string())?
            }
            "--procs" => {
                o.procs = value("--procs")?
                    .split(',')
                    .map(|p| p.trim().parse::<usize>())
                    .collect::<Result<_, _>>()
                    .map_err(|_| "--procs needs a list like 1,2,8".to_string())?
            }
            "--goc" => o.goc = Some(PathBuf::from(value("--goc")?)),
            "--target" => match conformance::Arch::parse(&value("--target")?) {
                Some(conformance::Arch::Aarch64) => o.aarch64 = true,
                Some(conformance::Arch::Host) => o.aarch64 = false,
                None => return Err("--target: aarch64 or the host".into()),
            },
            f if f.starts_with('-') => return Err(format!("stress: unknown option {f}")),
            f => o.filters.push(f.to_string()),
        }
    }
    Ok(o)
}

/// The stress programs (sorted), filtered.
fn programs(ws: &Workspace, filters: &[String]) -> Result<Vec<PathBuf>, String> {
    let dir = ws.root.join("testdata").join("stress");
    let mut out: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .filter(|p| {
            let name = stem(p);
            filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()))
        })
        .collect();
    out.sort();
    Ok(out)
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

pub fn cmd(ws: &Workspace, args: &[String]) -> Result<Tally, String> {
    let o = parse_args(args)?;
    run(ws, &o)
}

pub fn run(ws: &Workspace, o: &Options) -> Result<Tally, String> {
    let progs = programs(ws, &o.filters)?;
    let tmp = ws.scratch("stress")?;
    let tally = if o.regen {
        regen(ws, &progs, &tmp)?
    } else {
        let goc = match &o.goc {
            Some(g) => g.clone(),
            None => ws.build_goc()?,
        };
        let target = if o.aarch64 {
            match aarch64_target(&goc) {
                Ok(t) => t,
                Err(why) if !conformance::in_ci() => {
                    println!("stress (aarch64) skipped: {why}");
                    let _ = fs::remove_dir_all(&tmp);
                    return Ok(Tally::default());
                }
                Err(why) => return Err(format!("{why} (required in CI)")),
            }
        } else {
            Target::Host
        };
        check(&goc, &progs, o, &target, &tmp)
    };
    let _ = fs::remove_dir_all(&tmp);
    Ok(tally)
}

fn check(goc: &Path, progs: &[PathBuf], o: &Options, target: &Target, tmp: &Path) -> Tally {
    println!(
        "stress{}: {} programs x GOMAXPROCS {:?} x {} runs",
        if o.aarch64 { " (aarch64)" } else { "" },
        progs.len(),
        o.procs,
        o.reps
    );
    // Emulation is slower; the limit still catches a hang.
    let timeout = if o.aarch64 { TIMEOUT * 4 } else { TIMEOUT };
    let mut t = Tally::default();
    for src in progs {
        let name = stem(src);
        if let Some(why) = skip_reason(src) {
            println!("skip {}stress/{name}: {why}", target.label());
            continue;
        }
        let max_rss_kb = match max_rss(src) {
            Ok(limit) => limit,
            Err(e) => {
                t.failed += 1;
                println!("FAIL stress/{name}: {e}");
                continue;
            }
        };
        // ru_maxrss under qemu would be the emulator's own peak.
        let rss_checked = max_rss_kb.is_some() && target.runs_natively();
        if max_rss_kb.is_some() && !rss_checked {
            println!(
                "note {}stress/{name}: peak RSS not checked under emulation",
                target.label()
            );
        }
        let bin = tmp.join(&name);
        let mut spec = Spec::new(goc, BUILD_TIMEOUT);
        spec.args = vec!["build".into()];
        spec.args.extend(target.build_args());
        spec.args.extend([
            "-o".into(),
            bin.display().to_string(),
            src.display().to_string(),
        ]);
        match spec.run() {
            Ok(out) if out.status == Status::Exited(0) => {}
            Ok(out) => {
                t.failed += 1;
                println!(
                    "FAIL stress/{name}: goc build {}\n{}",
                    out.status,
                    String::from_utf8_lossy(&out.stderr)
                );
                continue;
            }
            Err(e) => {
                t.failed += 1;
                println!("FAIL stress/{name}: cannot run goc: {e}");
                continue;
            }
        }
        let (want_out, want_err, want_status) = match expected(src) {
            Ok(x) => x,
            Err(e) => {
                t.failed += 1;
                println!("FAIL stress/{name}: {e}");
                continue;
            }
        };
        for &p in &o.procs {
            let mut worst = Duration::ZERO;
            let mut peak_kb = 0;
            let mut failed = None;
            for rep in 0..o.reps {
                let mut spec = target.runner(&bin, &name);
                spec.timeout = timeout;
                spec.env.push(("GOMAXPROCS".into(), p.to_string()));
                let run = if rss_checked {
                    run_measured(&spec, tmp, &name)
                } else {
                    spec.run().map(|out| (out, None)).map_err(|e| e.to_string())
                };
                match run {
                    Ok((out, rss_kb)) => {
                        worst = worst.max(out.elapsed);
                        if out.status.code() != Some(want_status)
                            || out.stdout != want_out
                            || out.stderr != want_err
                        {
                            failed = Some(format!(
                                "run {}: {} (want exit {want_status}), stdout {:?}, stderr {:?}",
                                rep + 1,
                                out.status,
                                tail(&out.stdout),
                                tail(&out.stderr)
                            ));
                            break;
                        }
                        if let (Some(kb), Some(limit)) = (rss_kb, max_rss_kb) {
                            peak_kb = peak_kb.max(kb);
                            if kb > limit {
                                failed = Some(format!(
                                    "run {}: peak RSS {} over the limit of {}",
                                    rep + 1,
                                    show_kb(kb),
                                    show_kb(limit)
                                ));
                                break;
                            }
                        }
                    }
                    Err(e) => {
                        failed = Some(format!("cannot run: {e}"));
                        break;
                    }
                }
            }
            match failed {
                None => {
                    t.passed += 1;
                    let rss = match max_rss_kb {
                        Some(limit) if rss_checked => {
                            format!(", peak RSS {} (limit {})", show_kb(peak_kb), show_kb(limit))
                        }
                        _ => String::new(),
                    };
                    println!(
                        "ok   {}stress/{name} GOMAXPROCS={p}: {} runs, slowest {:.2}s{rss}",
                        target.label(),
                        o.reps,
                        worst.as_secs_f64()
                    );
                }
                Some(why) => {
                    t.failed += 1;
                    println!("FAIL {}stress/{name} GOMAXPROCS={p}: {why}", target.label());
                }
            }
        }
    }
    println!("stress: {t}");
    t
}

/// The text of `NAME.skip` (why the case is skipped), if there is one.
fn skip_reason(src: &Path) -> Option<String> {
    let text = fs::read_to_string(src.with_extension("skip")).ok()?;
    let why = text.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(if why.is_empty() {
        "skipped (no reason given)".into()
    } else {
        why
    })
}

/// The limit of `NAME.maxrss` in KiB, if there is one.
fn max_rss(src: &Path) -> Result<Option<u64>, String> {
    let path = src.with_extension("maxrss");
    match fs::read_to_string(&path) {
        Ok(text) => parse_size_kb(&text).map(Some).ok_or_else(|| {
            format!(
                "{}: want a size like 64MB, got {:?}",
                path.display(),
                text.trim()
            )
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// `64MB`, `64 MB`, `65536KB`, `1GB` or a bare number of KiB, in KiB
/// (units are powers of 1024, as ru_maxrss counts).
fn parse_size_kb(text: &str) -> Option<u64> {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let n: u64 = t[..digits].parse().ok()?;
    let mult = match t[digits..].trim().to_ascii_uppercase().as_str() {
        "" | "K" | "KB" | "KIB" => 1,
        "M" | "MB" | "MIB" => 1 << 10,
        "G" | "GB" | "GIB" => 1 << 20,
        _ => return None,
    };
    n.checked_mul(mult).filter(|&kb| kb > 0)
}

fn show_kb(kb: u64) -> String {
    if kb >= 10 << 10 {
        format!("{} MB", kb >> 10)
    } else {
        format!("{:.1} MB", kb as f64 / 1024.0)
    }
}

/// Runs `spec` through the spawner (`xtask bench __run`) so that its peak
/// RSS is measured exactly (see measure.rs on why not directly): the output
/// as `Spec::run` gives it, and `ru_maxrss` in KiB. argv[0] is the
/// program's path rather than `spec.arg0`.
fn run_measured(
    spec: &Spec,
    tmp: &Path,
    name: &str,
) -> Result<(crate::exec::Output, Option<u64>), String> {
    let job = Job {
        program: spec.program.clone(),
        args: spec.args.clone(),
        stdout: tmp.join(format!("{name}.run.stdout")),
        stderr: tmp.join(format!("{name}.run.stderr")),
        timeout: spec.timeout,
    };
    let cwd = match &spec.cwd {
        Some(d) => d.clone(),
        None => std::env::current_dir().map_err(|e| e.to_string())?,
    };
    let place = Place {
        cwd: &cwd,
        clear_env: spec.clear_env,
        env: &spec.env,
    };
    let u = measure::measure(&job, &place)?;
    let read = |p: &Path| fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let out = crate::exec::Output {
        status: match u.end {
            End::Exited(c) => Status::Exited(c),
            End::Signaled(s) => Status::Signaled(s),
            End::TimedOut => Status::TimedOut(spec.timeout),
        },
        stdout: read(&job.stdout)?,
        stderr: read(&job.stderr)?,
        elapsed: u.wall,
    };
    Ok((out, Some(u.max_rss_kb)))
}

fn tail(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(b);
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(3)..].join("\n")
}

fn expected(src: &Path) -> Result<(Vec<u8>, Vec<u8>, i32), String> {
    let out = fs::read(src.with_extension("stdout"))
        .map_err(|e| format!("no recorded stdout ({e}); run `cargo xtask stress --regen`"))?;
    let err = fs::read(src.with_extension("stderr"))
        .map_err(|e| format!("no recorded stderr ({e}); run `cargo xtask stress --regen`"))?;
    let st = fs::read_to_string(src.with_extension("status"))
        .map_err(|e| format!("no recorded status ({e}); run `cargo xtask stress --regen`"))?;
    let code = st
        .trim()
        .parse()
        .map_err(|_| format!("bad status file {:?}", st.trim()))?;
    Ok((out, err, code))
}

/// The qemu to run aarch64 programs with; Err when it (or goc's aarch64
/// runtime) is missing.
fn aarch64_target(goc: &Path) -> Result<Target, String> {
    let qemu = conformance::find_qemu_aarch64()?;
    conformance::goc_has_aarch64(goc)?;
    Ok(Target::Aarch64 { qemu })
}

/// Records what real Go prints (GOMAXPROCS left to Go's default).
fn regen(ws: &Workspace, progs: &[PathBuf], tmp: &Path) -> Result<Tally, String> {
    let go = gotool::find_go(&ws.target)?;
    println!(
        "stress --regen: recording with {} ({})",
        go.version, go.origin
    );
    let mut t = Tally::default();
    for src in progs {
        let name = stem(src);
        let bin = tmp.join(&name);
        let mut spec = Spec::new(&go.path, BUILD_TIMEOUT);
        spec.args = vec![
            "build".into(),
            "-o".into(),
            bin.display().to_string(),
            format!("{name}.go"),
        ];
        spec.cwd = src.parent().map(Path::to_path_buf);
        for (k, v) in gotool::ORACLE_ENV {
            spec.env.push((k.into(), v.into()));
        }
        let out = spec.run().map_err(|e| format!("cannot run go: {e}"))?;
        if out.status != Status::Exited(0) {
            t.failed += 1;
            println!(
                "FAIL stress/{name}: real Go cannot build it\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
            continue;
        }
        let out = Spec::new(&bin, TIMEOUT)
            .run()
            .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
        let Some(code) = out.status.code() else {
            t.failed += 1;
            println!("FAIL stress/{name}: under real Go it {}", out.status);
            continue;
        };
        fs::write(src.with_extension("stdout"), &out.stdout).map_err(|e| e.to_string())?;
        fs::write(src.with_extension("stderr"), &out.stderr).map_err(|e| e.to_string())?;
        fs::write(src.with_extension("status"), format!("{code}\n")).map_err(|e| e.to_string())?;
        println!(
            "recorded stress/{name} ({:.2}s under Go)",
            out.elapsed.as_secs_f64()
        );
        t.passed += 1;
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size_kb("64MB\n"), Some(64 << 10));
        assert_eq!(parse_size_kb(" 64 MB "), Some(64 << 10));
        assert_eq!(parse_size_kb("1gb"), Some(1 << 20));
        assert_eq!(parse_size_kb("512KB"), Some(512));
        assert_eq!(parse_size_kb("2048"), Some(2048));
        assert_eq!(parse_size_kb("64 bytes"), None);
        assert_eq!(parse_size_kb("MB"), None);
        assert_eq!(parse_size_kb("0MB"), None);
    }
}
