//! Builds the goc runtime (../runtime, a no_std staticlib) for every target
//! goc can produce, and generates `$OUT_DIR/runtime_targets.rs`, which
//! `src/link.rs` includes: one entry per built target with the archive
//! bytes (`include_bytes!`) and the linker script (`include_str!`), plus the
//! Rust sysroot seen at build time (where rust-lld lives).
//!
//! The runtime is always built in release mode into `<target-dir>/runtime`,
//! shared by debug and release builds of goc (cargo's own lock serialises
//! concurrent builds). The environment of the outer cargo is scrubbed so
//! its flags and settings (RUSTFLAGS, target dir, wrappers, jobserver...)
//! do not leak into the inner build.
//!
//! Adding a target is one more row in `TARGETS`. A non-primary target whose
//! Rust standard library is not installed (rustup target add ...) is
//! skipped with a warning, except under CI (`CI` set and not `false`), where
//! every target must be embedded. A runtime that fails to compile always
//! fails the build: every target's runtime is kept building.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

struct TargetSpec {
    /// Rust target triple the runtime is built for.
    triple: &'static str,
    /// Name used by goc (`link::Target::name()`).
    arch: &'static str,
    /// File in linker-scripts/.
    script: &'static str,
    /// Its Rust standard library must be installed (else a warning and the
    /// target is left out, outside CI).
    required: bool,
    /// Code-generation flags for this target only, after `RUNTIME_RUSTFLAGS`.
    rustflags: &'static [&'static str],
}

const TARGETS: &[TargetSpec] = &[
    TargetSpec {
        triple: "x86_64-unknown-linux-gnu",
        arch: "x86_64",
        script: "x86_64-linux.ld",
        required: true,
        rustflags: &[],
    },
    TargetSpec {
        triple: "aarch64-unknown-linux-gnu",
        arch: "aarch64",
        script: "aarch64-linux.ld",
        required: false,
        // Inline LL/SC atomics: the default outlined helpers
        // (__aarch64_ldadd8_*, from compiler-builtins) test a CPU-feature
        // flag whose initialiser needs libc's getauxval. (rustc warns that
        // the feature is unstable; the warning is harmless here.)
        rustflags: &["-Ctarget-feature=-outline-atomics"],
    },
];

/// Flags for the runtime's own compilation: frame pointers (the runtime's
/// traceback walks them through runtime frames too) and static relocation
/// (the output is never position independent).
const RUNTIME_RUSTFLAGS: &[&str] = &["-Cforce-frame-pointers=yes", "-Crelocation-model=static"];

fn main() {
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest_dir.parent().unwrap().to_path_buf();
    let runtime_dir = root.join("runtime");
    let scripts_dir = root.join("linker-scripts");
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());
    let target_dir = env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root.join(p) })
        .unwrap_or_else(|| root.join("target"));
    let runtime_target_dir = target_dir.join("runtime");
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let host = env::var("HOST").unwrap();

    for p in [
        "runtime/src",
        "runtime/abi/src",
        "runtime/Cargo.toml",
        "runtime/abi/Cargo.toml",
        "linker-scripts",
    ] {
        println!("cargo:rerun-if-changed={}", root.join(p).display());
    }
    println!("cargo:rerun-if-env-changed=GOC_SKIP_RUNTIME_TARGETS");
    println!("cargo:rerun-if-env-changed=CI");
    write_std_table(&manifest_dir.join("std"), &out_dir);
    let ci = env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
    let skip = env::var("GOC_SKIP_RUNTIME_TARGETS").unwrap_or_default();

    let sysroot = Command::new(&rustc)
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();

    let mut entries = String::new();
    for t in TARGETS {
        if skip.split(',').any(|s| s.trim() == t.arch) {
            continue;
        }
        let script = scripts_dir.join(t.script);
        if !script.exists() {
            fail(t, &format!("no linker script {}", script.display()));
        }
        if !std_installed(&rustc, t.triple) {
            warn_or_fail(
                t.required || ci,
                t,
                &format!(
                    "Rust std for {} is not installed (rustup target add {})",
                    t.triple, t.triple
                ),
            );
            continue;
        }
        match build_runtime(&cargo, &runtime_dir, &runtime_target_dir, t) {
            Ok(archive) => {
                let dest = out_dir.join(format!("libgocrt-{}.a", t.arch));
                copy_if_changed(&archive, &dest);
                entries.push_str(&format!(
                    "    EmbeddedRuntime {{ arch: {:?}, triple: {:?}, archive: include_bytes!({:?}), \
                     linker_script: include_str!({:?}), archive_len_at_build: {} }},\n",
                    t.arch,
                    t.triple,
                    dest.display().to_string(),
                    script.display().to_string(),
                    fs::metadata(&dest).map(|m| m.len()).unwrap_or(0),
                ));
            }
            Err(e) => fail(t, &e),
        }
    }

    let generated = format!(
        "// Generated by compiler/build.rs. Do not edit.\n\
         /// Runtime archives and linker scripts built with this goc.\n\
         pub static EMBEDDED_RUNTIMES: &[EmbeddedRuntime] = &[\n{entries}];\n\
         /// `rustc --print sysroot` when goc was built (may be empty).\n\
         pub const BUILD_SYSROOT: &str = {sysroot:?};\n\
         /// The host triple goc was built for (where rust-lld's directory is named).\n\
         pub const BUILD_HOST: &str = {host:?};\n"
    );
    let gen_path = out_dir.join("runtime_targets.rs");
    if fs::read_to_string(&gen_path).ok().as_deref() != Some(generated.as_str()) {
        fs::write(&gen_path, generated).unwrap();
    }
}

fn fail(t: &TargetSpec, msg: &str) -> ! {
    panic!("goc runtime for {}: {}", t.triple, msg);
}

fn warn_or_fail(fatal: bool, t: &TargetSpec, msg: &str) {
    if fatal {
        fail(t, msg);
    }
    println!(
        "cargo:warning=goc: skipping the {} runtime: {}",
        t.arch,
        msg.lines().next().unwrap_or("")
    );
}

/// True when the standard library for `triple` is installed for `rustc`.
fn std_installed(rustc: &str, triple: &str) -> bool {
    let out = Command::new(rustc)
        .args(["--print", "target-libdir", "--target", triple])
        .output();
    let Ok(out) = out else { return false };
    if !out.status.success() {
        return false;
    }
    let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("libcore-"))
        })
        .unwrap_or(false)
}

/// Run cargo on runtime/Cargo.toml for `t`; returns the archive path.
fn build_runtime(
    cargo: &str,
    runtime_dir: &Path,
    target_dir: &Path,
    t: &TargetSpec,
) -> Result<PathBuf, String> {
    let triple = t.triple;
    let mut cmd = Command::new(cargo);
    cmd.current_dir(runtime_dir)
        .arg("build")
        .arg("--release")
        .arg("--quiet")
        .arg("--manifest-path")
        .arg(runtime_dir.join("Cargo.toml"))
        .arg("--target")
        .arg(triple)
        .arg("--target-dir")
        .arg(target_dir);
    // Scrub what the outer cargo exported for build scripts or would pass
    // to a nested cargo as configuration.
    for (k, _) in env::vars_os() {
        let k = k.to_string_lossy().to_string();
        let keep = [
            "CARGO_HOME",
            "CARGO_NET_",
            "CARGO_HTTP_",
            "CARGO_REGISTRIES_",
            "CARGO_REGISTRY_",
            "CARGO_TERM_",
        ]
        .iter()
        .any(|p| k.starts_with(p));
        if (k.starts_with("CARGO_") && !keep)
            || matches!(
                k.as_str(),
                "RUSTFLAGS"
                    | "RUSTDOCFLAGS"
                    | "RUSTC_WORKSPACE_WRAPPER"
                    | "RUSTC_WRAPPER"
                    | "MAKEFLAGS"
                    | "MFLAGS"
                    | "OUT_DIR"
                    | "TARGET"
                    | "HOST"
                    | "PROFILE"
                    | "OPT_LEVEL"
                    | "DEBUG"
                    | "NUM_JOBS"
                    | "RUSTC_LINKER"
                    | "RUSTDOC"
            )
        {
            cmd.env_remove(&k);
        }
    }
    // RUSTC (the outer toolchain's compiler) is deliberately kept.
    let flags: Vec<&str> = RUNTIME_RUSTFLAGS
        .iter()
        .chain(t.rustflags)
        .copied()
        .collect();
    cmd.env("CARGO_ENCODED_RUSTFLAGS", flags.join("\x1f"));
    let out = cmd
        .output()
        .map_err(|e| format!("cannot run {cargo}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo build of the runtime failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let archive = target_dir.join(triple).join("release").join("libgocrt.a");
    if !archive.exists() {
        return Err(format!("{} was not produced", archive.display()));
    }
    Ok(archive)
}

fn copy_if_changed(src: &Path, dst: &Path) {
    let new = fs::read(src).unwrap();
    if fs::read(dst).ok().as_deref() != Some(&new[..]) {
        fs::write(dst, new).unwrap();
    }
}

/// Generates `$OUT_DIR/std_packages.rs`: the embedded standard library, one
/// entry per package directory under `compiler/std` (its import path, and
/// each `.go` file's name and text, sorted by name), sorted by import path.
fn write_std_table(std_dir: &Path, out_dir: &Path) {
    println!("cargo:rerun-if-changed={}", std_dir.display());
    fn walk(dir: &Path, rel: &str, out: &mut Vec<(String, Vec<(String, PathBuf)>)>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        entries.sort();
        let mut files = Vec::new();
        for p in entries {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if p.is_dir() {
                let sub = if rel.is_empty() {
                    name
                } else {
                    format!("{rel}/{name}")
                };
                walk(&p, &sub, out);
            } else if name.ends_with(".go") {
                files.push((name, p));
            }
        }
        if !files.is_empty() {
            out.push((rel.to_string(), files));
        }
    }
    let mut pkgs = Vec::new();
    walk(std_dir, "", &mut pkgs);
    pkgs.sort();
    let mut s = String::from("pub static STD_PACKAGES: &[(&str, &[(&str, &str)])] = &[\n");
    for (path, files) in pkgs {
        s.push_str(&format!("    ({path:?}, &[\n"));
        for (name, p) in files {
            s.push_str(&format!(
                "        ({name:?}, include_str!({:?})),\n",
                p.display().to_string()
            ));
        }
        s.push_str("    ]),\n");
    }
    s.push_str("];\n");
    std::fs::write(out_dir.join("std_packages.rs"), s).unwrap();
}
