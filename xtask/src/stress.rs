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
//! ```text
//! cargo xtask stress [--regen] [--reps N] [--procs 1,2,8] [--target aarch64] [--goc PATH] [FILTER...]
//! ```

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::conformance::{self, Target};
use crate::exec::{Spec, Status};
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
            let mut failed = None;
            for rep in 0..o.reps {
                let mut spec = target.runner(&bin, &name);
                spec.timeout = timeout;
                spec.env.push(("GOMAXPROCS".into(), p.to_string()));
                match spec.run() {
                    Ok(out) => {
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
                    println!(
                        "ok   {}stress/{name} GOMAXPROCS={p}: {} runs, slowest {:.2}s",
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
