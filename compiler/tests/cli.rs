//! The goc command line, run as users run it: the built binary in a scratch
//! directory as its working directory.
//!
//! Tests marked "needs the whole pipeline" build and run real programs, so
//! they fail whenever lowering, codegen, the runtime or the linker is broken,
//! not only when the driver is.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const GOC: &str = env!("CARGO_BIN_EXE_goc");

const HELLO: &str = "package main\n\nfunc main() {\n\tprintln(\"hello, world\")\n}\n";
const PANICS: &str = "package main\n\nfunc main() {\n\tpanic(\"boom\")\n}\n";
/// A syntax error at 5:1 (the `}` where an expression should be).
const SYNTAX_ERROR: &str = "package main\n\nfunc main() {\n\tx := \n}\n";

/// A scratch directory, removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("goc-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, rel: &str, text: &str) -> &Self {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs goc in `cwd` with GOOS/GOARCH cleared and then `env` set.
fn goc_env(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(GOC);
    cmd.args(args)
        .current_dir(cwd)
        .env_remove("GOOS")
        .env_remove("GOARCH");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("cannot start goc")
}

fn goc(cwd: &Path, args: &[&str]) -> Output {
    goc_env(cwd, args, &[])
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn host_goarch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        a => a,
    }
}

#[test]
fn version() {
    let s = Scratch::new("version");
    let o = goc(&s.0, &["version"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        format!(
            "goc version {} {}/{}\n",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS,
            host_goarch()
        )
    );
}

#[test]
fn env_for_the_host() {
    let s = Scratch::new("env");
    let o = goc(&s.0, &["env"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert_eq!(lines[0], "GOOS=linux");
    assert_eq!(lines[1], format!("GOARCH={}", host_goarch()));
    assert!(lines[2].starts_with("GOCLINKER="), "{out}");
    assert!(lines[3].starts_with("GOCRUNTIME="), "{out}");
    assert!(lines[3].contains(std::env::consts::ARCH), "{out}");

    let o = goc(&s.0, &["env", "GOARCH", "GOOS"]);
    assert_eq!(stdout(&o), format!("{}\nlinux\n", host_goarch()));
}

#[test]
fn env_honours_goarch_and_target() {
    let s = Scratch::new("env_arm64");
    let o = goc_env(&s.0, &["env"], &[("GOARCH", "arm64")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("GOOS=linux\nGOARCH=arm64\n"), "{out}");
    // Either the embedded runtime or why there is none.
    assert!(
        out.contains("GOCRUNTIME=") && out.contains("aarch64"),
        "{out}"
    );

    for t in ["aarch64-linux", "aarch64-unknown-linux-gnu", "arm64"] {
        let o = goc(&s.0, &["env", "--target", t, "GOARCH"]);
        assert_eq!(stdout(&o), "arm64\n", "{t}: {}", stderr(&o));
    }
    // The flag wins over the environment.
    let o = goc_env(
        &s.0,
        &["env", "--target=x86_64-unknown-linux-gnu", "GOARCH"],
        &[("GOARCH", "arm64")],
    );
    assert_eq!(stdout(&o), "amd64\n");
}

#[test]
fn env_rejects_an_unsupported_goarch() {
    let s = Scratch::new("env_386");
    let o = goc_env(&s.0, &["env"], &[("GOARCH", "386")]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).contains("unsupported GOOS/GOARCH pair linux/386"),
        "{}",
        stderr(&o)
    );
    let o = goc_env(&s.0, &["env"], &[("GOOS", "windows")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("unsupported GOOS/GOARCH pair windows/"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn unsupported_target_lists_the_supported_ones() {
    let s = Scratch::new("bad_target");
    s.write("hello.go", HELLO);
    let o = goc(
        &s.0,
        &[
            "build",
            "--target",
            "riscv64gc-unknown-linux-gnu",
            "hello.go",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.starts_with("goc: unsupported target \"riscv64gc-unknown-linux-gnu\""),
        "{e}"
    );
    assert!(
        e.contains("x86_64-unknown-linux-gnu") && e.contains("aarch64-unknown-linux-gnu"),
        "{e}"
    );
}

#[test]
fn missing_file() {
    let s = Scratch::new("missing");
    let o = goc(&s.0, &["build", "nope.go"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "stat nope.go: no such file or directory\n");
    let o = goc(&s.0, &["run", "nope.go"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "stat nope.go: no such file or directory\n");
}

#[test]
fn unknown_command_and_usage() {
    let s = Scratch::new("unknown");
    let o = goc(&s.0, &["frob"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "goc frob: unknown command\nRun 'goc help' for usage.\n"
    );

    let o = goc(&s.0, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("goc <command> [arguments]"));

    let o = goc(&s.0, &["help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("goc <command> [arguments]"));
    let o = goc(&s.0, &["help", "build"]);
    assert!(stdout(&o).starts_with("usage: goc build"));
}

#[test]
fn unknown_flag() {
    let s = Scratch::new("unknown_flag");
    let o = goc(&s.0, &["build", "-x", "a.go"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("flag provided but not defined: -x\nusage: goc build"));
    let o = goc(&s.0, &["build", "-emit=asm", "a.go"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn syntax_error_is_reported_at_the_path_given() {
    let s = Scratch::new("syntax");
    s.write("bad.go", SYNTAX_ERROR);
    s.write("sub/bad.go", SYNTAX_ERROR);
    for (args, path) in [
        (&["build", "bad.go"][..], "bad.go"),
        (&["build", "./bad.go"], "./bad.go"),
        (&["build", "."], "./bad.go"),
        (&["build"], "./bad.go"),
        (&["build", "sub"], "sub/bad.go"),
        (&["build", "sub/"], "sub/bad.go"),
        (&["run", "bad.go"], "bad.go"),
        (&["build", "-emit=ir", "bad.go"], "bad.go"),
    ] {
        let o = goc(&s.0, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let e = stderr(&o);
        assert!(
            e.starts_with(&format!("{path}:5:1: syntax error")),
            "{args:?}: {e}"
        );
        assert_eq!(stdout(&o), "", "{args:?}");
    }
    assert!(!s.path("bad").exists());
}

#[test]
fn at_most_ten_errors() {
    let s = Scratch::new("many");
    let mut src = String::from("package main\n\nfunc main() {\n");
    for i in 1..=12 {
        src.push_str(&format!("\tv{i} = 1\n"));
    }
    src.push_str("}\n");
    s.write("many.go", &src);
    let o = goc(&s.0, &["build", "many.go"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 11, "{e}");
    assert_eq!(lines[0], "many.go:4:2: undefined: v1");
    assert_eq!(lines[10], "many.go:13:2: too many errors");
}

#[test]
fn directories() {
    let s = Scratch::new("dirs");
    std::fs::create_dir_all(s.path("empty")).unwrap();
    s.write("tests/x_test.go", HELLO);
    s.write("windows/x_windows.go", HELLO);
    for (dir, msg) in [
        ("empty", "no Go files in "),
        ("tests", "no non-test Go files in "),
        ("windows", "build constraints exclude all Go files in "),
        ("nodir", "stat nodir: no such file or directory"),
    ] {
        let o = goc(&s.0, &["build", dir]);
        assert_eq!(o.status.code(), Some(1), "{dir}");
        assert!(stderr(&o).starts_with(msg), "{dir}: {}", stderr(&o));
    }
    s.write("a/x.go", HELLO).write("b/y.go", HELLO);
    let o = goc(&s.0, &["build", "a/x.go", "b/y.go"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "named files must all be in one directory; have a and b\n"
    );
}

#[test]
fn emit_ir_prints_and_writes_nothing() {
    let s = Scratch::new("emit");
    s.write("hello.go", HELLO);
    let o = goc(&s.0, &["build", "-emit=ir", "hello.go"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let ir = stdout(&o);
    // The function names its source file (absolute) and lines.
    let file = s.path("hello.go");
    assert!(
        ir.contains(&format!("func main.main() file \"{}\" {{", file.display())),
        "{ir}"
    );
    assert!(ir.contains("    line 4\n"), "{ir}");
    assert!(ir.contains("goc_printstring"), "{ir}");
    assert!(!s.path("hello").exists());
}

/// The default output name comes from the first file or the directory, in
/// the current directory; an existing directory of that name is refused.
#[test]
fn output_name_conflicts() {
    let s = Scratch::new("out_conflict");
    s.write("hello.go", HELLO);
    std::fs::create_dir_all(s.path("hello")).unwrap();
    let o = goc(&s.0, &["build", "hello.go"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "goc: build output \"hello\" already exists and is a directory\n"
    );
    // Never overwrite a source file.
    let o = goc(&s.0, &["build", "-o", "hello.go", "hello.go"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("already exists and is not an object file"));
    assert_eq!(std::fs::read_to_string(s.path("hello.go")).unwrap(), HELLO);
}

// ---------------------------------------------------------------------------
// Needs the whole pipeline (lowering, codegen, runtime, linker).

fn run_binary(p: &Path) -> Output {
    Command::new(p)
        .output()
        .expect("cannot run the built program")
}

#[test]
fn build_hello_and_default_names() {
    let s = Scratch::new("hello");
    s.write("hello.go", HELLO);
    let o = goc(&s.0, &["build", "hello.go"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert_eq!(stderr(&o), "");
    let r = run_binary(&s.path("hello"));
    assert_eq!(r.status.code(), Some(0));
    assert_eq!(stderr(&r), "hello, world\n");

    // Rebuilding over an executable is fine.
    let o = goc(&s.0, &["build", "hello.go"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    // -o, -o=, and -o into a directory.
    std::fs::create_dir_all(s.path("bin")).unwrap();
    for (args, out) in [
        (&["build", "-o", "x1", "hello.go"][..], "x1"),
        (&["build", "-o=x2", "hello.go"], "x2"),
        (&["build", "--o", "bin/", "hello.go"], "bin/hello"),
        (&["build", "-o", "bin", "hello.go"], "bin/hello"),
    ] {
        let _ = std::fs::remove_file(s.path(out));
        let o = goc(&s.0, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert_eq!(
            stderr(&run_binary(&s.path(out))),
            "hello, world\n",
            "{args:?}"
        );
    }

    // A directory: named after it; `.` and no argument: after the current
    // directory. _test.go files are left out.
    s.write("proj/main.go", HELLO);
    s.write("proj/main_test.go", "this is not Go");
    // (`goc build proj` itself would refuse: the output "proj" is the
    // source directory, as with go build.)
    let o = goc(&s.0, &["build", "-o", "bin/", "proj"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&run_binary(&s.path("bin/proj"))), "hello, world\n");
    for args in [&["build", "."][..], &["build"]] {
        let o = goc(&s.path("proj"), args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(s.path("proj/proj").is_file(), "{args:?}");
        std::fs::remove_file(s.path("proj/proj")).unwrap();
    }
}

#[test]
fn run_hello() {
    let s = Scratch::new("run_hello");
    s.write("hello.go", HELLO);
    let o = goc(&s.0, &["run", "hello.go"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "hello, world\n");
    assert!(!s.path("hello").exists());
    // Arguments after the files are the program's, even ones that look
    // like goc's flags; a `--` after the files is dropped.
    let o = goc(
        &s.0,
        &["run", "hello.go", "-o", "x", "--target", "nonsense"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = goc(&s.0, &["run", "hello.go", "--", "-x"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = goc(&s.0, &["run", ".", "arg"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "hello, world\n");
}

#[test]
fn run_exits_with_the_programs_status() {
    let s = Scratch::new("run_panic");
    s.write("p.go", PANICS);
    let o = goc(&s.0, &["run", "p.go", "a", "b"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).starts_with("panic: boom\n"), "{}", stderr(&o));
}

#[test]
fn modules_build_subdirectories_and_report_package_paths() {
    let s = Scratch::new("module");
    s.write(
        "go.mod",
        "module example.com/tool // a comment\n\ngo 1.22\n",
    );
    s.write(
        "cmd/greet/main.go",
        "package main\n\nimport (\n\t\"example.com/tool/internal/words\"\n\t\"os\"\n)\n\nfunc main() {\n\tos.Stdout.WriteString(words.Hello(os.Args[1]) + \"\\n\")\n}\n",
    );
    s.write(
        "internal/words/words.go",
        "package words\n\nimport \"strings\"\n\nfunc Hello(name string) string { return \"hello, \" + strings.ToUpper(name) }\n",
    );
    // `goc build ./cmd/x` from the module root names the binary after x.
    let o = goc(&s.0, &["build", "./cmd/greet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = Command::new(s.path("greet")).arg("go").output().unwrap();
    assert_eq!(stdout(&r), "hello, GO\n");
    // `goc run .` inside a package directory finds the module above it.
    let o = goc(&s.path("cmd/greet"), &["run", ".", "gopher"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "hello, GOPHER\n");
    // A package of the module that does not exist, from a subdirectory:
    // the error is at the import's path, the file named as given.
    s.write(
        "cmd/bad/main.go",
        "package main\n\nimport \"example.com/tool/nowhere\"\n\nfunc main() { nowhere.F() }\n",
    );
    let o = goc(&s.0, &["build", "./cmd/bad"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with(
            "cmd/bad/main.go:3:8: no required module provides package example.com/tool/nowhere"
        ),
        "{}",
        stderr(&o)
    );
    // Errors in an imported package name its file relative to the
    // current directory.
    s.write(
        "internal/words/words.go",
        "package words\n\nfunc Hello(name string) string { return 1 }\n",
    );
    let o = goc(&s.0, &["build", "./cmd/greet"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("internal/words/words.go:3:41: "),
        "{}",
        stderr(&o)
    );
}

#[test]
fn module_packages_outside_the_current_directory_are_named_relatively() {
    let s = Scratch::new("module_rel");
    s.write("go.mod", "module example.com/tool\n\ngo 1.22\n");
    s.write(
        "cmd/x/main.go",
        "package main\n\nimport \"example.com/tool/w\"\n\nfunc main() { w.F() }\n",
    );
    s.write("w/w.go", "package w\n\nfunc F() { x := 1 }\n");
    let o = goc(&s.path("cmd/x"), &["build", "."]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "../../w/w.go:3:12: declared and not used: x\n",
        "{}",
        stderr(&o)
    );
}

#[test]
fn build_constraints_and_tags() {
    // needs the whole pipeline
    let s = Scratch::new("constraints");
    s.write("go.mod", "module example.com/tags\n\ngo 1.22\n");
    s.write(
        "main.go",
        "package main\n\nfunc main() { println(msg()) }\n",
    );
    s.write(
        "msg_default.go",
        "//go:build !special\n\npackage main\n\nfunc msg() string { return \"default\" }\n",
    );
    s.write(
        "msg_special.go",
        "//go:build special\n\npackage main\n\nfunc msg() string { return \"special\" }\n",
    );
    for (args, want) in [
        (&["run", "."][..], "default\n"),
        (&["run", "-tags", "special", "."], "special\n"),
        (&["run", "--tags=other,special", "."], "special\n"),
        (&["run", "-tags", "other special", "."], "special\n"),
        (&["run", "-tags", "special", "-tags", "", "."], "default\n"),
    ] {
        let o = goc(&s.0, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o), want, "{args:?}");
    }
    // Named files are built whatever their constraints say.
    let o = goc(&s.0, &["run", "main.go", "msg_special.go"]);
    assert_eq!(stderr(&o), "special\n");
    // ... but files starting with _ are dropped, as Go drops them.
    s.write("lone/_x.go", HELLO);
    let o = goc(&s.0, &["build", "lone/_x.go"]);
    assert_eq!(o.status.code(), Some(1));
    let abs = |d: &str| {
        std::fs::canonicalize(s.path(d))
            .unwrap()
            .display()
            .to_string()
    };
    assert_eq!(
        stderr(&o),
        format!(
            "package command-line-arguments: no Go files in {}\n",
            abs("lone")
        )
    );
    // A directory whose files are all excluded, reported as go build
    // reports it: as the main package, with test files, imported.
    let windows = "//go:build windows\n\npackage main\n\nfunc main() {}\n";
    s.write("off/x.go", windows);
    s.write("offt/x.go", windows)
        .write("offt/x_test.go", "package main\n");
    s.write("notest/x_test.go", "package main\n");
    s.write(
        "importer/main.go",
        "package main\n\nimport _ \"example.com/tags/off\"\n\nfunc main() {}\n",
    );
    s.write("bad/x.go", "//go:build linux &&\n\npackage main\n");
    for (dir, msg) in [
        (
            "off",
            format!(
                "package example.com/tags/off: build constraints exclude all Go files in {}",
                abs("off")
            ),
        ),
        (
            "offt",
            format!(
                "example.com/tags/offt: build constraints exclude all Go files in {}",
                abs("offt")
            ),
        ),
        (
            "notest",
            format!(
                "example.com/tags/notest: no non-test Go files in {}",
                abs("notest")
            ),
        ),
        (
            "importer",
            format!(
                "package example.com/tags/importer\n\timports example.com/tags/off: \
                 build constraints exclude all Go files in {}",
                abs("off")
            ),
        ),
        (
            "bad",
            "x.go: parsing //go:build line: unexpected end of expression".to_string(),
        ),
    ] {
        let o = goc(&s.0, &["build", &format!("./{dir}")]);
        assert_eq!(o.status.code(), Some(1), "{dir}");
        assert_eq!(stderr(&o), format!("{msg}\n"), "{dir}");
    }
    // With -tags windows, off is a package again.
    let o = goc(
        &s.0,
        &["build", "-tags", "windows", "-o", "off.bin", "./off"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn schedtrace_prints_scheduler_lines() {
    let s = Scratch::new("schedtrace");
    s.write(
        "sleepy.go",
        "package main\n\nimport \"time\"\n\nfunc main() {\n\ttime.Sleep(60 * time.Millisecond)\n\tprintln(\"done\")\n}\n",
    );
    let o = goc(&s.0, &["build", "-o", "sleepy", "sleepy.go"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = Command::new(s.path("sleepy"))
        .env("GOCDEBUG", "schedtrace=10")
        .env("GOMAXPROCS", "3")
        .output()
        .expect("cannot run the built program");
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("SCHED ")).collect();
    assert!(lines.len() >= 2, "expected SCHED lines every 10 ms:\n{err}");
    assert!(
        lines[0].contains("ms: gomaxprocs=3 idleprocs="),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].ends_with(']') && lines[0].matches(' ').count() >= 9,
        "{}",
        lines[0]
    );
    assert!(err.ends_with("done\n"), "{err}");
    // Without the setting, nothing but the program's own output.
    let o = run_binary(&s.path("sleepy"));
    assert_eq!(stderr(&o), "done\n");
}

const SIGNALS: &str = r#"package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	switch os.Args[1] {
	case "term":
		syscall.Kill(os.Getpid(), syscall.SIGTERM)
	case "stop":
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt)
		syscall.Kill(os.Getpid(), syscall.SIGINT)
		fmt.Println("got", <-c)
		signal.Stop(c)
		syscall.Kill(os.Getpid(), syscall.SIGINT)
	case "wait":
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGHUP)
		fmt.Println("waiting")
		fmt.Println("got", <-c)
		return
	}
	time.Sleep(time.Second)
	fmt.Println("survived")
}
"#;

/// Signals without a channel keep Go's default (the process dies of
/// SIGTERM, and of SIGINT again after Stop), which the conformance suite
/// cannot record; a goroutine waiting for a signal is not a deadlock.
#[test]
fn signals_keep_their_default_actions() {
    use std::io::{BufRead, BufReader};
    use std::os::unix::process::ExitStatusExt;
    use std::process::Stdio;

    let s = Scratch::new("signals");
    s.write("sig.go", SIGNALS);
    let o = goc(&s.0, &["build", "-o", "sig", "sig.go"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let run = |mode: &str| {
        Command::new(s.path("sig"))
            .arg(mode)
            .output()
            .expect("cannot run the built program")
    };
    let o = run("term");
    assert_eq!(o.status.signal(), Some(15), "{:?} {}", o.status, stderr(&o));
    assert_eq!(stdout(&o), "");
    let o = run("stop");
    assert_eq!(o.status.signal(), Some(2), "{:?} {}", o.status, stderr(&o));
    assert_eq!(stdout(&o), "got interrupt\n");

    let mut child = Command::new(s.path("sig"))
        .arg("wait")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot run the built program");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    assert_eq!(line, "waiting\n");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(child.try_wait().unwrap().is_none(), "exited while waiting");
    let k = Command::new("kill")
        .args(["-HUP", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(k.success());
    line.clear();
    out.read_line(&mut line).unwrap();
    assert_eq!(line, "got hangup\n");
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

/// `//go:linkname` binds a body-less function to a function goc's runtime
/// provides (goc_abi::stdlib), checked at build time: a name the runtime
/// lacks or a different signature is a compile error, not a wrong call.
/// Needs the whole pipeline.
#[test]
fn linkname_binds_to_the_runtime_table() {
    let s = Scratch::new("linkname");
    s.write(
        "ok.go",
        "package main\n\nimport _ \"unsafe\"\n\n//go:linkname nanotime time.runtime_nanotime\nfunc nanotime() int64\n\nfunc main() {\n\tprintln(nanotime() > 0)\n}\n",
    );
    let o = goc(&s.0, &["run", "ok.go"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "true\n");
    s.write(
        "bad.go",
        "package main\n\nimport _ \"unsafe\"\n\n//go:linkname missing runtime.noSuchFunction\nfunc missing()\n\n//go:linkname wrong time.runtime_nanotime\nfunc wrong() int32\n\nfunc main() {}\n",
    );
    let o = goc(&s.0, &["build", "bad.go"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "bad.go:6:6: runtime.noSuchFunction is not a function goc's runtime provides (goc_abi::stdlib)\n\
         bad.go:9:6: time.runtime_nanotime is declared as func() int32, but goc's runtime implements func() int64 (goc_abi::stdlib)\n"
    );
}
