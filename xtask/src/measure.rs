//! Measuring one process: wall time, CPU time (user + system) and peak
//! resident set size, the last two from the `rusage` that `wait4(2)`
//! returns for exactly that child (and the children it reaped itself, such
//! as the compiler and linker processes `go build` starts).
//!
//! Peak RSS needs care. Linux counts a process's peak RSS across `exec`: the
//! `ru_maxrss` of a child includes the pages it held *before* it exec'd the
//! program, and those are pages of the process that forked it. Spawned
//! from xtask directly (std uses vfork-like `posix_spawn`, sharing xtask's
//! whole address space until the exec) every child would report at least
//! xtask's own peak, several MB, which would swamp a small program's real
//! figure. So the benchmark harness measures each run through a *spawner*:
//! the xtask binary started afresh (`xtask bench __run ...`), still small,
//! which forks (a real fork, forced by a `pre_exec` hook, so the child gets
//! a copy of only the spawner's touched pages), execs the program, waits
//! for it with `wait4` and prints one line of results. The pages the child
//! inherits are a floor below which `ru_maxrss` cannot go; the spawner
//! measures that floor each time (a second child that exits right after the
//! fork, without exec) and reports it, so a figure at the floor is shown as
//! "at most" that. Rejected: `getrusage(RUSAGE_CHILDREN)` deltas (the
//! children's maxrss is a maximum, not a sum, so deltas say nothing after
//! the first large child); reading `/proc/PID/status` VmHWM (gone once the
//! process has exited; catching it before would need ptrace, which stops
//! the program at every signal Go's runtime sends itself); cgroup
//! `memory.peak` (needs privileges).
//!
//! Wall time is from just before the fork to the return of `wait4`, in the
//! spawner, so xtask's own start-up of the spawner is not counted.

use std::io;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How one measured process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Exited(i32),
    Signaled(i32),
    TimedOut,
}

impl std::fmt::Display for End {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            End::Exited(c) => write!(f, "exit status {c}"),
            End::Signaled(s) => write!(f, "killed by signal {s}"),
            End::TimedOut => write!(f, "timed out (killed)"),
        }
    }
}

/// The resources one process used.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Usage {
    pub end: End,
    pub wall: Duration,
    pub user: Duration,
    pub sys: Duration,
    /// Peak resident set size in KiB (`ru_maxrss`).
    pub max_rss_kb: u64,
    /// The peak RSS of a child that exits right after the fork: what any
    /// child inherits from the spawner. `max_rss_kb` cannot be lower.
    pub floor_kb: u64,
}

impl Usage {
    pub fn cpu(&self) -> Duration {
        self.user + self.sys
    }
}

/// What to run: the program, its arguments, where its output goes. The
/// environment and working directory are the caller's (the spawner's),
/// which the parent sets on the spawner itself.
#[derive(Clone, Debug)]
pub struct Job {
    pub program: PathBuf,
    pub args: Vec<String>,
    pub stdout: PathBuf,
    pub stderr: PathBuf,
    pub timeout: Duration,
}

#[repr(C)]
#[derive(Default)]
struct Timeval {
    sec: i64,
    usec: i64,
}

/// `struct rusage` of 64-bit Linux (x86_64 and aarch64 alike): two
/// timevals, then fourteen longs of which the first is `ru_maxrss`.
#[repr(C)]
#[derive(Default)]
struct Rusage {
    utime: Timeval,
    stime: Timeval,
    maxrss: i64,
    rest: [i64; 13],
}

extern "C" {
    // From the C library std already links; declared here rather than
    // adding a dependency for three calls.
    fn wait4(pid: i32, status: *mut i32, options: i32, rusage: *mut Rusage) -> i32;
    fn kill(pid: i32, sig: i32) -> i32;
    fn _exit(code: i32) -> !;
}

const SIGKILL: i32 = 9;

fn tv(t: &Timeval) -> Duration {
    Duration::from_secs(t.sec.max(0) as u64) + Duration::from_micros(t.usec.max(0) as u64)
}

/// Waits for `pid` with wait4, retrying on EINTR.
fn wait_child(pid: u32) -> io::Result<(i32, Rusage)> {
    let mut status = 0;
    let mut ru = Rusage::default();
    loop {
        // SAFETY: status and ru are valid for writes; pid is our child.
        let r = unsafe { wait4(pid as i32, &mut status, 0, &mut ru) };
        if r == pid as i32 {
            return Ok((status, ru));
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

fn decode(status: i32) -> End {
    if status & 0x7f == 0 {
        End::Exited((status >> 8) & 0xff)
    } else {
        End::Signaled(status & 0x7f)
    }
}

/// The peak RSS a child inherits from this process: fork, `_exit` at once.
fn floor_kb() -> io::Result<u64> {
    let mut cmd = Command::new("/");
    // SAFETY: the hook runs in the forked child, which only calls _exit.
    unsafe {
        cmd.pre_exec(|| _exit(0));
    }
    let child = cmd.spawn()?;
    let (_, ru) = wait_child(child.id())?;
    Ok(ru.maxrss.max(0) as u64)
}

/// Runs `job` as a child of this process and measures it. Used by the
/// spawner (and directly by unit tests).
pub fn measure_here(job: &Job) -> io::Result<Usage> {
    let floor = floor_kb()?;
    let stdout = std::fs::File::create(&job.stdout)?;
    let stderr = std::fs::File::create(&job.stderr)?;
    let mut cmd = Command::new(&job.program);
    cmd.args(&job.args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        .process_group(0);
    // A pre_exec hook makes std fork instead of posix_spawn: the child then
    // owns a copy of our few pages instead of sharing all of them.
    // SAFETY: the hook does nothing.
    unsafe {
        cmd.pre_exec(|| Ok(()));
    }
    let start = Instant::now();
    let child = cmd.spawn()?;
    let pid = child.id();
    let (stop, stopped) = mpsc::channel::<()>();
    let timeout = job.timeout;
    let watchdog = std::thread::spawn(move || {
        if let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(timeout) {
            // SAFETY: kill(2) has no memory-safety preconditions; the
            // negative pid names the child's own process group.
            unsafe {
                kill(-(pid as i32), SIGKILL);
            }
            true
        } else {
            false
        }
    });
    let waited = wait_child(pid);
    let wall = start.elapsed();
    let _ = stop.send(());
    let timed_out = watchdog.join().unwrap_or(false);
    let (status, ru) = waited?;
    Ok(Usage {
        end: if timed_out {
            End::TimedOut
        } else {
            decode(status)
        },
        wall,
        user: tv(&ru.utime),
        sys: tv(&ru.stime),
        max_rss_kb: ru.maxrss.max(0) as u64,
        floor_kb: floor,
    })
}

/// The spawner's report line: `usage END WALL_NS USER_US SYS_US RSS FLOOR`,
/// END being `exit:N`, `signal:N` or `timeout`.
pub fn format_usage(u: &Usage) -> String {
    let end = match u.end {
        End::Exited(c) => format!("exit:{c}"),
        End::Signaled(s) => format!("signal:{s}"),
        End::TimedOut => "timeout".into(),
    };
    format!(
        "usage {end} {} {} {} {} {}",
        u.wall.as_nanos(),
        u.user.as_micros(),
        u.sys.as_micros(),
        u.max_rss_kb,
        u.floor_kb
    )
}

pub fn parse_usage(line: &str) -> Option<Usage> {
    let w: Vec<&str> = line.split_whitespace().collect();
    if w.len() != 7 || w[0] != "usage" {
        return None;
    }
    let end = match w[1].split_once(':') {
        Some(("exit", c)) => End::Exited(c.parse().ok()?),
        Some(("signal", s)) => End::Signaled(s.parse().ok()?),
        None if w[1] == "timeout" => End::TimedOut,
        _ => return None,
    };
    Some(Usage {
        end,
        wall: Duration::from_nanos(w[2].parse().ok()?),
        user: Duration::from_micros(w[3].parse().ok()?),
        sys: Duration::from_micros(w[4].parse().ok()?),
        max_rss_kb: w[5].parse().ok()?,
        floor_kb: w[6].parse().ok()?,
    })
}

/// `xtask bench __run TIMEOUT_MS STDOUT STDERR PROGRAM [ARGS...]`: the
/// spawner's entry point. Prints the report line; never returns.
pub fn spawner_main(args: &[String]) -> ! {
    let code =
        match spawner_args(args).and_then(|job| measure_here(&job).map_err(|e| e.to_string())) {
            Ok(u) => {
                println!("{}", format_usage(&u));
                0
            }
            Err(e) => {
                eprintln!("xtask bench __run: {e}");
                2
            }
        };
    std::process::exit(code)
}

fn spawner_args(args: &[String]) -> Result<Job, String> {
    if args.len() < 4 {
        return Err("usage: __run TIMEOUT_MS STDOUT STDERR PROGRAM [ARGS...]".into());
    }
    let ms: u64 = args[0].parse().map_err(|_| "bad timeout".to_string())?;
    Ok(Job {
        timeout: Duration::from_millis(ms),
        stdout: PathBuf::from(&args[1]),
        stderr: PathBuf::from(&args[2]),
        program: PathBuf::from(&args[3]),
        args: args[4..].to_vec(),
    })
}

/// Where and how the parent starts a spawner for one job.
pub struct Place<'a> {
    /// Working directory of the program.
    pub cwd: &'a Path,
    /// Start from an empty environment (benchmark runs) or inherit xtask's
    /// (builds, which need HOME and PATH).
    pub clear_env: bool,
    pub env: &'a [(String, String)],
}

/// Measures `job` through a fresh spawner process (see the module comment).
pub fn measure(job: &Job, place: &Place) -> Result<Usage, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find xtask's binary: {e}"))?;
    let mut cmd = Command::new(exe);
    cmd.args(["bench", "__run"])
        .arg(job.timeout.as_millis().to_string())
        .arg(&job.stdout)
        .arg(&job.stderr)
        .arg(&job.program)
        .args(&job.args)
        .current_dir(place.cwd)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit());
    if place.clear_env {
        cmd.env_clear();
    }
    cmd.envs(place.env.iter().map(|(k, v)| (k, v)));
    let out = cmd
        .output()
        .map_err(|e| format!("cannot start the spawner: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().find_map(parse_usage).ok_or_else(|| {
        format!(
            "spawner for {} failed ({}): {}",
            job.program.display(),
            out.status,
            text.trim()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(script: &str, dir: &Path, timeout_ms: u64) -> Job {
        Job {
            program: "/bin/sh".into(),
            args: vec!["-c".into(), script.into()],
            stdout: dir.join("out"),
            stderr: dir.join("err"),
            timeout: Duration::from_millis(timeout_ms),
        }
    }

    fn tmpdir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("xtask-measure-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn measures_status_output_and_cpu() {
        let d = tmpdir("basic");
        let u = measure_here(&job(
            "printf out; printf err >&2; i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; exit 3",
            &d,
            10_000,
        ))
        .unwrap();
        assert_eq!(u.end, End::Exited(3));
        assert_eq!(std::fs::read(d.join("out")).unwrap(), b"out");
        assert_eq!(std::fs::read(d.join("err")).unwrap(), b"err");
        assert!(u.cpu() > Duration::ZERO, "{u:?}");
        assert!(u.wall >= u.user, "{u:?}");
        assert!(u.max_rss_kb >= u.floor_kb && u.max_rss_kb > 0, "{u:?}");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn kills_on_timeout_and_reports_signals() {
        let d = tmpdir("kill");
        let u = measure_here(&job("sleep 5", &d, 200)).unwrap();
        assert_eq!(u.end, End::TimedOut);
        assert!(u.wall < Duration::from_secs(4));
        let u = measure_here(&job("kill -SEGV $$", &d, 5000)).unwrap();
        assert_eq!(u.end, End::Signaled(11));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn usage_line_round_trips() {
        for end in [End::Exited(0), End::Signaled(11), End::TimedOut] {
            let u = Usage {
                end,
                wall: Duration::from_nanos(123_456_789),
                user: Duration::from_micros(1_000_001),
                sys: Duration::from_micros(7),
                max_rss_kb: 2048,
                floor_kb: 300,
            };
            assert_eq!(parse_usage(&format_usage(&u)), Some(u));
        }
        assert_eq!(parse_usage("usage exit:0 1 2"), None);
    }
}
