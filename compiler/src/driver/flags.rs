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
            Cmd::Build => "usage: goc build [-o output] [-emit=ir] [--target TRIPLE] [file.go ... | dir]\nRun 'goc help build' for details.",
            Cmd::Run => "usage: goc run [-emit=ir] [--target TRIPLE] file.go... [--] [arguments...]\nRun 'goc help run' for details.",
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
