//! The two things read from the top of a file of Go's test suite: its
//! recipe (`// run`, `// errorcheck -0 -m`, ...) and its build constraints
//! (`//go:build`, `// +build`, and `_GOOS`/`_GOARCH` file name suffixes).
//!
//! The recipe is the file's first non-blank line that is not a build
//! constraint, with its `//` removed, split into words as test/run.go's
//! `splitQuoted` does (quotes group, a backslash escapes): the first word
//! is the action, the rest its flags and arguments. test/run.go itself takes
//! everything up to the first blank line as the recipe, so a few files whose
//! `// run` line is followed by constraint lines without a blank line would
//! get those lines as program arguments there; here they are plain `// run`
//! programs, as their authors meant.
//!
//! Constraints are evaluated as the go command does for linux and the given
//! GOARCH with CGO_ENABLED=0: a `//go:build` line wins over `// +build`
//! lines (which are all ANDed); the true tags are the GOOS (`linux`),
//! `unix`, the GOARCH, `gc`, the release tags go1.1 to go1.27 and Go
//! 1.27's tool tags (its default GOEXPERIMENTs and the GOARCH's feature
//! level); anything else (`cgo`, `gccgo`, `js`, `gcflags_noopt`, other
//! experiments) is false.

/// A file's recipe: `// run` is `Recipe { action: "run", args: [] }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recipe {
    pub action: String,
    pub args: Vec<String>,
}

/// True for a `//go:build` or `// +build` line.
pub fn is_constraint_line(line: &str) -> bool {
    go_build_expr(line).is_some() || plus_build_expr(line).is_some()
}

fn go_build_expr(line: &str) -> Option<&str> {
    let rest = line.trim_end().strip_prefix("//go:build")?;
    if rest.is_empty() || rest.starts_with([' ', '\t']) {
        Some(rest.trim())
    } else {
        None
    }
}

fn plus_build_expr(line: &str) -> Option<&str> {
    let rest = line.trim_end().strip_prefix("//")?.trim_start();
    let rest = rest.strip_prefix("+build")?;
    if rest.is_empty() || rest.starts_with([' ', '\t']) {
        Some(rest.trim())
    } else {
        None
    }
}

/// The recipe of a test file, or `None` when its first significant line is
/// not a `//` comment.
pub fn recipe(src: &str) -> Option<Recipe> {
    let line = src
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .find(|l| !l.trim().is_empty() && !is_constraint_line(l))?;
    let body = line.strip_prefix("//")?;
    let words = split_quoted(body).ok()?;
    let (action, args) = words.split_first()?;
    Some(Recipe {
        action: action.clone(),
        args: args.to_vec(),
    })
}

/// test/run.go's `splitQuoted`: words separated by white space; `"` or `'`
/// quote (the quotes are dropped), a backslash makes the next character
/// literal.
pub fn split_quoted(s: &str) -> Result<Vec<String>, String> {
    let mut args = Vec::new();
    let mut arg = String::new();
    let (mut escaped, mut quoted) = (false, false);
    let mut quote: Option<char> = None;
    for c in s.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
            continue;
        } else if let Some(q) = quote {
            if c == q {
                quote = None;
                continue;
            }
        } else if c == '"' || c == '\'' {
            quoted = true;
            quote = Some(c);
            continue;
        } else if c.is_whitespace() {
            if quoted || !arg.is_empty() {
                quoted = false;
                args.push(std::mem::take(&mut arg));
            }
            continue;
        }
        arg.push(c);
    }
    if quoted || !arg.is_empty() {
        args.push(arg);
    }
    if quote.is_some() {
        Err("unclosed quote".into())
    } else if escaped {
        Err("unfinished escaping".into())
    } else {
        Ok(args)
    }
}

/// Every GOOS and GOARCH the go command knows, for file name suffixes.
const KNOWN_OS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "wasip1",
    "windows",
    "zos",
];
const KNOWN_ARCH: &[&str] = &[
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "armbe",
    "arm64",
    "arm64be",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "ppc64",
    "ppc64le",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "sparc",
    "sparc64",
    "wasm",
];

/// The build context: linux, this GOARCH, CGO_ENABLED=0, Go 1.27.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Context {
    pub goarch: &'static str,
}

impl Context {
    pub const AMD64: Context = Context { goarch: "amd64" };
    pub const ARM64: Context = Context { goarch: "arm64" };

    /// Whether a build tag is satisfied.
    pub fn tag(&self, name: &str) -> bool {
        // Go 1.27's `go list -f '{{context.ToolTags}}'` for each GOARCH.
        const EXPERIMENTS: &[&str] = &[
            "goexperiment.regabiwrappers",
            "goexperiment.regabiargs",
            "goexperiment.dwarf5",
            "goexperiment.jsonv2",
            "goexperiment.greenteagc",
            "goexperiment.randomizedheapbase64",
            "goexperiment.sizespecializedmalloc",
        ];
        let feature = match self.goarch {
            "amd64" => "amd64.v1",
            _ => "arm64.v8.0",
        };
        if name == "linux" || name == "unix" || name == "gc" || name == self.goarch {
            return true;
        }
        if name == feature || EXPERIMENTS.contains(&name) {
            return true;
        }
        if let Some(minor) = name.strip_prefix("go1.") {
            return minor
                .parse::<u32>()
                .is_ok_and(|m| (1..=27).contains(&m) && minor == m.to_string());
        }
        false
    }

    /// Whether a file name's `_GOOS`, `_GOARCH` or `_GOOS_GOARCH` suffix
    /// (as go/build reads it) admits this context.
    pub fn name_ok(&self, file: &str) -> bool {
        let stem = file.strip_suffix(".go").unwrap_or(file);
        let stem = stem.strip_suffix("_test").unwrap_or(stem);
        let parts: Vec<&str> = stem.split('_').collect();
        // The first element is the name proper, never a suffix.
        let n = parts.len();
        if n >= 3 && KNOWN_OS.contains(&parts[n - 2]) && KNOWN_ARCH.contains(&parts[n - 1]) {
            return self.tag(parts[n - 2]) && self.tag(parts[n - 1]);
        }
        if n >= 2 {
            let last = parts[n - 1];
            if KNOWN_OS.contains(&last) || KNOWN_ARCH.contains(&last) {
                return self.tag(last);
            }
        }
        true
    }
}

/// Why a file is excluded for a context, or `Ok(())` when it builds there.
/// Only the lines before the package clause count, as for test/run.go.
pub fn check_constraints(file_name: &str, src: &str, ctx: &Context) -> Result<(), String> {
    if !ctx.name_ok(file_name) {
        return Err(format!("file name {file_name}"));
    }
    let header = src.lines().take_while(|l| !l.starts_with("package "));
    let (mut go_build, mut plus_build) = (Vec::new(), Vec::new());
    for line in header {
        if let Some(e) = go_build_expr(line) {
            go_build.push((line, e));
        } else if let Some(e) = plus_build_expr(line) {
            plus_build.push((line, e));
        }
    }
    if !go_build.is_empty() {
        for (line, e) in go_build {
            match eval_go_build(e, ctx) {
                Ok(true) => {}
                Ok(false) => return Err(line.trim().to_string()),
                Err(why) => return Err(format!("{}: {why}", line.trim())),
            }
        }
        return Ok(());
    }
    for (line, e) in plus_build {
        if !eval_plus_build(e, ctx) {
            return Err(line.trim().to_string());
        }
    }
    Ok(())
}

/// `// +build` syntax: space-separated options are ORed, comma-separated
/// terms ANDed, a term may be negated with one `!`.
pub fn eval_plus_build(expr: &str, ctx: &Context) -> bool {
    expr.split_whitespace().any(|opt| {
        opt.split(',').all(|term| match term.strip_prefix('!') {
            Some(t) => valid_tag(t) && !ctx.tag(t),
            None => valid_tag(term) && ctx.tag(term),
        })
    })
}

fn valid_tag(t: &str) -> bool {
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
}

/// `//go:build` syntax: `||`, `&&`, `!`, parentheses and tags.
pub fn eval_go_build(expr: &str, ctx: &Context) -> Result<bool, String> {
    let mut p = ExprParser {
        toks: tokenize(expr)?,
        pos: 0,
        ctx,
    };
    let v = p.or()?;
    if p.pos != p.toks.len() {
        return Err(format!("unexpected {:?}", p.toks[p.pos]));
    }
    Ok(v)
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Tag(String),
    Not,
    And,
    Or,
    Open,
    Close,
}

fn tokenize(s: &str) -> Result<Vec<Tok>, String> {
    let mut toks = Vec::new();
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        match c {
            ' ' | '\t' => i += 1,
            '!' => {
                toks.push(Tok::Not);
                i += 1
            }
            '(' => {
                toks.push(Tok::Open);
                i += 1
            }
            ')' => {
                toks.push(Tok::Close);
                i += 1
            }
            '&' | '|' if cs.get(i + 1) == Some(&c) => {
                toks.push(if c == '&' { Tok::And } else { Tok::Or });
                i += 2
            }
            c if c.is_alphanumeric() || c == '_' || c == '.' => {
                let start = i;
                while i < cs.len() && (cs[i].is_alphanumeric() || cs[i] == '_' || cs[i] == '.') {
                    i += 1;
                }
                toks.push(Tok::Tag(cs[start..i].iter().collect()));
            }
            c => return Err(format!("unexpected character {c:?}")),
        }
    }
    if toks.is_empty() {
        return Err("empty expression".into());
    }
    Ok(toks)
}

struct ExprParser<'a> {
    toks: Vec<Tok>,
    pos: usize,
    ctx: &'a Context,
}

impl ExprParser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    fn or(&mut self) -> Result<bool, String> {
        let mut v = self.and()?;
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            let r = self.and()?;
            v = v || r;
        }
        Ok(v)
    }
    fn and(&mut self) -> Result<bool, String> {
        let mut v = self.not()?;
        while self.peek() == Some(&Tok::And) {
            self.pos += 1;
            let r = self.not()?;
            v = v && r;
        }
        Ok(v)
    }
    fn not(&mut self) -> Result<bool, String> {
        match self.toks.get(self.pos).cloned() {
            Some(Tok::Not) => {
                self.pos += 1;
                Ok(!self.not()?)
            }
            Some(Tok::Open) => {
                self.pos += 1;
                let v = self.or()?;
                if self.peek() != Some(&Tok::Close) {
                    return Err("missing )".into());
                }
                self.pos += 1;
                Ok(v)
            }
            Some(Tok::Tag(t)) => {
                self.pos += 1;
                Ok(self.ctx.tag(&t))
            }
            Some(t) => Err(format!("unexpected {t:?}")),
            None => Err("unexpected end of expression".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(action: &str, args: &[&str]) -> Option<Recipe> {
        Some(Recipe {
            action: action.into(),
            args: args.iter().map(|s| s.to_string()).collect(),
        })
    }

    #[test]
    fn recipes() {
        assert_eq!(
            recipe("// run\n\n// Copyright\npackage main\n"),
            r("run", &[])
        );
        assert_eq!(recipe("//run\n\npackage main\n"), r("run", &[]));
        assert_eq!(recipe("// run   \n"), r("run", &[]));
        assert_eq!(
            recipe("//go:build !js\n// +build !js\n\n// run\n\npackage main\n"),
            r("run", &[])
        );
        assert_eq!(
            recipe("// +build amd64\n// run\npackage main\n"),
            r("run", &[])
        );
        // constraint lines after the recipe are not arguments here
        assert_eq!(
            recipe("// run\n// +build linux darwin\n\npackage main\n"),
            r("run", &[])
        );
        assert_eq!(
            recipe("\n\n// errorcheck -0 -m -l\n"),
            r("errorcheck", &["-0", "-m", "-l"])
        );
        assert_eq!(
            recipe("// run -gcflags=\"-d=checkptr\"\n"),
            r("run", &["-gcflags=-d=checkptr"])
        );
        assert_eq!(
            recipe("// run -gcflags -l=4\n"),
            r("run", &["-gcflags", "-l=4"])
        );
        assert_eq!(recipe("// runoutput ./x.go\n"), r("runoutput", &["./x.go"]));
        assert_eq!(recipe("package main\n"), None);
        assert_eq!(recipe("\n\n"), None);
        assert_eq!(recipe("//\n"), None);
    }

    #[test]
    fn quoted_splitting() {
        assert_eq!(split_quoted(" a  b ").unwrap(), vec!["a", "b"]);
        assert_eq!(split_quoted("'a b' \"\"").unwrap(), vec!["a b", ""]);
        assert_eq!(split_quoted("a\\ b").unwrap(), vec!["a b"]);
        assert!(split_quoted("'a").is_err());
        assert!(split_quoted("a\\").is_err());
    }

    #[test]
    fn constraint_lines() {
        assert!(is_constraint_line("//go:build linux"));
        assert!(is_constraint_line("// +build linux,amd64"));
        assert!(is_constraint_line("//+build linux"));
        assert!(!is_constraint_line("//go:builder x"));
        assert!(!is_constraint_line("// +builder x"));
        assert!(!is_constraint_line("// run"));
    }

    #[test]
    fn tags() {
        let a = Context::AMD64;
        for t in [
            "linux",
            "unix",
            "amd64",
            "gc",
            "go1.1",
            "go1.18",
            "go1.27",
            "goexperiment.regabiargs",
            "amd64.v1",
        ] {
            assert!(a.tag(t), "{t}");
        }
        for t in [
            "arm64",
            "cgo",
            "gccgo",
            "js",
            "go1.28",
            "go1.018",
            "goexperiment.unified",
            "gcflags_noopt",
            "",
        ] {
            assert!(!a.tag(t), "{t}");
        }
        assert!(Context::ARM64.tag("arm64") && !Context::ARM64.tag("amd64"));
    }

    #[test]
    fn plus_build() {
        let a = Context::AMD64;
        assert!(eval_plus_build("linux darwin", &a));
        assert!(eval_plus_build("!nacl,!js,gc", &a));
        assert!(!eval_plus_build("!nacl,!js,!gccgo,cgo", &a));
        assert!(eval_plus_build("linux,amd64 linux,ppc64le", &a));
        assert!(!eval_plus_build(
            "linux,amd64 linux,ppc64le",
            &Context::ARM64
        ));
        assert!(eval_plus_build("!windows !arm64", &Context::ARM64));
        assert!(!eval_plus_build("ignore", &a));
        assert!(!eval_plus_build("!!linux", &a));
    }

    #[test]
    fn go_build() {
        let a = Context::AMD64;
        assert_eq!(eval_go_build("!js", &a), Ok(true));
        assert_eq!(
            eval_go_build(
                "(386 || amd64 || arm64 || ppc64le || s390x) && !gcflags_noopt",
                &a
            ),
            Ok(true)
        );
        assert_eq!(eval_go_build("!windows && !wasm && !gccgo", &a), Ok(true));
        assert_eq!(eval_go_build("goexperiment.unified", &a), Ok(false));
        assert_eq!(eval_go_build("a || b && !c", &a), Ok(false));
        assert_eq!(eval_go_build("linux || b && c", &a), Ok(true));
        assert_eq!(eval_go_build("!(linux && amd64)", &a), Ok(false));
        assert!(eval_go_build("linux &&", &a).is_err());
        assert!(eval_go_build("(linux", &a).is_err());
        assert!(eval_go_build("linux & amd64", &a).is_err());
        assert!(eval_go_build("", &a).is_err());
    }

    #[test]
    fn constraints_of_files() {
        let a = Context::AMD64;
        let arm = Context::ARM64;
        let src = "// run\n\n// +build amd64\n\npackage main\n// +build ignore\n";
        assert_eq!(check_constraints("x.go", src, &a), Ok(()));
        assert_eq!(
            check_constraints("x.go", src, &arm),
            Err("// +build amd64".into())
        );
        // //go:build wins over // +build
        let src = "//go:build linux\n// +build ignore\n\n// run\n\npackage main\n";
        assert_eq!(check_constraints("x.go", src, &a), Ok(()));
        // several // +build lines are ANDed
        let src = "// +build linux\n// +build !amd64\n\npackage main\n";
        assert!(check_constraints("x.go", src, &a).is_err());
        assert!(check_constraints("x.go", src, &arm).is_ok());
        assert!(check_constraints("nilptr_aix.go", "package main\n", &a).is_err());
        assert!(check_constraints("x_linux_arm64.go", "package main\n", &arm).is_ok());
        assert!(check_constraints("x_linux_arm64.go", "package main\n", &a).is_err());
        assert!(check_constraints("amd64.go", "package main\n", &arm).is_ok());
        assert!(check_constraints("issue_12.go", "package main\n", &arm).is_ok());
    }
}
