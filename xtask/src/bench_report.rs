//! The benchmark report: the machine it ran on, results/bench.json, the
//! markdown table (results/bench.md and docs/BENCHMARKS.md), and number
//! formatting. Pure apart from [`Machine::probe`] and [`update_docs`].

use crate::bench::{median, CompileRow, Row, RowState, Side, DEFAULT_RUNS};
use crate::measure::Usage;
use std::path::Path;
use std::process::Command;

/// Where the numbers came from.
#[derive(Clone, Debug, Default)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub memory_kb: u64,
    pub os: String,
    pub kernel: String,
    pub arch: String,
    pub goc_commit: String,
    pub goc_dirty: bool,
    pub goc_version: String,
    pub go_version: Option<String>,
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub date: String,
}

fn read(p: &str) -> String {
    std::fs::read_to_string(p).unwrap_or_default()
}

fn output(cmd: &mut Command) -> Option<String> {
    let o = cmd.output().ok()?;
    o.status
        .success()
        .then(|| String::from_utf8_lossy(&o.stdout).trim().to_string())
}

impl Machine {
    pub fn probe(root: &Path, goc: &Path, go_version: Option<&str>) -> Machine {
        let cpuinfo = read("/proc/cpuinfo");
        let field = |name: &str| {
            cpuinfo
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        };
        let cpu = field("model name")
            .or_else(|| field("Model"))
            .or_else(|| field("CPU part").map(|p| format!("CPU part {p}")))
            .unwrap_or_else(|| "unknown CPU".into());
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        let memory_kb = read("/proc/meminfo")
            .lines()
            .find_map(|l| l.strip_prefix("MemTotal:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0);
        let os = read("/etc/os-release")
            .lines()
            .find_map(|l| l.strip_prefix("PRETTY_NAME="))
            .map(|v| v.trim_matches('"').to_string())
            .unwrap_or_else(|| "Linux".into());
        let git = |args: &[&str]| output(Command::new("git").args(args).current_dir(root));
        let goc_commit =
            git(&["rev-parse", "--short=12", "HEAD"]).unwrap_or_else(|| "unknown".into());
        let goc_dirty =
            git(&["status", "--porcelain", "--untracked-files=no"]).is_some_and(|s| !s.is_empty());
        let goc_version = output(Command::new(goc).arg("version")).unwrap_or_default();
        Machine {
            cpu,
            cores,
            memory_kb,
            os,
            kernel: read("/proc/sys/kernel/osrelease").trim().to_string(),
            arch: std::env::consts::ARCH.to_string(),
            goc_commit,
            goc_dirty,
            goc_version,
            go_version: go_version.map(str::to_string),
            date: utc_now(),
        }
    }

    pub fn summary(&self) -> String {
        format!(
            "{}, {} cores, {} RAM, {} (Linux {}, {})",
            self.cpu,
            self.cores,
            fmt_kb(self.memory_kb as f64),
            self.os,
            self.kernel,
            self.arch
        )
    }

    fn goc_label(&self) -> String {
        format!(
            "{}{}",
            self.goc_commit,
            if self.goc_dirty {
                " (with uncommitted changes)"
            } else {
                ""
            }
        )
    }
}

/// Everything one `cargo xtask bench` measured.
pub struct Report {
    pub machine: Machine,
    /// `--runs`, if given.
    pub runs_default: Option<usize>,
    pub rows: Vec<Row>,
    pub compile: Option<CompileRow>,
}

// ---------------------------------------------------------------------------
// Time and numbers.

/// Seconds since the epoch -> `YYYY-MM-DDTHH:MM:SSZ` (proleptic Gregorian).
pub fn utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Days since 1970-01-01 to a civil date, counting in 400-year eras
    // that start on 0000-03-01 (so the leap day ends each year).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

fn utc_now() -> String {
    let s = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    utc(s)
}

/// Seconds, with a unit that keeps three significant digits.
pub fn fmt_secs(s: f64) -> String {
    if s < 0.001 {
        format!("{:.0} µs", s * 1e6)
    } else if s < 0.01 {
        format!("{:.2} ms", s * 1e3)
    } else if s < 0.1 {
        format!("{:.1} ms", s * 1e3)
    } else if s < 1.0 {
        format!("{:.0} ms", s * 1e3)
    } else if s < 10.0 {
        format!("{:.2} s", s)
    } else {
        format!("{:.1} s", s)
    }
}

/// KiB, in KB/MB/GB (binary multiples, as ru_maxrss counts).
pub fn fmt_kb(kb: f64) -> String {
    if kb < 1024.0 {
        format!("{kb:.0} KB")
    } else if kb < 1024.0 * 1024.0 {
        let mb = kb / 1024.0;
        if mb < 10.0 {
            format!("{mb:.2} MB")
        } else {
            format!("{mb:.0} MB")
        }
    } else {
        format!("{:.2} GB", kb / (1024.0 * 1024.0))
    }
}

pub fn fmt_bytes(b: u64) -> String {
    if b < 1024 {
        return format!("{b} B");
    }
    fmt_kb(b as f64 / 1024.0)
}

/// A metric's value with about three significant digits.
pub fn fmt_num(v: f64) -> String {
    let a = v.abs();
    if a >= 100.0 || v.fract() == 0.0 {
        format!("{v:.0}")
    } else if a >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

pub fn fmt_ratio(r: f64) -> String {
    if r < 0.1 {
        format!("{r:.3}×")
    } else if r < 10.0 {
        format!("{r:.2}×")
    } else {
        format!("{r:.0}×")
    }
}

// ---------------------------------------------------------------------------
// Markdown.

/// `goc / Go (ratio)` for one measure; `—` for a missing side.
fn pair(goc: Option<f64>, go: Option<Option<f64>>, fmt: impl Fn(f64) -> String) -> String {
    let a = goc.map(&fmt).unwrap_or_else(|| "—".into());
    match go {
        None => a,
        Some(g) => {
            let b = g.map(&fmt).unwrap_or_else(|| "—".into());
            match (goc, g) {
                (Some(x), Some(y)) if y > 0.0 => format!("{a} / {b} ({})", fmt_ratio(x / y)),
                _ => format!("{a} / {b}"),
            }
        }
    }
}

fn rss_fmt(side: &Side) -> impl Fn(f64) -> String + '_ {
    move |kb| {
        if side.rss_at_floor() {
            format!("≤{}", fmt_kb(kb))
        } else {
            fmt_kb(kb)
        }
    }
}

fn metric_notes(row: &Row) -> Vec<String> {
    let mut names: Vec<(String, String)> = Vec::new();
    let sides: Vec<(&str, &Side)> = std::iter::once(("goc", &row.goc))
        .chain(row.go.as_ref().map(|g| ("Go", g)))
        .collect();
    for (_, s) in &sides {
        for (n, u, _) in &s.metrics {
            if !names.iter().any(|(m, _)| m == n) {
                names.push((n.clone(), u.clone()));
            }
        }
    }
    names
        .iter()
        .map(|(n, unit)| {
            let vals: Vec<String> = sides
                .iter()
                .map(|(who, s)| {
                    let v = s
                        .metrics
                        .iter()
                        .find(|m| &m.0 == n)
                        .and_then(|m| median(m.2.clone()));
                    match v {
                        Some(v) => format!("{who} {} {unit}", fmt_num(v))
                            .trim_end()
                            .to_string(),
                        None => format!("{who} —"),
                    }
                })
                .collect();
            format!("{n}: {}", vals.join(", "))
        })
        .collect()
}

fn build_time(side: &Side) -> Option<f64> {
    side.build.as_ref().map(|b| b.usage.wall.as_secs_f64())
}

fn size(side: &Side) -> Option<f64> {
    side.build.as_ref().map(|b| b.size as f64)
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn usage_median(v: &[Usage], f: impl Fn(&Usage) -> f64) -> Option<f64> {
    median(v.iter().map(f).collect())
}

impl Report {
    fn vs_go(&self) -> bool {
        self.machine.go_version.is_some()
    }

    pub fn markdown(&self) -> String {
        let m = &self.machine;
        let mut s = String::new();
        s.push_str(&format!("Machine: {}.  \n", m.summary()));
        s.push_str(&format!("goc: {}", m.goc_label()));
        if !m.goc_version.is_empty() {
            s.push_str(&format!(" ({})", m.goc_version));
        }
        match &m.go_version {
            Some(v) => s.push_str(&format!("; Go: {v}")),
            None => s.push_str("; Go: not run (no --vs-go)"),
        }
        s.push_str(&format!("; date: {}.  \n", m.date));
        let runs = match self.runs_default {
            Some(n) => format!("{n} measured runs of each build"),
            None => {
                format!("{DEFAULT_RUNS} measured runs of each build (more where a program asks)")
            }
        };
        s.push_str(&format!(
            "{runs} after one warm-up, goc and Go alternating; medians. \
             Cells read goc / Go (goc/Go ratio; below 1 means goc is faster or smaller).\n\n"
        ));
        let go = self.vs_go();
        if go {
            s.push_str("| benchmark | wall time | CPU time | peak RSS | binary size | build time | notes |\n");
        } else {
            s.push_str("| benchmark | wall time (goc) | CPU time | peak RSS | binary size | build time | notes |\n");
        }
        s.push_str("|---|---|---|---|---|---|---|\n");
        for r in &self.rows {
            let g = r.go.as_ref();
            let col = |f: &dyn Fn(&Side) -> Option<f64>, fmt: &dyn Fn(f64) -> String| {
                pair(f(&r.goc), g.map(f), fmt)
            };
            let rss = {
                let a = r.goc.rss_kb().map(rss_fmt(&r.goc));
                let b = g.map(|g| g.rss_kb().map(rss_fmt(g)));
                let dash = || "—".to_string();
                match b {
                    None => a.unwrap_or_else(dash),
                    Some(b) => {
                        let ratio = match (r.goc.rss_kb(), g.and_then(Side::rss_kb)) {
                            (Some(x), Some(y)) if y > 0.0 => format!(" ({})", fmt_ratio(x / y)),
                            _ => String::new(),
                        };
                        format!(
                            "{} / {}{ratio}",
                            a.unwrap_or_else(dash),
                            b.unwrap_or_else(dash)
                        )
                    }
                }
            };
            let mut notes = Vec::new();
            if !r.meta.sizes.is_empty() {
                notes.push(r.meta.sizes.clone());
            }
            notes.extend(metric_notes(r));
            notes.extend(r.notes.iter().cloned());
            s.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} |\n",
                r.label(),
                col(&Side::wall, &fmt_secs),
                col(&Side::cpu, &fmt_secs),
                rss,
                col(&size, &|b| fmt_bytes(b as u64)),
                col(&build_time, &fmt_secs),
                md_escape(&notes.join("; "))
            ));
        }
        if let Some(c) = &self.compile {
            let goc_wall = usage_median(&c.goc, |u| u.wall.as_secs_f64());
            let go_wall = usage_median(&c.go, |u| u.wall.as_secs_f64());
            let goc_cpu = usage_median(&c.goc, |u| u.cpu().as_secs_f64());
            let go_cpu = usage_median(&c.go, |u| u.cpu().as_secs_f64());
            let goc_rss = usage_median(&c.goc, |u| u.max_rss_kb as f64);
            let go_rss = usage_median(&c.go, |u| u.max_rss_kb as f64);
            let gopt = |v: Option<f64>| if go { Some(v) } else { None };
            let mut notes = vec![format!(
                "goc build vs go build of {}.go with an empty Go build cache; {} builds each",
                c.program,
                c.goc.len().max(c.go.len())
            )];
            if let Some(e) = &c.goc_error {
                notes.push(format!("not yet supported (goc build failed: {e})"));
            }
            if let Some(e) = &c.go_error {
                notes.push(format!("go build failed: {e}"));
            }
            s.push_str(&format!(
                "| compile ({}) | {} | {} | {} | — | — | {} |\n",
                c.program,
                pair(goc_wall, gopt(go_wall), fmt_secs),
                pair(goc_cpu, gopt(go_cpu), fmt_secs),
                pair(goc_rss, gopt(go_rss), fmt_kb),
                md_escape(&notes.join("; "))
            ));
        }
        s.push_str(
            "\nPeak RSS is ru_maxrss from wait4; ≤ marks a figure at the measuring floor \
             (the pages a forked child starts with), so the program's own peak is at most that.\n",
        );
        s
    }

    pub fn json(&self) -> String {
        let m = &self.machine;
        let machine = J::obj(vec![
            ("cpu", J::s(&m.cpu)),
            ("cores", J::n(m.cores as f64)),
            ("memory_kb", J::n(m.memory_kb as f64)),
            ("os", J::s(&m.os)),
            ("kernel", J::s(&m.kernel)),
            ("arch", J::s(&m.arch)),
        ]);
        let rows = self.rows.iter().map(row_json).collect();
        let compile = match &self.compile {
            None => J::Null,
            Some(c) => J::obj(vec![
                ("program", J::s(&c.program)),
                ("cold_go_cache", J::Bool(true)),
                ("goc", J::Arr(c.goc.iter().map(usage_json).collect())),
                ("goc_error", opt_s(&c.goc_error)),
                ("go", J::Arr(c.go.iter().map(usage_json).collect())),
                ("go_error", opt_s(&c.go_error)),
            ]),
        };
        let doc = J::obj(vec![
            ("schema", J::n(1.0)),
            ("date", J::s(&m.date)),
            ("machine", machine),
            (
                "goc",
                J::obj(vec![
                    ("commit", J::s(&m.goc_commit)),
                    ("uncommitted_changes", J::Bool(m.goc_dirty)),
                    ("version", J::s(&m.goc_version)),
                ]),
            ),
            (
                "go",
                match &m.go_version {
                    Some(v) => J::obj(vec![("version", J::s(v))]),
                    None => J::Null,
                },
            ),
            ("rows", J::Arr(rows)),
            ("compile", compile),
        ]);
        let mut out = String::new();
        doc.write(&mut out, 0);
        out.push('\n');
        out
    }
}

fn opt_s(v: &Option<String>) -> J {
    v.as_deref().map(J::s).unwrap_or(J::Null)
}

fn opt_n(v: Option<f64>) -> J {
    v.map(J::n).unwrap_or(J::Null)
}

fn usage_json(u: &Usage) -> J {
    J::obj(vec![
        ("end", J::s(&u.end.to_string())),
        ("wall_s", J::n(u.wall.as_secs_f64())),
        ("user_s", J::n(u.user.as_secs_f64())),
        ("sys_s", J::n(u.sys.as_secs_f64())),
        ("max_rss_kb", J::n(u.max_rss_kb as f64)),
        ("rss_floor_kb", J::n(u.floor_kb as f64)),
    ])
}

fn side_json(s: &Side) -> J {
    let build = match &s.build {
        Some(b) => J::obj(vec![
            ("ok", J::Bool(true)),
            ("size_bytes", J::n(b.size as f64)),
            ("usage", usage_json(&b.usage)),
        ]),
        None => J::obj(vec![
            ("ok", J::Bool(false)),
            ("error", opt_s(&s.build_error)),
        ]),
    };
    let metrics = s
        .metrics
        .iter()
        .map(|(n, u, v)| {
            J::obj(vec![
                ("name", J::s(n)),
                ("unit", J::s(u)),
                ("values", J::Arr(v.iter().map(|&x| J::n(x)).collect())),
                ("median", opt_n(median(v.clone()))),
            ])
        })
        .collect();
    J::obj(vec![
        ("build", build),
        ("failure", opt_s(&s.failure)),
        ("runs", J::Arr(s.runs.iter().map(usage_json).collect())),
        (
            "median",
            J::obj(vec![
                ("wall_s", opt_n(s.wall())),
                ("cpu_s", opt_n(s.cpu())),
                ("max_rss_kb", opt_n(s.rss_kb())),
            ]),
        ),
        ("rss_at_floor", J::Bool(s.rss_at_floor())),
        ("metrics", J::Arr(metrics)),
    ])
}

fn row_json(r: &Row) -> J {
    let ratio = |f: &dyn Fn(&Side) -> Option<f64>| match r.go.as_ref() {
        Some(g) => match (f(&r.goc), f(g)) {
            (Some(a), Some(b)) if b > 0.0 => J::n(a / b),
            _ => J::Null,
        },
        None => J::Null,
    };
    J::obj(vec![
        ("name", J::s(&r.name)),
        ("label", J::s(&r.label())),
        (
            "gomaxprocs",
            r.gomaxprocs.map(|p| J::n(p as f64)).unwrap_or(J::Null),
        ),
        (
            "args",
            J::Arr(r.meta.args.iter().map(|a| J::s(a)).collect()),
        ),
        (
            "env",
            J::Arr(
                r.meta
                    .env
                    .iter()
                    .map(|(k, v)| J::s(&format!("{k}={v}")))
                    .collect(),
            ),
        ),
        ("compare", J::s(r.meta.compare.name())),
        ("sizes", J::s(&r.meta.sizes)),
        ("runs", J::n(r.runs as f64)),
        ("state", J::s(r.state.name())),
        ("notes", J::Arr(r.notes.iter().map(|n| J::s(n)).collect())),
        ("goc", side_json(&r.goc)),
        ("go", r.go.as_ref().map(side_json).unwrap_or(J::Null)),
        (
            "ratio",
            J::obj(vec![
                ("wall", ratio(&Side::wall)),
                ("cpu", ratio(&Side::cpu)),
                ("max_rss", ratio(&Side::rss_kb)),
                ("size", ratio(&size)),
                ("build", ratio(&build_time)),
            ]),
        ),
    ])
}

/// Just enough JSON to write the report.
enum J {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn s(v: &str) -> J {
        J::Str(v.to_string())
    }
    fn n(v: f64) -> J {
        J::Num(v)
    }
    fn obj(fields: Vec<(&str, J)>) -> J {
        J::Obj(
            fields
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    }

    fn write(&self, out: &mut String, indent: usize) {
        let pad = |n: usize| "  ".repeat(n);
        match self {
            J::Null => out.push_str("null"),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Num(n) if !n.is_finite() => out.push_str("null"),
            J::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                out.push_str(&format!("{}", *n as i64))
            }
            J::Num(n) => out.push_str(&format!("{n}")),
            J::Str(s) => quote(out, s),
            J::Arr(v) if v.is_empty() => out.push_str("[]"),
            J::Arr(v) => {
                out.push_str("[\n");
                for (i, x) in v.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    x.write(out, indent + 1);
                    out.push_str(if i + 1 < v.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push(']');
            }
            J::Obj(v) if v.is_empty() => out.push_str("{}"),
            J::Obj(v) => {
                out.push_str("{\n");
                for (i, (k, x)) in v.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    quote(out, k);
                    out.push_str(": ");
                    x.write(out, indent + 1);
                    out.push_str(if i + 1 < v.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push('}');
            }
        }
    }
}

fn quote(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

// ---------------------------------------------------------------------------
// Progress and docs.

/// One line per finished row, while the run goes on.
pub fn progress_line(r: &Row) -> String {
    let side = |who: &str, s: &Side| match (s.wall(), &s.build_error, &s.failure) {
        (Some(w), _, _) => format!("{who} {} ({} runs)", fmt_secs(w), s.runs.len()),
        (_, Some(_), _) => format!("{who} cannot build it"),
        (_, _, Some(f)) => format!("{who} failed: {f}"),
        _ => format!("{who} —"),
    };
    let mut line = format!("bench: {:<18} {}", r.label(), side("goc", &r.goc));
    if let Some(g) = &r.go {
        line.push_str(&format!(", {}", side("Go", g)));
    }
    if r.state != RowState::Ok {
        line.push_str(&format!(" [{}]", r.state.name()));
    }
    line
}

pub fn compile_progress_line(c: &CompileRow) -> String {
    let w = |v: &[Usage]| {
        usage_median(v, |u| u.wall.as_secs_f64())
            .map(fmt_secs)
            .unwrap_or_else(|| "—".into())
    };
    format!(
        "bench: compile ({}): goc {}, Go (cold cache) {}",
        c.program,
        w(&c.goc),
        w(&c.go)
    )
}

pub const DOCS_BEGIN: &str = "<!-- bench:begin -->";
pub const DOCS_END: &str = "<!-- bench:end -->";

/// Replaces what is between the markers of `text` with `table`.
pub fn splice(text: &str, table: &str) -> Result<String, String> {
    let b = text
        .find(DOCS_BEGIN)
        .ok_or(format!("no {DOCS_BEGIN} marker"))?;
    let e = text.find(DOCS_END).ok_or(format!("no {DOCS_END} marker"))?;
    if e < b {
        return Err("bench markers out of order".into());
    }
    Ok(format!(
        "{}{DOCS_BEGIN}\n{}{}",
        &text[..b],
        table,
        &text[e..]
    ))
}

pub fn update_docs(path: &Path, table: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let new = splice(&text, table).map_err(|e| format!("{}: {e}", path.display()))?;
    std::fs::write(path, new).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::{Built, Meta};
    use crate::measure::End;
    use std::time::Duration;

    #[test]
    fn dates() {
        assert_eq!(utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc(1_764_183_845), "2025-11-26T19:04:05Z");
    }

    #[test]
    fn numbers() {
        assert_eq!(fmt_secs(0.000_512), "512 µs");
        assert_eq!(fmt_secs(0.001_234), "1.23 ms");
        assert_eq!(fmt_secs(0.2345), "234 ms");
        assert_eq!(fmt_secs(3.456), "3.46 s");
        assert_eq!(fmt_kb(300.0), "300 KB");
        assert_eq!(fmt_kb(1700.0), "1.66 MB");
        assert_eq!(fmt_kb(2.5 * 1024.0 * 1024.0), "2.50 GB");
        assert_eq!(fmt_ratio(0.5), "0.50×");
        assert_eq!(fmt_num(1.3250000000000002), "1.33");
        assert_eq!(fmt_num(45.6425), "45.6");
        assert_eq!(fmt_num(316.25), "316");
        assert_eq!(fmt_num(3.0), "3");
        assert_eq!(fmt_ratio(0.01234), "0.012×");
    }

    fn usage(wall_ms: u64, rss: u64) -> Usage {
        Usage {
            end: End::Exited(0),
            wall: Duration::from_millis(wall_ms),
            user: Duration::from_millis(wall_ms / 2),
            sys: Duration::ZERO,
            max_rss_kb: rss,
            floor_kb: 256,
        }
    }

    fn side(walls: &[u64], rss: u64, size: u64) -> Side {
        Side {
            build: Some(Built {
                bin: "x".into(),
                size,
                usage: usage(100, 1000),
            }),
            runs: walls.iter().map(|&w| usage(w, rss)).collect(),
            ..Side::default()
        }
    }

    #[test]
    fn table_and_json() {
        let mut meta = Meta {
            sizes: "tiny".into(),
            ..Meta::default()
        };
        let ok = Row {
            name: "hello".into(),
            gomaxprocs: None,
            meta: meta.clone(),
            runs: 3,
            goc: side(&[10, 30, 20], 200, 25_000),
            go: Some(side(&[40, 40, 40], 1600, 1_900_000)),
            state: RowState::Ok,
            notes: vec![],
        };
        meta.gomaxprocs = vec![2];
        let unsupported = Row {
            name: "fib".into(),
            gomaxprocs: Some(2),
            meta,
            runs: 3,
            goc: Side {
                build_error: Some("fib.go:1:2: no fmt | yet".into()),
                ..Side::default()
            },
            go: Some(side(&[200], 2000, 2_000_000)),
            state: RowState::Unsupported,
            notes: vec!["not yet supported (goc build failed: fib.go:1:2: no fmt | yet)".into()],
        };
        let report = Report {
            machine: Machine {
                cpu: "Test CPU".into(),
                cores: 2,
                go_version: Some("go1.27.3".into()),
                ..Machine::default()
            },
            runs_default: None,
            rows: vec![ok, unsupported],
            compile: None,
        };
        let md = report.markdown();
        assert!(
            md.contains("| hello | 20.0 ms / 40.0 ms (0.50×) | 10.0 ms / 20.0 ms (0.50×) | ≤200 KB / 1.56 MB (0.12×) | 24 KB / 1.81 MB (0.013×) | 100 ms / 100 ms (1.00×) | tiny |"),
            "{md}"
        );
        assert!(
            md.contains("| fib (P=2) | — / 200 ms | — / 100 ms | — / 1.95 MB | — / 1.91 MB | — / 100 ms | tiny; not yet supported (goc build failed: fib.go:1:2: no fmt \\| yet) |"),
            "{md}"
        );
        let json = report.json();
        assert!(json.contains("\"label\": \"fib (P=2)\""), "{json}");
        assert!(json.contains("\"wall\": 0.5,"), "{json}");
        assert!(json.contains("\"state\": \"not yet supported\""), "{json}");
    }

    #[test]
    fn splices_docs() {
        let doc = format!("intro\n{DOCS_BEGIN}\nold\n{DOCS_END}\nafter\n");
        assert_eq!(
            splice(&doc, "new\n").unwrap(),
            format!("intro\n{DOCS_BEGIN}\nnew\n{DOCS_END}\nafter\n")
        );
        assert!(splice("nothing", "x").is_err());
    }
}
