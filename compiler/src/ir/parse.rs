//! Reads the IR text form that [`super::print`] writes back into a
//! [`Program`]. The grammar is in docs/IR.md; in short, the text is
//! line-oriented: a `global` line, or a `func` header line followed by
//! register declarations, block labels, one instruction per line and a
//! closing `}` line. `//` starts a comment that runs to the end of the line.
//!
//! The parser checks syntax and the shape of each function (labels `b0`,
//! `b1`, ... in order, every block ending in exactly one terminator, every
//! register from `%0` up declared exactly once); whether the program makes
//! sense is [`super::verify`]'s business. Errors name the line:
//! `line 12: expected a register, found "b2"`.

use super::print::{binary_name, strconv_name, unary_name};
use super::print::{is_name_char, BINARY_OPS, CANONICAL_NAN, STRCONV_OPS, UNARY_OPS};
use super::{
    Block, BlockId, Const, Data, DataItem, Field, Func, FuncSig, Global, Inst, NamedType, Program,
    Reg, Term, Type,
};

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

thread_local! {
    /// The named types of the program being parsed (type lines may refer
    /// to each other in any order, so all are created before any is read).
    static NAMED: RefCell<HashMap<String, Arc<NamedType>>> = RefCell::new(HashMap::new());
}

/// Parses a whole program in IR text form.
pub fn parse(text: &str) -> Result<Program, String> {
    let mut lines = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)));
    let mut prog = Program::default();
    // First pass: the names of the defined types.
    let mut named = HashMap::new();
    for (n, line) in text.split('\n').enumerate() {
        if !line.starts_with("type ") {
            continue;
        }
        let mut l = Line::new(line.strip_suffix('\r').unwrap_or(line), n + 1)?;
        if l.keyword()? == "type" {
            let name = l.name("a type name")?;
            named.insert(name.clone(), NamedType::new(name));
        }
    }
    NAMED.with(|m| *m.borrow_mut() = named);
    while let Some((n, line)) = lines.next() {
        let mut l = Line::new(line, n)?;
        if l.at_end() {
            continue;
        }
        match l.keyword()?.as_str() {
            "global" => {
                let name = l.name("a global name")?;
                let ty = l.ty()?;
                l.end()?;
                prog.globals.push(Global { name, ty });
            }
            "func" => prog.funcs.push(parse_func(l, &mut lines)?),
            "type" => {
                let name = l.name("a type name")?;
                let def = l.ty()?;
                l.end()?;
                NAMED.with(|m| m.borrow()[&name].define(def));
            }
            "data" => {
                let name = l.name("a data name")?;
                l.punct('{')?;
                let mut items = Vec::new();
                if !l.eat_punct('}') {
                    loop {
                        let item = match l.keyword()?.as_str() {
                            "word" => DataItem::Word(l.uint("a word")?),
                            "addr" => DataItem::Addr(l.name("a symbol")?),
                            "str" => DataItem::Str(l.string()?),
                            "shape" => DataItem::Shape(l.ty()?),
                            other => return Err(l.err(format!("unknown data item {other:?}"))),
                        };
                        items.push(item);
                        if l.eat_punct('}') {
                            break;
                        }
                        l.punct(';')?;
                    }
                }
                l.end()?;
                prog.data.push(Data { name, items });
            }
            other => {
                return Err(l.err(format!(
                    "expected `type`, `data`, `global` or `func`, found {other:?}"
                )))
            }
        }
    }
    Ok(prog)
}

/// Parses one type in IR text form, such as `*struct{x int64; s []string}`.
pub fn parse_type(text: &str) -> Result<Type, String> {
    let mut l = Line::new(text, 1)?;
    let t = l.ty()?;
    l.end()?;
    Ok(t)
}

fn parse_func<'a>(
    mut head: Line,
    lines: &mut impl Iterator<Item = (usize, &'a str)>,
) -> Result<Func, String> {
    let name = head.name("a function name")?;
    let mut decls: Vec<Option<Type>> = Vec::new();
    let mut params = Vec::new();
    head.punct('(')?;
    if !head.eat_punct(')') {
        loop {
            let r = head.reg()?;
            let t = head.ty()?;
            // A register may appear twice among the parameters (the verifier
            // rejects that), but with one type.
            match slot(&mut decls, r) {
                Some(old) if *old != t => return Err(head.err(format!("{r} declared twice"))),
                s => *s = Some(t),
            }
            params.push(r);
            if head.eat_punct(')') {
                break;
            }
            head.punct(',')?;
        }
    }
    let mut results = Vec::new();
    if head.eat_punct('(') && !head.eat_punct(')') {
        loop {
            results.push(head.ty()?);
            if head.eat_punct(')') {
                break;
            }
            head.punct(',')?;
        }
    }
    let nosplit = matches!(head.peek(), Some(Tok::Name(n)) if n == "nosplit");
    if nosplit {
        head.keyword()?;
    }
    let wrapper = matches!(head.peek(), Some(Tok::Name(n)) if n == "wrapper");
    if wrapper {
        head.keyword()?;
    }
    let mut file = String::new();
    if matches!(head.peek(), Some(Tok::Name(n)) if n == "file") {
        head.keyword()?;
        let Some(Tok::Str(b)) = head.peek().cloned() else {
            return Err(head.expected("the source file's path, quoted"));
        };
        head.pos += 1;
        file = String::from_utf8_lossy(&b).into_owned();
    }
    head.punct('{')?;
    head.end()?;

    let mut blocks: Vec<Block> = Vec::new();
    // Instructions of the open block, if a label has been seen and its
    // terminator has not.
    let mut open: Option<Vec<Inst>> = None;
    let mut closed = false;
    for (n, text) in lines.by_ref() {
        let mut l = Line::new(text, n)?;
        if l.at_end() {
            continue;
        }
        if l.eat_punct('}') {
            l.end()?;
            if open.is_some() {
                return Err(l.err(format!("block b{} has no terminator", blocks.len())));
            }
            closed = true;
            break;
        }
        // Register declaration: `%N type`.
        if let Some(Tok::Reg(_)) = l.peek() {
            if !matches!(l.peek_at(1), Some(Tok::Punct('=' | ','))) {
                let r = l.reg()?;
                let t = l.ty()?;
                l.end()?;
                if !blocks.is_empty() || open.is_some() {
                    return Err(l.err(format!("declaration of {r} after the first block label")));
                }
                let s = slot(&mut decls, r);
                if s.is_some() {
                    return Err(l.err(format!("{r} declared twice")));
                }
                *s = Some(t);
                continue;
            }
        }
        // Block label: `bN:`.
        if let (Some(Tok::Name(_)), Some(Tok::Punct(':'))) = (l.peek(), l.peek_at(1)) {
            let b = l.block()?;
            l.punct(':')?;
            l.end()?;
            if open.is_some() {
                return Err(l.err(format!("block b{} has no terminator", blocks.len())));
            }
            if b.0 as usize != blocks.len() {
                return Err(l.err(format!("expected label b{}, found b{}", blocks.len(), b.0)));
            }
            open = Some(Vec::new());
            continue;
        }
        let Some(insts) = open.as_mut() else {
            return Err(l.err("expected a block label, a register declaration or `}`".into()));
        };
        match parse_line(&mut l)? {
            Stmt::Inst(i) => insts.push(i),
            Stmt::Term(term) => {
                let insts = open.take().unwrap_or_default();
                blocks.push(Block { insts, term });
            }
        }
        l.end()?;
    }
    if !closed {
        return Err(format!("func {name}: missing closing `}}`"));
    }
    let mut regs = Vec::with_capacity(decls.len());
    for (i, d) in decls.into_iter().enumerate() {
        match d {
            Some(t) => regs.push(t),
            None => return Err(format!("func {name}: register %{i} is not declared")),
        }
    }
    Ok(Func {
        name,
        params,
        results,
        regs,
        blocks,
        nosplit,
        wrapper,
        file,
    })
}

fn slot(decls: &mut Vec<Option<Type>>, r: Reg) -> &mut Option<Type> {
    let i = r.0 as usize;
    if decls.len() <= i {
        decls.resize(i + 1, None);
    }
    &mut decls[i]
}

enum Stmt {
    Inst(Inst),
    Term(Term),
}

/// Parses an instruction or terminator line.
fn parse_line(l: &mut Line) -> Result<Stmt, String> {
    if let Some(Tok::Reg(_)) = l.peek() {
        let mut dsts = vec![l.reg()?];
        while l.eat_punct(',') {
            dsts.push(l.reg()?);
        }
        l.punct('=')?;
        let op = l.keyword()?;
        if op == "call" {
            return Ok(Stmt::Inst(parse_call(l, dsts)?));
        }
        if op == "callind" {
            return Ok(Stmt::Inst(parse_callind(l, dsts)?));
        }
        if op == "callptr" {
            let Inst::CallIndirect { dsts, callee, args } = parse_callind(l, dsts)? else {
                unreachable!()
            };
            return Ok(Stmt::Inst(Inst::CallPtr {
                dsts,
                code: callee,
                args,
            }));
        }
        if dsts.len() > 1 {
            return Err(l.err(format!("only `call` has several destinations, not {op:?}")));
        }
        return Ok(Stmt::Inst(parse_assign(l, dsts[0], &op)?));
    }
    let op = l.keyword()?;
    let inst = match op.as_str() {
        "store" => {
            let ptr = l.reg()?;
            l.punct(',')?;
            Inst::Store { ptr, src: l.reg()? }
        }
        "memcopy" => {
            let dst = l.reg()?;
            l.punct(',')?;
            Inst::MemCopy { dst, src: l.reg()? }
        }
        "atomicstore" => {
            let ptr = l.reg()?;
            l.punct(',')?;
            Inst::AtomicStore { ptr, src: l.reg()? }
        }
        "memzero" => Inst::MemZero { ptr: l.reg()? },
        "nilcheck" => Inst::NilCheck { ptr: l.reg()? },
        "line" => Inst::Line {
            line: l.uint("a line number")? as u32,
        },
        "deferproc" => Inst::DeferProc { func: l.reg()? },
        "deferreturn" => Inst::DeferReturn,
        "call" => parse_call(l, Vec::new())?,
        "callind" => parse_callind(l, Vec::new())?,
        "callptr" => {
            let Inst::CallIndirect { dsts, callee, args } = parse_callind(l, Vec::new())? else {
                unreachable!()
            };
            Inst::CallPtr {
                dsts,
                code: callee,
                args,
            }
        }
        "jump" => return Ok(Stmt::Term(Term::Jump(l.block()?))),
        "if" => {
            let cond = l.reg()?;
            l.punct(',')?;
            let then = l.block()?;
            l.punct(',')?;
            let els = l.block()?;
            return Ok(Stmt::Term(Term::If { cond, then, els }));
        }
        "return" => {
            let mut rs = Vec::new();
            if !l.at_end() {
                rs.push(l.reg()?);
                while l.eat_punct(',') {
                    rs.push(l.reg()?);
                }
            }
            return Ok(Stmt::Term(Term::Return(rs)));
        }
        "unreachable" => return Ok(Stmt::Term(Term::Unreachable)),
        "deferframe" => {
            let normal = l.block()?;
            l.punct(',')?;
            let recover = l.block()?;
            return Ok(Stmt::Term(Term::DeferFrame { normal, recover }));
        }
        _ => return Err(l.err(format!("unknown instruction {op:?}"))),
    };
    Ok(Stmt::Inst(inst))
}

fn parse_call(l: &mut Line, dsts: Vec<Reg>) -> Result<Inst, String> {
    let func = l.name("a function name")?;
    l.punct('(')?;
    let mut args = Vec::new();
    if !l.eat_punct(')') {
        loop {
            args.push(l.reg()?);
            if l.eat_punct(')') {
                break;
            }
            l.punct(',')?;
        }
    }
    Ok(Inst::Call { dsts, func, args })
}

fn parse_callind(l: &mut Line, dsts: Vec<Reg>) -> Result<Inst, String> {
    let callee = l.reg()?;
    l.punct('(')?;
    let mut args = Vec::new();
    if !l.eat_punct(')') {
        loop {
            args.push(l.reg()?);
            if l.eat_punct(')') {
                break;
            }
            l.punct(',')?;
        }
    }
    Ok(Inst::CallIndirect { dsts, callee, args })
}

/// Parses what follows `%dst = op`.
fn parse_assign(l: &mut Line, dst: Reg, op: &str) -> Result<Inst, String> {
    if let Some(&a) = crate::ir::AtomicOp::ALL.iter().find(|a| a.name() == op) {
        let ptr = l.reg()?;
        let mut args = Vec::new();
        for _ in 0..a.nargs() {
            l.punct(',')?;
            args.push(l.reg()?);
        }
        return Ok(Inst::Atomic {
            dst,
            op: a,
            ptr,
            args,
        });
    }
    if let Some(&u) = UNARY_OPS.iter().find(|&&u| unary_name(u) == op) {
        return Ok(Inst::Unary {
            dst,
            op: u,
            x: l.reg()?,
        });
    }
    if let Some(&b) = BINARY_OPS.iter().find(|&&b| binary_name(b) == op) {
        let (x, y) = two_regs(l)?;
        return Ok(Inst::Binary { dst, op: b, x, y });
    }
    if let Some(&s) = STRCONV_OPS.iter().find(|&&s| strconv_name(s) == op) {
        return Ok(Inst::StrConv {
            dst,
            op: s,
            x: l.reg()?,
        });
    }
    Ok(match op {
        "const" => Inst::Const {
            dst,
            value: l.constant()?,
        },
        "copy" => Inst::Copy { dst, src: l.reg()? },
        "convert" => Inst::Convert { dst, x: l.reg()? },
        "alloca" => Inst::Alloca { dst, ty: l.ty()? },
        "new" => Inst::New { dst, ty: l.ty()? },
        "globaladdr" => Inst::GlobalAddr {
            dst,
            name: l.name("a global name")?,
        },
        "makeiface" => {
            let (tab, data) = two_regs(l)?;
            Inst::MakeIface { dst, tab, data }
        }
        "complex" => {
            let (re, im) = two_regs(l)?;
            Inst::ComplexMake { dst, re, im }
        }
        "real" | "imag" => Inst::ComplexPart {
            dst,
            x: l.reg()?,
            imag: op == "imag",
        },
        "ifaceword" => {
            let x = l.reg()?;
            l.punct(',')?;
            Inst::IfaceWord {
                dst,
                x,
                word: l.uint("a word index")? as u32,
            }
        }
        "funcaddr" => Inst::FuncAddr {
            dst,
            func: l.name("a function name")?,
        },
        "load" => Inst::Load { dst, ptr: l.reg()? },
        "fieldaddr" => {
            let ptr = l.reg()?;
            l.punct(',')?;
            let field = l.uint("a field index")?;
            let field = u32::try_from(field)
                .map_err(|_| l.err(format!("field index {field} too large")))?;
            Inst::FieldAddr { dst, ptr, field }
        }
        "indexaddr" => {
            let (ptr, index) = two_regs(l)?;
            Inst::IndexAddr { dst, ptr, index }
        }
        "elemaddr" => {
            let (slice, index) = two_regs(l)?;
            Inst::ElemAddr { dst, slice, index }
        }
        "stringbyte" => {
            let (s, index) = two_regs(l)?;
            Inst::StringByte { dst, s, index }
        }
        "len" => Inst::Len { dst, x: l.reg()? },
        "cap" => Inst::Cap { dst, x: l.reg()? },
        "dataptr" => Inst::DataPtr { dst, x: l.reg()? },
        "slice" => {
            let x = l.reg()?;
            l.punct('[')?;
            let lo = l.opt_reg()?;
            l.punct(':')?;
            let hi = l.opt_reg()?;
            let max = if l.eat_punct(':') {
                let m = l.opt_reg()?;
                if m.is_none() {
                    return Err(l.err("a third slice index must not be empty".into()));
                }
                m
            } else {
                None
            };
            l.punct(']')?;
            Inst::SliceOf {
                dst,
                x,
                lo,
                hi,
                max,
            }
        }
        "makeslice" => {
            let (len, cap) = two_regs(l)?;
            Inst::MakeSlice { dst, len, cap }
        }
        "growslice" => {
            let (slice, n) = two_regs(l)?;
            Inst::GrowSlice { dst, slice, n }
        }
        "copyslice" => {
            let (to, from) = two_regs(l)?;
            Inst::CopySlice { dst, to, from }
        }
        _ => return Err(l.err(format!("unknown instruction {op:?}"))),
    })
}

fn two_regs(l: &mut Line) -> Result<(Reg, Reg), String> {
    let a = l.reg()?;
    l.punct(',')?;
    Ok((a, l.reg()?))
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Reg(u32),
    /// A bare name: a letter or `_`, then letters, digits, `_`, `.`, `$`.
    Name(String),
    /// A decimal number, with its sign, fraction and exponent as written.
    Num(String),
    /// `0x` followed by hex digits.
    Hex(u64),
    /// `+Inf` or `-Inf`.
    Inf(bool),
    Str(Vec<u8>),
    Punct(char),
}

impl Tok {
    fn describe(&self) -> String {
        match self {
            Tok::Reg(r) => format!("%{r}"),
            Tok::Name(s) | Tok::Num(s) => format!("{s:?}"),
            Tok::Hex(h) => format!("0x{h:x}"),
            Tok::Inf(pos) => (if *pos { "+Inf" } else { "-Inf" }).to_string(),
            Tok::Str(_) => "a string".to_string(),
            Tok::Punct(c) => format!("`{c}`"),
        }
    }
}

/// The tokens of one line and a cursor over them.
struct Line {
    toks: Vec<Tok>,
    pos: usize,
    line: usize,
}

impl Line {
    fn new(text: &str, line: usize) -> Result<Line, String> {
        let err = |m: String| format!("line {line}: {m}");
        let mut toks = Vec::new();
        let mut cs = text.char_indices().peekable();
        while let Some(&(i, c)) = cs.peek() {
            let rest = &text[i..];
            if c.is_whitespace() {
                cs.next();
            } else if rest.starts_with("//") {
                break;
            } else if c == '%' {
                cs.next();
                let digits = take_while(&mut cs, text, |c| c.is_ascii_digit());
                let n = digits
                    .parse()
                    .map_err(|_| err(format!("bad register %{digits}")))?;
                toks.push(Tok::Reg(n));
            } else if c == '"' {
                cs.next();
                toks.push(Tok::Str(unquote(&mut cs, text).map_err(err)?));
            } else if rest.starts_with("+Inf") || rest.starts_with("-Inf") {
                toks.push(Tok::Inf(c == '+'));
                cs.nth(3);
            } else if rest.starts_with("0x") || rest.starts_with("0X") {
                cs.nth(1);
                let digits = take_while(&mut cs, text, |c| c.is_ascii_hexdigit());
                let n = u64::from_str_radix(digits, 16)
                    .map_err(|_| err(format!("bad hex number 0x{digits}")))?;
                toks.push(Tok::Hex(n));
            } else if c.is_ascii_digit()
                || (c == '-' && rest[1..].starts_with(|c: char| c.is_ascii_digit()))
            {
                cs.next();
                let mut s = c.to_string();
                let mut prev = c;
                while let Some(&(_, d)) = cs.peek() {
                    let ok = d.is_ascii_digit()
                        || d == '.'
                        || d == 'e'
                        || d == 'E'
                        || ((d == '-' || d == '+') && (prev == 'e' || prev == 'E'));
                    if !ok {
                        break;
                    }
                    s.push(d);
                    prev = d;
                    cs.next();
                }
                toks.push(Tok::Num(s));
            } else if c.is_alphabetic() || c == '_' {
                toks.push(Tok::Name(
                    take_while(&mut cs, text, is_name_char).to_string(),
                ));
            } else if "(),=:[]{};*".contains(c) {
                toks.push(Tok::Punct(c));
                cs.next();
            } else {
                return Err(err(format!("unexpected character {c:?}")));
            }
        }
        Ok(Line { toks, pos: 0, line })
    }

    fn err(&self, m: String) -> String {
        format!("line {}: {m}", self.line)
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn peek_at(&self, k: usize) -> Option<&Tok> {
        self.toks.get(self.pos + k)
    }

    fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    fn found(&self) -> String {
        match self.peek() {
            Some(t) => t.describe(),
            None => "end of line".to_string(),
        }
    }

    fn expected(&self, what: &str) -> String {
        self.err(format!("expected {what}, found {}", self.found()))
    }

    fn end(&self) -> Result<(), String> {
        if self.at_end() {
            Ok(())
        } else {
            Err(self.expected("end of line"))
        }
    }

    fn eat_punct(&mut self, c: char) -> bool {
        if self.peek() == Some(&Tok::Punct(c)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn punct(&mut self, c: char) -> Result<(), String> {
        if self.eat_punct(c) {
            Ok(())
        } else {
            Err(self.expected(&format!("`{c}`")))
        }
    }

    /// A bare word: an instruction mnemonic or a keyword.
    fn keyword(&mut self) -> Result<String, String> {
        match self.peek() {
            Some(Tok::Name(s)) => {
                let s = s.clone();
                self.pos += 1;
                Ok(s)
            }
            _ => Err(self.expected("a keyword or an instruction")),
        }
    }

    /// A symbol or field name: bare or quoted.
    fn name(&mut self, what: &str) -> Result<String, String> {
        match self.peek() {
            Some(Tok::Name(s)) => {
                let s = s.clone();
                self.pos += 1;
                Ok(s)
            }
            Some(Tok::Str(b)) => {
                let s = String::from_utf8(b.clone())
                    .map_err(|_| self.err("a quoted name must be valid UTF-8".into()))?;
                self.pos += 1;
                Ok(s)
            }
            _ => Err(self.expected(what)),
        }
    }

    fn reg(&mut self) -> Result<Reg, String> {
        match self.peek() {
            Some(&Tok::Reg(r)) => {
                self.pos += 1;
                Ok(Reg(r))
            }
            _ => Err(self.expected("a register")),
        }
    }

    fn opt_reg(&mut self) -> Result<Option<Reg>, String> {
        match self.peek() {
            Some(Tok::Reg(_)) => self.reg().map(Some),
            _ => Ok(None),
        }
    }

    fn block(&mut self) -> Result<BlockId, String> {
        if let Some(Tok::Name(s)) = self.peek() {
            if let Some(n) = s.strip_prefix('b').and_then(|d| {
                if d.bytes().all(|b| b.is_ascii_digit()) && !d.is_empty() {
                    d.parse::<u32>().ok()
                } else {
                    None
                }
            }) {
                self.pos += 1;
                return Ok(BlockId(n));
            }
        }
        Err(self.expected("a block label like b0"))
    }

    /// A quoted string.
    fn string(&mut self) -> Result<Vec<u8>, String> {
        match self.peek() {
            Some(Tok::Str(b)) => {
                let b = b.clone();
                self.pos += 1;
                Ok(b)
            }
            _ => Err(self.expected("a string")),
        }
    }

    fn uint(&mut self, what: &str) -> Result<u64, String> {
        if let Some(Tok::Num(s)) = self.peek() {
            if let Ok(n) = s.parse::<u64>() {
                self.pos += 1;
                return Ok(n);
            }
        }
        Err(self.expected(what))
    }

    fn constant(&mut self) -> Result<Const, String> {
        let Some(tok) = self.peek().cloned() else {
            return Err(self.expected("a constant"));
        };
        self.pos += 1;
        Ok(match tok {
            Tok::Num(s) if s.contains(['.', 'e', 'E']) => match s.parse::<f64>() {
                Ok(x) => Const::Float(x),
                Err(_) => return Err(self.err(format!("bad float constant {s}"))),
            },
            Tok::Num(s) => match (s.parse::<i64>(), s.parse::<u64>()) {
                (Ok(i), _) => Const::Int(i),
                (_, Ok(u)) => Const::Int(u as i64),
                _ => return Err(self.err(format!("integer constant {s} out of range"))),
            },
            Tok::Inf(pos) => Const::Float(if pos {
                f64::INFINITY
            } else {
                f64::NEG_INFINITY
            }),
            Tok::Str(b) => Const::Str(b),
            Tok::Name(s) => match s.as_str() {
                "true" => Const::Bool(true),
                "false" => Const::Bool(false),
                "zero" => Const::Zero,
                "NaN" => Const::Float(f64::from_bits(CANONICAL_NAN)),
                "complex" => {
                    self.punct('(')?;
                    let re = self.float_part()?;
                    self.punct(',')?;
                    let im = self.float_part()?;
                    self.punct(')')?;
                    Const::Complex(re, im)
                }
                "float" => {
                    self.punct('(')?;
                    let Some(Tok::Hex(bits)) = self.peek().cloned() else {
                        return Err(
                            self.expected("the float's bits in hex, like 0x7ff8000000000001")
                        );
                    };
                    self.pos += 1;
                    self.punct(')')?;
                    Const::Float(f64::from_bits(bits))
                }
                _ => {
                    self.pos -= 1;
                    return Err(self.expected("a constant"));
                }
            },
            _ => {
                self.pos -= 1;
                return Err(self.expected("a constant"));
            }
        })
    }

    /// A part of a complex constant: any float constant, or an integer.
    fn float_part(&mut self) -> Result<f64, String> {
        match self.constant()? {
            Const::Float(x) => Ok(x),
            Const::Int(i) => Ok(i as f64),
            _ => {
                self.pos -= 1;
                Err(self.expected("a float constant"))
            }
        }
    }

    fn ty(&mut self) -> Result<Type, String> {
        if self.eat_punct('*') {
            return Ok(Type::ptr(self.ty()?));
        }
        if self.eat_punct('[') {
            if self.eat_punct(']') {
                return Ok(Type::slice(self.ty()?));
            }
            let n = self.uint("an array length")?;
            self.punct(']')?;
            return Ok(Type::Array(n, Box::new(self.ty()?)));
        }
        let Some(Tok::Name(s)) = self.peek() else {
            return Err(self.expected("a type"));
        };
        let t = match s.as_str() {
            "bool" => Type::Bool,
            "int8" => Type::I8,
            "int16" => Type::I16,
            "int32" => Type::I32,
            "int64" => Type::I64,
            "uint8" => Type::U8,
            "uint16" => Type::U16,
            "uint32" => Type::U32,
            "uint64" => Type::U64,
            "float32" => Type::F32,
            "float64" => Type::F64,
            "complex64" => Type::C64,
            "complex128" => Type::C128,
            "string" => Type::String,
            "iface" => Type::Iface,
            "func" => {
                self.pos += 1;
                let mut lists = [Vec::new(), Vec::new()];
                for list in &mut lists {
                    self.punct('(')?;
                    if !self.eat_punct(')') {
                        loop {
                            list.push(self.ty()?);
                            if self.eat_punct(')') {
                                break;
                            }
                            self.punct(',')?;
                        }
                    }
                }
                let [params, results] = lists;
                return Ok(Type::Func(Box::new(FuncSig { params, results })));
            }
            "struct" => {
                self.pos += 1;
                self.punct('{')?;
                let mut fields = Vec::new();
                if !self.eat_punct('}') {
                    loop {
                        let name = self.name("a field name")?;
                        let ty = self.ty()?;
                        fields.push(Field { name, ty });
                        if self.eat_punct('}') {
                            break;
                        }
                        self.punct(';')?;
                    }
                }
                return Ok(Type::Struct(fields));
            }
            name => match NAMED.with(|m| m.borrow().get(name).cloned()) {
                Some(n) => Type::Named(n),
                None => return Err(self.expected("a type")),
            },
        };
        self.pos += 1;
        Ok(t)
    }
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

fn take_while<'a>(cs: &mut Chars<'a>, text: &'a str, f: impl Fn(char) -> bool) -> &'a str {
    let start = cs.peek().map_or(text.len(), |&(i, _)| i);
    while cs.peek().is_some_and(|&(_, c)| f(c)) {
        cs.next();
    }
    let end = cs.peek().map_or(text.len(), |&(i, _)| i);
    &text[start..end]
}

/// Reads the rest of a Go-quoted string, the opening `"` already consumed.
fn unquote(cs: &mut Chars, text: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let hex = |cs: &mut Chars, n: usize| -> Result<u32, String> {
        let start = cs.peek().map_or(text.len(), |&(i, _)| i);
        let digits: String = (0..n)
            .filter_map(|_| cs.next_if(|&(_, c)| c.is_ascii_hexdigit()))
            .map(|(_, c)| c)
            .collect();
        if digits.len() != n {
            return Err(format!(
                "bad escape near {:?}",
                &text[start.saturating_sub(2)..]
            ));
        }
        Ok(u32::from_str_radix(&digits, 16).unwrap_or(0))
    };
    loop {
        let Some((_, c)) = cs.next() else {
            return Err("unterminated string".into());
        };
        match c {
            '"' => return Ok(out),
            '\\' => {
                let Some((_, e)) = cs.next() else {
                    return Err("unterminated string".into());
                };
                let simple = match e {
                    'a' => Some(7),
                    'b' => Some(8),
                    'f' => Some(12),
                    'n' => Some(b'\n'),
                    'r' => Some(b'\r'),
                    't' => Some(b'\t'),
                    'v' => Some(11),
                    '\\' => Some(b'\\'),
                    '"' => Some(b'"'),
                    '\'' => Some(b'\''),
                    _ => None,
                };
                if let Some(b) = simple {
                    out.push(b);
                    continue;
                }
                match e {
                    'x' => out.push(hex(cs, 2)? as u8),
                    'u' | 'U' => {
                        let v = hex(cs, if e == 'u' { 4 } else { 8 })?;
                        let ch = char::from_u32(v)
                            .ok_or(format!("invalid code point \\{e}{v:x} in string"))?;
                        out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
                    }
                    '0'..='7' => {
                        let mut v = e as u32 - '0' as u32;
                        for _ in 0..2 {
                            let Some((_, d)) = cs.next_if(|&(_, d)| ('0'..='7').contains(&d))
                            else {
                                return Err("octal escape needs three digits".into());
                            };
                            v = v * 8 + (d as u32 - '0' as u32);
                        }
                        if v > 255 {
                            return Err(format!("octal escape \\{v:o} out of range"));
                        }
                        out.push(v as u8);
                    }
                    _ => return Err(format!("unknown escape \\{e} in string")),
                }
            }
            c => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::print::tests::{sample_program, Fb};
    use super::super::verify;
    use super::*;

    fn round_trip(p: &Program) -> Program {
        let text = p.to_string();
        let q = parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(q.to_string(), text);
        q
    }

    #[test]
    fn sample_round_trips() {
        let p = sample_program();
        assert_eq!(round_trip(&p), p);
    }

    fn const_program(consts: &[(Type, Const)]) -> Program {
        let mut fb = Fb::new("main.k", &[], &[]);
        let insts = consts
            .iter()
            .map(|(t, c)| Inst::Const {
                dst: fb.reg(t.clone()),
                value: c.clone(),
            })
            .collect();
        fb.block(insts, Term::Return(vec![]));
        Program {
            data: vec![],
            globals: vec![],
            funcs: vec![fb.f],
        }
    }

    fn float_bits(p: &Program) -> Vec<u64> {
        p.funcs[0].blocks[0]
            .insts
            .iter()
            .map(|i| match i {
                Inst::Const {
                    value: Const::Float(x),
                    ..
                } => x.to_bits(),
                other => panic!("not a float constant: {other}"),
            })
            .collect()
    }

    #[test]
    fn floats_round_trip_bit_exactly() {
        // NaNs with any payload, infinities, zeros, subnormals, and a spread
        // of pseudo-random bit patterns.
        let mut bits = vec![
            0x7ff8_0000_0000_0000,
            0xfff8_0000_0000_0000,
            0x7ff0_0000_0000_0001,
            0x7fff_ffff_ffff_ffff,
            0x7ff0_0000_0000_0000,
            0xfff0_0000_0000_0000,
            0,
            1 << 63,
            1,
            0x000f_ffff_ffff_ffff,
            f64::MAX.to_bits(),
            f64::MIN_POSITIVE.to_bits(),
            (f32::MAX as f64).to_bits(),
            (f32::NAN as f64).to_bits(),
            1e16f64.to_bits(),
            123456789.0f64.to_bits(),
        ];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            bits.push(x);
        }
        let consts: Vec<_> = bits
            .iter()
            .map(|&b| (Type::F64, Const::Float(f64::from_bits(b))))
            .collect();
        let p = const_program(&consts);
        assert_eq!(float_bits(&round_trip(&p)), bits);
        let text = p.to_string();
        assert!(text.contains("const NaN\n"), "{text}");
        assert!(text.contains("const float(0xfff8000000000000)\n"), "{text}");
        assert!(text.contains("const float(0x7ff0000000000001)\n"), "{text}");
        assert!(text.contains("const 1e16\n"), "{text}");
        assert!(text.contains("const 123456789.0\n"), "{text}");
    }

    #[test]
    fn integer_and_string_constants() {
        let strs: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"plain".to_vec(),
            (0u8..=255).collect(),
            "日本\u{2028}\u{85}\u{7f}".as_bytes().to_vec(),
            b"\xe2\x82".to_vec(),
        ];
        let mut consts: Vec<_> = strs
            .into_iter()
            .map(|s| (Type::String, Const::Str(s)))
            .collect();
        for i in [0, 1, -1, i64::MIN, i64::MAX, 255, -128] {
            consts.push((Type::I64, Const::Int(i)));
        }
        consts.push((Type::Bool, Const::Bool(true)));
        consts.push((Type::slice(Type::String), Const::Zero));
        let p = const_program(&consts);
        assert_eq!(round_trip(&p), p);
    }

    #[test]
    fn accepts_hand_written_forms() {
        // Comments, blank lines, CRLF, Go escapes the printer does not use,
        // integers written in uint64 range, and a float with an exponent.
        let text = "// a comment\r\n\
            global main.g struct{x int64; \"y z\" *[2]float32} // trailing\n\
            \n\
            func main.f(%1 int64, %0 uint64) {\n\
            %2 string\n\
            %3 float64\n\
            b0:\n\
              %0 = const 18446744073709551615   // max uint64\n\
              %2 = const \"\\a\\101\\u00e9\\U0001F600\\'\"\n\
              %3 = const 2.5E-3\n\
              return\n\
            }\n";
        let p = parse(text).unwrap();
        let f = &p.funcs[0];
        assert_eq!(f.params, vec![Reg(1), Reg(0)]);
        assert_eq!(f.regs, vec![Type::U64, Type::I64, Type::String, Type::F64]);
        let b = &f.blocks[0].insts;
        assert_eq!(
            b[0],
            Inst::Const {
                dst: Reg(0),
                value: Const::Int(-1)
            }
        );
        assert_eq!(
            b[1],
            Inst::Const {
                dst: Reg(2),
                value: Const::Str("\x07Aé😀'".as_bytes().to_vec())
            }
        );
        assert_eq!(
            b[2],
            Inst::Const {
                dst: Reg(3),
                value: Const::Float(2.5e-3)
            }
        );
        assert_eq!(
            p.globals[0].ty.to_string(),
            "struct{x int64; y z *[2]float32}"
        );
        assert_eq!(round_trip(&p), p);
        assert_eq!(parse("").unwrap(), Program::default());
    }

    #[test]
    fn parse_type_reads_every_constructor() {
        for t in [
            "bool",
            "*[]string",
            "[0]struct{}",
            "struct{a [3][]*uint16; b struct{c int8; \"d e\" float64}}",
            "[18446744073709551615]uint32",
        ] {
            assert_eq!(super::super::print::type_text(&parse_type(t).unwrap()), t);
        }
        assert!(parse_type("int").unwrap_err().contains("expected a type"));
        assert!(parse_type("[3]").is_err());
        assert!(parse_type("struct{a int8;}").is_err());
    }

    #[test]
    fn errors_name_the_line() {
        let cases: &[(&str, &str)] = &[
            (
                "globl x int64",
                "line 1: expected `type`, `data`, `global` or `func`",
            ),
            (
                "global x int64 extra",
                "line 1: expected end of line, found \"extra\"",
            ),
            (
                "\nfunc f() {\n%0 int64\nb0:\n  %0 = frob %0\n  return\n}",
                "line 5: unknown instruction \"frob\"",
            ),
            ("func f() {\nb0:\n  return\n", "func f: missing closing `}`"),
            (
                "func f() {\nb0:\n  %0 = const 1\n}",
                "line 4: block b0 has no terminator",
            ),
            (
                "func f() {\nb1:\n  return\n}",
                "line 2: expected label b0, found b1",
            ),
            (
                "func f() {\nb0:\n  jump b1\nb0:\n  return\n}",
                "line 4: expected label b1, found b0",
            ),
            (
                "func f() {\n%0 int64\n%0 bool\nb0:\n  return\n}",
                "line 3: %0 declared twice",
            ),
            (
                "func f(%0 int64) {\n%0 bool\nb0:\n  return\n}",
                "line 2: %0 declared twice",
            ),
            (
                "func f() {\n%1 int64\nb0:\n  return\n}",
                "func f: register %0 is not declared",
            ),
            (
                "func f() {\nb0:\n%0 int64\n  return\n}",
                "line 3: declaration of %0 after the first block label",
            ),
            ("func f() {\n  return\n}", "line 2: expected a block label"),
            (
                "func f() {\nb0:\n  return\n  return\n}",
                "line 4: expected a block label",
            ),
            (
                "func f() {\nb0:\n  %0, %1 = load %2\n  return\n}",
                "line 3: only `call` has several destinations",
            ),
            (
                "func f() {\nb0:\n  %0 = const \"abc\n  return\n}",
                "line 3: unterminated string",
            ),
            (
                "func f() {\nb0:\n  %0 = const \"\\q\"\n  return\n}",
                "line 3: unknown escape \\q",
            ),
            (
                "func f() {\nb0:\n  %0 = const 99999999999999999999\n  return\n}",
                "line 3: integer constant",
            ),
            (
                "func f() {\nb0:\n  %0 = const float(12)\n  return\n}",
                "line 3: expected the float's bits",
            ),
            (
                "func f() {\nb0:\n  %0 = slice %1[%2:%3:]\n  return\n}",
                "line 3: a third slice index must not be empty",
            ),
            (
                "func f() {\nb0:\n  %0 = fieldaddr %1, %2\n  return\n}",
                "line 3: expected a field index",
            ),
            (
                "func f() {\nb0:\n  if %0, b1\n}",
                "line 3: expected `,`, found end of line",
            ),
            (
                "func f() {\nb0:\n  jump 1\n}",
                "line 3: expected a block label like b0",
            ),
            (
                "func f() {\nb0:\n  store %0 %1\n}",
                "line 3: expected `,`, found %1",
            ),
            (
                "func f() {\nb0:\n  %0 = add %1, @\n}",
                "line 3: unexpected character '@'",
            ),
            ("func f(%0 int) {", "line 1: expected a type, found \"int\""),
        ];
        for (text, want) in cases {
            match parse(text) {
                Ok(p) => panic!("{text:?} parsed as\n{p}"),
                Err(e) => assert!(e.starts_with(want), "{text:?}: got {e:?}, want {want:?}"),
            }
        }
    }

    /// Every fixture in testdata/ir parses, prints back to text that parses
    /// to the same program, and verifies.
    #[test]
    fn fixtures_round_trip_and_verify() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/ir");
        let mut n = 0;
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "ir"))
            .collect();
        entries.sort();
        for path in entries {
            let text = std::fs::read_to_string(&path).unwrap();
            let p = parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(round_trip(&p), p, "{}", path.display());
            if let Err(errs) = verify(&p) {
                panic!("{}:\n{}", path.display(), errs.join("\n"));
            }
            n += 1;
        }
        assert!(n >= 3, "expected fixtures in {}", dir.display());
    }
}
