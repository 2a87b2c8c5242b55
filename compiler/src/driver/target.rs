//! Choosing the target: `--target` (any target-lexicon spelling of x86_64 or
//! aarch64 Linux, or a bare architecture name such as `amd64`), else GOOS
//! and GOARCH as the go command reads them (linux; amd64 or arm64; an empty
//! variable means the host's), else the host.

use std::str::FromStr;

use target_lexicon::{Aarch64Architecture, Architecture, OperatingSystem, Triple};

use super::Fail;
use crate::link::{self, Target};

/// The supported targets, for error messages.
fn supported() -> String {
    Target::ALL
        .iter()
        .map(|t| format!("{} (linux/{})", t.triple(), t.goarch()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The target selected by `flag` (the `--target` value), the environment
/// or the host.
pub(crate) fn resolve(flag: Option<&str>) -> Result<Target, Fail> {
    if let Some(s) = flag {
        return from_flag(s);
    }
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let goos = var("GOOS");
    let goarch = var("GOARCH");
    if goos.is_none() && goarch.is_none() {
        return host();
    }
    let goos = goos.unwrap_or_else(|| std::env::consts::OS.to_string());
    let goarch = goarch.unwrap_or_else(|| super::host_goarch().to_string());
    let t = match goarch.as_str() {
        "amd64" => Some(Target::X86_64),
        "arm64" => Some(Target::Aarch64),
        _ => None,
    };
    match t {
        Some(t) if goos == "linux" => Ok(t),
        _ => Err(Fail::goc(format!(
            "unsupported GOOS/GOARCH pair {goos}/{goarch} (goc supports linux/amd64 and linux/arm64)"
        ))),
    }
}

fn from_flag(s: &str) -> Result<Target, Fail> {
    if let Some(t) = Target::parse(s) {
        return Ok(t);
    }
    let unsupported = |why: String| {
        Fail::goc(format!(
            "unsupported target \"{s}\"{why}; supported targets: {}",
            supported()
        ))
    };
    let triple = Triple::from_str(s).map_err(|e| unsupported(format!(" ({e})")))?;
    let arch = match triple.architecture {
        Architecture::X86_64 => Target::X86_64,
        Architecture::Aarch64(Aarch64Architecture::Aarch64) => Target::Aarch64,
        _ => return Err(unsupported(String::new())),
    };
    if triple.operating_system != OperatingSystem::Linux {
        return Err(unsupported(" (goc builds for Linux only)".into()));
    }
    Ok(arch)
}

fn host() -> Result<Target, Fail> {
    match Target::host() {
        Some(t) if std::env::consts::OS == "linux" => Ok(t),
        _ => Err(Fail::goc(format!(
            "goc cannot build for this host ({}/{}); choose a target with --target: {}",
            std::env::consts::OS,
            std::env::consts::ARCH,
            supported()
        ))),
    }
}

/// Checks that this goc embeds the runtime for `t` (needed to link).
pub(crate) fn require_runtime(t: Target) -> Result<(), Fail> {
    link::runtime_for(t).map(|_| ()).map_err(|e| {
        let avail: Vec<String> = link::available_targets()
            .iter()
            .map(|t| format!("{} (linux/{})", t.triple(), t.goarch()))
            .collect();
        Fail::goc(format!(
            "{e}\ngoc: this goc can build for: {}",
            if avail.is_empty() {
                "nothing".to_string()
            } else {
                avail.join(", ")
            }
        ))
    })
}

/// The triple the backend is given for `t`.
pub(crate) fn triple(t: Target) -> Result<Triple, Fail> {
    Triple::from_str(t.triple()).map_err(|e| Fail::goc(format!("target {}: {e}", t.triple())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings() {
        for (s, t) in [
            ("x86_64-unknown-linux-gnu", Target::X86_64),
            ("x86_64-linux", Target::X86_64),
            ("x86_64-unknown-linux-musl", Target::X86_64),
            ("amd64", Target::X86_64),
            ("aarch64-unknown-linux-gnu", Target::Aarch64),
            ("aarch64-linux", Target::Aarch64),
            ("aarch64-linux-gnu", Target::Aarch64),
            ("arm64", Target::Aarch64),
        ] {
            assert_eq!(from_flag(s).unwrap(), t, "{s}");
        }
        for s in [
            "riscv64gc-unknown-linux-gnu",
            "x86_64-apple-darwin",
            "aarch64-unknown-none",
            "i686-unknown-linux-gnu",
            "nonsense",
        ] {
            let e = from_flag(s).unwrap_err();
            assert_eq!(e.code, 1);
            assert!(
                e.msg.contains("x86_64-unknown-linux-gnu (linux/amd64)"),
                "{}",
                e.msg
            );
        }
    }
}
