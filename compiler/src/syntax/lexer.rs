//! The lexer: Go source bytes to tokens, one token at a time, with Go's
//! automatic semicolon insertion.
//!
//! The lexer is a single forward pass over the bytes. It keeps the current
//! token in public fields (`tok`, `pos`, `op`, `prec`, ...) that the parser
//! reads directly, so no token value is ever allocated: names and numbers
//! are byte ranges into the source (`start..end`), string literals are
//! decoded into the reusable buffer `val`, and a rune literal's code point
//! is left in `rune`.
//!
//! Semicolons: after a line's final token is an identifier, a literal, one
//! of the keywords `break continue fallthrough return`, `++`, `--`, `)`,
//! `]` or `}`, the lexer remembers it (`nlsemi`), and the next newline (or
//! a general comment spanning lines, or the end of the file) becomes a
//! `Semi` token whose `semi` field says which it was: Go's error messages
//! name it ("unexpected newline").
//!
//! Errors use Go's wording and positions. The first error is kept in `err`
//! (the parser stops there); the lexer itself always makes progress, so a
//! caller that ignores errors still reaches `Eof`.
//!
//! Source-level rules that apply everywhere, also inside literals and
//! comments: NUL bytes, invalid UTF-8 and a byte order mark other than at
//! the very start are errors. A BOM at the start is skipped (columns on
//! line 1 still count its three bytes, as Go's do).

use super::ast::{BinOp, LitKind, Pos};
use crate::diag::Diag;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tok {
    Eof,
    Name,
    Literal,
    /// A binary or unary operator other than `*` (see `op`, `prec`).
    Operator,
    /// `op=` (see `op`).
    AssignOp,
    /// `++` or `--` (`op` is Add or Sub).
    IncOp,
    Assign,
    Define,
    Arrow,
    Star,
    Lparen,
    Lbrack,
    Lbrace,
    Rparen,
    Rbrack,
    Rbrace,
    Comma,
    Semi,
    Colon,
    Dot,
    DotDotDot,
    // keywords
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
}

impl Tok {
    /// The token's spelling (or Go's name for the token class).
    pub fn as_str(self) -> &'static str {
        use Tok::*;
        match self {
            Eof => "EOF",
            Name => "name",
            Literal => "literal",
            Operator => "op",
            AssignOp => "op=",
            IncOp => "opop",
            Assign => "=",
            Define => ":=",
            Arrow => "<-",
            Star => "*",
            Lparen => "(",
            Lbrack => "[",
            Lbrace => "{",
            Rparen => ")",
            Rbrack => "]",
            Rbrace => "}",
            Comma => ",",
            Semi => ";",
            Colon => ":",
            Dot => ".",
            DotDotDot => "...",
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
        }
    }

    pub fn is_keyword(self) -> bool {
        self >= Tok::Break
    }
}

fn keyword(s: &[u8]) -> Option<Tok> {
    use Tok::*;
    Some(match s {
        b"break" => Break,
        b"case" => Case,
        b"chan" => Chan,
        b"const" => Const,
        b"continue" => Continue,
        b"default" => Default,
        b"defer" => Defer,
        b"else" => Else,
        b"fallthrough" => Fallthrough,
        b"for" => For,
        b"func" => Func,
        b"go" => Go,
        b"goto" => Goto,
        b"if" => If,
        b"import" => Import,
        b"interface" => Interface,
        b"map" => Map,
        b"package" => Package,
        b"range" => Range,
        b"return" => Return,
        b"select" => Select,
        b"struct" => Struct,
        b"switch" => Switch,
        b"type" => Type,
        b"var" => Var,
        _ => return None,
    })
}

/// The operator of an `Operator`, `Star`, `AssignOp` or `IncOp` token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    None,
    Bin(BinOp),
    Not,
    Tilde,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::None => "",
            Op::Bin(b) => b.as_str(),
            Op::Not => "!",
            Op::Tilde => "~",
        }
    }
}

pub const PREC_OROR: u8 = 1;
pub const PREC_ANDAND: u8 = 2;
pub const PREC_CMP: u8 = 3;
pub const PREC_ADD: u8 = 4;
pub const PREC_MUL: u8 = 5;

/// What a `Semi` token was in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SemiKind {
    Semicolon,
    Newline,
    Eof,
}

impl SemiKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SemiKind::Semicolon => "semicolon",
            SemiKind::Newline => "newline",
            SemiKind::Eof => "EOF",
        }
    }
}

const RUNE_ERROR: u32 = 0xFFFD;
const BOM: u32 = 0xFEFF;

pub struct Lexer<'a> {
    src: &'a [u8],
    file: u32,
    i: usize,
    line: u32,
    line_start: usize,
    nlsemi: bool,

    /// The current token.
    pub tok: Tok,
    pub pos: Pos,
    /// Byte range of the current token's text in the source.
    pub start: usize,
    pub end: usize,
    pub op: Op,
    pub prec: u8,
    /// Kind of a `Literal`.
    pub kind: LitKind,
    /// For a `Semi`: what it was.
    pub semi: SemiKind,
    /// Decoded value of a string literal.
    pub val: Vec<u8>,
    /// Value of a rune literal.
    pub rune: u32,
    /// The first lexical error.
    pub err: Option<Diag>,
}

impl<'a> Lexer<'a> {
    /// A lexer positioned before the first token; call `next` to read it.
    pub fn new(src: &'a [u8], file: u32) -> Lexer<'a> {
        let i = if src.starts_with(&[0xEF, 0xBB, 0xBF]) {
            3
        } else {
            0
        };
        Lexer {
            src,
            file,
            i,
            line: 1,
            line_start: 0,
            nlsemi: false,
            tok: Tok::Eof,
            pos: Pos {
                file,
                line: 1,
                col: 1,
            },
            start: 0,
            end: 0,
            op: Op::None,
            prec: 0,
            kind: LitKind::Int,
            semi: SemiKind::Semicolon,
            val: Vec::new(),
            rune: 0,
            err: None,
        }
    }

    /// The source text of the current token.
    pub fn text(&self) -> &'a [u8] {
        &self.src[self.start..self.end]
    }

    #[inline]
    fn cur(&self) -> u8 {
        if self.i < self.src.len() {
            self.src[self.i]
        } else {
            0
        }
    }

    #[inline]
    fn at_eof(&self) -> bool {
        self.i >= self.src.len()
    }

    #[inline]
    fn here(&self) -> Pos {
        Pos {
            file: self.file,
            line: self.line,
            col: (self.i - self.line_start + 1) as u32,
        }
    }

    fn error_at(&mut self, pos: Pos, msg: String) {
        if self.err.is_none() {
            self.err = Some(Diag::new(pos, msg));
        }
    }

    /// An error at the current character.
    fn err_here(&mut self, msg: String) {
        let p = self.here();
        self.error_at(p, msg);
    }

    /// An error at a byte offset from the current token's start.
    fn err_tok(&mut self, off: usize, msg: String) {
        let mut p = self.pos;
        p.col += off as u32;
        self.error_at(p, msg);
    }

    /// Consumes the newline at `self.i`.
    #[inline]
    fn newline(&mut self) {
        self.i += 1;
        self.line += 1;
        self.line_start = self.i;
    }

    /// Decodes the non-ASCII character at `self.i`, reporting invalid UTF-8
    /// and misplaced BOMs. Returns the character (None for one that is to
    /// be skipped) after advancing past it.
    fn nonascii(&mut self) -> Option<char> {
        let (c, w) = decode_utf8(&self.src[self.i..]);
        if c == RUNE_ERROR && w == 1 {
            self.err_here("invalid UTF-8 encoding".into());
            self.i += 1;
            return None;
        }
        if c == BOM {
            self.err_here("invalid BOM in the middle of the file".into());
            self.i += w;
            return None;
        }
        self.i += w;
        char::from_u32(c)
    }

    /// Reads the next token.
    pub fn next(&mut self) {
        let nlsemi = self.nlsemi;
        self.nlsemi = false;
        self.op = Op::None;
        loop {
            // skip white space
            while self.i < self.src.len() {
                match self.src[self.i] {
                    b' ' | b'\t' | b'\r' => self.i += 1,
                    b'\n' if !nlsemi => self.newline(),
                    _ => break,
                }
            }
            self.start = self.i;
            self.pos = self.here();
            if self.at_eof() {
                self.end = self.i;
                if nlsemi {
                    self.tok = Tok::Semi;
                    self.semi = SemiKind::Eof;
                } else {
                    self.tok = Tok::Eof;
                }
                return;
            }
            let c = self.src[self.i];
            match c {
                b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                    self.i += 1;
                    self.ident();
                }
                0x80..=0xFF => {
                    let save = self.i;
                    let ch = match self.nonascii() {
                        Some(ch) => ch,
                        None => continue,
                    };
                    if is_letter(ch) {
                        // ok
                    } else if ch.is_numeric() {
                        let p = self.pos;
                        self.error_at(
                            p,
                            format!("identifier cannot begin with digit {}", fmt_u(ch as u32)),
                        );
                    } else {
                        let p = self.pos;
                        self.error_at(
                            p,
                            format!("invalid character {} in identifier", fmt_u(ch as u32)),
                        );
                    }
                    debug_assert!(self.i > save);
                    self.ident();
                }
                b'\n' => {
                    self.newline();
                    self.tok = Tok::Semi;
                    self.semi = SemiKind::Newline;
                }
                b'0'..=b'9' => self.number(false),
                b'"' => self.std_string(),
                b'`' => self.raw_string(),
                b'\'' => self.rune_lit(),
                b'(' => self.simple(Tok::Lparen, false),
                b'[' => self.simple(Tok::Lbrack, false),
                b'{' => self.simple(Tok::Lbrace, false),
                b',' => self.simple(Tok::Comma, false),
                b';' => {
                    self.semi = SemiKind::Semicolon;
                    self.simple(Tok::Semi, false)
                }
                b')' => self.simple(Tok::Rparen, true),
                b']' => self.simple(Tok::Rbrack, true),
                b'}' => self.simple(Tok::Rbrace, true),
                b':' => {
                    self.i += 1;
                    if self.cur() == b'=' {
                        self.i += 1;
                        self.tok = Tok::Define;
                    } else {
                        self.tok = Tok::Colon;
                    }
                }
                b'.' => {
                    self.i += 1;
                    let c1 = self.cur();
                    if c1.is_ascii_digit() {
                        self.number(true);
                    } else if c1 == b'.' && self.src.get(self.i + 1) == Some(&b'.') {
                        self.i += 2;
                        self.tok = Tok::DotDotDot;
                    } else {
                        self.tok = Tok::Dot;
                    }
                }
                b'+' | b'-' => {
                    self.i += 1;
                    let op = if c == b'+' { BinOp::Add } else { BinOp::Sub };
                    self.op = Op::Bin(op);
                    self.prec = PREC_ADD;
                    if self.cur() == c {
                        self.i += 1;
                        self.nlsemi = true;
                        self.tok = Tok::IncOp;
                    } else {
                        self.assignop();
                    }
                }
                b'*' => {
                    self.i += 1;
                    self.op = Op::Bin(BinOp::Mul);
                    self.prec = PREC_MUL;
                    if self.cur() == b'=' {
                        self.i += 1;
                        self.tok = Tok::AssignOp;
                    } else {
                        self.tok = Tok::Star;
                    }
                }
                b'/' => {
                    let c1 = self.src.get(self.i + 1).copied().unwrap_or(0);
                    if c1 == b'/' {
                        self.i += 2;
                        self.line_comment();
                        continue;
                    }
                    if c1 == b'*' {
                        self.i += 2;
                        let line = self.line;
                        self.full_comment();
                        if self.line > line && nlsemi {
                            // A multi-line comment acts like a newline.
                            self.tok = Tok::Semi;
                            self.semi = SemiKind::Newline;
                            self.end = self.i;
                            return;
                        }
                        continue;
                    }
                    self.i += 1;
                    self.binop(BinOp::Div, PREC_MUL);
                }
                b'%' => {
                    self.i += 1;
                    self.binop(BinOp::Rem, PREC_MUL);
                }
                b'&' => {
                    self.i += 1;
                    match self.cur() {
                        b'&' => {
                            self.i += 1;
                            self.operator(BinOp::LAnd, PREC_ANDAND);
                        }
                        b'^' => {
                            self.i += 1;
                            self.binop(BinOp::AndNot, PREC_MUL);
                        }
                        _ => self.binop(BinOp::And, PREC_MUL),
                    }
                }
                b'|' => {
                    self.i += 1;
                    if self.cur() == b'|' {
                        self.i += 1;
                        self.operator(BinOp::LOr, PREC_OROR);
                    } else {
                        self.binop(BinOp::Or, PREC_ADD);
                    }
                }
                b'^' => {
                    self.i += 1;
                    self.binop(BinOp::Xor, PREC_ADD);
                }
                b'<' => {
                    self.i += 1;
                    match self.cur() {
                        b'=' => {
                            self.i += 1;
                            self.operator(BinOp::Le, PREC_CMP);
                        }
                        b'<' => {
                            self.i += 1;
                            self.binop(BinOp::Shl, PREC_MUL);
                        }
                        b'-' => {
                            self.i += 1;
                            self.tok = Tok::Arrow;
                        }
                        _ => self.operator(BinOp::Lt, PREC_CMP),
                    }
                }
                b'>' => {
                    self.i += 1;
                    match self.cur() {
                        b'=' => {
                            self.i += 1;
                            self.operator(BinOp::Ge, PREC_CMP);
                        }
                        b'>' => {
                            self.i += 1;
                            self.binop(BinOp::Shr, PREC_MUL);
                        }
                        _ => self.operator(BinOp::Gt, PREC_CMP),
                    }
                }
                b'=' => {
                    self.i += 1;
                    if self.cur() == b'=' {
                        self.i += 1;
                        self.operator(BinOp::Eq, PREC_CMP);
                    } else {
                        self.tok = Tok::Assign;
                    }
                }
                b'!' => {
                    self.i += 1;
                    if self.cur() == b'=' {
                        self.i += 1;
                        self.operator(BinOp::Ne, PREC_CMP);
                    } else {
                        self.op = Op::Not;
                        self.prec = 0;
                        self.tok = Tok::Operator;
                    }
                }
                b'~' => {
                    self.i += 1;
                    self.op = Op::Tilde;
                    self.prec = 0;
                    self.tok = Tok::Operator;
                }
                0 => {
                    self.err_here("invalid NUL character".into());
                    self.i += 1;
                    continue;
                }
                _ => {
                    self.err_here(format!("invalid character {}", fmt_u(c as u32)));
                    self.i += 1;
                    continue;
                }
            }
            self.end = self.i;
            return;
        }
    }

    #[inline]
    fn simple(&mut self, tok: Tok, nlsemi: bool) {
        self.i += 1;
        self.tok = tok;
        self.nlsemi = nlsemi;
    }

    #[inline]
    fn operator(&mut self, op: BinOp, prec: u8) {
        self.op = Op::Bin(op);
        self.prec = prec;
        self.tok = Tok::Operator;
    }

    /// An operator that has an `op=` form.
    #[inline]
    fn binop(&mut self, op: BinOp, prec: u8) {
        self.op = Op::Bin(op);
        self.prec = prec;
        self.assignop();
    }

    #[inline]
    fn assignop(&mut self) {
        if self.cur() == b'=' {
            self.i += 1;
            self.tok = Tok::AssignOp;
        } else {
            self.tok = Tok::Operator;
        }
    }

    /// The rest of an identifier or keyword (its first character consumed).
    fn ident(&mut self) {
        while self.i < self.src.len() {
            let c = self.src[self.i];
            if c.is_ascii_alphanumeric() || c == b'_' {
                self.i += 1;
            } else if c >= 0x80 {
                let save = self.i;
                let (ch, w) = decode_utf8(&self.src[self.i..]);
                if ch == RUNE_ERROR && w == 1 || ch == BOM {
                    self.nonascii();
                    continue;
                }
                let chr = char::from_u32(ch).unwrap_or('\u{FFFD}');
                if !(is_letter(chr) || chr.is_numeric()) {
                    let p = self.here();
                    self.error_at(p, format!("invalid character {} in identifier", fmt_u(ch)));
                }
                self.i = save + w;
            } else {
                break;
            }
        }
        self.end = self.i;
        let lit = &self.src[self.start..self.i];
        if lit.len() >= 2 && lit[0].is_ascii_lowercase() {
            if let Some(k) = keyword(lit) {
                self.nlsemi = matches!(
                    k,
                    Tok::Break | Tok::Continue | Tok::Fallthrough | Tok::Return
                );
                self.tok = k;
                return;
            }
        }
        self.nlsemi = true;
        self.tok = Tok::Name;
    }

    fn line_comment(&mut self) {
        // The newline is not consumed: it may become a semicolon.
        while self.i < self.src.len() {
            let c = self.src[self.i];
            if c == b'\n' {
                return;
            } else if c == 0 {
                self.err_here("invalid NUL character".into());
                self.i += 1;
            } else if c >= 0x80 {
                self.nonascii();
            } else {
                self.i += 1;
            }
        }
    }

    fn full_comment(&mut self) {
        while self.i < self.src.len() {
            let c = self.src[self.i];
            match c {
                b'*' if self.src.get(self.i + 1) == Some(&b'/') => {
                    self.i += 2;
                    return;
                }
                b'\n' => self.newline(),
                0 => {
                    self.err_here("invalid NUL character".into());
                    self.i += 1;
                }
                0x80..=0xFF => {
                    self.nonascii();
                }
                _ => self.i += 1,
            }
        }
        self.err_tok(0, "comment not terminated".into());
    }

    fn set_lit(&mut self, kind: LitKind) {
        self.end = self.i;
        self.nlsemi = true;
        self.tok = Tok::Literal;
        self.kind = kind;
    }

    /// Accepts `{ digit | '_' }`; returns bit 0 if digits were seen, bit 1
    /// if separators were. For bases up to 10, records in `invalid` the
    /// offset (from the token start) of the first digit not in the base.
    fn digits(&mut self, base: u32, invalid: &mut Option<usize>) -> u32 {
        let mut ds = 0;
        if base <= 10 {
            let max = b'0' + base as u8;
            while self.i < self.src.len() {
                let c = self.src[self.i];
                if c.is_ascii_digit() {
                    if c >= max && invalid.is_none() {
                        *invalid = Some(self.i - self.start);
                    }
                    ds |= 1;
                } else if c == b'_' {
                    ds |= 2;
                } else {
                    break;
                }
                self.i += 1;
            }
        } else {
            while self.i < self.src.len() {
                let c = self.src[self.i];
                if c.is_ascii_hexdigit() {
                    ds |= 1;
                } else if c == b'_' {
                    ds |= 2;
                } else {
                    break;
                }
                self.i += 1;
            }
        }
        ds
    }

    /// A number literal. With `seen_point` the leading '.' has been
    /// consumed.
    fn number(&mut self, mut seen_point: bool) {
        let mut ok = true;
        let mut kind = LitKind::Int;
        let mut base = 10;
        let mut prefix = 0u8; // 0 (decimal), b'0' (legacy octal), x, o, b
        let mut digsep = 0;
        let mut invalid = None;

        if !seen_point {
            if self.cur() == b'0' {
                self.i += 1;
                match self.cur() | 0x20 {
                    b'x' => {
                        self.i += 1;
                        base = 16;
                        prefix = b'x';
                    }
                    b'o' => {
                        self.i += 1;
                        base = 8;
                        prefix = b'o';
                    }
                    b'b' => {
                        self.i += 1;
                        base = 2;
                        prefix = b'b';
                    }
                    _ => {
                        base = 8;
                        prefix = b'0';
                        digsep = 1; // the leading 0
                    }
                }
            }
            digsep |= self.digits(base, &mut invalid);
            if self.cur() == b'.' && !self.at_eof() {
                if prefix == b'o' || prefix == b'b' {
                    self.err_here(format!(
                        "invalid radix point in {} literal",
                        base_name(base)
                    ));
                    ok = false;
                }
                self.i += 1;
                seen_point = true;
            }
        }

        if seen_point {
            kind = LitKind::Float;
            digsep |= self.digits(base, &mut invalid);
        }

        if digsep & 1 == 0 && ok {
            self.err_here(format!("{} literal has no digits", base_name(base)));
            ok = false;
        }

        let e = self.cur() | 0x20;
        if (e == b'e' || e == b'p') && !self.at_eof() {
            let ch = self.cur();
            if ok {
                if e == b'e' && prefix != 0 && prefix != b'0' {
                    self.err_here(format!(
                        "{} exponent requires decimal mantissa",
                        quote_char(ch as u32)
                    ));
                    ok = false;
                } else if e == b'p' && prefix != b'x' {
                    self.err_here(format!(
                        "{} exponent requires hexadecimal mantissa",
                        quote_char(ch as u32)
                    ));
                    ok = false;
                }
            }
            self.i += 1;
            kind = LitKind::Float;
            if self.cur() == b'+' || self.cur() == b'-' {
                self.i += 1;
            }
            let mut none = None;
            let ds = self.digits(10, &mut none);
            digsep = ds | (digsep & 2);
            if ds & 1 == 0 && ok {
                self.err_here("exponent has no digits".into());
                ok = false;
            }
        } else if prefix == b'x' && kind == LitKind::Float && ok {
            self.err_here("hexadecimal mantissa requires a 'p' exponent".into());
            ok = false;
        }

        if self.cur() == b'i' && !self.at_eof() {
            kind = LitKind::Imag;
            self.i += 1;
        }

        self.set_lit(kind);

        if kind == LitKind::Int && ok {
            if let Some(off) = invalid {
                let d = self.src[self.start + off];
                self.err_tok(
                    off,
                    format!(
                        "invalid digit {} in {} literal",
                        quote_char(d as u32),
                        base_name(base)
                    ),
                );
                ok = false;
            }
        }
        if digsep & 2 != 0 && ok {
            if let Some(off) = invalid_sep(&self.src[self.start..self.end]) {
                self.err_tok(off, "'_' must separate successive digits".into());
            }
        }
    }

    /// An escape sequence, the backslash consumed. Leaves the value in
    /// `self.rune`; appends its bytes to `val` if `string`. Returns false
    /// after reporting an error.
    fn escape(&mut self, quote: u8, string: bool) -> bool {
        if self.at_eof() {
            return true; // the caller complains about the end of file
        }
        let c = self.src[self.i];
        let simple = match c {
            b'a' => Some(7),
            b'b' => Some(8),
            b'f' => Some(12),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'v' => Some(11),
            b'\\' => Some(b'\\'),
            _ if c == quote => Some(c),
            _ => None,
        };
        if let Some(b) = simple {
            self.i += 1;
            self.rune = b as u32;
            if string {
                self.val.push(b);
            }
            return true;
        }
        let (n, base, max): (u32, u32, u32) = match c {
            b'0'..=b'7' => (3, 8, 255),
            b'x' => {
                self.i += 1;
                (2, 16, 255)
            }
            b'u' => {
                self.i += 1;
                (4, 16, 0x10FFFF)
            }
            b'U' => {
                self.i += 1;
                (8, 16, 0x10FFFF)
            }
            _ => {
                self.err_here("unknown escape".into());
                return false;
            }
        };
        let mut x: u32 = 0;
        for _ in 0..n {
            if self.at_eof() {
                return true;
            }
            let c = self.src[self.i];
            let d = match c {
                b'0'..=b'9' => (c - b'0') as u32,
                b'a'..=b'f' => (c - b'a' + 10) as u32,
                b'A'..=b'F' => (c - b'A' + 10) as u32,
                _ => base,
            };
            if d >= base {
                let ch = if c >= 0x80 {
                    decode_utf8(&self.src[self.i..]).0
                } else {
                    c as u32
                };
                self.err_here(format!(
                    "invalid character {} in {} escape",
                    quote_char(ch),
                    base_name(base)
                ));
                return false;
            }
            x = x.wrapping_mul(base).wrapping_add(d);
            self.i += 1;
        }
        if x > max && base == 8 {
            self.err_here(format!("octal escape value {} > 255", x));
            return false;
        }
        if x > max || (0xD800..0xE000).contains(&x) {
            self.err_here(format!("escape is invalid Unicode code point {}", fmt_u(x)));
            return false;
        }
        self.rune = x;
        if string {
            if max == 255 {
                self.val.push(x as u8);
            } else {
                let mut buf = [0u8; 4];
                let s = char::from_u32(x)
                    .unwrap_or('\u{FFFD}')
                    .encode_utf8(&mut buf);
                self.val.extend_from_slice(s.as_bytes());
            }
        }
        true
    }

    fn std_string(&mut self) {
        self.val.clear();
        self.i += 1;
        loop {
            // a run of ordinary characters
            let run = self.i;
            while self.i < self.src.len() {
                let c = self.src[self.i];
                if c == b'"' || c == b'\\' || c == b'\n' || c == 0 || c >= 0x80 {
                    break;
                }
                self.i += 1;
            }
            self.val.extend_from_slice(&self.src[run..self.i]);
            if self.at_eof() {
                self.err_tok(0, "string not terminated".into());
                break;
            }
            match self.src[self.i] {
                b'"' => {
                    self.i += 1;
                    break;
                }
                b'\\' => {
                    self.i += 1;
                    self.escape(b'"', true);
                }
                b'\n' => {
                    self.err_here("newline in string".into());
                    break;
                }
                0 => {
                    self.err_here("invalid NUL character".into());
                    self.i += 1;
                }
                _ => {
                    let s = self.i;
                    if self.nonascii().is_some() {
                        self.val.extend_from_slice(&self.src[s..self.i]);
                    }
                }
            }
        }
        self.set_lit(LitKind::String);
    }

    fn raw_string(&mut self) {
        self.val.clear();
        self.i += 1;
        loop {
            let run = self.i;
            while self.i < self.src.len() {
                let c = self.src[self.i];
                if c == b'`' || c == b'\r' || c == b'\n' || c == 0 || c >= 0x80 {
                    break;
                }
                self.i += 1;
            }
            self.val.extend_from_slice(&self.src[run..self.i]);
            if self.at_eof() {
                self.err_tok(0, "string not terminated".into());
                break;
            }
            match self.src[self.i] {
                b'`' => {
                    self.i += 1;
                    break;
                }
                b'\r' => self.i += 1, // carriage returns are dropped
                b'\n' => {
                    self.val.push(b'\n');
                    self.newline();
                }
                0 => {
                    self.err_here("invalid NUL character".into());
                    self.i += 1;
                }
                _ => {
                    let s = self.i;
                    if self.nonascii().is_some() {
                        self.val.extend_from_slice(&self.src[s..self.i]);
                    }
                }
            }
        }
        self.set_lit(LitKind::String);
    }

    fn rune_lit(&mut self) {
        let mut ok = true;
        self.i += 1;
        let mut n = 0;
        let mut value = 0;
        loop {
            if self.at_eof() {
                if ok {
                    self.err_tok(0, "rune literal not terminated".into());
                }
                break;
            }
            let c = self.src[self.i];
            if c == b'\'' {
                if ok {
                    if n == 0 {
                        self.err_here("empty rune literal or unescaped '".into());
                    } else if n != 1 {
                        self.err_tok(0, "more than one character in rune literal".into());
                    }
                }
                self.i += 1;
                break;
            }
            if c == b'\\' {
                self.i += 1;
                if !self.escape(b'\'', false) {
                    ok = false;
                }
                value = self.rune;
                n += 1;
                continue;
            }
            if c == b'\n' {
                if ok {
                    self.err_here("newline in rune literal".into());
                }
                break;
            }
            if c == 0 {
                self.err_here("invalid NUL character".into());
                ok = false;
                self.i += 1;
            } else if c < 0x80 {
                value = c as u32;
                self.i += 1;
            } else {
                match self.nonascii() {
                    Some(ch) => value = ch as u32,
                    None => ok = false,
                }
            }
            n += 1;
        }
        self.rune = value;
        self.set_lit(LitKind::Char);
    }
}

/// Go's `unicode.IsLetter` plus `_`, approximated with Rust's Alphabetic.
pub fn is_letter(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        16 => "hexadecimal",
        _ => "decimal",
    }
}

/// The offset of the first `_` in a number literal that does not separate
/// two digits (a base prefix counts as a digit).
fn invalid_sep(x: &[u8]) -> Option<usize> {
    let mut hex = false;
    // previous character class: b'0' digit, b'_' separator, b'.' other
    let mut d = b'.';
    let mut i = 0;
    if x.len() >= 2 && x[0] == b'0' {
        let p = x[1] | 0x20;
        if p == b'x' || p == b'o' || p == b'b' {
            hex = p == b'x';
            d = b'0';
            i = 2;
        }
    }
    while i < x.len() {
        let prev = d;
        let c = x[i];
        if c == b'_' {
            if prev != b'0' {
                return Some(i);
            }
            d = b'_';
        } else if c.is_ascii_digit() || hex && c.is_ascii_hexdigit() {
            d = b'0';
        } else {
            if prev == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(x.len() - 1);
    }
    None
}

/// Decodes one UTF-8 character; (0xFFFD, 1) for an invalid sequence.
pub fn decode_utf8(s: &[u8]) -> (u32, usize) {
    let b0 = match s.first() {
        Some(&b) => b,
        None => return (RUNE_ERROR, 1),
    };
    if b0 < 0x80 {
        return (b0 as u32, 1);
    }
    let (n, min, init) = if b0 & 0xE0 == 0xC0 {
        (2, 0x80, (b0 & 0x1F) as u32)
    } else if b0 & 0xF0 == 0xE0 {
        (3, 0x800, (b0 & 0x0F) as u32)
    } else if b0 & 0xF8 == 0xF0 {
        (4, 0x10000, (b0 & 0x07) as u32)
    } else {
        return (RUNE_ERROR, 1);
    };
    if s.len() < n {
        return (RUNE_ERROR, 1);
    }
    let mut c = init;
    for &b in &s[1..n] {
        if b & 0xC0 != 0x80 {
            return (RUNE_ERROR, 1);
        }
        c = (c << 6) | (b & 0x3F) as u32;
    }
    if c < min || c > 0x10FFFF || (0xD800..0xE000).contains(&c) {
        return (RUNE_ERROR, 1);
    }
    (c, n)
}

fn is_print(c: u32) -> bool {
    match char::from_u32(c) {
        Some(ch) => {
            if ch == ' ' {
                return true;
            }
            !(ch.is_control()
                || ch.is_whitespace()
                || matches!(c, 0xAD | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x206F | 0xFEFF)
                || (0xE000..=0xF8FF).contains(&c)
                || c >= 0xF0000)
        }
        None => false,
    }
}

/// Go's `%#U`: `U+0040 '@'`, or just `U+00A0` when not printable.
pub fn fmt_u(c: u32) -> String {
    if is_print(c) {
        format!("U+{:04X} '{}'", c, char::from_u32(c).unwrap())
    } else {
        format!("U+{:04X}", c)
    }
}

/// Go's `%q` of a rune: `'a'`, `'\n'`, `'\x01'`.
pub fn quote_char(c: u32) -> String {
    let body = match c {
        7 => "\\a".to_string(),
        8 => "\\b".to_string(),
        12 => "\\f".to_string(),
        10 => "\\n".to_string(),
        13 => "\\r".to_string(),
        9 => "\\t".to_string(),
        11 => "\\v".to_string(),
        0x27 => "\\'".to_string(),
        0x5C => "\\\\".to_string(),
        _ if is_print(c) => char::from_u32(c).unwrap().to_string(),
        _ if c < 0x80 => format!("\\x{:02x}", c),
        _ if c < 0x10000 => format!("\\u{:04x}", c),
        _ => format!("\\U{:08x}", c),
    };
    format!("'{}'", body)
}
