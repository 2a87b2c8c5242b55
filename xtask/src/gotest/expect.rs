//! The recorded expectations: what real Go did with each `// run` program,
//! one text file per directory of the suite (`testdata/gotest/ken.txt`;
//! `test.txt` for the suite's top directory; `NAME.arm64.txt` holds the
//! aarch64 records that differ from the amd64 ones).
//!
//! ```text
//! # comment lines, only before the first record
//! == ken/chan.go
//! exit 0
//! golden same
//! stdout 12
//! hello world
//!
//! stderr 0
//!
//! == fixedbugs/issue9.go
//! go-build-fail ./issue9.go:5:2: undefined: x
//! ```
//!
//! A record starts with `== PATH` (relative to the suite). A program real
//! Go ran has `exit N` (or `signal N` for a death by signal), `golden
//! same|differs|none` (whether its output equals its `.out` file, for
//! information), then `stdout LEN` and `stderr LEN`, each followed by
//! exactly LEN bytes and a newline (no bytes and no newline when LEN is 0).
//! A stream longer than [`MAX_INLINE`] is stored as `stdout LEN
//! fnv1a64:HEX`, its length and hash, without the bytes. stderr is stored
//! normalised (`normalize`). A program Go cannot use is one line instead:
//! `go-build-fail FIRST-ERROR-LINE`, `go-timeout SECONDS`, `go-flaky WHY`
//! (two runs differed) or `go-needs-tool WHY` (it runs the go command:
//! a test of the toolchain). Records are sorted by path and end with a
//! blank line, so the files are deterministic and diff well.

use crate::compare;
use crate::exec::Status;
use std::collections::BTreeMap;

/// Longer streams are recorded as their length and hash.
pub const MAX_INLINE: usize = 8192;

/// The form stderr is recorded and compared in: hex masked, cut after the
/// first `goroutine ` line (the trace), the `runtime stack:` frames and
/// the `m=N` of the goroutine header dropped (see `compare.rs`), whatever
/// the exit status; and the date and time package log puts in front of
/// its lines masked ([`mask_log_time`]).
pub fn normalize(stderr: &[u8]) -> Vec<u8> {
    mask_log_time(&compare::normalize_stderr(stderr, compare::PANIC_STATUS))
}

/// `2006/01/02 15:04:05` (package log's default prefix) at the start of a
/// line, with optional `.000000` microseconds, becomes
/// `YYYY/MM/DD hh:mm:ss`.
pub fn mask_log_time(text: &[u8]) -> Vec<u8> {
    const PATTERN: &[u8] = b"dddd/dd/dd dd:dd:dd";
    let mut out = Vec::with_capacity(text.len());
    for line in text.split_inclusive(|&b| b == b'\n') {
        let stamp = line.len() >= PATTERN.len()
            && PATTERN.iter().zip(line).all(|(&p, &c)| match p {
                b'd' => c.is_ascii_digit(),
                p => p == c,
            });
        if !stamp {
            out.extend_from_slice(line);
            continue;
        }
        let mut end = PATTERN.len();
        if line.get(end) == Some(&b'.') {
            let digits = line[end + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if digits > 0 {
                end += 1 + digits;
            }
        }
        out.extend_from_slice(b"YYYY/MM/DD hh:mm:ss");
        out.extend_from_slice(&line[end..]);
    }
    out
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Blob {
    Bytes(Vec<u8>),
    Hashed { len: usize, hash: u64 },
}

impl Blob {
    pub fn of(data: &[u8]) -> Blob {
        if data.len() > MAX_INLINE {
            Blob::Hashed {
                len: data.len(),
                hash: fnv1a64(data),
            }
        } else {
            Blob::Bytes(data.to_vec())
        }
    }

    pub fn matches(&self, data: &[u8]) -> bool {
        match self {
            Blob::Bytes(b) => b == data,
            Blob::Hashed { len, hash } => *len == data.len() && *hash == fnv1a64(data),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Blob::Bytes(b) => b.len(),
            Blob::Hashed { len, .. } => *len,
        }
    }
}

pub fn fnv1a64(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Golden {
    Same,
    Differs,
    None,
}

impl Golden {
    fn word(self) -> &'static str {
        match self {
            Golden::Same => "same",
            Golden::Differs => "differs",
            Golden::None => "none",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    Ran {
        status: Status,
        golden: Golden,
        stdout: Blob,
        stderr: Blob,
    },
    GoBuildFail(String),
    GoTimeout(u64),
    GoFlaky(String),
    /// The program runs the go command, which the harness does not give
    /// it: it tests the toolchain, not the language.
    GoNeedsTool(String),
}

impl Record {
    /// Why Go cannot be the oracle for this program, if it cannot.
    pub fn go_failure(&self) -> Option<String> {
        match self {
            Record::Ran { .. } => None,
            Record::GoBuildFail(w) => Some(format!("go build fails: {w}")),
            Record::GoTimeout(s) => Some(format!("times out under Go ({s} s)")),
            Record::GoFlaky(w) => Some(format!("not deterministic under Go: {w}")),
            Record::GoNeedsTool(w) => Some(format!("a toolchain test: {w}")),
        }
    }
}

/// Records by relative path.
pub type Records = BTreeMap<String, Record>;

fn one_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim_end().to_string()
}

fn write_blob(out: &mut Vec<u8>, name: &str, b: &Blob) {
    match b {
        Blob::Bytes(d) => {
            out.extend_from_slice(format!("{name} {}\n", d.len()).as_bytes());
            if !d.is_empty() {
                out.extend_from_slice(d);
                out.push(b'\n');
            }
        }
        Blob::Hashed { len, hash } => {
            out.extend_from_slice(format!("{name} {len} fnv1a64:{hash:016x}\n").as_bytes());
        }
    }
}

/// The file's text: `header` lines (each prefixed with `# `), then the
/// records in path order.
pub fn serialize(header: &[String], recs: &Records) -> Vec<u8> {
    let mut out = Vec::new();
    for h in header {
        out.extend_from_slice(format!("# {h}\n").trim_end().as_bytes());
        out.push(b'\n');
    }
    out.push(b'\n');
    for (path, r) in recs {
        out.extend_from_slice(format!("== {path}\n").as_bytes());
        match r {
            Record::Ran {
                status,
                golden,
                stdout,
                stderr,
            } => {
                let st = match status {
                    Status::Exited(c) => format!("exit {c}"),
                    Status::Signaled(s) => format!("signal {s}"),
                    Status::TimedOut(_) => unreachable!("a timeout is GoTimeout"),
                };
                out.extend_from_slice(format!("{st}\ngolden {}\n", golden.word()).as_bytes());
                write_blob(&mut out, "stdout", stdout);
                write_blob(&mut out, "stderr", stderr);
            }
            Record::GoBuildFail(w) => {
                out.extend_from_slice(format!("go-build-fail {}\n", one_line(w)).as_bytes())
            }
            Record::GoTimeout(s) => out.extend_from_slice(format!("go-timeout {s}\n").as_bytes()),
            Record::GoFlaky(w) => {
                out.extend_from_slice(format!("go-flaky {}\n", one_line(w)).as_bytes())
            }
            Record::GoNeedsTool(w) => {
                out.extend_from_slice(format!("go-needs-tool {}\n", one_line(w)).as_bytes())
            }
        }
        out.push(b'\n');
    }
    out
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    line: usize,
}

impl<'a> Reader<'a> {
    fn at_end(&self) -> bool {
        self.pos >= self.data.len()
    }
    fn next_line(&mut self) -> Result<&'a str, String> {
        if self.at_end() {
            return Err(format!("line {}: unexpected end of file", self.line));
        }
        let rest = &self.data[self.pos..];
        let n = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        self.pos += (n + 1).min(rest.len());
        self.line += 1;
        std::str::from_utf8(&rest[..n]).map_err(|_| format!("line {}: not UTF-8", self.line))
    }
    fn bytes(&mut self, n: usize) -> Result<&'a [u8], String> {
        if self.pos + n + 1 > self.data.len() || self.data[self.pos + n] != b'\n' {
            return Err(format!(
                "line {}: a block of {n} bytes followed by a newline expected",
                self.line
            ));
        }
        let b = &self.data[self.pos..self.pos + n];
        self.line += b.iter().filter(|&&c| c == b'\n').count() + 1;
        self.pos += n + 1;
        Ok(b)
    }
    fn blob(&mut self, name: &str) -> Result<Blob, String> {
        let l = self.next_line()?;
        let rest = l
            .strip_prefix(name)
            .and_then(|r| r.strip_prefix(' '))
            .ok_or_else(|| format!("line {}: `{name} LEN` expected, got {l:?}", self.line))?;
        let bad = || format!("line {}: bad {name} line {l:?}", self.line);
        let mut words = rest.split(' ');
        let len: usize = words.next().and_then(|w| w.parse().ok()).ok_or_else(bad)?;
        match words.next() {
            None if len == 0 => Ok(Blob::Bytes(Vec::new())),
            None => Ok(Blob::Bytes(self.bytes(len)?.to_vec())),
            Some(h) => {
                let hash = h
                    .strip_prefix("fnv1a64:")
                    .and_then(|x| u64::from_str_radix(x, 16).ok())
                    .ok_or_else(bad)?;
                Ok(Blob::Hashed { len, hash })
            }
        }
    }
}

/// Parses a file written by [`serialize`].
pub fn parse(data: &[u8]) -> Result<Records, String> {
    let mut r = Reader {
        data,
        pos: 0,
        line: 0,
    };
    let mut recs = Records::new();
    while !r.at_end() {
        let l = r.next_line()?;
        if l.is_empty() || l.starts_with('#') && recs.is_empty() {
            continue;
        }
        let path = l
            .strip_prefix("== ")
            .ok_or_else(|| format!("line {}: `== PATH` expected, got {l:?}", r.line))?
            .to_string();
        let first = r.next_line()?;
        let (word, rest) = first.split_once(' ').unwrap_or((first, ""));
        let rec = match word {
            "exit" | "signal" => {
                let n: i32 = rest
                    .parse()
                    .map_err(|_| format!("line {}: bad status {first:?}", r.line))?;
                let status = if word == "exit" {
                    Status::Exited(n)
                } else {
                    Status::Signaled(n)
                };
                let g = r.next_line()?;
                let golden = match g {
                    "golden same" => Golden::Same,
                    "golden differs" => Golden::Differs,
                    "golden none" => Golden::None,
                    _ => return Err(format!("line {}: bad golden line {g:?}", r.line)),
                };
                let stdout = r.blob("stdout")?;
                let stderr = r.blob("stderr")?;
                Record::Ran {
                    status,
                    golden,
                    stdout,
                    stderr,
                }
            }
            "go-build-fail" => Record::GoBuildFail(rest.to_string()),
            "go-timeout" => Record::GoTimeout(
                rest.parse()
                    .map_err(|_| format!("line {}: bad {first:?}", r.line))?,
            ),
            "go-flaky" => Record::GoFlaky(rest.to_string()),
            "go-needs-tool" => Record::GoNeedsTool(rest.to_string()),
            _ => return Err(format!("line {}: unknown record line {first:?}", r.line)),
        };
        if recs.insert(path.clone(), rec).is_some() {
            return Err(format!("line {}: {path} recorded twice", r.line));
        }
    }
    Ok(recs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Records {
        let mut recs = Records::new();
        recs.insert(
            "ken/chan.go".into(),
            Record::Ran {
                status: Status::Exited(0),
                golden: Golden::Same,
                stdout: Blob::of(b"a\nb\n"),
                stderr: Blob::of(b""),
            },
        );
        recs.insert(
            "b.go".into(),
            Record::Ran {
                status: Status::Signaled(11),
                golden: Golden::None,
                stdout: Blob::of(b"no newline"),
                stderr: Blob::of(b"panic: x\n\ngoroutine 1 [running]:\n"),
            },
        );
        recs.insert(
            "big.go".into(),
            Record::Ran {
                status: Status::Exited(2),
                golden: Golden::Differs,
                stdout: Blob::of(&vec![b'x'; MAX_INLINE + 1]),
                stderr: Blob::of(b"\n\n== fake.go\n"),
            },
        );
        recs.insert(
            "c.go".into(),
            Record::GoBuildFail("./c.go:1:1: oops\nmore".into()),
        );
        recs.insert("d.go".into(), Record::GoTimeout(30));
        recs.insert("e.go".into(), Record::GoFlaky("stdout differs".into()));
        recs.insert("f.go".into(), Record::GoNeedsTool("exec: \"go\"".into()));
        recs
    }

    #[test]
    fn round_trips() {
        let recs = sample();
        let text = serialize(&["first".into(), "second".into()], &recs);
        let back = parse(&text).unwrap();
        let mut want = recs.clone();
        want.insert(
            "c.go".into(),
            Record::GoBuildFail("./c.go:1:1: oops".into()),
        );
        assert_eq!(back, want);
        // deterministic, and stable through a second round
        assert_eq!(serialize(&["first".into(), "second".into()], &back), text);
        let s = String::from_utf8_lossy(&text);
        assert!(s.starts_with("# first\n# second\n\n== b.go\nsignal 11\ngolden none\nstdout 10\nno newline\nstderr "), "{s}");
        assert!(
            s.contains(&format!("stdout {} fnv1a64:", MAX_INLINE + 1)),
            "{s}"
        );
        assert!(
            s.contains("== ken/chan.go\nexit 0\ngolden same\nstdout 4\na\nb\n\nstderr 0\n\n"),
            "{s}"
        );
    }

    #[test]
    fn rejects_damage() {
        let text = serialize(&[], &sample());
        let s = String::from_utf8(text).unwrap();
        assert!(parse(s.replace("stdout 4\n", "stdout 5\n").as_bytes()).is_err());
        assert!(parse(s.replace("golden same", "golden maybe").as_bytes()).is_err());
        assert!(parse(b"== a.go\nexit x\n").is_err());
        assert!(parse(b"junk\n").is_err());
        assert!(parse(b"== a.go\ngo-timeout 3\n\n== a.go\ngo-timeout 3\n").is_err());
    }

    #[test]
    fn log_times_are_masked() {
        assert_eq!(
            mask_log_time(b"2026/12/07 23:14:29 x1: failed\nok 2026/12/07 23:14:29\n"),
            b"YYYY/MM/DD hh:mm:ss x1: failed\nok 2026/12/07 23:14:29\n".to_vec()
        );
        assert_eq!(
            mask_log_time(b"2026/12/07 23:14:29.123456 m"),
            b"YYYY/MM/DD hh:mm:ss m".to_vec()
        );
        assert_eq!(mask_log_time(b"2026/12/07"), b"2026/12/07".to_vec());
        let once = normalize(b"2026/12/07 23:14:29 p=0xc000\n");
        assert_eq!(normalize(&once), once);
    }

    #[test]
    fn blobs_match() {
        let big = vec![7u8; MAX_INLINE * 2];
        let b = Blob::of(&big);
        assert!(matches!(b, Blob::Hashed { .. }));
        assert!(b.matches(&big));
        let mut other = big.clone();
        other[3] = 8;
        assert!(!b.matches(&other));
        assert!(Blob::of(b"x").matches(b"x") && !Blob::of(b"x").matches(b"y"));
    }
}
