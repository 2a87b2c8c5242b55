//! Flags of `goc build`, `goc run` and `goc env`, parsed as Go's flag
//! package does: one or two dashes, `-name value` or `-name=value`, flags
//! before the first non-flag argument only (so `goc run x.go -o y` passes
//! `-o y` to the program), `--` ends the flags.

use super::Fail;

/// The command whose flags are parsed (they accept different sets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cmd {
    Build,
    Run,
    Env,
}

impl Cmd {
    fn usage(self) -> &'static str {
        match self {
            Cmd::Build => "usage: goc build [-o output] [-emit=ir] [-tags tag,list] [--target TRIPLE] [file.go ... | dir]\nRun 'goc help build' for details.",
            Cmd::Run => "usage: goc run [-emit=ir] [-tags tag,list] [--target TRIPLE] file.go... [--] [arguments...]\nRun 'goc help run' for details.",
            Cmd::Env => "usage: goc env [--target TRIPLE] [var ...]\nRun 'goc help env' for details.",
        }
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Flags {
    /// `-o`: the output file (build only).
    pub output: Option<String>,
    /// `-emit=ir`: print the IR instead of building.
    pub emit_ir: bool,
    /// `--target`: the target as written.
    pub target: Option<String>,
    /// `-tags`: extra build tags (build and run; the last `-tags` wins).
    pub tags: Vec<String>,
}

/// Parses the flags at the start of `args`; returns them and the remaining
/// arguments.
pub(crate) fn parse(args: &[String], cmd: Cmd) -> Result<(Flags, &[String]), Fail> {
    let mut f = Flags::default();
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        if arg == "--" {
            i += 1;
            break;
        }
        if !arg.starts_with('-') || arg == "-" {
            break;
        }
        let body = arg.strip_prefix("--").unwrap_or_else(|| &arg[1..]);
        let (name, inline) = match body.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (body, None),
        };
        i += 1;
        let value = |i: &mut usize| -> Result<String, Fail> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            match args.get(*i) {
                Some(v) => {
                    *i += 1;
                    Ok(v.clone())
                }
                None => Err(Fail::usage(format!(
                    "flag needs an argument: -{name}\n{}",
                    cmd.usage()
                ))),
            }
        };
        match name {
            "o" if cmd == Cmd::Build => {
                let v = value(&mut i)?;
                if v.is_empty() {
                    return Err(Fail::usage(format!(
                        "goc: -o: empty output name\n{}",
                        cmd.usage()
                    )));
                }
                f.output = Some(v);
            }
            "emit" if cmd != Cmd::Env => {
                let v = value(&mut i)?;
                if v != "ir" {
                    return Err(Fail::usage(format!(
                        "goc: -emit={v}: unknown output kind (goc can emit: ir)\n{}",
                        cmd.usage()
                    )));
                }
                f.emit_ir = true;
            }
            "target" => f.target = Some(value(&mut i)?),
            "tags" if cmd != Cmd::Env => f.tags = split_tags(&value(&mut i)?),
            "h" | "help" => return Err(Fail::usage(cmd.usage())),
            _ => {
                return Err(Fail::usage(format!(
                    "flag provided but not defined: -{name}\n{}",
                    cmd.usage()
                )))
            }
        }
    }
    Ok((f, &args[i..]))
}

/// A `-tags` value as go build reads it: comma-separated, empty names
/// dropped; or, for the old spelling with spaces or quotes, the words of a
/// space-separated list (quotes removed).
fn split_tags(v: &str) -> Vec<String> {
    if v.contains(' ') || v.contains('\'') {
        return v
            .split_whitespace()
            .map(|w| w.trim_matches(|c| c == '\'' || c == '"').to_string())
            .filter(|w| !w.is_empty())
            .collect();
    }
    v.split(',')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str], cmd: Cmd) -> Result<(Flags, Vec<String>), i32> {
        let v: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        parse(&v, cmd)
            .map(|(f, r)| (f, r.to_vec()))
            .map_err(|e| e.code)
    }

    #[test]
    fn spellings() {
        for args in [
            &["-o", "x", "a.go"][..],
            &["--o", "x", "a.go"],
            &["-o=x", "a.go"],
            &["--o=x", "a.go"],
        ] {
            let (f, rest) = p(args, Cmd::Build).unwrap();
            assert_eq!(f.output.as_deref(), Some("x"), "{args:?}");
            assert_eq!(rest, ["a.go"]);
        }
        let (f, rest) = p(&["-emit=ir", "--target", "aarch64-linux", "."], Cmd::Build).unwrap();
        assert!(f.emit_ir);
        assert_eq!(f.target.as_deref(), Some("aarch64-linux"));
        assert_eq!(rest, ["."]);
        let (f, _) = p(&["-emit", "ir", "-target=amd64"], Cmd::Build).unwrap();
        assert!(f.emit_ir);
        assert_eq!(f.target.as_deref(), Some("amd64"));
    }

    #[test]
    fn tags() {
        for args in [
            &["-tags", "a,b", "."][..],
            &["--tags", "a,b", "."],
            &["-tags=a,,b", "."],
            &["--tags=a,b,", "."],
            &["-tags", "x", "-tags", "a,b", "."],
            &["-tags", "a b", "."],
            &["-tags='a b'", "."],
        ] {
            let (f, rest) = p(args, Cmd::Build).unwrap();
            assert_eq!(f.tags, ["a", "b"], "{args:?}");
            assert_eq!(rest, ["."]);
        }
        let (f, _) = p(&["-tags", "x", "y.go"], Cmd::Run).unwrap();
        assert_eq!(f.tags, ["x"]);
        let (f, _) = p(&["-tags="], Cmd::Build).unwrap();
        assert!(f.tags.is_empty());
        assert_eq!(p(&["-tags", "x"], Cmd::Env).unwrap_err(), 2);
        assert_eq!(p(&["-tags"], Cmd::Build).unwrap_err(), 2);
    }

    #[test]
    fn flags_stop_at_the_first_argument_or_dashdash() {
        let (f, rest) = p(&["x.go", "-o", "y"], Cmd::Run).unwrap();
        assert_eq!(f, Flags::default());
        assert_eq!(rest, ["x.go", "-o", "y"]);
        let (_, rest) = p(&["--", "-x.go"], Cmd::Build).unwrap();
        assert_eq!(rest, ["-x.go"]);
    }

    #[test]
    fn usage_errors() {
        assert_eq!(p(&["-x"], Cmd::Build).unwrap_err(), 2);
        assert_eq!(p(&["-o"], Cmd::Build).unwrap_err(), 2);
        assert_eq!(p(&["-o", "x"], Cmd::Run).unwrap_err(), 2);
        assert_eq!(p(&["-emit=asm"], Cmd::Build).unwrap_err(), 2);
        assert_eq!(p(&["-emit=ir"], Cmd::Env).unwrap_err(), 2);
    }
}
