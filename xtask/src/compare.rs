//! Comparison rules between what a program produced and what real Go
//! recorded for it.
//!
//! These rules are the whole contract of the conformance suite, so they are
//! kept small, pure (bytes in, bytes out) and unit-tested:
//!
//! * stdout and the exit status must be equal exactly;
//! * stderr is compared after [`mask_hex`] turns every `0x[0-9a-f]+` into
//!   `0xADDR` (pointers printed by `println`, the `addr=`/`pc=` fields of
//!   Go's `[signal ...]` line, `+0x1d` frame offsets);
//! * when the expected status is 2 (a panic or fatal error), stderr is
//!   compared only up to and including its first line that starts with
//!   `goroutine ` ([`cut_after_goroutine_line`]): the traceback after it
//!   names functions, files and offsets that legitimately differ between
//!   implementations; for the same reason a fatal error's `runtime stack:`
//!   section is dropped ([`drop_runtime_stack`]), and the header's `m=N`
//!   (which thread ran the goroutine, not deterministic in Go itself) is
//!   masked ([`mask_thread_id`]);
//! * for compile errors only the first line of the compiler's stderr counts,
//!   with the file's path reduced to its bare name ([`normalize_diagnostic`]).

/// The exit status for which stderr is cut after the goroutine header.
pub const PANIC_STATUS: i32 = 2;

/// Replaces every `0x` followed by one or more lower-case hex digits with
/// `0xADDR`. Idempotent: `0xADDR` itself is left alone (its letters are
/// upper case), so already-masked expected files mask to themselves.
pub fn mask_hex(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        if input[i] == b'0' && i + 1 < input.len() && input[i + 1] == b'x' {
            let mut j = i + 2;
            while j < input.len() && matches!(input[j], b'0'..=b'9' | b'a'..=b'f') {
                j += 1;
            }
            if j > i + 2 {
                out.extend_from_slice(b"0xADDR");
                i = j;
                continue;
            }
        }
        out.push(input[i]);
        i += 1;
    }
    out
}

/// Keeps everything up to and including the first line that starts with
/// `goroutine ` (with its newline, if any). Returns the input unchanged when
/// there is no such line.
pub fn cut_after_goroutine_line(input: &[u8]) -> &[u8] {
    let mut start = 0;
    while start < input.len() {
        let end = match input[start..].iter().position(|&b| b == b'\n') {
            Some(n) => start + n + 1,
            None => input.len(),
        };
        if input[start..end].starts_with(b"goroutine ") {
            return &input[..end];
        }
        start = end;
    }
    input
}

/// Drops the frames listed under a `runtime stack:` line (up to the next
/// empty line), keeping the line itself.
pub fn drop_runtime_stack(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut skipping = false;
    for line in input.split_inclusive(|&b| b == b'\n') {
        if skipping {
            if line == b"\n" {
                skipping = false;
            } else {
                continue;
            }
        }
        out.extend_from_slice(line);
        if line == b"runtime stack:\n" {
            skipping = true;
        }
    }
    out
}

/// Replaces the digits of ` m=N` in `goroutine ` header lines with `N`.
pub fn mask_thread_id(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    for line in input.split_inclusive(|&b| b == b'\n') {
        let pos = line.windows(3).position(|w| w == b" m=");
        match pos {
            Some(i) if line.starts_with(b"goroutine ") => {
                let mut j = i + 3;
                while j < line.len() && line[j].is_ascii_digit() {
                    j += 1;
                }
                out.extend_from_slice(&line[..i + 3]);
                out.push(b'N');
                out.extend_from_slice(&line[j..]);
            }
            _ => out.extend_from_slice(line),
        }
    }
    out
}

/// The form in which stderr is compared, given the expected exit status.
pub fn normalize_stderr(stderr: &[u8], expected_status: i32) -> Vec<u8> {
    let masked = mask_hex(stderr);
    if expected_status == PANIC_STATUS {
        let cut = cut_after_goroutine_line(&masked);
        mask_thread_id(&drop_runtime_stack(cut))
    } else {
        masked
    }
}

/// Reduces the path in front of a `file.go:LINE:COL: message` diagnostic to
/// the bare file name and trims trailing white space. Lines that do not
/// contain `.go:` are only trimmed.
pub fn normalize_diagnostic(line: &str) -> String {
    let mut line = line.trim_end();
    // Go names its GOROOT directory after `package x is not in std`; goc
    // has none.
    if let Some(i) = line.find(" is not in std (") {
        if line.ends_with(')') {
            line = &line[..i + " is not in std".len()];
        }
    }
    let mut out = line.to_string();
    if let Some(pos) = line.find(".go:") {
        let path = &line[..pos + 3];
        if !path.contains(' ') {
            let base = path.rsplit('/').next().unwrap_or(path);
            out = format!("{}{}", base, &line[pos + 3..]);
        }
    }
    // `(declared at ./x.go:3:11)` names the file as the compiler was
    // given it, which depends on the directory it ran in.
    if let Some(i) = out.find("(declared at ") {
        let start = i + "(declared at ".len();
        if let Some(end) = out[start..].find(".go:") {
            let path = &out[start..start + end + 3];
            let base = path.rsplit('/').next().unwrap_or(path).to_string();
            out.replace_range(start..start + end + 3, &base);
        }
    }
    out
}

/// The first diagnostic of a compiler's stderr: the first non-empty line that
/// is not a `# package` header (Go prints `# command-line-arguments` first).
pub fn first_diagnostic(stderr: &[u8]) -> Option<String> {
    String::from_utf8_lossy(stderr)
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with("# "))
        .map(normalize_diagnostic)
}

/// A short unified-style diff around the first differing line: up to two
/// lines of context, then up to `max` lines of each side. Empty when equal.
pub fn short_diff(expected: &[u8], actual: &[u8], max: usize) -> String {
    if expected == actual {
        return String::new();
    }
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let e: Vec<&str> = exp.split_inclusive('\n').collect();
    let a: Vec<&str> = act.split_inclusive('\n').collect();
    let first = e.iter().zip(a.iter()).take_while(|(x, y)| x == y).count();
    let mut out = String::new();
    out.push_str(&format!(
        "    @@ line {} (expected {} lines, got {}) @@\n",
        first + 1,
        e.len(),
        a.len()
    ));
    for l in &e[first.saturating_sub(2)..first] {
        out.push_str(&format!("     {}\n", show_line(l)));
    }
    for l in e.iter().skip(first).take(max) {
        out.push_str(&format!("    -{}\n", show_line(l)));
    }
    if e.len() > first + max {
        out.push_str(&format!("    -... ({} more)\n", e.len() - first - max));
    }
    for l in a.iter().skip(first).take(max) {
        out.push_str(&format!("    +{}\n", show_line(l)));
    }
    if a.len() > first + max {
        out.push_str(&format!("    +... ({} more)\n", a.len() - first - max));
    }
    out
}

/// A line for display: the newline removed, a missing final newline marked,
/// other control characters escaped.
fn show_line(l: &str) -> String {
    let (body, nl) = match l.strip_suffix('\n') {
        Some(b) => (b, true),
        None => (l, false),
    };
    let mut s: String = body
        .chars()
        .map(|c| {
            if c.is_control() && c != '\t' {
                format!("\\x{:02x}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect();
    if !nl {
        s.push_str("\\ (no newline at end)");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_addresses_and_offsets() {
        let s = b"[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x47db5d]\n";
        assert_eq!(
            mask_hex(s),
            b"[signal SIGSEGV: segmentation violation code=0xADDR addr=0xADDR pc=0xADDR]\n"
                .to_vec()
        );
        assert_eq!(
            mask_hex(b"\t./x.go:5 +0x3d\n"),
            b"\t./x.go:5 +0xADDR\n".to_vec()
        );
        assert_eq!(mask_hex(b"[3/3]0xc000012345"), b"[3/3]0xADDR".to_vec());
    }

    #[test]
    fn mask_leaves_non_hex_alone() {
        assert_eq!(mask_hex(b"0x"), b"0x".to_vec());
        assert_eq!(mask_hex(b"0xg 10 x0"), b"0xg 10 x0".to_vec());
        assert_eq!(mask_hex(b"0XFF"), b"0XFF".to_vec());
        assert_eq!(mask_hex(b""), b"".to_vec());
        // upper-case digits are not part of the match: only the prefix is
        assert_eq!(mask_hex(b"0x1F"), b"0xADDRF".to_vec());
    }

    #[test]
    fn mask_is_idempotent() {
        let once = mask_hex(b"p=0xdeadbeef q=0x0\n");
        assert_eq!(mask_hex(&once), once);
    }

    #[test]
    fn drops_runtime_stack_and_thread_id() {
        let s = b"fatal error: stack overflow\n\nruntime stack:\nruntime.throw()\n\tx.go:1\n\ngoroutine 1 gp=0xADDR m=12 mp=0xADDR [running]:\n";
        assert_eq!(
            normalize_stderr(s, PANIC_STATUS),
            b"fatal error: stack overflow\n\nruntime stack:\n\ngoroutine 1 gp=0xADDR m=N mp=0xADDR [running]:\n".to_vec()
        );
    }

    #[test]
    fn cuts_after_first_goroutine_line() {
        let s = b"x\npanic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/a/b.go:3 +0x1\n";
        assert_eq!(
            cut_after_goroutine_line(s),
            &b"x\npanic: boom\n\ngoroutine 1 [running]:\n"[..]
        );
        // only at line start
        let t = b"not goroutine 1\nmore\n";
        assert_eq!(cut_after_goroutine_line(t), &t[..]);
        // last line without newline
        let u = b"panic: x\ngoroutine 1 [running]:";
        assert_eq!(cut_after_goroutine_line(u), &u[..]);
        assert_eq!(cut_after_goroutine_line(b""), b"");
    }

    #[test]
    fn panic_stderr_ignores_traceback_and_addresses() {
        let go = b"panic: runtime error: invalid memory address or nil pointer dereference\n\
[signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0x47db10]\n\n\
goroutine 1 [running]:\nmain.main()\n\t./b.go:12 +0x10\n";
        let goc = b"panic: runtime error: invalid memory address or nil pointer dereference\n\
[signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0x201a3c]\n\n\
goroutine 1 [running]:\nmain.main\n\tsomewhere else\n";
        assert_eq!(normalize_stderr(go, 2), normalize_stderr(goc, 2));
        // with status 0 the whole stream counts
        assert_ne!(normalize_stderr(go, 0), normalize_stderr(goc, 0));
        // a different message still differs
        let other = b"panic: runtime error: index out of range [1] with length 1\n\ngoroutine 1 [running]:\n";
        assert_ne!(normalize_stderr(go, 2), normalize_stderr(other, 2));
        // missing goroutine line: nothing is cut, so it differs
        let short = b"panic: runtime error: invalid memory address or nil pointer dereference\n";
        assert_ne!(normalize_stderr(go, 2), normalize_stderr(short, 2));
    }

    #[test]
    fn diagnostics_lose_their_directory() {
        assert_eq!(
            normalize_diagnostic("./x.go:3:2: undefined: y"),
            "x.go:3:2: undefined: y"
        );
        assert_eq!(
            normalize_diagnostic("/work/main/testdata/errors/x.go:3:2: undefined: y\n"),
            "x.go:3:2: undefined: y"
        );
        assert_eq!(
            normalize_diagnostic("x.go:1:1: m.go: oops"),
            "x.go:1:1: m.go: oops"
        );
        assert_eq!(normalize_diagnostic("error: no file"), "error: no file");
        assert_eq!(normalize_diagnostic("a b/x.go:1:1: m"), "a b/x.go:1:1: m");
    }

    #[test]
    fn goroot_of_missing_std_package_is_dropped() {
        assert_eq!(
            normalize_diagnostic("./x.go:3:8: package foo/bar is not in std (/go/src/foo/bar)"),
            "x.go:3:8: package foo/bar is not in std"
        );
    }

    #[test]
    fn declared_at_paths_are_base_names() {
        assert_eq!(
            normalize_diagnostic("a/x.go:9:10: cannot infer T (declared at ./a/x.go:3:11)"),
            "x.go:9:10: cannot infer T (declared at x.go:3:11)"
        );
    }

    #[test]
    fn first_diagnostic_skips_go_header() {
        let s = b"# command-line-arguments\n./u.go:5:14: undefined: x\n./u.go:6:1: other\n";
        assert_eq!(
            first_diagnostic(s).as_deref(),
            Some("u.go:5:14: undefined: x")
        );
        assert_eq!(first_diagnostic(b""), None);
        assert_eq!(
            first_diagnostic(b"\n\nt.go:1:2: m\n").as_deref(),
            Some("t.go:1:2: m")
        );
    }

    #[test]
    fn diff_points_at_first_difference() {
        assert_eq!(short_diff(b"a\nb\n", b"a\nb\n", 3), "");
        let d = short_diff(b"a\nb\nc\n", b"a\nB\nc\n", 3);
        assert!(d.contains("@@ line 2"), "{d}");
        assert!(d.contains("     a\n"), "{d}");
        assert!(d.contains("    -b\n"), "{d}");
        assert!(d.contains("    +B\n"), "{d}");
        let d = short_diff(b"a\n", b"a", 3);
        assert!(d.contains("no newline at end"), "{d}");
        let d = short_diff(b"", b"x\ny\nz\nw\n", 2);
        assert!(d.contains("+... (2 more)"), "{d}");
    }
}
