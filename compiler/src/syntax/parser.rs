//! The parser: tokens to the AST of one file, by recursive descent with one
//! token of lookahead, following the structure (and the error messages) of
//! Go's own compiler front end, so that a bad program gets the message and
//! position `go build` would print.
//!
//! The parser stops at the first error. Every function returns
//! `PResult`; an error travels up with `?` and nothing is recovered.
//!
//! Composite literals versus blocks: in `if x == T {}` the `{` opens the
//! block, not a literal `T{}`. As in Go, `xnest` counts the expression
//! nesting: a statement header (`if`, `for`, `switch`) sets it to -1, and
//! every enclosing `(`, `[` or `{` of an expression raises it; a `{` after a
//! bare type name (or qualified name, or index expression) starts a
//! composite literal only when `xnest >= 0`. Literal types such as `[]T`
//! and `struct{...}` always start one.
//!
//! Generics are not supported: a type parameter list on a function or type
//! declaration is reported as such; instantiations `T[int]` parse (as
//! `Index`) and are left for the checker to reject.
//!
//! Nesting depth is capped (`MAX_DEPTH` levels, and `STACK_BUDGET` bytes
//! of stack) so that absurd inputs get an error instead of overflowing the
//! stack.

use super::ast::*;
use super::lexer::{Lexer, Op, SemiKind, Tok};
use crate::diag::Diag;

type PResult<T> = Result<T, Diag>;

const MAX_DEPTH: u32 = 1000;

/// Stack the parser may use below its entry point before it gives up with
/// an error (rather than overflow a 2 MiB thread stack, Rust's default for
/// spawned threads). Release builds use about 2-3 KiB per nesting level.
const STACK_BUDGET: usize = 1536 << 10;

/// An address in the current stack frame.
#[inline(always)]
fn stack_addr() -> usize {
    let probe = 0u8;
    std::hint::black_box(&probe) as *const u8 as usize
}

/// Parses one file. `file` is the index of this file in the session's file
/// list (it goes into every `Pos`); `next_id` is the session's expression-id
/// counter. On error, returns the diagnostics (at least one) in source order.
pub fn parse_file(path: &str, src: &[u8], file: u32, next_id: &mut u32) -> Result<File, Vec<Diag>> {
    let mut p = Parser::new(src, file, next_id);
    p.stack_base = stack_addr();
    let mut f = p.file(path).map_err(|d| vec![d])?;
    f.linknames = linknames(src, file);
    Ok(f)
}

/// The `//go:linkname local target` directives of a file: comment lines
/// that start the line, as Go's compiler reads them. The one-argument form
/// (which only marks a symbol as reachable) binds nothing.
fn linknames(src: &[u8], file: u32) -> Vec<Linkname> {
    let mut out = Vec::new();
    for (i, line) in src.split(|&b| b == b'\n').enumerate() {
        let Some(rest) = line.strip_prefix(b"//go:linkname ") else {
            continue;
        };
        let text = String::from_utf8_lossy(rest);
        let mut words = text.split_whitespace();
        let (Some(local), Some(target)) = (words.next(), words.next()) else {
            continue;
        };
        let Some((pkg, name)) = target.rsplit_once('.') else {
            continue;
        };
        out.push(Linkname {
            local: local.to_string(),
            pkg: pkg.to_string(),
            name: name.to_string(),
            // Go reports a directive at its text, after the `//`.
            pos: Pos {
                file,
                line: i as u32 + 1,
                col: 3,
            },
        });
    }
    out
}

/// Parses a single expression (for tests and tools).
pub fn parse_expr(src: &[u8], next_id: &mut u32) -> Result<Expr, Diag> {
    let mut p = Parser::new(src, 0, next_id);
    p.stack_base = stack_addr();
    p.check_lex()?;
    let x = p.expr()?;
    if p.tok() == Tok::Semi && p.lx.semi != SemiKind::Semicolon {
        p.next()?;
    }
    if p.tok() != Tok::Eof {
        return Err(p.syntax_error("after expression"));
    }
    Ok(x)
}

/// A simple statement, with Go's notion of its position (the operator of
/// an assignment, send or inc/dec) for error messages; or one of the two
/// special forms only statement headers accept.
#[allow(clippy::large_enum_variant)] // short-lived, moved once
enum Simple {
    Stmt(Stmt, Pos),
    Range {
        lhs: Vec<Expr>,
        define: bool,
        x: Expr,
    },
    /// `v := x.(type)` in a switch header: `lhs` is `v`, `assert` is
    /// `x.(type)`.
    Guard {
        lhs: Expr,
        assert: Expr,
    },
}

enum Cond {
    Expr(Expr),
    Guard(Option<Ident>, Expr),
}

struct Header {
    init: Option<Box<Stmt>>,
    cond: Option<Cond>,
    post: Option<Box<Stmt>>,
    range: Option<(Vec<Expr>, bool, Expr)>,
}

enum ArrayOrTArgs {
    Type(Expr),
    TArgs(Vec<Expr>),
}

struct Parser<'a, 'b> {
    lx: Lexer<'a>,
    next_id: &'b mut u32,
    xnest: i32,
    depth: u32,
    stack_base: usize,
}

impl<'a, 'b> Parser<'a, 'b> {
    fn new(src: &'a [u8], file: u32, next_id: &'b mut u32) -> Self {
        let mut lx = Lexer::new(src, file);
        lx.next();
        Parser {
            lx,
            next_id,
            xnest: 0,
            depth: 0,
            stack_base: stack_addr(),
        }
    }

    // ------------------------------------------------------------------
    // Tokens and errors

    #[inline]
    fn tok(&self) -> Tok {
        self.lx.tok
    }

    #[inline]
    fn pos(&self) -> Pos {
        self.lx.pos
    }

    #[inline]
    fn check_lex(&mut self) -> PResult<()> {
        match self.lx.err.take() {
            None => Ok(()),
            Some(d) => Err(d),
        }
    }

    #[inline]
    fn next(&mut self) -> PResult<()> {
        self.lx.next();
        if self.lx.err.is_some() {
            return self.check_lex();
        }
        Ok(())
    }

    #[inline]
    fn got(&mut self, t: Tok) -> PResult<bool> {
        if self.tok() == t {
            self.next()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn want(&mut self, t: Tok) -> PResult<()> {
        if !self.got(t)? {
            return Err(self.syntax_error(&format!("expected {}", tokstring(t))));
        }
        Ok(())
    }

    /// Like `got(Assign)`, but `:=` is an error.
    fn got_assign(&mut self) -> PResult<bool> {
        match self.tok() {
            Tok::Define => Err(self.syntax_error("expected =")),
            Tok::Assign => {
                self.next()?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// How Go names the current token in "unexpected X".
    fn tok_desc(&self) -> String {
        let lit = || String::from_utf8_lossy(self.lx.text()).into_owned();
        match self.tok() {
            Tok::Name => format!("name {}", lit()),
            Tok::Semi => self.lx.semi.as_str().to_string(),
            Tok::Literal => format!("literal {}", lit()),
            Tok::Operator | Tok::Star => self.lx.op.as_str().to_string(),
            Tok::AssignOp => format!("{}=", self.lx.op.as_str()),
            Tok::IncOp => {
                let s = self.lx.op.as_str();
                format!("{}{}", s, s)
            }
            t => tokstring(t),
        }
    }

    fn syntax_error(&self, msg: &str) -> Diag {
        self.syntax_error_at(self.pos(), msg)
    }

    /// Go's syntax error: messages starting with "in ", "at ", "after "
    /// or "expected " are prefixed with the unexpected current token.
    fn syntax_error_at(&self, pos: Pos, msg: &str) -> Diag {
        let text = if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ")
        {
            format!("syntax error: unexpected {} {}", self.tok_desc(), msg)
        } else if msg.starts_with("expected ") {
            format!("syntax error: unexpected {}, {}", self.tok_desc(), msg)
        } else {
            format!("syntax error: {}", msg)
        };
        Diag::new(pos, text)
    }

    fn plain_error(&self, pos: Pos, msg: &str) -> Diag {
        Diag::new(pos, msg)
    }

    /// How Go's package-clause parser (the `go` command's) names the token.
    fn found_desc(&self) -> String {
        match self.tok() {
            Tok::Name | Tok::Literal => String::from_utf8_lossy(self.lx.text()).into_owned(),
            Tok::Semi => match self.lx.semi {
                SemiKind::Newline => "newline".into(),
                SemiKind::Eof => "'EOF'".into(),
                SemiKind::Semicolon => "';'".into(),
            },
            Tok::Operator | Tok::Star => format!("'{}'", self.lx.op.as_str()),
            Tok::AssignOp => format!("'{}='", self.lx.op.as_str()),
            Tok::IncOp => format!("'{}{}'", self.lx.op.as_str(), self.lx.op.as_str()),
            t => format!("'{}'", t.as_str()),
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH || self.stack_base.abs_diff(stack_addr()) > STACK_BUDGET {
            return Err(self.plain_error(self.pos(), "syntax error: nesting too deep"));
        }
        Ok(())
    }

    #[inline]
    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ------------------------------------------------------------------
    // Nodes

    #[inline]
    fn mk(&mut self, pos: Pos, kind: ExprKind) -> Expr {
        let id = *self.next_id;
        *self.next_id += 1;
        Expr { id, pos, kind }
    }

    fn ident_expr(&mut self, id: &Ident) -> Expr {
        self.mk(id.pos, ExprKind::Ident(id.name.clone()))
    }

    fn bad(&mut self, pos: Pos) -> Expr {
        self.mk(pos, ExprKind::Bad)
    }

    /// The current `Name` token as an identifier (not consumed).
    fn cur_ident(&self) -> Ident {
        Ident {
            name: text_string(self.lx.text()),
            pos: self.pos(),
        }
    }

    fn name(&mut self) -> PResult<Ident> {
        if self.tok() == Tok::Name {
            let id = self.cur_ident();
            self.next()?;
            Ok(id)
        } else {
            Err(self.syntax_error("expected name"))
        }
    }

    fn name_list(&mut self, first: Ident) -> PResult<Vec<Ident>> {
        let mut l = vec![first];
        while self.got(Tok::Comma)? {
            l.push(self.name()?);
        }
        Ok(l)
    }

    /// The current literal token as an expression (consumed).
    fn literal(&mut self) -> PResult<Expr> {
        let kind = self.lx.kind;
        let raw = text_string(self.lx.text());
        let bytes = match kind {
            LitKind::String => self.lx.val.clone(),
            LitKind::Char => self.lx.rune.to_string().into_bytes(),
            _ => Vec::new(),
        };
        let pos = self.pos();
        self.next()?;
        Ok(self.mk(pos, ExprKind::BasicLit { kind, raw, bytes }))
    }

    /// `list = [ f { sep f } [sep] ] close`. `f` returns true to end the
    /// list. Returns the position of the closing token.
    fn list<F>(&mut self, context: &str, sep: Tok, close: Tok, mut f: F) -> PResult<Pos>
    where
        F: FnMut(&mut Self) -> PResult<bool>,
    {
        let mut done = false;
        while self.tok() != Tok::Eof && self.tok() != close && !done {
            done = f(self)?;
            if !self.got(sep)? && self.tok() != close {
                return Err(self.syntax_error(&format!(
                    "in {}; possibly missing {} or {}",
                    context,
                    tokstring(sep),
                    tokstring(close)
                )));
            }
        }
        let pos = self.pos();
        self.want(close)?;
        Ok(pos)
    }

    /// `group(f) = f | "(" { f ";" } ")"`; `f` gets the spec's index.
    fn group<F>(&mut self, mut f: F) -> PResult<()>
    where
        F: FnMut(&mut Self, u32) -> PResult<()>,
    {
        if self.tok() == Tok::Lparen {
            self.next()?;
            let mut i = 0;
            self.list("grouped declaration", Tok::Semi, Tok::Rparen, |p| {
                f(p, i)?;
                i += 1;
                Ok(false)
            })?;
            Ok(())
        } else {
            f(self, 0)
        }
    }

    // ------------------------------------------------------------------
    // Files and declarations

    fn file(&mut self, path: &str) -> PResult<File> {
        self.check_lex()?;
        // The package clause and imports are read by the go command's own
        // parser before the compiler runs; its wording is used here.
        if self.tok() != Tok::Package {
            return Err(self.plain_error(
                self.pos(),
                &format!("expected 'package', found {}", self.found_desc()),
            ));
        }
        self.next()?;
        if self.tok() != Tok::Name {
            return Err(self.plain_error(
                self.pos(),
                &format!("expected 'IDENT', found {}", self.found_desc()),
            ));
        }
        let package = self.name()?;
        if self.tok() != Tok::Semi && self.tok() != Tok::Eof {
            return Err(self.plain_error(
                self.pos(),
                &format!("expected ';', found {}", self.found_desc()),
            ));
        }
        self.got(Tok::Semi)?;

        let mut imports = Vec::new();
        let mut decls: Vec<Decl> = Vec::new();
        let mut prev = Tok::Import;
        while self.tok() != Tok::Eof {
            if self.tok() == Tok::Import && prev != Tok::Import {
                return Err(self.syntax_error("imports must appear before other declarations"));
            }
            prev = self.tok();
            match self.tok() {
                Tok::Import => {
                    self.next()?;
                    self.group(|p, _| {
                        let s = p.import_spec()?;
                        imports.push(s);
                        Ok(())
                    })?;
                }
                Tok::Const | Tok::Var | Tok::Type => {
                    let d = self.gen_decl()?;
                    decls.push(Decl::Gen(d));
                }
                Tok::Func => {
                    let d = self.func_decl()?;
                    decls.push(Decl::Func(d));
                }
                _ => {
                    let after_bodiless_func =
                        matches!(decls.last(), Some(Decl::Func(f)) if f.body.is_none());
                    if self.tok() == Tok::Lbrace && after_bodiless_func {
                        return Err(self.syntax_error("unexpected semicolon or newline before {"));
                    }
                    return Err(
                        self.syntax_error("non-declaration statement outside function body")
                    );
                }
            }
            if self.tok() != Tok::Eof && !self.got(Tok::Semi)? {
                return Err(self.syntax_error("after top level declaration"));
            }
        }
        Ok(File {
            path: path.to_string(),
            package,
            imports,
            decls,
            linknames: Vec::new(),
        })
    }

    fn import_spec(&mut self) -> PResult<ImportSpec> {
        let pos = self.pos();
        let name = match self.tok() {
            Tok::Name => Some(self.name()?),
            Tok::Dot => {
                let id = Ident {
                    name: ".".into(),
                    pos: self.pos(),
                };
                self.next()?;
                Some(id)
            }
            _ => None,
        };
        if self.tok() != Tok::Literal {
            return Err(self.plain_error(self.pos(), "missing import path"));
        }
        if self.lx.kind != LitKind::String {
            return Err(self.plain_error(self.pos(), "import path must be a string"));
        }
        let path_pos = self.pos();
        let path = String::from_utf8_lossy(&self.lx.val).into_owned();
        self.next()?;
        Ok(ImportSpec {
            name,
            path,
            pos,
            path_pos,
        })
    }

    /// `var`, `const` or `type` declaration (single or grouped), the
    /// keyword being the current token.
    fn gen_decl(&mut self) -> PResult<GenDecl> {
        let kw = self.tok();
        self.next()?;
        match kw {
            Tok::Var => {
                let mut specs = Vec::new();
                self.group(|p, _| {
                    let s = p.var_spec()?;
                    specs.push(s);
                    Ok(())
                })?;
                Ok(GenDecl::Var(specs))
            }
            Tok::Const => {
                let mut specs: Vec<ValueSpec> = Vec::new();
                self.group(|p, i| {
                    let mut s = p.const_spec(i)?;
                    if i > 0 && s.ty.is_none() && s.values.is_empty() {
                        // implicit repetition of the previous type and values
                        if let Some(prev) = specs.last() {
                            let mut ty = prev.ty.clone();
                            let mut values = prev.values.clone();
                            if let Some(t) = ty.as_mut() {
                                renumber_expr(t, p.next_id);
                            }
                            for v in values.iter_mut() {
                                renumber_expr(v, p.next_id);
                            }
                            s.ty = ty;
                            s.values = values;
                        }
                    }
                    specs.push(s);
                    Ok(())
                })?;
                Ok(GenDecl::Const(specs))
            }
            _ => {
                let mut specs = Vec::new();
                self.group(|p, _| {
                    let s = p.type_spec()?;
                    specs.push(s);
                    Ok(())
                })?;
                Ok(GenDecl::Type(specs))
            }
        }
    }

    fn const_spec(&mut self, iota: u32) -> PResult<ValueSpec> {
        let pos = self.pos();
        let first = self.name()?;
        let names = self.name_list(first)?;
        let mut ty = None;
        let mut values = Vec::new();
        if !matches!(self.tok(), Tok::Eof | Tok::Semi | Tok::Rparen) {
            ty = self.type_or_nil()?;
            if self.got_assign()? {
                values = self.expr_list()?;
            }
        }
        Ok(ValueSpec {
            pos,
            names,
            ty,
            values,
            iota,
        })
    }

    fn var_spec(&mut self) -> PResult<ValueSpec> {
        let pos = self.pos();
        let first = self.name()?;
        let names = self.name_list(first)?;
        let mut ty = None;
        let mut values = Vec::new();
        if self.got_assign()? {
            values = self.expr_list()?;
        } else {
            ty = Some(self.type_()?);
            if self.got_assign()? {
                values = self.expr_list()?;
            }
        }
        Ok(ValueSpec {
            pos,
            names,
            ty,
            values,
            iota: 0,
        })
    }

    fn type_spec(&mut self) -> PResult<TypeSpec> {
        let pos = self.pos();
        let name = self.name()?;
        let mut alias = false;
        let mut tparams = Vec::new();
        let ty;
        if self.tok() == Tok::Lbrack {
            // an array or slice type, or a type parameter list
            let lpos = self.pos();
            self.next()?;
            match self.tok() {
                Tok::Name => {
                    // As Go's parser: parse an expression x; a name followed
                    // by a constraint (or by `,`) starts a type parameter
                    // list, anything else is an array length.
                    let n = self.cur_ident();
                    self.next()?;
                    let mut x = self.ident_expr(&n);
                    if self.tok() != Tok::Lbrack {
                        self.xnest += 1;
                        let px = self.pexpr(Some(x), false)?;
                        x = self.binary_expr(Some(px), 0)?;
                        self.xnest -= 1;
                    }
                    match extract_name(&x, self.tok() == Tok::Comma) {
                        Some((pname, ptype)) if ptype.is_some() || self.tok() != Tok::Rbrack => {
                            tparams = self.type_params(Some((pname, ptype)))?;
                            alias = self.got_assign()?;
                            ty = match self.type_or_nil()? {
                                Some(t) => t,
                                None => return Err(self.syntax_error("in type declaration")),
                            };
                        }
                        _ => ty = self.array_type(lpos, Some(x))?,
                    }
                }
                Tok::Rbrack => {
                    self.next()?;
                    let elem = self.type_()?;
                    ty = self.mk(
                        lpos,
                        ExprKind::ArrayType {
                            len: None,
                            elem: Box::new(elem),
                        },
                    );
                }
                _ => {
                    ty = self.array_type(lpos, None)?;
                }
            }
        } else {
            alias = self.got_assign()?;
            ty = match self.type_or_nil()? {
                Some(t) => t,
                None => return Err(self.syntax_error("in type declaration")),
            };
        }
        Ok(TypeSpec {
            pos,
            name,
            tparams,
            alias,
            ty,
        })
    }

    /// A type parameter list after its `[`, up to and including `]`; the
    /// first name, and possibly its constraint, may be parsed already.
    fn type_params(
        &mut self,
        mut first: Option<(Ident, Option<Expr>)>,
    ) -> PResult<Vec<TypeParamDecl>> {
        if first.is_none() && self.tok() == Tok::Rbrack {
            return Err(self.plain_error(self.pos(), "syntax error: empty type parameter list"));
        }
        let mut fields: Vec<(Ident, Option<Expr>)> = Vec::new();
        loop {
            let (name, ty) = match first.take() {
                Some(f) => f,
                None if self.tok() == Tok::Rbrack => break,
                None => (self.name()?, None),
            };
            let ty = match ty {
                Some(t) => Some(t),
                None if !matches!(self.tok(), Tok::Comma | Tok::Rbrack) => {
                    Some(self.constraint_elem()?)
                }
                None => None,
            };
            fields.push((name, ty));
            if !self.got(Tok::Comma)? {
                break;
            }
        }
        let end = self.pos();
        self.want(Tok::Rbrack)?;
        // `K, V any`: a name without a constraint takes the next one's.
        let mut out = Vec::with_capacity(fields.len());
        let mut constraint: Option<Expr> = None;
        for (name, t) in fields.into_iter().rev() {
            if let Some(t) = t {
                constraint = Some(t);
            }
            match &constraint {
                Some(c) => out.push(TypeParamDecl {
                    name,
                    constraint: c.clone(),
                }),
                None => return Err(self.syntax_error_at(end, "missing type constraint")),
            }
        }
        out.reverse();
        Ok(out)
    }

    /// A constraint element: a union of terms `T` or `~T` joined by `|`.
    fn constraint_elem(&mut self) -> PResult<Expr> {
        let x = self.constraint_term()?;
        self.union_rest(x)
    }

    /// The rest of a union whose first term `x` is parsed: `| T | ~U ...`.
    fn union_rest(&mut self, mut x: Expr) -> PResult<Expr> {
        while self.tok() == Tok::Operator && self.lx.op == Op::Bin(BinOp::Or) {
            let op_pos = self.pos();
            self.next()?;
            let y = self.constraint_term()?;
            x = self.mk(
                x.pos,
                ExprKind::Binary {
                    op: BinOp::Or,
                    op_pos,
                    x: Box::new(x),
                    y: Box::new(y),
                },
            );
        }
        Ok(x)
    }

    fn constraint_term(&mut self) -> PResult<Expr> {
        if self.tok() == Tok::Operator && self.lx.op == Op::Tilde {
            let pos = self.pos();
            self.next()?;
            let t = self.type_()?;
            return Ok(self.mk(pos, ExprKind::Unary(UnOp::Tilde, Box::new(t))));
        }
        match self.type_or_nil()? {
            Some(t) => Ok(t),
            None => Err(self.syntax_error("expected ~ term or type")),
        }
    }

    fn func_decl(&mut self) -> PResult<FuncDecl> {
        let pos = self.pos();
        self.next()?; // func
        let mut recv = None;
        let has_recv = self.tok() == Tok::Lparen;
        if has_recv {
            self.next()?;
            let mut list = self.param_list(Tok::Rparen, false)?;
            match list.len() {
                0 => return Err(self.plain_error(self.pos(), "method has no receiver")),
                1 => recv = list.pop(),
                _ => return Err(self.plain_error(self.pos(), "method has multiple receivers")),
            }
        }
        if self.tok() != Tok::Name {
            let msg = if has_recv {
                "expected name"
            } else {
                "expected name or ("
            };
            return Err(self.syntax_error(msg));
        }
        let name = self.name()?;
        let mut tparams = Vec::new();
        if self.tok() == Tok::Lbrack {
            let lpos = self.pos();
            self.next()?;
            tparams = self.type_params(None)?;
            if has_recv {
                return Err(
                    self.plain_error(lpos, "syntax error: method must have no type parameters")
                );
            }
        }
        let sig = self.signature(pos)?;
        let body = if self.tok() == Tok::Lbrace {
            Some(self.func_body()?)
        } else {
            None
        };
        Ok(FuncDecl {
            pos,
            recv,
            name,
            tparams,
            sig,
            body,
        })
    }

    fn func_body(&mut self) -> PResult<Block> {
        self.block("")
    }

    // ------------------------------------------------------------------
    // Expressions

    fn expr(&mut self) -> PResult<Expr> {
        self.binary_expr(None, 0)
    }

    fn expr_list(&mut self) -> PResult<Vec<Expr>> {
        let mut l = vec![self.expr()?];
        while self.got(Tok::Comma)? {
            l.push(self.expr()?);
        }
        Ok(l)
    }

    fn binary_expr(&mut self, x: Option<Expr>, prec: u8) -> PResult<Expr> {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr()?,
        };
        while matches!(self.tok(), Tok::Operator | Tok::Star) && self.lx.prec > prec {
            let op = match self.lx.op {
                Op::Bin(b) => b,
                _ => break,
            };
            let op_pos = self.pos();
            let tprec = self.lx.prec;
            self.next()?;
            let y = self.binary_expr(None, tprec)?;
            x = self.mk(
                x.pos,
                ExprKind::Binary {
                    op,
                    op_pos,
                    x: Box::new(x),
                    y: Box::new(y),
                },
            );
        }
        Ok(x)
    }

    fn unary_expr(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.unary_expr_inner();
        self.leave();
        r
    }

    fn unary_expr_inner(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        match self.tok() {
            Tok::Operator | Tok::Star => {
                let op = match self.lx.op {
                    Op::Bin(BinOp::Mul) => None,
                    Op::Bin(BinOp::Add) => Some(UnOp::Plus),
                    Op::Bin(BinOp::Sub) => Some(UnOp::Neg),
                    Op::Not => Some(UnOp::Not),
                    Op::Bin(BinOp::Xor) => Some(UnOp::BitNot),
                    Op::Bin(BinOp::And) => Some(UnOp::Addr),
                    Op::Tilde => {
                        return Err(
                            self.plain_error(pos, "cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)")
                        )
                    }
                    _ => return self.pexpr(None, true),
                };
                self.next()?;
                let x = self.unary_expr()?;
                let kind = match op {
                    None => ExprKind::Star(Box::new(x)),
                    Some(op) => ExprKind::Unary(op, Box::new(x)),
                };
                Ok(self.mk(pos, kind))
            }
            Tok::Arrow => {
                self.next()?;
                let mut x = self.unary_expr()?;
                if let ExprKind::ChanType(..) = x.kind {
                    // <-chan T: re-associate the arrow with the channel type
                    match reassoc_recv(&mut x) {
                        Ok(()) => {}
                        Err(None) => return Err(self.syntax_error("unexpected <-, expected chan")),
                        Err(Some(s)) => {
                            return Err(
                                self.syntax_error(&format!("unexpected {}, expected chan", s))
                            )
                        }
                    }
                    x.pos = pos;
                    return Ok(x);
                }
                Ok(self.mk(pos, ExprKind::Unary(UnOp::Recv, Box::new(x))))
            }
            _ => self.pexpr(None, true),
        }
    }

    fn operand(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        match self.tok() {
            Tok::Name => {
                let id = self.cur_ident();
                self.next()?;
                Ok(self.mk(id.pos, ExprKind::Ident(id.name)))
            }
            Tok::Literal => self.literal(),
            Tok::Lparen => {
                self.next()?;
                self.xnest += 1;
                let x = self.expr()?;
                self.xnest -= 1;
                self.want(Tok::Rparen)?;
                Ok(self.mk(pos, ExprKind::Paren(Box::new(x))))
            }
            Tok::Func => self.func_lit_or_type(),
            Tok::Lbrack | Tok::Chan | Tok::Map | Tok::Struct | Tok::Interface => self.type_(),
            _ => Err(self.syntax_error("expected expression")),
        }
    }

    #[inline(never)]
    fn func_lit_or_type(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        self.next()?; // func
        if self.tok() == Tok::Lbrack {
            return Err(self.syntax_error("function type must have no type parameters"));
        }
        let sig = self.signature(pos)?;
        if self.tok() == Tok::Lbrace {
            self.xnest += 1;
            let body = self.func_body()?;
            self.xnest -= 1;
            Ok(self.mk(pos, ExprKind::FuncLit { sig, body }))
        } else {
            Ok(self.mk(pos, ExprKind::FuncType(sig)))
        }
    }

    /// PrimaryExpr: an operand followed by selectors, indices, slices, type
    /// assertions, calls and composite-literal bodies. (Each suffix is
    /// parsed by its own function to keep this recursive path's frame small.)
    fn pexpr(&mut self, x: Option<Expr>, _keep_parens: bool) -> PResult<Expr> {
        let mut x = match x {
            Some(x) => x,
            None => self.operand()?,
        };
        loop {
            x = match self.tok() {
                Tok::Dot => self.selector_or_assert(x)?,
                Tok::Lbrack => self.index_or_slice(x)?,
                Tok::Lparen => self.call(x)?,
                Tok::Lbrace => {
                    // a composite literal, or the block after a header?
                    if !self.complit_ok(&x) {
                        break;
                    }
                    if let ExprKind::Paren(_) = x.kind {
                        return Err(
                            self.syntax_error("cannot parenthesize type in composite literal")
                        );
                    }
                    self.complit(Some(x))?
                }
                _ => break,
            };
        }
        Ok(x)
    }

    fn complit_ok(&self, x: &Expr) -> bool {
        let t = unparen(x);
        match &t.kind {
            ExprKind::Ident(_) | ExprKind::Selector(..) => self.xnest >= 0,
            ExprKind::Index(..) => self.xnest >= 0 && !is_value(t),
            ExprKind::ArrayType { .. } | ExprKind::StructType(_) | ExprKind::MapType(..) => true,
            _ => false,
        }
    }

    #[inline(never)]
    fn selector_or_assert(&mut self, x: Expr) -> PResult<Expr> {
        self.next()?; // .
        match self.tok() {
            Tok::Name => {
                let sel = self.name()?;
                Ok(self.mk(x.pos, ExprKind::Selector(Box::new(x), sel)))
            }
            Tok::Lparen => {
                self.next()?;
                let r = if self.got(Tok::Type)? {
                    self.mk(x.pos, ExprKind::TypeAssert(Box::new(x), None))
                } else {
                    let t = self.type_()?;
                    self.mk(x.pos, ExprKind::TypeAssert(Box::new(x), Some(Box::new(t))))
                };
                self.want(Tok::Rparen)?;
                Ok(r)
            }
            _ => Err(self.syntax_error("expected name or (")),
        }
    }

    #[inline(never)]
    fn index_or_slice(&mut self, x: Expr) -> PResult<Expr> {
        self.next()?; // [
        let mut lo = None;
        if self.tok() != Tok::Colon {
            if self.tok() == Tok::Rbrack {
                return Err(self.syntax_error("expected operand"));
            }
            let (mut list, comma) = self.type_list(false)?;
            if comma || self.tok() == Tok::Rbrack {
                self.want(Tok::Rbrack)?;
                return Ok(self.mk(x.pos, ExprKind::Index(Box::new(x), list)));
            }
            lo = list.pop().map(Box::new);
        }
        if !self.got(Tok::Colon)? {
            return Err(self.syntax_error("expected comma, : or ]"));
        }
        self.xnest += 1;
        let mut hi = None;
        let mut max = None;
        let mut three = false;
        if self.tok() != Tok::Colon && self.tok() != Tok::Rbrack {
            hi = Some(Box::new(self.expr()?));
        }
        if self.tok() == Tok::Colon {
            three = true;
            if hi.is_none() {
                return Err(self.plain_error(self.pos(), "middle index required in 3-index slice"));
            }
            self.next()?;
            if self.tok() != Tok::Rbrack {
                max = Some(Box::new(self.expr()?));
            } else {
                return Err(self.plain_error(self.pos(), "final index required in 3-index slice"));
            }
        }
        self.xnest -= 1;
        self.want(Tok::Rbrack)?;
        Ok(self.mk(
            x.pos,
            ExprKind::Slice {
                x: Box::new(x),
                lo,
                hi,
                max,
                three,
            },
        ))
    }

    #[inline(never)]
    fn call(&mut self, x: Expr) -> PResult<Expr> {
        self.next()?; // (
        let (args, ellipsis, rparen) = self.arg_list()?;
        Ok(self.mk(
            x.pos,
            ExprKind::Call {
                func: Box::new(x),
                args,
                ellipsis,
                rparen,
            },
        ))
    }

    /// `{ elements }`, with the literal's type if written.
    #[inline(never)]
    fn complit(&mut self, ty: Option<Expr>) -> PResult<Expr> {
        self.enter()?;
        let pos = match &ty {
            Some(t) => t.pos,
            None => self.pos(),
        };
        self.xnest += 1;
        self.want(Tok::Lbrace)?;
        let mut elts = Vec::new();
        let rbrace = self.list("composite literal", Tok::Comma, Tok::Rbrace, |p| {
            let mut e = p.bare_complit()?;
            if p.tok() == Tok::Colon {
                p.next()?;
                let v = p.bare_complit()?;
                e = p.mk(e.pos, ExprKind::KeyValue(Box::new(e), Box::new(v)));
            }
            elts.push(e);
            Ok(false)
        })?;
        self.xnest -= 1;
        self.leave();
        Ok(self.mk(
            pos,
            ExprKind::CompositeLit {
                ty: ty.map(Box::new),
                elts,
                rbrace,
            },
        ))
    }

    fn bare_complit(&mut self) -> PResult<Expr> {
        if self.tok() == Tok::Lbrace {
            self.complit(None)
        } else {
            self.expr()
        }
    }

    fn arg_list(&mut self) -> PResult<(Vec<Expr>, Option<Pos>, Pos)> {
        self.xnest += 1;
        let mut args = Vec::new();
        let mut ellipsis = None;
        let rparen = self.list("argument list", Tok::Comma, Tok::Rparen, |p| {
            args.push(p.expr()?);
            if p.tok() == Tok::DotDotDot {
                ellipsis = Some(p.pos());
                p.next()?;
                return Ok(true);
            }
            Ok(false)
        })?;
        self.xnest -= 1;
        Ok((args, ellipsis, rparen))
    }

    /// A non-empty comma-separated list: the first element an expression
    /// (or a type if `strict`), the rest types. Also reports whether there
    /// was a comma.
    fn type_list(&mut self, strict: bool) -> PResult<(Vec<Expr>, bool)> {
        self.xnest += 1;
        let first = if strict { self.type_()? } else { self.expr()? };
        let mut list = vec![first];
        let mut comma = false;
        if self.got(Tok::Comma)? {
            comma = true;
            if let Some(t) = self.type_or_nil()? {
                list.push(t);
                while self.got(Tok::Comma)? {
                    match self.type_or_nil()? {
                        Some(t) => list.push(t),
                        None => break,
                    }
                }
            }
        }
        self.xnest -= 1;
        Ok((list, comma))
    }

    // ------------------------------------------------------------------
    // Types

    fn type_(&mut self) -> PResult<Expr> {
        match self.type_or_nil()? {
            Some(t) => Ok(t),
            None => Err(self.syntax_error("expected type")),
        }
    }

    fn type_or_nil(&mut self) -> PResult<Option<Expr>> {
        self.enter()?;
        let r = self.type_or_nil_inner();
        self.leave();
        r
    }

    fn type_or_nil_inner(&mut self) -> PResult<Option<Expr>> {
        let pos = self.pos();
        let t = match self.tok() {
            Tok::Star => {
                self.next()?;
                let t = self.type_()?;
                self.mk(pos, ExprKind::Star(Box::new(t)))
            }
            Tok::Arrow => {
                self.next()?;
                self.want(Tok::Chan)?;
                let elem = self.chan_elem()?;
                self.mk(pos, ExprKind::ChanType(ChanDir::Recv, Box::new(elem)))
            }
            Tok::Func => {
                self.next()?;
                if self.tok() == Tok::Lbrack {
                    return Err(self.syntax_error("function type must have no type parameters"));
                }
                let sig = self.signature(pos)?;
                self.mk(pos, ExprKind::FuncType(sig))
            }
            Tok::Lbrack => {
                self.next()?;
                if self.got(Tok::Rbrack)? {
                    let elem = self.type_()?;
                    self.mk(
                        pos,
                        ExprKind::ArrayType {
                            len: None,
                            elem: Box::new(elem),
                        },
                    )
                } else {
                    self.array_type(pos, None)?
                }
            }
            Tok::Chan => {
                self.next()?;
                let dir = if self.got(Tok::Arrow)? {
                    ChanDir::Send
                } else {
                    ChanDir::Both
                };
                let elem = self.chan_elem()?;
                self.mk(pos, ExprKind::ChanType(dir, Box::new(elem)))
            }
            Tok::Map => {
                self.next()?;
                self.want(Tok::Lbrack)?;
                let k = self.type_()?;
                self.want(Tok::Rbrack)?;
                let v = self.type_()?;
                self.mk(pos, ExprKind::MapType(Box::new(k), Box::new(v)))
            }
            Tok::Struct => self.struct_type()?,
            Tok::Interface => self.interface_type()?,
            Tok::Name => self.qualified_name(None)?,
            Tok::Lparen => {
                self.next()?;
                let t = self.type_()?;
                self.want(Tok::Rparen)?;
                self.mk(pos, ExprKind::Paren(Box::new(t)))
            }
            _ => return Ok(None),
        };
        Ok(Some(t))
    }

    /// `name [. name] [type args]`, the first name possibly given.
    fn qualified_name(&mut self, name: Option<Ident>) -> PResult<Expr> {
        let id = match name {
            Some(n) => n,
            None => self.name()?,
        };
        let mut x = self.ident_expr(&id);
        if self.tok() == Tok::Dot {
            self.next()?;
            let sel = self.name()?;
            x = self.mk(x.pos, ExprKind::Selector(Box::new(x), sel));
        }
        if self.tok() == Tok::Lbrack {
            x = self.type_instance(x)?;
        }
        Ok(x)
    }

    fn type_instance(&mut self, x: Expr) -> PResult<Expr> {
        self.want(Tok::Lbrack)?;
        if self.tok() == Tok::Rbrack {
            return Err(self.syntax_error("expected type argument list"));
        }
        let (list, _) = self.type_list(true)?;
        self.want(Tok::Rbrack)?;
        Ok(self.mk(x.pos, ExprKind::Index(Box::new(x), list)))
    }

    /// After `[` (at `pos`): `[N]T` or `[...]T`, `len` possibly parsed.
    fn array_type(&mut self, pos: Pos, len: Option<Expr>) -> PResult<Expr> {
        let len = match len {
            Some(l) => l,
            None => {
                if self.tok() == Tok::DotDotDot {
                    let dpos = self.pos();
                    self.next()?;
                    self.mk(dpos, ExprKind::Ellipsis(None))
                } else {
                    self.xnest += 1;
                    let l = self.expr()?;
                    self.xnest -= 1;
                    l
                }
            }
        };
        if self.tok() == Tok::Comma {
            return Err(self.syntax_error("unexpected comma; expected ]"));
        }
        self.want(Tok::Rbrack)?;
        let elem = self.type_()?;
        Ok(self.mk(
            pos,
            ExprKind::ArrayType {
                len: Some(Box::new(len)),
                elem: Box::new(elem),
            },
        ))
    }

    /// After a field or parameter name: `[]E`, `[N]E`, or type arguments.
    fn array_or_targs(&mut self) -> PResult<ArrayOrTArgs> {
        let pos = self.pos();
        self.want(Tok::Lbrack)?;
        if self.got(Tok::Rbrack)? {
            let elem = self.type_()?;
            return Ok(ArrayOrTArgs::Type(self.mk(
                pos,
                ExprKind::ArrayType {
                    len: None,
                    elem: Box::new(elem),
                },
            )));
        }
        let (mut list, comma) = self.type_list(false)?;
        self.want(Tok::Rbrack)?;
        if !comma {
            if let Some(elem) = self.type_or_nil()? {
                let len = list.pop().map(Box::new);
                return Ok(ArrayOrTArgs::Type(self.mk(
                    pos,
                    ExprKind::ArrayType {
                        len,
                        elem: Box::new(elem),
                    },
                )));
            }
        }
        Ok(ArrayOrTArgs::TArgs(list))
    }

    fn chan_elem(&mut self) -> PResult<Expr> {
        match self.type_or_nil()? {
            Some(t) => Ok(t),
            None => Err(self.syntax_error("missing channel element type")),
        }
    }

    #[inline(never)]
    fn struct_type(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        self.want(Tok::Struct)?;
        self.want(Tok::Lbrace)?;
        let mut fields = Vec::new();
        self.list("struct type", Tok::Semi, Tok::Rbrace, |p| {
            let f = p.field_decl()?;
            fields.push(f);
            Ok(false)
        })?;
        Ok(self.mk(pos, ExprKind::StructType(fields)))
    }

    fn tag(&mut self) -> PResult<Option<String>> {
        if self.tok() != Tok::Literal {
            return Ok(None);
        }
        let s = if self.lx.kind == LitKind::String {
            String::from_utf8_lossy(&self.lx.val).into_owned()
        } else {
            String::from_utf8_lossy(self.lx.text()).into_owned()
        };
        self.next()?;
        Ok(Some(s))
    }

    fn field_decl(&mut self) -> PResult<FieldDecl> {
        let pos = self.pos();
        match self.tok() {
            Tok::Name => {
                let name = self.cur_ident();
                self.next()?;
                if matches!(
                    self.tok(),
                    Tok::Dot | Tok::Literal | Tok::Semi | Tok::Rbrace
                ) {
                    // embedded type
                    let ty = self.qualified_name(Some(name))?;
                    let tag = self.tag()?;
                    return Ok(FieldDecl {
                        pos,
                        names: Vec::new(),
                        ty,
                        tag,
                    });
                }
                let names = self.name_list(name)?;
                let ty;
                if names.len() == 1 && self.tok() == Tok::Lbrack {
                    match self.array_or_targs()? {
                        ArrayOrTArgs::Type(t) => ty = t,
                        ArrayOrTArgs::TArgs(args) => {
                            // embedded instantiated type
                            let n = self.ident_expr(&names[0]);
                            let ty = self.mk(n.pos, ExprKind::Index(Box::new(n), args));
                            let tag = self.tag()?;
                            return Ok(FieldDecl {
                                pos,
                                names: Vec::new(),
                                ty,
                                tag,
                            });
                        }
                    }
                } else {
                    ty = self.type_()?;
                }
                let tag = self.tag()?;
                Ok(FieldDecl {
                    pos,
                    names,
                    ty,
                    tag,
                })
            }
            Tok::Star => {
                self.next()?;
                if self.tok() == Tok::Lparen {
                    return Err(self.syntax_error("cannot parenthesize embedded type"));
                }
                let t = self.qualified_name(None)?;
                let ty = self.mk(pos, ExprKind::Star(Box::new(t)));
                let tag = self.tag()?;
                Ok(FieldDecl {
                    pos,
                    names: Vec::new(),
                    ty,
                    tag,
                })
            }
            Tok::Lparen => Err(self.syntax_error("cannot parenthesize embedded type")),
            _ => Err(self.syntax_error("expected field name or embedded type")),
        }
    }

    #[inline(never)]
    fn interface_type(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        self.want(Tok::Interface)?;
        self.want(Tok::Lbrace)?;
        let mut elems = Vec::new();
        self.list("interface type", Tok::Semi, Tok::Rbrace, |p| {
            let e = if p.tok() == Tok::Name {
                let name = p.cur_ident();
                p.next()?;
                match p.tok() {
                    Tok::Lparen => {
                        let sig = p.signature(name.pos)?;
                        InterfaceElem::Method { name, sig }
                    }
                    Tok::Lbrack => {
                        // an embedded instantiated type I[T], or a method with
                        // type parameters m[P any]()
                        let lpos = p.pos();
                        p.next()?;
                        if p.tok() == Tok::Rbrack {
                            return Err(p.syntax_error("expected type argument list"));
                        }
                        let (list, _) = p.type_list(true)?;
                        if p.tok() != Tok::Rbrack {
                            return Err(p.plain_error(
                                lpos,
                                "interface method must have no type parameters",
                            ));
                        }
                        p.next()?;
                        if p.tok() == Tok::Lparen {
                            return Err(p.plain_error(
                                lpos,
                                "interface method must have no type parameters",
                            ));
                        }
                        let x = p.ident_expr(&name);
                        InterfaceElem::Embedded(p.mk(x.pos, ExprKind::Index(Box::new(x), list)))
                    }
                    _ => InterfaceElem::Embedded(p.qualified_name(Some(name))?),
                }
            } else if p.tok() == Tok::Operator && p.lx.op == Op::Tilde {
                InterfaceElem::Embedded(p.constraint_term()?)
            } else {
                match p.type_or_nil()? {
                    Some(t) => InterfaceElem::Embedded(t),
                    None => return Err(p.syntax_error("expected ~ term or type")),
                }
            };
            // `A | ~B | ...`: a union of terms.
            let e = match e {
                InterfaceElem::Embedded(x) => InterfaceElem::Embedded(p.union_rest(x)?),
                m => m,
            };
            elems.push(e);
            Ok(false)
        })?;
        Ok(self.mk(pos, ExprKind::InterfaceType(elems)))
    }

    /// `(params) results`, the `(` being current; `pos` is the position
    /// recorded for the signature.
    fn signature(&mut self, pos: Pos) -> PResult<FuncType> {
        self.want(Tok::Lparen)?;
        let params = self.param_list(Tok::Rparen, true)?;
        let results = self.func_result()?;
        Ok(FuncType {
            pos,
            params,
            results,
        })
    }

    fn func_result(&mut self) -> PResult<Vec<Param>> {
        if self.got(Tok::Lparen)? {
            return self.param_list(Tok::Rparen, false);
        }
        match self.type_or_nil()? {
            Some(t) => Ok(vec![Param { name: None, ty: t }]),
            None => Ok(Vec::new()),
        }
    }

    /// `[name] [...] Type`, or a bare name that may turn out a type.
    fn param_decl(&mut self, close: Tok) -> PResult<(Option<Ident>, Option<Expr>)> {
        let mut name = None;
        if self.tok() == Tok::Name {
            let id = self.cur_ident();
            self.next()?;
            if self.tok() == Tok::Lbrack {
                return match self.array_or_targs()? {
                    ArrayOrTArgs::Type(t) => Ok((Some(id), Some(t))),
                    ArrayOrTArgs::TArgs(args) => {
                        let n = self.ident_expr(&id);
                        Ok((
                            None,
                            Some(self.mk(n.pos, ExprKind::Index(Box::new(n), args))),
                        ))
                    }
                };
            }
            if self.tok() == Tok::Dot {
                return Ok((None, Some(self.qualified_name(Some(id))?)));
            }
            name = Some(id);
        }
        if self.tok() == Tok::DotDotDot {
            let dpos = self.pos();
            self.next()?;
            return match self.type_or_nil()? {
                Some(t) => Ok((
                    name,
                    Some(self.mk(dpos, ExprKind::Ellipsis(Some(Box::new(t))))),
                )),
                None => Err(self.syntax_error("... is missing type")),
            };
        }
        let t = self.type_or_nil()?;
        if name.is_some() || t.is_some() {
            return Ok((name, t));
        }
        Err(self.syntax_error(&format!("expected {}", tokstring(close))))
    }

    /// A parameter list after its `(`, up to and including `close`.
    fn param_list(&mut self, close: Tok, dddok: bool) -> PResult<Vec<Param>> {
        let mut fields: Vec<(Option<Ident>, Option<Expr>)> = Vec::new();
        let mut named = 0;
        let mut typed = 0;
        let end = self.list("parameter list", Tok::Comma, close, |p| {
            let (n, t) = p.param_decl(close)?;
            if n.is_some() && t.is_some() {
                named += 1;
            }
            if t.is_some() {
                typed += 1;
            }
            fields.push((n, t));
            Ok(false)
        })?;
        if fields.is_empty() {
            return Ok(Vec::new());
        }
        let mut params = Vec::with_capacity(fields.len());
        if named == 0 {
            // all unnamed: lone names are types
            for (n, t) in fields {
                let ty = match (n, t) {
                    (_, Some(t)) => t,
                    (Some(n), None) => self.ident_expr(&n),
                    (None, None) => unreachable!(),
                };
                params.push(Param { name: None, ty });
            }
        } else if named != fields.len() {
            // some named: all must be; distribute types right to left
            let mut err_pos: Option<Pos> = None;
            let mut typ: Option<Expr> = None;
            for (n, t) in fields.into_iter().rev() {
                match t {
                    Some(t) => {
                        if n.is_none() {
                            err_pos = Some(t.pos);
                        }
                        typ = Some(t.clone());
                        params.push(Param { name: n, ty: t });
                    }
                    None => {
                        let ty = match &typ {
                            Some(t) => t.clone(),
                            None => {
                                let np = n.as_ref().map(|n| n.pos).unwrap_or(end);
                                err_pos = Some(np);
                                self.bad(np)
                            }
                        };
                        params.push(Param { name: n, ty });
                    }
                }
            }
            params.reverse();
            if let Some(ep) = err_pos {
                if named == typed {
                    return Err(self.syntax_error_at(end, "missing parameter type"));
                }
                return Err(self.syntax_error_at(ep, "missing parameter name"));
            }
        } else {
            for (n, t) in fields {
                params.push(Param {
                    name: n,
                    ty: t.unwrap(),
                });
            }
        }
        let last = params.len() - 1;
        for (i, par) in params.iter().enumerate() {
            if let ExprKind::Ellipsis(_) = par.ty.kind {
                if !dddok || i < last {
                    let msg = if dddok {
                        "can only use ... with final parameter"
                    } else {
                        "invalid use of ..."
                    };
                    return Err(self.plain_error(par.ty.pos, msg));
                }
            }
        }
        Ok(params)
    }

    // ------------------------------------------------------------------
    // Statements

    fn block(&mut self, context: &str) -> PResult<Block> {
        let lbrace = self.pos();
        if !self.got(Tok::Lbrace)? {
            return Err(self.syntax_error(&format!("expected {{ after {}", context)));
        }
        let stmts = self.stmt_list()?;
        let rbrace = self.pos();
        self.want(Tok::Rbrace)?;
        Ok(Block {
            lbrace,
            stmts,
            rbrace,
        })
    }

    fn stmt_list(&mut self) -> PResult<Vec<Stmt>> {
        let mut l = Vec::new();
        while !matches!(
            self.tok(),
            Tok::Eof | Tok::Rbrace | Tok::Case | Tok::Default
        ) {
            let s = match self.stmt_or_nil()? {
                Some(s) => s,
                None => break,
            };
            l.push(s);
            if !self.got(Tok::Semi)? && self.tok() != Tok::Rbrace {
                return Err(self.syntax_error("at end of statement"));
            }
        }
        Ok(l)
    }

    fn stmt_or_nil(&mut self) -> PResult<Option<Stmt>> {
        self.enter()?;
        let r = self.stmt_or_nil_inner();
        self.leave();
        r
    }

    fn simple_to_stmt(&mut self, s: Simple) -> Stmt {
        match s {
            Simple::Stmt(s, _) => s,
            Simple::Guard { lhs, assert } => {
                let pos = lhs.pos;
                // Only a switch tag gives `v := x.(type)` a meaning; elsewhere
                // it stays an assignment for the checker to reject.
                Stmt {
                    pos: lhs.pos,
                    kind: StmtKind::Assign {
                        lhs: vec![lhs],
                        rhs: vec![assert],
                        op: None,
                        define: true,
                        op_pos: pos,
                    },
                }
            }
            Simple::Range { .. } => unreachable!("range outside for header"),
        }
    }

    /// Dispatches on the first token; the statement kinds are parsed by
    /// separate functions so that the frame on the recursive path of
    /// nested blocks stays small.
    fn stmt_or_nil_inner(&mut self) -> PResult<Option<Stmt>> {
        let s = match self.tok() {
            Tok::Name => self.name_stmt()?,
            Tok::Var | Tok::Const | Tok::Type => self.decl_stmt()?,
            Tok::Lbrace => self.block_stmt()?,
            Tok::Operator | Tok::Star => match self.lx.op {
                Op::Bin(BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::And | BinOp::Xor)
                | Op::Not => self.plain_simple_stmt()?,
                _ => return Ok(None),
            },
            Tok::Literal
            | Tok::Func
            | Tok::Lparen
            | Tok::Lbrack
            | Tok::Struct
            | Tok::Map
            | Tok::Chan
            | Tok::Interface
            | Tok::Arrow => self.plain_simple_stmt()?,
            Tok::For => self.for_stmt()?,
            Tok::Switch => self.switch_stmt()?,
            Tok::Select => self.select_stmt()?,
            Tok::If => self.if_stmt()?,
            Tok::Fallthrough | Tok::Break | Tok::Continue | Tok::Goto => self.branch_stmt()?,
            Tok::Go | Tok::Defer => self.go_defer_stmt()?,
            Tok::Return => self.return_stmt()?,
            Tok::Semi => Stmt {
                pos: self.pos(),
                kind: StmtKind::Empty,
            },
            _ => return Ok(None),
        };
        Ok(Some(s))
    }

    #[inline(never)]
    fn name_stmt(&mut self) -> PResult<Stmt> {
        let lhs = self.expr_list()?;
        if self.tok() == Tok::Colon && lhs.len() == 1 {
            if let ExprKind::Ident(name) = &lhs[0].kind {
                let label = Ident {
                    name: name.clone(),
                    pos: lhs[0].pos,
                };
                return self.labeled_stmt(label);
            }
        }
        let s = self.simple_stmt(Some(lhs), None)?;
        Ok(self.simple_to_stmt(s))
    }

    #[inline(never)]
    fn plain_simple_stmt(&mut self) -> PResult<Stmt> {
        let s = self.simple_stmt(None, None)?;
        Ok(self.simple_to_stmt(s))
    }

    #[inline(never)]
    fn decl_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        let d = self.gen_decl()?;
        Ok(Stmt {
            pos,
            kind: StmtKind::Decl(d),
        })
    }

    #[inline(never)]
    fn block_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        let b = self.block("")?;
        Ok(Stmt {
            pos,
            kind: StmtKind::Block(b),
        })
    }

    #[inline(never)]
    fn branch_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        let tok = self.tok();
        self.next()?;
        let kind = match tok {
            Tok::Fallthrough => StmtKind::Branch(BranchKind::Fallthrough, None),
            Tok::Goto => StmtKind::Branch(BranchKind::Goto, Some(self.name()?)),
            _ => {
                let k = if tok == Tok::Break {
                    BranchKind::Break
                } else {
                    BranchKind::Continue
                };
                let label = if self.tok() == Tok::Name {
                    Some(self.name()?)
                } else {
                    None
                };
                StmtKind::Branch(k, label)
            }
        };
        Ok(Stmt { pos, kind })
    }

    #[inline(never)]
    fn go_defer_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        let is_go = self.tok() == Tok::Go;
        self.next()?;
        let keep = self.tok() == Tok::Lparen;
        let x = self.pexpr(None, keep)?;
        if let ExprKind::Paren(_) = x.kind {
            let kw = if is_go { "go" } else { "defer" };
            return Err(self.plain_error(
                x.pos,
                &format!("expression in {} must not be parenthesized", kw),
            ));
        }
        Ok(Stmt {
            pos,
            kind: if is_go {
                StmtKind::Go(x)
            } else {
                StmtKind::Defer(x)
            },
        })
    }

    #[inline(never)]
    fn return_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        self.next()?;
        let results = if self.tok() != Tok::Semi && self.tok() != Tok::Rbrace {
            self.expr_list()?
        } else {
            Vec::new()
        };
        Ok(Stmt {
            pos,
            kind: StmtKind::Return(results),
        })
    }

    #[inline(never)]
    fn labeled_stmt(&mut self, label: Ident) -> PResult<Stmt> {
        let colon = self.pos();
        self.want(Tok::Colon)?;
        let pos = label.pos;
        if self.tok() == Tok::Rbrace {
            let e = Stmt {
                pos: self.pos(),
                kind: StmtKind::Empty,
            };
            return Ok(Stmt {
                pos,
                kind: StmtKind::Labeled(label, Box::new(e)),
            });
        }
        match self.stmt_or_nil()? {
            Some(s) => Ok(Stmt {
                pos,
                kind: StmtKind::Labeled(label, Box::new(s)),
            }),
            None => Err(self.syntax_error_at(colon, "missing statement after label")),
        }
    }

    /// SimpleStmt. `keyword` is the statement header being parsed, if any
    /// (`for` accepts a range clause, `switch` a type switch guard).
    #[inline(never)]
    fn simple_stmt(&mut self, lhs: Option<Vec<Expr>>, keyword: Option<Tok>) -> PResult<Simple> {
        if keyword == Some(Tok::For) && self.tok() == Tok::Range {
            self.next()?;
            let x = self.expr()?;
            return Ok(Simple::Range {
                lhs: Vec::new(),
                define: false,
                x,
            });
        }
        let mut lhs = match lhs {
            Some(l) => l,
            None => self.expr_list()?,
        };
        let start = lhs[0].pos;
        if lhs.len() == 1 && self.tok() != Tok::Assign && self.tok() != Tok::Define {
            let pos = self.pos();
            let x = lhs.pop().unwrap();
            return Ok(match self.tok() {
                Tok::AssignOp => {
                    let op = match self.lx.op {
                        Op::Bin(b) => b,
                        _ => BinOp::Add,
                    };
                    self.next()?;
                    let y = self.expr()?;
                    Simple::Stmt(
                        Stmt {
                            pos: start,
                            kind: StmtKind::Assign {
                                lhs: vec![x],
                                rhs: vec![y],
                                op: Some(op),
                                define: false,
                                op_pos: pos,
                            },
                        },
                        pos,
                    )
                }
                Tok::IncOp => {
                    let inc = self.lx.op == Op::Bin(BinOp::Add);
                    self.next()?;
                    Simple::Stmt(
                        Stmt {
                            pos: start,
                            kind: StmtKind::IncDec(x, inc),
                        },
                        pos,
                    )
                }
                Tok::Arrow => {
                    self.next()?;
                    let v = self.expr()?;
                    Simple::Stmt(
                        Stmt {
                            pos: start,
                            kind: StmtKind::Send(x, v),
                        },
                        pos,
                    )
                }
                _ => Simple::Stmt(
                    Stmt {
                        pos: start,
                        kind: StmtKind::Expr(x),
                    },
                    start,
                ),
            });
        }
        match self.tok() {
            Tok::Assign | Tok::Define => {
                let pos = self.pos();
                let define = self.tok() == Tok::Define;
                self.next()?;
                if keyword == Some(Tok::For) && self.tok() == Tok::Range {
                    self.next()?;
                    let x = self.expr()?;
                    return Ok(Simple::Range { lhs, define, x });
                }
                let mut rhs = self.expr_list()?;
                if keyword == Some(Tok::Switch) && define && lhs.len() == 1 && rhs.len() == 1 {
                    if let (ExprKind::Ident(_), ExprKind::TypeAssert(_, None)) =
                        (&lhs[0].kind, &rhs[0].kind)
                    {
                        return Ok(Simple::Guard {
                            lhs: lhs.pop().unwrap(),
                            assert: rhs.pop().unwrap(),
                        });
                    }
                }
                Ok(Simple::Stmt(
                    Stmt {
                        pos: start,
                        kind: StmtKind::Assign {
                            lhs,
                            rhs,
                            op: None,
                            define,
                            op_pos: pos,
                        },
                    },
                    pos,
                ))
            }
            _ => Err(self.syntax_error("expected := or = or comma")),
        }
    }

    /// The header of an `if`, `for` or `switch`, the keyword current.
    #[inline(never)]
    fn header(&mut self, keyword: Tok) -> PResult<Header> {
        self.want(keyword)?;
        let mut h = Header {
            init: None,
            cond: None,
            post: None,
            range: None,
        };
        if self.tok() == Tok::Lbrace {
            if keyword == Tok::If {
                return Err(self.syntax_error("missing condition in if statement"));
            }
            return Ok(h);
        }
        let outer = self.xnest;
        self.xnest = -1;

        let mut init = None;
        if self.tok() != Tok::Semi {
            if self.got(Tok::Var)? {
                return Err(self.syntax_error(&format!(
                    "var declaration not allowed in {} initializer",
                    keyword.as_str()
                )));
            }
            let s = self.simple_stmt(None, Some(keyword))?;
            if let Simple::Range { lhs, define, x } = s {
                self.xnest = outer;
                h.range = Some((lhs, define, x));
                return Ok(h);
            }
            init = Some(s);
        }

        let mut cond_stmt = None;
        let mut semi: Option<(Pos, SemiKind)> = None;
        if self.tok() != Tok::Lbrace {
            if self.tok() == Tok::Semi {
                semi = Some((self.pos(), self.lx.semi));
                self.next()?;
            } else {
                self.want(Tok::Lbrace)?;
            }
            if keyword == Tok::For {
                if self.tok() != Tok::Semi {
                    if self.tok() == Tok::Lbrace {
                        return Err(self.syntax_error("expected for loop condition"));
                    }
                    cond_stmt = Some(self.simple_stmt(None, None)?);
                }
                self.want(Tok::Semi)?;
                if self.tok() != Tok::Lbrace {
                    let post = self.simple_stmt(None, None)?;
                    if let Simple::Stmt(
                        Stmt {
                            kind: StmtKind::Assign { define: true, .. },
                            ..
                        },
                        gpos,
                    ) = &post
                    {
                        return Err(self.syntax_error_at(
                            *gpos,
                            "cannot declare in post statement of for loop",
                        ));
                    }
                    h.post = Some(Box::new(self.simple_to_stmt(post)));
                }
            } else if self.tok() != Tok::Lbrace {
                cond_stmt = Some(self.simple_stmt(None, Some(keyword))?);
            }
        } else {
            cond_stmt = init.take();
        }
        h.init = init.map(|s| Box::new(self.simple_to_stmt(s)));

        match cond_stmt {
            None => {
                if keyword == Tok::If {
                    if let Some((spos, kind)) = semi {
                        if kind != SemiKind::Semicolon {
                            return Err(self.syntax_error_at(
                                spos,
                                &format!(
                                    "unexpected {}, expected {{ after if clause",
                                    kind.as_str()
                                ),
                            ));
                        }
                        return Err(self.syntax_error_at(spos, "missing condition in if statement"));
                    }
                }
            }
            Some(Simple::Stmt(
                Stmt {
                    kind: StmtKind::Expr(x),
                    ..
                },
                _,
            )) => h.cond = Some(Cond::Expr(x)),
            Some(Simple::Guard { lhs, assert }) => {
                let ExprKind::Ident(name) = lhs.kind else {
                    unreachable!()
                };
                let ExprKind::TypeAssert(x, None) = assert.kind else {
                    unreachable!()
                };
                let bind = Ident { name, pos: lhs.pos };
                h.cond = Some(Cond::Guard(Some(bind), *x));
            }
            Some(Simple::Stmt(s, gpos)) => {
                let str = match &s.kind {
                    StmtKind::Assign {
                        lhs,
                        rhs,
                        op: None,
                        define: false,
                        ..
                    } => format!("assignment {} = {}", emphasize(lhs), emphasize(rhs)),
                    _ => stmt_string(&s),
                };
                return Err(self.syntax_error_at(gpos, &format!("cannot use {} as value", str)));
            }
            Some(Simple::Range { .. }) => unreachable!(),
        }
        self.xnest = outer;
        Ok(h)
    }

    #[inline(never)]
    fn if_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        let h = self.header(Tok::If)?;
        let cond = match h.cond {
            Some(Cond::Expr(x)) => x,
            Some(Cond::Guard(..)) | None => self.bad(pos),
        };
        let then = self.block("if clause")?;
        let mut els = None;
        if self.got(Tok::Else)? {
            match self.tok() {
                Tok::If => els = Some(Box::new(self.if_stmt()?)),
                Tok::Lbrace => {
                    let bpos = self.pos();
                    let b = self.block("")?;
                    els = Some(Box::new(Stmt {
                        pos: bpos,
                        kind: StmtKind::Block(b),
                    }));
                }
                _ => {
                    return Err(self.syntax_error("else must be followed by if or statement block"))
                }
            }
        }
        Ok(Stmt {
            pos,
            kind: StmtKind::If {
                init: h.init,
                cond,
                then,
                els,
            },
        })
    }

    #[inline(never)]
    fn for_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        let h = self.header(Tok::For)?;
        if let Some((mut lhs, define, x)) = h.range {
            if lhs.len() > 2 {
                return Err(self.plain_error(
                    lhs[2].pos,
                    "range clause permits at most two iteration variables",
                ));
            }
            let body = self.block("for clause")?;
            let value = if lhs.len() == 2 { lhs.pop() } else { None };
            let key = lhs.pop();
            return Ok(Stmt {
                pos,
                kind: StmtKind::Range {
                    key,
                    value,
                    define,
                    x,
                    body,
                },
            });
        }
        let cond = match h.cond {
            Some(Cond::Expr(x)) => Some(x),
            Some(Cond::Guard(_, x)) => Some(x),
            None => None,
        };
        let body = self.block("for clause")?;
        Ok(Stmt {
            pos,
            kind: StmtKind::For {
                init: h.init,
                cond,
                post: h.post,
                body,
            },
        })
    }

    #[inline(never)]
    fn switch_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        let h = self.header(Tok::Switch)?;
        if !self.got(Tok::Lbrace)? {
            return Err(self.syntax_error("missing { after switch clause"));
        }
        let mut clauses = Vec::new();
        while self.tok() != Tok::Eof && self.tok() != Tok::Rbrace {
            clauses.push(self.case_clause()?);
        }
        let rbrace = self.pos();
        self.want(Tok::Rbrace)?;
        let kind = match h.cond {
            Some(Cond::Guard(bind, x)) => StmtKind::TypeSwitch {
                init: h.init,
                bind,
                x,
                clauses,
                rbrace,
            },
            Some(Cond::Expr(Expr {
                kind: ExprKind::TypeAssert(x, None),
                ..
            })) => StmtKind::TypeSwitch {
                init: h.init,
                bind: None,
                x: *x,
                clauses,
                rbrace,
            },
            Some(Cond::Expr(tag)) => StmtKind::Switch {
                init: h.init,
                tag: Some(tag),
                clauses,
                rbrace,
            },
            None => StmtKind::Switch {
                init: h.init,
                tag: None,
                clauses,
                rbrace,
            },
        };
        Ok(Stmt { pos, kind })
    }

    fn case_clause(&mut self) -> PResult<CaseClause> {
        let pos = self.pos();
        let mut exprs = Vec::new();
        let mut default = false;
        match self.tok() {
            Tok::Case => {
                self.next()?;
                exprs = self.expr_list()?;
            }
            Tok::Default => {
                self.next()?;
                default = true;
            }
            _ => return Err(self.syntax_error("expected case or default or }")),
        }
        self.want(Tok::Colon)?;
        let body = self.stmt_list()?;
        Ok(CaseClause {
            pos,
            exprs,
            default,
            body,
        })
    }

    #[inline(never)]
    fn select_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        self.want(Tok::Select)?;
        if !self.got(Tok::Lbrace)? {
            return Err(self.syntax_error("missing { after select clause"));
        }
        let mut clauses = Vec::new();
        while self.tok() != Tok::Eof && self.tok() != Tok::Rbrace {
            let cpos = self.pos();
            let comm = match self.tok() {
                Tok::Case => {
                    self.next()?;
                    let s = self.simple_stmt(None, None)?;
                    Some(Box::new(self.simple_to_stmt(s)))
                }
                Tok::Default => {
                    self.next()?;
                    None
                }
                _ => return Err(self.syntax_error("expected case or default or }")),
            };
            self.want(Tok::Colon)?;
            let body = self.stmt_list()?;
            clauses.push(CommClause {
                pos: cpos,
                comm,
                body,
            });
        }
        self.want(Tok::Rbrace)?;
        Ok(Stmt {
            pos,
            kind: StmtKind::Select(clauses),
        })
    }
}

// ----------------------------------------------------------------------
// Helpers

/// Source text as a String (the lexer has already rejected invalid UTF-8
/// in names and literals).
fn text_string(b: &[u8]) -> String {
    match std::str::from_utf8(b) {
        Ok(s) => s.to_owned(),
        Err(_) => String::from_utf8_lossy(b).into_owned(),
    }
}

/// Go's name for a token in "expected X".
fn tokstring(t: Tok) -> String {
    match t {
        Tok::Comma => "comma".into(),
        Tok::Semi => "semicolon or newline".into(),
        t if t.is_keyword() => format!("keyword {}", t.as_str()),
        t => t.as_str().into(),
    }
}

/// Turns the channel type `x` that followed a `<-` into a receive-only
/// one: `<-(chan T)` is `<-chan T`, `<-(chan<- chan T)` is
/// `<-chan (<-chan T)`. Errors: Some(text of a non-channel element that
/// took the arrow) or None for `<-<-chan`.
fn reassoc_recv(t: &mut Expr) -> Result<(), Option<String>> {
    match &mut t.kind {
        ExprKind::ChanType(d, elem) => {
            let dir = *d;
            if dir == ChanDir::Recv {
                return Err(None);
            }
            *d = ChanDir::Recv;
            if dir == ChanDir::Send {
                reassoc_recv(elem)
            } else {
                Ok(())
            }
        }
        _ => Err(Some(expr_string(t))),
    }
}

fn unparen(mut x: &Expr) -> &Expr {
    while let ExprKind::Paren(inner) = &x.kind {
        x = inner;
    }
    x
}

/// Whether `x` must be a value (not a type), syntactically.
fn is_value(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::BasicLit { .. }
        | ExprKind::CompositeLit { .. }
        | ExprKind::FuncLit { .. }
        | ExprKind::Slice { .. }
        | ExprKind::TypeAssert(..)
        | ExprKind::Call { .. }
        | ExprKind::Unary(..)
        | ExprKind::Binary { .. } => true,
        ExprKind::Paren(x) => is_value(x),
        ExprKind::Index(x, idx) => is_value(x) || idx.iter().any(is_value),
        _ => false,
    }
}

/// In `type T[x ...`, splits `x` into a type parameter's name and the
/// start of its constraint (Go's extractName): `P *C`, `P *C | D` and `P (C)`
/// were parsed as expressions and are one when `C` is clearly a type or
/// `force` (a `,` follows). None when `x` is no such split.
fn extract_name(x: &Expr, force: bool) -> Option<(Ident, Option<Expr>)> {
    let ident = |e: &Expr| match &e.kind {
        ExprKind::Ident(name) => Some(Ident {
            name: name.clone(),
            pos: e.pos,
        }),
        _ => None,
    };
    match &x.kind {
        ExprKind::Ident(_) => Some((ident(x)?, None)),
        ExprKind::Binary {
            op: BinOp::Mul,
            x: l,
            y,
            op_pos,
        } if force || is_type_elem(y) => {
            let star = Expr {
                id: x.id,
                pos: *op_pos,
                kind: ExprKind::Star(y.clone()),
            };
            Some((ident(l)?, Some(star)))
        }
        ExprKind::Binary {
            op: BinOp::Or,
            x: l,
            y,
            op_pos,
        } => {
            let (name, lhs) = extract_name(l, force || is_type_elem(y))?;
            let lhs = lhs?;
            let union = Expr {
                id: x.id,
                pos: lhs.pos,
                kind: ExprKind::Binary {
                    op: BinOp::Or,
                    op_pos: *op_pos,
                    x: Box::new(lhs),
                    y: y.clone(),
                },
            };
            Some((name, Some(union)))
        }
        ExprKind::Call {
            func,
            args,
            ellipsis: None,
            ..
        } if args.len() == 1 && (force || is_type_elem(&args[0])) => {
            Some((ident(func)?, Some(args[0].clone())))
        }
        _ => None,
    }
}

fn is_type_elem(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::ArrayType { .. }
        | ExprKind::StructType(_)
        | ExprKind::FuncType(_)
        | ExprKind::InterfaceType(_)
        | ExprKind::MapType(..)
        | ExprKind::ChanType(..) => true,
        ExprKind::Binary { x, y, .. } => is_type_elem(x) || is_type_elem(y),
        ExprKind::Star(x) | ExprKind::Paren(x) => is_type_elem(x),
        _ => false,
    }
}

/// Gives `x` and everything in it fresh ids.
fn renumber_expr(x: &mut Expr, next: &mut u32) {
    x.id = *next;
    *next += 1;
    match &mut x.kind {
        ExprKind::Ident(_)
        | ExprKind::BasicLit { .. }
        | ExprKind::Bad
        | ExprKind::Ellipsis(None) => {}
        ExprKind::CompositeLit { ty, elts, .. } => {
            if let Some(t) = ty {
                renumber_expr(t, next);
            }
            for e in elts {
                renumber_expr(e, next);
            }
        }
        ExprKind::KeyValue(a, b) | ExprKind::MapType(a, b) => {
            renumber_expr(a, next);
            renumber_expr(b, next);
        }
        ExprKind::Binary { x, y, .. } => {
            renumber_expr(x, next);
            renumber_expr(y, next);
        }
        ExprKind::FuncLit { sig, body } => {
            renumber_sig(sig, next);
            renumber_block(body, next);
        }
        ExprKind::Paren(a)
        | ExprKind::Selector(a, _)
        | ExprKind::Star(a)
        | ExprKind::Unary(_, a)
        | ExprKind::Ellipsis(Some(a))
        | ExprKind::ChanType(_, a) => renumber_expr(a, next),
        ExprKind::Index(a, l) => {
            renumber_expr(a, next);
            for e in l {
                renumber_expr(e, next);
            }
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            renumber_expr(x, next);
            for e in [lo, hi, max].into_iter().flatten() {
                renumber_expr(e, next);
            }
        }
        ExprKind::TypeAssert(a, t) => {
            renumber_expr(a, next);
            if let Some(t) = t {
                renumber_expr(t, next);
            }
        }
        ExprKind::Call { func, args, .. } => {
            renumber_expr(func, next);
            for e in args {
                renumber_expr(e, next);
            }
        }
        ExprKind::ArrayType { len, elem } => {
            if let Some(l) = len {
                renumber_expr(l, next);
            }
            renumber_expr(elem, next);
        }
        ExprKind::StructType(fields) => {
            for f in fields {
                renumber_expr(&mut f.ty, next);
            }
        }
        ExprKind::FuncType(sig) => renumber_sig(sig, next),
        ExprKind::InterfaceType(elems) => {
            for e in elems {
                match e {
                    InterfaceElem::Method { sig, .. } => renumber_sig(sig, next),
                    InterfaceElem::Embedded(t) => renumber_expr(t, next),
                }
            }
        }
    }
}

fn renumber_sig(sig: &mut FuncType, next: &mut u32) {
    for p in sig.params.iter_mut().chain(sig.results.iter_mut()) {
        renumber_expr(&mut p.ty, next);
    }
}

fn renumber_block(b: &mut Block, next: &mut u32) {
    for s in &mut b.stmts {
        renumber_stmt(s, next);
    }
}

fn renumber_spec(d: &mut GenDecl, next: &mut u32) {
    match d {
        GenDecl::Var(specs) | GenDecl::Const(specs) => {
            for s in specs {
                if let Some(t) = &mut s.ty {
                    renumber_expr(t, next);
                }
                for v in &mut s.values {
                    renumber_expr(v, next);
                }
            }
        }
        GenDecl::Type(specs) => {
            for s in specs {
                renumber_expr(&mut s.ty, next);
            }
        }
    }
}

fn renumber_clauses(cs: &mut [CaseClause], next: &mut u32) {
    for c in cs {
        for e in &mut c.exprs {
            renumber_expr(e, next);
        }
        for s in &mut c.body {
            renumber_stmt(s, next);
        }
    }
}

fn renumber_stmt(s: &mut Stmt, next: &mut u32) {
    match &mut s.kind {
        StmtKind::Empty | StmtKind::Branch(..) => {}
        StmtKind::Decl(d) => renumber_spec(d, next),
        StmtKind::Labeled(_, s) => renumber_stmt(s, next),
        StmtKind::Expr(x) | StmtKind::IncDec(x, _) | StmtKind::Go(x) | StmtKind::Defer(x) => {
            renumber_expr(x, next)
        }
        StmtKind::Send(a, b) => {
            renumber_expr(a, next);
            renumber_expr(b, next);
        }
        StmtKind::Assign { lhs, rhs, .. } => {
            for e in lhs.iter_mut().chain(rhs.iter_mut()) {
                renumber_expr(e, next);
            }
        }
        StmtKind::Return(l) => {
            for e in l {
                renumber_expr(e, next);
            }
        }
        StmtKind::Block(b) => renumber_block(b, next),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            if let Some(s) = init {
                renumber_stmt(s, next);
            }
            renumber_expr(cond, next);
            renumber_block(then, next);
            if let Some(s) = els {
                renumber_stmt(s, next);
            }
        }
        StmtKind::Switch {
            init, tag, clauses, ..
        } => {
            if let Some(s) = init {
                renumber_stmt(s, next);
            }
            if let Some(t) = tag {
                renumber_expr(t, next);
            }
            renumber_clauses(clauses, next);
        }
        StmtKind::TypeSwitch {
            init, x, clauses, ..
        } => {
            if let Some(s) = init {
                renumber_stmt(s, next);
            }
            renumber_expr(x, next);
            renumber_clauses(clauses, next);
        }
        StmtKind::Select(cs) => {
            for c in cs {
                if let Some(s) = &mut c.comm {
                    renumber_stmt(s, next);
                }
                for s in &mut c.body {
                    renumber_stmt(s, next);
                }
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            if let Some(s) = init {
                renumber_stmt(s, next);
            }
            if let Some(c) = cond {
                renumber_expr(c, next);
            }
            if let Some(s) = post {
                renumber_stmt(s, next);
            }
            renumber_block(body, next);
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            for e in [key, value].into_iter().flatten() {
                renumber_expr(e, next);
            }
            renumber_expr(x, next);
            renumber_block(body, next);
        }
    }
}

// ----------------------------------------------------------------------
// Printing expressions as Go's error messages show them

fn emphasize(l: &[Expr]) -> String {
    if l.len() == 1 {
        if let ExprKind::Binary { .. } = l[0].kind {
            return format!("({})", expr_string(&l[0]));
        }
    }
    list_string(l)
}

fn list_string(l: &[Expr]) -> String {
    let v: Vec<String> = l.iter().map(expr_string).collect();
    v.join(", ")
}

fn stmt_string(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Assign {
            lhs,
            rhs,
            op,
            define,
            ..
        } => {
            let o = match (op, define) {
                (Some(op), _) => format!("{}=", op.as_str()),
                (None, true) => ":=".into(),
                (None, false) => "=".into(),
            };
            format!("{} {} {}", list_string(lhs), o, list_string(rhs))
        }
        StmtKind::IncDec(x, inc) => format!("{}{}", expr_string(x), if *inc { "++" } else { "--" }),
        StmtKind::Send(a, b) => format!("{} <- {}", expr_string(a), expr_string(b)),
        StmtKind::Expr(x) => expr_string(x),
        _ => "statement".into(),
    }
}

fn params_string(ps: &[Param]) -> String {
    let v: Vec<String> = ps
        .iter()
        .map(|p| match &p.name {
            Some(n) => format!("{} {}", n.name, expr_string(&p.ty)),
            None => expr_string(&p.ty),
        })
        .collect();
    v.join(", ")
}

fn sig_string(sig: &FuncType) -> String {
    let mut s = format!("func({})", params_string(&sig.params));
    match sig.results.len() {
        0 => {}
        1 if sig.results[0].name.is_none() => {
            s.push(' ');
            s.push_str(&expr_string(&sig.results[0].ty));
        }
        _ => {
            s.push_str(&format!(" ({})", params_string(&sig.results)));
        }
    }
    s
}

/// A short rendering of an expression, as in Go's messages.
pub fn expr_string(x: &Expr) -> String {
    match &x.kind {
        ExprKind::Ident(n) => n.clone(),
        ExprKind::BasicLit { raw, .. } => raw.clone(),
        ExprKind::CompositeLit { ty, elts, .. } => {
            let t = ty.as_ref().map(|t| expr_string(t)).unwrap_or_default();
            if elts.is_empty() {
                format!("{}{{}}", t)
            } else {
                format!("{}{{…}}", t)
            }
        }
        ExprKind::KeyValue(k, v) => format!("{}: {}", expr_string(k), expr_string(v)),
        ExprKind::FuncLit { sig, .. } => format!("{} {{…}}", sig_string(sig)),
        ExprKind::Paren(x) => format!("({})", expr_string(x)),
        ExprKind::Selector(x, s) => format!("{}.{}", expr_string(x), s.name),
        ExprKind::Index(x, l) => format!("{}[{}]", expr_string(x), list_string(l)),
        ExprKind::Slice {
            x,
            lo,
            hi,
            max,
            three,
        } => {
            let f = |e: &Option<Box<Expr>>| e.as_ref().map(|e| expr_string(e)).unwrap_or_default();
            if *three {
                format!("{}[{}:{}:{}]", expr_string(x), f(lo), f(hi), f(max))
            } else {
                format!("{}[{}:{}]", expr_string(x), f(lo), f(hi))
            }
        }
        ExprKind::TypeAssert(x, t) => match t {
            Some(t) => format!("{}.({})", expr_string(x), expr_string(t)),
            None => format!("{}.(type)", expr_string(x)),
        },
        ExprKind::Call {
            func,
            args,
            ellipsis,
            ..
        } => format!(
            "{}({}{})",
            expr_string(func),
            list_string(args),
            if ellipsis.is_some() { "..." } else { "" }
        ),
        ExprKind::Star(x) => format!("*{}", expr_string(x)),
        ExprKind::Unary(op, x) => format!("{}{}", op.as_str(), expr_string(x)),
        ExprKind::Binary { op, x, y, .. } => {
            format!("{} {} {}", expr_string(x), op.as_str(), expr_string(y))
        }
        ExprKind::ArrayType { len, elem } => match len {
            Some(l) => format!("[{}]{}", expr_string(l), expr_string(elem)),
            None => format!("[]{}", expr_string(elem)),
        },
        ExprKind::Ellipsis(t) => match t {
            Some(t) => format!("...{}", expr_string(t)),
            None => "...".into(),
        },
        ExprKind::StructType(f) => {
            if f.is_empty() {
                "struct{}".into()
            } else {
                "struct{…}".into()
            }
        }
        ExprKind::FuncType(sig) => sig_string(sig),
        ExprKind::InterfaceType(e) => {
            if e.is_empty() {
                "interface{}".into()
            } else {
                "interface{…}".into()
            }
        }
        ExprKind::MapType(k, v) => format!("map[{}]{}", expr_string(k), expr_string(v)),
        ExprKind::ChanType(d, t) => match d {
            ChanDir::Both => format!("chan {}", expr_string(t)),
            ChanDir::Send => format!("chan<- {}", expr_string(t)),
            ChanDir::Recv => format!("<-chan {}", expr_string(t)),
        },
        ExprKind::Bad => "BadExpr".into(),
    }
}

#[cfg(test)]
#[path = "parser_tests.rs"]
mod tests;
