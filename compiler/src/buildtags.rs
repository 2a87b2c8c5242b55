//! Build constraints: which `.go` files of a directory are part of its
//! package for a target, decided as `go build` decides it (the go/build
//! package's "Build Constraints"). One implementation for the packages of
//! the user's module (driver/sources.rs) and the embedded standard library
//! (load.rs).
//!
//! A file is out of the package when
//!
//! - its name starts with `_` or `.` (always; even when named on the
//!   command line), or ends in `_test.go` (a test file: `go build` parses
//!   its constraint but never compiles it);
//! - its name, cut at the first `.`, ends in `_GOOS`, `_GOARCH` or
//!   `_GOOS_GOARCH` for a known GOOS or GOARCH (the lists below) that is
//!   not the target's; only what follows the first `_` counts, so
//!   `linux.go` or `windows.go` are not constrained;
//! - its `//go:build` expression is false for the target's tags, or, when
//!   it has no `//go:build` line, one of its `// +build` lines is false.
//!
//! Where a constraint is read (go/build's placement rule): only in the
//! file's leading comments, before any other text. A `//go:build` line
//! (the line trimmed, `//go:build` followed by a space, a tab or nothing)
//! counts anywhere in that run of comments and blank lines, unless it is
//! inside a `/* */` comment; two of them are an error. A `// +build` line
//! counts only if it is among the `//` comments and blank lines at the very
//! start of the file and a blank line follows it before the first other
//! line (so a package doc comment directly above `package` is never one);
//! after a `/* */` comment none does.
//!
//! The `//go:build` grammar: `||` binds loosest, then `&&`, then `!`;
//! parentheses group; a tag is letters, digits, `_` and `.`; `!!` is
//! refused. A malformed line is an error, worded as Go words it
//! (`f.go: parsing //go:build line: unexpected end of expression`; Go
//! gives the file's base name and no line). A `// +build` line is
//! space-separated alternatives of comma-separated conjunctions of
//! possibly negated tags; an invalid word in it stands for the tag
//! `ignore`, and a line too complex to read is itself ignored, as in Go.
//!
//! The tags ([`Context`]): `linux`, `unix`, the GOARCH (`amd64` or
//! `arm64`) and its default feature level (`amd64.v1`, `arm64.v8.0`), the
//! release tags `go1.1` ... `go1.27`, `goc` (the compiler), `purego`, and
//! the user's `-tags`. Not `gc`, `gccgo` or `cgo`: goc is neither of Go's
//! compilers and cannot compile their assembly or C. docs/ARCHITECTURE.md
//! ("Build constraints") gives the reasons.

use std::fmt;

use crate::link::Target;

/// goc builds for Linux only.
pub const GOOS: &str = "linux";

/// The compiler tag: goc's own name, as `gc` and `gccgo` are theirs.
pub const COMPILER: &str = "goc";

/// The Go release whose language and library goc follows: the release
/// tags are `go1.1` up to `go1.{GO_RELEASE_MINOR}`.
pub const GO_RELEASE_MINOR: u32 = 27;

/// The operating systems Go knows (internal/syslist): a file-name suffix
/// naming one of them is a constraint.
pub const KNOWN_OS: &[&str] = &[
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

/// The architectures Go knows (internal/syslist).
pub const KNOWN_ARCH: &[&str] = &[
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

/// What a build is for: the tags a constraint is evaluated against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    goarch: &'static str,
    /// `-tags`: the user's own tags.
    user: Vec<String>,
}

impl Context {
    /// The build context for `target` with the user's extra tags.
    pub fn new(target: Target, user_tags: &[String]) -> Context {
        Context {
            goarch: target.goarch(),
            user: user_tags.to_vec(),
        }
    }

    /// The target's GOARCH.
    pub fn goarch(&self) -> &'static str {
        self.goarch
    }

    /// Whether `tag` is satisfied.
    pub fn matches(&self, tag: &str) -> bool {
        tag == GOOS
            || tag == "unix"
            || tag == self.goarch
            || tag == self.arch_level()
            || tag == COMPILER
            || tag == "purego"
            || is_release_tag(tag)
            || self.user.iter().any(|t| t == tag)
    }

    /// The feature level Go's default GOAMD64/GOARM64 names and goc's code
    /// generation assumes (nothing beyond the base instruction set).
    fn arch_level(&self) -> &'static str {
        match self.goarch {
            "amd64" => "amd64.v1",
            _ => "arm64.v8.0",
        }
    }

    /// Every tag the context satisfies (besides any other spelling of a
    /// release), for documentation and tests.
    pub fn tags(&self) -> Vec<String> {
        let mut t: Vec<String> = [GOOS, "unix", self.goarch, self.arch_level()]
            .iter()
            .map(|s| s.to_string())
            .collect();
        t.extend((1..=GO_RELEASE_MINOR).map(|m| format!("go1.{m}")));
        t.push(COMPILER.into());
        t.push("purego".into());
        t.extend(self.user.iter().cloned());
        t
    }
}

/// `go1.N` for 1 <= N <= [`GO_RELEASE_MINOR`], spelled exactly so.
fn is_release_tag(tag: &str) -> bool {
    let Some(n) = tag.strip_prefix("go1.") else {
        return false;
    };
    match n.parse::<u32>() {
        Ok(m) => (1..=GO_RELEASE_MINOR).contains(&m) && m.to_string() == n,
        Err(_) => false,
    }
}

/// A build constraint expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    Tag(String),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
}

impl Expr {
    /// The expression's value when `ok` says which tags are satisfied.
    pub fn eval(&self, ok: &dyn Fn(&str) -> bool) -> bool {
        match self {
            Expr::Tag(t) => ok(t),
            Expr::Not(x) => !x.eval(ok),
            Expr::And(x, y) => x.eval(ok) && y.eval(ok),
            Expr::Or(x, y) => x.eval(ok) || y.eval(ok),
        }
    }
}

/// The `//go:build` spelling, with only the parentheses it needs.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Tag(t) => f.write_str(t),
            Expr::Not(x) => match **x {
                Expr::Tag(_) | Expr::Not(_) => write!(f, "!{x}"),
                _ => write!(f, "!({x})"),
            },
            Expr::And(x, y) => {
                for (i, e) in [x, y].into_iter().enumerate() {
                    if i > 0 {
                        f.write_str(" && ")?;
                    }
                    match **e {
                        Expr::Or(..) => write!(f, "({e})")?,
                        _ => write!(f, "{e}")?,
                    }
                }
                Ok(())
            }
            Expr::Or(x, y) => {
                for (i, e) in [x, y].into_iter().enumerate() {
                    if i > 0 {
                        f.write_str(" || ")?;
                    }
                    match **e {
                        Expr::And(..) => write!(f, "({e})")?,
                        _ => write!(f, "{e}")?,
                    }
                }
                Ok(())
            }
        }
    }
}

/// A malformed constraint: what is wrong (Go's words) and the byte offset
/// in the expression where it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub msg: String,
}

/// Whether a line, trimmed, is a `//go:build` line (by its prefix only).
pub fn is_go_build(line: &str) -> bool {
    go_build_text(line).is_some()
}

/// The expression of a `//go:build` line: the text after the prefix, which
/// must be followed by white space or nothing (`//go:buildx` is no
/// constraint).
fn go_build_text(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix("//go:build")?;
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some(rest.trim())
}

/// Parses a `//go:build` line (the whole line, prefix included); `None` if
/// it is not one.
pub fn parse_go_build(line: &str) -> Option<Result<Expr, SyntaxError>> {
    go_build_text(line).map(parse_expr)
}

/// At most this many operands and negations in one expression (Go's
/// limit, which bounds the parser's recursion).
const MAX_SIZE: usize = 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok<'a> {
    End,
    LParen,
    RParen,
    Not,
    AndAnd,
    OrOr,
    Tag(&'a str),
}

impl Tok<'_> {
    fn text(&self) -> &str {
        match self {
            Tok::End => "",
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::Not => "!",
            Tok::AndAnd => "&&",
            Tok::OrOr => "||",
            Tok::Tag(t) => t,
        }
    }
}

struct Parser<'a> {
    src: &'a str,
    next: usize,
    tok: Tok<'a>,
    /// Where `tok` starts.
    pos: usize,
    size: usize,
}

fn tag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.'
}

/// Parses a `//go:build` expression (without the prefix).
pub fn parse_expr(src: &str) -> Result<Expr, SyntaxError> {
    let mut p = Parser {
        src,
        next: 0,
        tok: Tok::End,
        pos: 0,
        size: 0,
    };
    let x = p.or()?;
    if p.tok != Tok::End {
        return Err(p.error(p.pos, format!("unexpected token {}", p.tok.text())));
    }
    Ok(x)
}

impl<'a> Parser<'a> {
    fn error(&self, offset: usize, msg: impl Into<String>) -> SyntaxError {
        SyntaxError {
            offset,
            msg: msg.into(),
        }
    }

    /// Reads the next token into `tok`.
    fn lex(&mut self) -> Result<(), SyntaxError> {
        let s = self.src;
        let b = s.as_bytes();
        while self.next < b.len() && (b[self.next] == b' ' || b[self.next] == b'\t') {
            self.next += 1;
        }
        self.pos = self.next;
        let Some(c) = s[self.next..].chars().next() else {
            self.tok = Tok::End;
            return Ok(());
        };
        let single = match c {
            '(' => Some(Tok::LParen),
            ')' => Some(Tok::RParen),
            '!' => Some(Tok::Not),
            _ => None,
        };
        if let Some(t) = single {
            self.next += 1;
            self.tok = t;
            return Ok(());
        }
        if c == '&' || c == '|' {
            if b.get(self.next + 1) != Some(&(c as u8)) {
                return Err(self.error(self.next, format!("invalid syntax at {c}")));
            }
            self.next += 2;
            self.tok = if c == '&' { Tok::AndAnd } else { Tok::OrOr };
            return Ok(());
        }
        let len = s[self.next..]
            .find(|c: char| !tag_char(c))
            .unwrap_or(s.len() - self.next);
        if len == 0 {
            return Err(self.error(self.next, format!("invalid syntax at {c}")));
        }
        self.tok = Tok::Tag(&s[self.next..self.next + len]);
        self.next += len;
        Ok(())
    }

    /// `and { "||" and }`; the token after it is in `tok`.
    fn or(&mut self) -> Result<Expr, SyntaxError> {
        let mut x = self.and()?;
        while self.tok == Tok::OrOr {
            x = Expr::Or(Box::new(x), Box::new(self.and()?));
        }
        Ok(x)
    }

    /// `not { "&&" not }`.
    fn and(&mut self) -> Result<Expr, SyntaxError> {
        let mut x = self.not()?;
        while self.tok == Tok::AndAnd {
            x = Expr::And(Box::new(x), Box::new(self.not()?));
        }
        Ok(x)
    }

    /// `[ "!" ] atom`, reading its first token first.
    fn not(&mut self) -> Result<Expr, SyntaxError> {
        self.size += 1;
        if self.size > MAX_SIZE {
            return Err(self.error(self.pos, "build expression too large"));
        }
        self.lex()?;
        if self.tok != Tok::Not {
            return self.atom();
        }
        self.lex()?;
        if self.tok == Tok::Not {
            return Err(self.error(self.pos, "double negation not allowed"));
        }
        Ok(Expr::Not(Box::new(self.atom()?)))
    }

    /// A tag or `( or )`, its first token already in `tok`.
    fn atom(&mut self) -> Result<Expr, SyntaxError> {
        match self.tok {
            Tok::LParen => {
                let open = self.pos;
                // Running out of input anywhere inside is a missing `)`.
                let x = self.or().map_err(|mut e| {
                    if e.msg == "unexpected end of expression" {
                        e.msg = "missing close paren".into();
                    }
                    e
                })?;
                if self.tok != Tok::RParen {
                    return Err(self.error(open, "missing close paren"));
                }
                self.lex()?;
                Ok(x)
            }
            Tok::Tag(t) => {
                self.lex()?;
                Ok(Expr::Tag(t.to_string()))
            }
            Tok::End => Err(self.error(self.pos, "unexpected end of expression")),
            t => Err(self.error(self.pos, format!("unexpected token {}", t.text()))),
        }
    }
}

/// The expression of a `// +build` line (`//+build` too), if the line is
/// one.
fn plus_build_text(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix("//")?.trim();
    let rest = rest.strip_prefix("+build")?;
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some(rest.trim())
}

/// Whether a line is a legacy `// +build` line (by its prefix only).
pub fn is_plus_build(line: &str) -> bool {
    plus_build_text(line).is_some()
}

/// At most this many operators on one `// +build` line.
const MAX_PLUS_BUILD_OPS: usize = 100;

/// Parses a `// +build` line (prefix included); `None` if it is not one.
/// Space-separated options are ORed, comma-separated terms ANDed, a term
/// may be negated with one `!`; a term that is not a valid tag (`!!x`,
/// `a/b`, an empty one) stands for the tag `ignore`, as does an empty line.
pub fn parse_plus_build(line: &str) -> Option<Result<Expr, SyntaxError>> {
    let text = plus_build_text(line)?;
    let mut ops = 0;
    let mut too_many = || {
        ops += 1;
        ops > MAX_PLUS_BUILD_OPS
    };
    let ignore = || Expr::Tag("ignore".into());
    let mut any: Option<Expr> = None;
    for option in text.split_whitespace() {
        let mut all: Option<Expr> = None;
        for term in option.split(',') {
            let x = if term.starts_with("!!") || term == "!" {
                ignore()
            } else {
                let (neg, name) = match term.strip_prefix('!') {
                    Some(n) => (true, n),
                    None => (false, term),
                };
                let t = if !name.is_empty() && name.chars().all(tag_char) {
                    Expr::Tag(name.to_string())
                } else {
                    ignore()
                };
                if neg {
                    Expr::Not(Box::new(t))
                } else {
                    t
                }
            };
            all = Some(match all {
                None => x,
                Some(a) if !too_many() => Expr::And(Box::new(a), Box::new(x)),
                Some(_) => return Some(Err(too_complex())),
            });
        }
        let all = all.unwrap_or_else(ignore);
        any = Some(match any {
            None => all,
            Some(a) if !too_many() => Expr::Or(Box::new(a), Box::new(all)),
            Some(_) => return Some(Err(too_complex())),
        });
    }
    Some(Ok(any.unwrap_or_else(ignore)))
}

fn too_complex() -> SyntaxError {
    SyntaxError {
        offset: 0,
        msg: "expression too complex for // +build lines".into(),
    }
}

/// The constraint lines of a file, where go/build looks for them (see the
/// module comment).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// The `//go:build` line, trimmed, and its 1-based line number.
    pub go_build: Option<(String, usize)>,
    /// The `// +build` lines that count, trimmed.
    pub plus_build: Vec<String>,
}

/// Finds the constraint lines in the leading comments of a file; two
/// `//go:build` lines are an error (Go's words).
pub fn header(content: &[u8]) -> Result<Header, String> {
    let mut h = Header::default();
    // Lines before this index may hold `// +build` lines: up to the last
    // blank line before the first line that is not a `//` comment.
    let mut plus_until = 0;
    // A line other than a blank one or a `//` comment was seen.
    let mut ended = false;
    let mut in_block = false;
    let mut lines = Vec::new();
    'lines: for (i, raw) in content.split(|&b| b == b'\n').enumerate() {
        let text = String::from_utf8_lossy(raw);
        let line = text.trim();
        if line.is_empty() && !ended {
            plus_until = i + 1;
            lines.push(String::new());
            continue;
        }
        if !line.starts_with("//") {
            ended = true;
        }
        if !in_block && is_go_build(line) {
            if h.go_build.is_some() {
                return Err("multiple //go:build comments".into());
            }
            h.go_build = Some((line.to_string(), i + 1));
        }
        if !ended {
            lines.push(line.to_string());
        }
        // Step over the comments on this line; any other text ends the
        // header.
        let mut rest = line;
        while !rest.is_empty() {
            if in_block {
                match rest.find("*/") {
                    Some(j) => {
                        in_block = false;
                        rest = rest[j + 2..].trim();
                    }
                    None => continue 'lines,
                }
            } else if rest.starts_with("//") {
                continue 'lines;
            } else if let Some(r) = rest.strip_prefix("/*") {
                in_block = true;
                rest = r.trim();
            } else {
                break 'lines;
            }
        }
    }
    h.plus_build = lines
        .into_iter()
        .take(plus_until)
        .filter(|l| l.contains("+build") && is_plus_build(l))
        .collect();
    Ok(h)
}

/// Whether a file with this content is built for `ctx`, by its
/// constraint lines; a malformed `//go:build` line or two of them is an
/// error, worded as Go words it (without the file's name).
pub fn should_build(content: &[u8], ctx: &Context) -> Result<bool, String> {
    let h = header(content)?;
    let ok = |t: &str| ctx.matches(t);
    if let Some((line, _)) = &h.go_build {
        return match parse_go_build(line) {
            Some(Ok(x)) => Ok(x.eval(&ok)),
            Some(Err(e)) => Err(format!("parsing //go:build line: {}", e.msg)),
            None => Ok(true),
        };
    }
    Ok(h.plus_build.iter().all(|l| match parse_plus_build(l) {
        Some(Ok(x)) => x.eval(&ok),
        _ => true,
    }))
}

/// Go's file-name constraint: whether a file called `name` (no directory)
/// may be built for `ctx`, judging by its `_GOOS`, `_GOARCH` or
/// `_GOOS_GOARCH` suffix (before a `_test` one).
pub fn good_os_arch_file(name: &str, ctx: &Context) -> bool {
    let stem = name.split('.').next().unwrap_or(name);
    // Only what follows the first `_` counts: `linux.go` is not constrained.
    let Some((_, suffix)) = stem.split_once('_') else {
        return true;
    };
    let mut parts: Vec<&str> = suffix.split('_').collect();
    if parts.last() == Some(&"test") {
        parts.pop();
    }
    let n = parts.len();
    let os = |s: &str| KNOWN_OS.contains(&s);
    let arch = |s: &str| KNOWN_ARCH.contains(&s);
    if n >= 2 && os(parts[n - 2]) && arch(parts[n - 1]) {
        return ctx.matches(parts[n - 2]) && ctx.matches(parts[n - 1]);
    }
    if n >= 1 && (os(parts[n - 1]) || arch(parts[n - 1])) {
        return ctx.matches(parts[n - 1]);
    }
    true
}

/// What becomes of a `.go` file of a package directory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Starts with `_` or `.`: as if it were not there.
    Dummy,
    /// Excluded by its name or its constraint lines.
    Excluded,
    /// A `_test.go` file that matches the target (not compiled by a build).
    Test,
    /// Part of the package.
    Package,
}

/// Decides what file `name` (no directory) of a package directory is;
/// `content` reads its text when its name does not already decide (it is
/// not called for dummy files and those the name excludes), and the text
/// read comes back with the answer. A malformed constraint is an error, as
/// Go prints it: `name: parsing //go:build line: ...`.
pub fn classify(
    name: &str,
    content: impl FnOnce() -> Result<Vec<u8>, String>,
    ctx: &Context,
) -> Result<(FileKind, Option<Vec<u8>>), String> {
    if name.starts_with('_') || name.starts_with('.') {
        return Ok((FileKind::Dummy, None));
    }
    if !good_os_arch_file(name, ctx) {
        return Ok((FileKind::Excluded, None));
    }
    let text = content()?;
    let kind = if !should_build(&text, ctx).map_err(|e| format!("{name}: {e}"))? {
        FileKind::Excluded
    } else if name.ends_with("_test.go") {
        FileKind::Test
    } else {
        FileKind::Package
    };
    Ok((kind, Some(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Context {
        Context::new(Target::X86_64, &[])
    }

    fn parse(s: &str) -> Result<String, String> {
        parse_expr(s).map(|x| x.to_string()).map_err(|e| e.msg)
    }

    fn eval(s: &str, tags: &[&str]) -> bool {
        parse_expr(s).unwrap().eval(&|t| tags.contains(&t))
    }

    #[test]
    fn precedence_and_parentheses() {
        // && binds tighter than ||; both associate to the left. (Display
        // writes the parentheses Go's String does: around every && under
        // a || and the reverse.)
        assert_eq!(parse("a || b && c").unwrap(), "a || (b && c)");
        assert_eq!(parse("a && b && c").unwrap(), "a && b && c");
        assert_eq!(
            parse_expr("a || b || c").unwrap(),
            Expr::Or(
                Box::new(Expr::Or(
                    Box::new(Expr::Tag("a".into())),
                    Box::new(Expr::Tag("b".into()))
                )),
                Box::new(Expr::Tag("c".into()))
            )
        );
        assert_eq!(
            parse_expr("a || b && c").unwrap(),
            Expr::Or(
                Box::new(Expr::Tag("a".into())),
                Box::new(Expr::And(
                    Box::new(Expr::Tag("b".into())),
                    Box::new(Expr::Tag("c".into()))
                ))
            )
        );
        assert_eq!(parse("(a || b) && c").unwrap(), "(a || b) && c");
        assert_eq!(parse("a && b || c && d").unwrap(), "(a && b) || (c && d)");
        assert_eq!(parse("!a && !(b || !c)").unwrap(), "!a && !(b || !c)");
        assert_eq!(parse("!(a && b)").unwrap(), "!(a && b)");
        assert_eq!(parse("((a))").unwrap(), "a");
        assert_eq!(parse(" \ta&&!b ").unwrap(), "a && !b");
        assert_eq!(parse("go1.21 && amd64.v1").unwrap(), "go1.21 && amd64.v1");
        assert!(eval("a || b && c", &["a"]));
        assert!(!eval("(a || b) && c", &["a"]));
        assert!(eval("!a", &[]));
        assert!(!eval("!a", &["a"]));
        assert!(eval("!(a && b)", &["a"]));
        assert!(!eval("!(a || b)", &["b"]));
        assert!(eval("linux && (amd64 || arm64)", &["linux", "arm64"]));
        assert!(!eval("linux && (amd64 || arm64)", &["linux", "386"]));
    }

    #[test]
    fn syntax_errors_in_go_words() {
        for (src, msg) in [
            ("", "unexpected end of expression"),
            ("linux &&", "unexpected end of expression"),
            ("!", "unexpected end of expression"),
            ("(linux", "missing close paren"),
            ("(linux &&", "missing close paren"),
            ("(a || (b)", "missing close paren"),
            ("(a b)", "missing close paren"),
            ("a)", "unexpected token )"),
            ("a b", "unexpected token b"),
            ("a && || b", "unexpected token ||"),
            ("()", "unexpected token )"),
            ("!!a", "double negation not allowed"),
            ("! !a", "double negation not allowed"),
            ("a & b", "invalid syntax at &"),
            ("a | b", "invalid syntax at |"),
            ("a $ b", "invalid syntax at $"),
            ("a/b", "invalid syntax at /"),
        ] {
            assert_eq!(parse(src), Err(msg.to_string()), "{src:?}");
        }
        let big = vec!["a"; 1001].join(" || ");
        assert_eq!(parse(&big), Err("build expression too large".into()));
        // 1000 nested levels before the limit: goc parses on its own
        // big-stack thread ('goc'), and so does this check, since an
        // unoptimised test build's frames would overflow a test thread.
        let deep = format!("{}a{}", "(".repeat(2000), ")".repeat(2000));
        let r = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || parse(&deep))
            .expect("a thread")
            .join()
            .expect("no panic");
        assert_eq!(r, Err("build expression too large".into()));
        assert_eq!(parse_expr("a && (b").unwrap_err().offset, 5);
    }

    #[test]
    fn go_build_lines() {
        assert!(parse_go_build("//go:build linux").is_some());
        assert!(parse_go_build("//go:build\tlinux").is_some());
        assert!(parse_go_build("  //go:build linux  ").is_some());
        assert!(parse_go_build("//go:buildlinux").is_none());
        assert!(parse_go_build("// go:build linux").is_none());
        assert!(parse_go_build("//go:build").unwrap().is_err());
    }

    fn plus(line: &str) -> Option<String> {
        parse_plus_build(line).map(|r| r.map(|x| x.to_string()).unwrap_or_else(|e| e.msg))
    }

    #[test]
    fn plus_build_lines() {
        assert_eq!(
            plus("// +build linux darwin").as_deref(),
            Some("linux || darwin")
        );
        assert_eq!(
            plus("// +build linux,amd64 !cgo").as_deref(),
            Some("(linux && amd64) || !cgo")
        );
        assert_eq!(plus("//+build a,!b").as_deref(), Some("a && !b"));
        assert_eq!(plus("// +build").as_deref(), Some("ignore"));
        assert_eq!(plus("// +build !!a").as_deref(), Some("ignore"));
        assert_eq!(plus("// +build !").as_deref(), Some("ignore"));
        assert_eq!(plus("// +build a/b,c").as_deref(), Some("ignore && c"));
        assert_eq!(plus("// +build !a/b").as_deref(), Some("!ignore"));
        assert_eq!(plus("// +buildx"), None);
        assert_eq!(plus("// x +build"), None);
        let many = format!("// +build {}", vec!["a"; 102].join(","));
        assert_eq!(
            plus(&many).as_deref(),
            Some("expression too complex for // +build lines")
        );
    }

    fn builds(src: &str) -> Result<bool, String> {
        should_build(src.as_bytes(), &ctx())
    }

    #[test]
    fn placement() {
        // Anywhere in the leading comments, blank line or not.
        assert_eq!(builds("//go:build ignore\n\npackage p\n"), Ok(false));
        assert_eq!(builds("//go:build ignore\npackage p\n"), Ok(false));
        assert_eq!(
            builds("// Copyright\n\n//go:build ignore\n// doc\npackage p\n"),
            Ok(false)
        );
        assert_eq!(
            builds("  //go:build ignore  \r\n\r\npackage p\n"),
            Ok(false)
        );
        // After a /* */ comment still counts; inside one it does not.
        assert_eq!(builds("/* c */\n//go:build ignore\npackage p\n"), Ok(false));
        assert_eq!(builds("/*\n//go:build ignore\n*/\n\npackage p\n"), Ok(true));
        assert_eq!(
            builds("/* a */ /*\n//go:build ignore\n*/ package p\n"),
            Ok(true)
        );
        // After the package clause it is no constraint (the compiler's
        // business, not the file selection's).
        assert_eq!(builds("package p\n\n//go:build ignore\n"), Ok(true));
        assert_eq!(builds("package p //go:build ignore\n"), Ok(true));
        assert_eq!(builds("//go:buildignore\n\npackage p\n"), Ok(true));
        // Two are an error; the expression's errors are Go's.
        assert_eq!(
            builds("//go:build a\n//go:build b\n\npackage p\n"),
            Err("multiple //go:build comments".into())
        );
        assert_eq!(
            builds("//go:build linux &&\n\npackage p\n"),
            Err("parsing //go:build line: unexpected end of expression".into())
        );
        assert_eq!(builds("/*\n//go:build linux &&\n*/\npackage p\n"), Ok(true));
        assert_eq!(
            header(b"// a\n\n//go:build linux\n\npackage p\n")
                .unwrap()
                .go_build,
            Some(("//go:build linux".to_string(), 3))
        );
    }

    #[test]
    fn plus_build_placement() {
        // Needs a blank line before the first other line.
        assert_eq!(builds("// +build ignore\n\npackage p\n"), Ok(false));
        assert_eq!(builds("// +build ignore\npackage p\n"), Ok(true));
        assert_eq!(builds("// +build ignore\n// doc\npackage p\n"), Ok(true));
        assert_eq!(builds("// +build ignore\n\n// doc\npackage p\n"), Ok(false));
        // Not after a /* */ comment, not after the package clause.
        assert_eq!(builds("/* c */\n// +build ignore\n\npackage p\n"), Ok(true));
        assert_eq!(builds("package p\n\n// +build ignore\n\n"), Ok(true));
        // Several lines are ANDed.
        assert_eq!(
            builds("// +build linux\n// +build amd64 arm64\n\npackage p\n"),
            Ok(true)
        );
        assert_eq!(
            builds("// +build linux\n// +build windows\n\npackage p\n"),
            Ok(false)
        );
        // A //go:build line overrides them.
        assert_eq!(
            builds("//go:build linux\n// +build windows\n\npackage p\n"),
            Ok(true)
        );
        // A line too complex to read is dropped.
        let many = format!("// +build {}\n\npackage p\n", vec!["x"; 102].join(","));
        assert_eq!(builds(&many), Ok(true));
    }

    #[test]
    fn tags_for_a_target() {
        let c = ctx();
        for t in [
            "linux", "unix", "amd64", "amd64.v1", "goc", "purego", "go1.1", "go1.9", "go1.27",
        ] {
            assert!(c.matches(t), "{t}");
        }
        for t in [
            "gc", "gccgo", "cgo", "arm64", "windows", "darwin", "go1.28", "go1.0", "go1.01",
            "go2.0", "ignore", "", "amd64.v3",
        ] {
            assert!(!c.matches(t), "{t}");
        }
        let a = Context::new(Target::Aarch64, &["foo".into(), "bar".into()]);
        for t in ["arm64", "arm64.v8.0", "foo", "bar", "linux"] {
            assert!(a.matches(t), "{t}");
        }
        assert!(!a.matches("amd64"));
        assert!(c.tags().iter().all(|t| c.matches(t)));
        assert!(a.tags().iter().all(|t| a.matches(t)));
    }

    #[test]
    fn file_names() {
        let t = ctx();
        let a = Context::new(Target::Aarch64, &[]);
        assert!(good_os_arch_file("main.go", &t));
        assert!(good_os_arch_file("x_linux.go", &t));
        assert!(good_os_arch_file("x_amd64.go", &t));
        assert!(good_os_arch_file("x_linux_amd64.go", &t));
        assert!(good_os_arch_file("x_y_linux_amd64.go", &t));
        assert!(!good_os_arch_file("x_windows.go", &t));
        assert!(!good_os_arch_file("x_arm64.go", &t));
        assert!(!good_os_arch_file("x_linux_arm64.go", &t));
        assert!(!good_os_arch_file("x_windows_amd64.go", &t));
        assert!(good_os_arch_file("x_linux_arm64.go", &a));
        assert!(good_os_arch_file("x_arm64.go", &a));
        // Test files follow the same rule before `_test`.
        assert!(!good_os_arch_file("x_windows_test.go", &t));
        assert!(good_os_arch_file("x_linux_test.go", &t));
        // The name is cut at its first dot.
        assert!(!good_os_arch_file("x_windows.pb.go", &t));
        // A name that is only a constraint is not one, nor is an unknown
        // suffix; only the part after the first `_` counts.
        assert!(good_os_arch_file("windows.go", &t));
        assert!(good_os_arch_file("linux_arm64.go", &a));
        assert!(!good_os_arch_file("linux_arm64.go", &t));
        assert!(good_os_arch_file("windows_linux.go", &t));
        assert!(good_os_arch_file("my_file.go", &t));
        // `unix` is a tag, not a file-name constraint.
        assert!(good_os_arch_file("x_unix.go", &t));
    }

    #[test]
    fn classify_files() {
        let c = ctx();
        let kind = |name: &str, text: Option<&'static str>| {
            let read = || match text {
                Some(s) => Ok(s.as_bytes().to_vec()),
                None => panic!("{name} read"),
            };
            classify(name, read, &c).map(|(k, _)| k)
        };
        assert_eq!(kind("_x.go", None), Ok(FileKind::Dummy));
        assert_eq!(kind(".x.go", None), Ok(FileKind::Dummy));
        assert_eq!(kind("x_windows.go", None), Ok(FileKind::Excluded));
        assert_eq!(kind("x.go", Some("package p\n")), Ok(FileKind::Package));
        assert_eq!(
            kind("x.go", Some("//go:build !goc\n\npackage p\n")),
            Ok(FileKind::Excluded)
        );
        assert_eq!(kind("x_test.go", Some("package p\n")), Ok(FileKind::Test));
        assert_eq!(
            kind("x_test.go", Some("//go:build (\n\npackage p\n")),
            Err("x_test.go: parsing //go:build line: missing close paren".into())
        );
        let (_, text) = classify("x.go", || Ok(b"package p".to_vec()), &c).unwrap();
        assert_eq!(text.as_deref(), Some(&b"package p"[..]));
    }
}
