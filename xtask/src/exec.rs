//! Running a child process with a deadline, optional stdin, a controlled
//! environment and captured output.
//!
//! Output is drained by two threads so a chatty child never blocks on a full
//! pipe while we wait; the parent polls `try_wait` until the deadline, then
//! kills the child (SIGKILL) and reports a timeout. A killed or timed-out
//! child is never mistaken for one that exited normally.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// How a child process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Exited by itself with this code.
    Exited(i32),
    /// Killed by this signal (a crash, not a Go panic).
    Signaled(i32),
    /// Still running at the deadline, and then killed.
    TimedOut(Duration),
}

impl Status {
    pub fn code(self) -> Option<i32> {
        match self {
            Status::Exited(c) => Some(c),
            _ => None,
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Status::Exited(c) => write!(f, "exit status {c}"),
            Status::Signaled(s) => write!(f, "killed by signal {s} ({})", signal_name(*s)),
            Status::TimedOut(d) => write!(f, "timed out after {:.1}s (killed)", d.as_secs_f64()),
        }
    }
}

fn signal_name(s: i32) -> &'static str {
    match s {
        4 => "SIGILL",
        5 => "SIGTRAP",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        _ => "?",
    }
}

/// Everything needed to start one process.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    pub program: PathBuf,
    /// What the program sees as argv[0]; the program path when `None`.
    pub arg0: Option<String>,
    pub args: Vec<String>,
    /// When true the child starts with an empty environment plus `env`;
    /// otherwise it inherits ours, with `env` added.
    pub clear_env: bool,
    pub env: Vec<(String, String)>,
    /// Bytes fed to stdin; stdin is /dev/null when `None`.
    pub stdin: Option<Vec<u8>>,
    pub cwd: Option<PathBuf>,
    pub timeout: Duration,
}

#[derive(Clone, Debug)]
pub struct Output {
    pub status: Status,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub elapsed: Duration,
}

impl Spec {
    pub fn new(program: impl AsRef<Path>, timeout: Duration) -> Spec {
        Spec {
            program: program.as_ref().to_path_buf(),
            timeout,
            ..Spec::default()
        }
    }

    pub fn run(&self) -> std::io::Result<Output> {
        use std::os::unix::process::CommandExt;
        let mut cmd = Command::new(&self.program);
        if let Some(a0) = &self.arg0 {
            cmd.arg0(a0);
        }
        cmd.args(&self.args);
        if self.clear_env {
            cmd.env_clear();
        }
        cmd.envs(self.env.iter().map(|(k, v)| (k, v)));
        if let Some(d) = &self.cwd {
            cmd.current_dir(d);
        }
        cmd.stdin(if self.stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        // Its own process group, so a timeout kills whatever it started too
        // (and nothing is left holding our pipes open).
        cmd.process_group(0);
        let start = Instant::now();
        let mut child = cmd.spawn()?;
        let feeder = match (child.stdin.take(), &self.stdin) {
            (Some(mut pipe), Some(data)) => {
                let data = data.clone();
                // A child that does not read all of its input closes the
                // pipe; the resulting write error is not ours to report.
                Some(thread::spawn(move || {
                    let _ = pipe.write_all(&data);
                }))
            }
            _ => None,
        };
        let out = drain(child.stdout.take());
        let err = drain(child.stderr.take());
        let deadline = start + self.timeout;
        let status = loop {
            if let Some(st) = child.try_wait()? {
                break from_exit(st);
            }
            if Instant::now() >= deadline {
                kill_group(child.id());
                let _ = child.kill();
                let _ = child.wait();
                break Status::TimedOut(self.timeout);
            }
            thread::sleep(Duration::from_millis(5));
        };
        let elapsed = start.elapsed();
        if let Some(f) = feeder {
            let _ = f.join();
        }
        Ok(Output {
            status,
            stdout: out.join().unwrap_or_default(),
            stderr: err.join().unwrap_or_default(),
            elapsed,
        })
    }
}

fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    })
}

extern "C" {
    // From the C library std already links; declared here to avoid a
    // dependency for one call.
    fn kill(pid: i32, sig: i32) -> i32;
}

fn kill_group(pid: u32) {
    const SIGKILL: i32 = 9;
    // SAFETY: kill(2) has no memory-safety preconditions; a negative pid
    // names the process group the child leads (set by process_group(0)).
    unsafe {
        kill(-(pid as i32), SIGKILL);
    }
}

fn from_exit(st: ExitStatus) -> Status {
    use std::os::unix::process::ExitStatusExt;
    match (st.code(), st.signal()) {
        (Some(c), _) => Status::Exited(c),
        (None, Some(s)) => Status::Signaled(s),
        (None, None) => Status::Exited(-1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str, timeout_ms: u64) -> Output {
        let mut s = Spec::new("/bin/sh", Duration::from_millis(timeout_ms));
        s.args = vec!["-c".into(), script.into()];
        s.run().unwrap()
    }

    #[test]
    fn captures_status_and_streams() {
        let o = sh("printf out; printf err >&2; exit 3", 5000);
        assert_eq!(o.status, Status::Exited(3));
        assert_eq!(o.stdout, b"out");
        assert_eq!(o.stderr, b"err");
    }

    #[test]
    fn kills_on_timeout() {
        // the grandchild holds the pipes open: the group kill must reach it
        let o = sh("sleep 5; echo never", 200);
        assert!(matches!(o.status, Status::TimedOut(_)), "{:?}", o.status);
        assert!(o.elapsed < Duration::from_secs(4));
    }

    #[test]
    fn reports_signals() {
        let o = sh("kill -SEGV $$", 5000);
        assert_eq!(o.status, Status::Signaled(11));
    }

    #[test]
    fn feeds_stdin_and_env() {
        let mut s = Spec::new("/bin/sh", Duration::from_secs(5));
        s.args = vec!["-c".into(), "cat; printf \"$A|${HOME:-none}\"".into()];
        s.stdin = Some(b"in:".to_vec());
        s.clear_env = true;
        s.env = vec![("A".into(), "1".into())];
        let o = s.run().unwrap();
        assert_eq!(o.stdout, b"in:1|none");
    }
}
