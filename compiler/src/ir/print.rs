//! The IR's text form: `Display` for [`Program`], [`Func`], [`Global`],
//! [`Inst`], [`Term`] and [`Const`]. docs/IR.md gives the grammar;
//! [`super::parse`] reads exactly this form back, so that
//! `parse(&p.to_string()) == Ok(p)` for every program.
//!
//! The printer never panics, even on a program the verifier would reject
//! (an out-of-range parameter register prints its type as `<invalid>`), so
//! verifier messages can always show the instruction at fault.
//!
//! Decisions that make the text read back exactly:
//! - Integers print in decimal; floats in Rust's shortest round-trip form
//!   (always with a `.` or an exponent, so they never read as integers),
//!   `+Inf`, `-Inf`, `NaN` for the canonical quiet NaN, and
//!   `float(0x...)` (the 64 bits in hex) for any other NaN.
//! - Strings print Go-quoted; bytes that are not valid UTF-8 print as `\xNN`.
//! - Symbol and field names print bare when they are made of letters,
//!   digits, `_`, `.` and `$` and do not start with a digit; any other name
//!   prints Go-quoted.

use std::fmt::{self, Write};

use std::sync::Arc;

use super::{
    BinaryOp, Const, DataItem, Func, Global, Inst, NamedType, Program, Reg, StrConv, Term, Type,
    UnaryOp,
};

impl fmt::Display for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for n in named_types(self) {
            f.write_str("type ")?;
            write_symbol(f, &n.name)?;
            f.write_char(' ')?;
            write_type(f, n.def())?;
            f.write_char('\n')?;
        }
        for d in &self.data {
            f.write_str("data ")?;
            write_symbol(f, &d.name)?;
            f.write_str(" {")?;
            for (i, item) in d.items.iter().enumerate() {
                f.write_str(if i > 0 { "; " } else { "" })?;
                match item {
                    DataItem::Word(w) => write!(f, "word {w}")?,
                    DataItem::Addr(s) => {
                        f.write_str("addr ")?;
                        write_symbol(f, s)?
                    }
                    DataItem::Str(b) => {
                        f.write_str("str ")?;
                        write_quoted(f, b)?
                    }
                    DataItem::Shape(t) => {
                        f.write_str("shape ")?;
                        write_type(f, t)?
                    }
                }
            }
            f.write_str("}\n")?;
        }
        for g in &self.globals {
            writeln!(f, "{g}")?;
        }
        for (i, func) in self.funcs.iter().enumerate() {
            if i > 0 || !self.globals.is_empty() {
                writeln!(f)?;
            }
            write!(f, "{func}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Global {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("global ")?;
        write_symbol(f, &self.name)?;
        f.write_char(' ')?;
        write_type(f, &self.ty)
    }
}

impl fmt::Display for Func {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("func ")?;
        write_symbol(f, &self.name)?;
        f.write_char('(')?;
        for (i, &p) in self.params.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{p} ")?;
            match self.regs.get(p.0 as usize) {
                Some(t) => write_type(f, t)?,
                None => f.write_str("<invalid>")?,
            }
        }
        f.write_char(')')?;
        if !self.results.is_empty() {
            f.write_str(" (")?;
            for (i, t) in self.results.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write_type(f, t)?;
            }
            f.write_char(')')?;
        }
        if self.nosplit {
            f.write_str(" nosplit")?;
        }
        if self.wrapper {
            f.write_str(" wrapper")?;
        }
        if !self.file.is_empty() {
            f.write_str(" file ")?;
            write_quoted(f, self.file.as_bytes())?;
        }
        f.write_str(" {\n")?;
        for (i, t) in self.regs.iter().enumerate() {
            if self.params.contains(&Reg(i as u32)) {
                continue;
            }
            write!(f, "    %{i} ")?;
            write_type(f, t)?;
            f.write_char('\n')?;
        }
        for (i, b) in self.blocks.iter().enumerate() {
            writeln!(f, "b{i}:")?;
            for inst in &b.insts {
                writeln!(f, "    {inst}")?;
            }
            writeln!(f, "    {}", b.term)?;
        }
        f.write_str("}\n")
    }
}

impl fmt::Display for Reg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "%{}", self.0)
    }
}

impl fmt::Display for super::BlockId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "b{}", self.0)
    }
}

/// The mnemonic of a unary operator.
pub fn unary_name(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Neg => "neg",
        UnaryOp::Not => "not",
        UnaryOp::BitNot => "bitnot",
    }
}

/// The mnemonic of a binary operator.
pub fn binary_name(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "add",
        BinaryOp::Sub => "sub",
        BinaryOp::Mul => "mul",
        BinaryOp::Div => "div",
        BinaryOp::Rem => "rem",
        BinaryOp::And => "and",
        BinaryOp::Or => "or",
        BinaryOp::Xor => "xor",
        BinaryOp::AndNot => "andnot",
        BinaryOp::Shl => "shl",
        BinaryOp::Shr => "shr",
        BinaryOp::Eq => "eq",
        BinaryOp::Ne => "ne",
        BinaryOp::Lt => "lt",
        BinaryOp::Le => "le",
        BinaryOp::Gt => "gt",
        BinaryOp::Ge => "ge",
    }
}

/// The mnemonic of a string conversion.
pub fn strconv_name(op: StrConv) -> &'static str {
    match op {
        StrConv::StringToBytes => "strconv.string_to_bytes",
        StrConv::StringToRunes => "strconv.string_to_runes",
        StrConv::BytesToString => "strconv.bytes_to_string",
        StrConv::RunesToString => "strconv.runes_to_string",
        StrConv::RuneToString => "strconv.rune_to_string",
    }
}

pub(crate) const UNARY_OPS: [UnaryOp; 3] = [UnaryOp::Neg, UnaryOp::Not, UnaryOp::BitNot];

pub(crate) const BINARY_OPS: [BinaryOp; 17] = [
    BinaryOp::Add,
    BinaryOp::Sub,
    BinaryOp::Mul,
    BinaryOp::Div,
    BinaryOp::Rem,
    BinaryOp::And,
    BinaryOp::Or,
    BinaryOp::Xor,
    BinaryOp::AndNot,
    BinaryOp::Shl,
    BinaryOp::Shr,
    BinaryOp::Eq,
    BinaryOp::Ne,
    BinaryOp::Lt,
    BinaryOp::Le,
    BinaryOp::Gt,
    BinaryOp::Ge,
];

pub(crate) const STRCONV_OPS: [StrConv; 5] = [
    StrConv::StringToBytes,
    StrConv::StringToRunes,
    StrConv::BytesToString,
    StrConv::RunesToString,
    StrConv::RuneToString,
];

impl fmt::Display for Inst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Inst::Const { dst, value } => write!(f, "{dst} = const {value}"),
            Inst::Copy { dst, src } => write!(f, "{dst} = copy {src}"),
            Inst::Unary { dst, op, x } => write!(f, "{dst} = {} {x}", unary_name(*op)),
            Inst::Binary { dst, op, x, y } => write!(f, "{dst} = {} {x}, {y}", binary_name(*op)),
            Inst::Convert { dst, x } => write!(f, "{dst} = convert {x}"),
            Inst::StrConv { dst, op, x } => write!(f, "{dst} = {} {x}", strconv_name(*op)),
            Inst::Alloca { dst, ty } => {
                write!(f, "{dst} = alloca ")?;
                write_type(f, ty)
            }
            Inst::New { dst, ty } => {
                write!(f, "{dst} = new ")?;
                write_type(f, ty)
            }
            Inst::GlobalAddr { dst, name } => {
                write!(f, "{dst} = globaladdr ")?;
                write_symbol(f, name)
            }
            Inst::Load { dst, ptr } => write!(f, "{dst} = load {ptr}"),
            Inst::Store { ptr, src } => write!(f, "store {ptr}, {src}"),
            Inst::Atomic { dst, op, ptr, args } => {
                write!(f, "{dst} = {} {ptr}", op.name())?;
                for a in args {
                    write!(f, ", {a}")?;
                }
                Ok(())
            }
            Inst::AtomicStore { ptr, src } => write!(f, "atomicstore {ptr}, {src}"),
            Inst::MemCopy { dst, src } => write!(f, "memcopy {dst}, {src}"),
            Inst::MemZero { ptr } => write!(f, "memzero {ptr}"),
            Inst::NilCheck { ptr } => write!(f, "nilcheck {ptr}"),
            Inst::DeferProc { func } => write!(f, "deferproc {func}"),
            Inst::DeferReturn => f.write_str("deferreturn"),
            Inst::FieldAddr { dst, ptr, field } => write!(f, "{dst} = fieldaddr {ptr}, {field}"),
            Inst::IndexAddr { dst, ptr, index } => write!(f, "{dst} = indexaddr {ptr}, {index}"),
            Inst::ElemAddr { dst, slice, index } => write!(f, "{dst} = elemaddr {slice}, {index}"),
            Inst::StringByte { dst, s, index } => write!(f, "{dst} = stringbyte {s}, {index}"),
            Inst::Len { dst, x } => write!(f, "{dst} = len {x}"),
            Inst::Cap { dst, x } => write!(f, "{dst} = cap {x}"),
            Inst::DataPtr { dst, x } => write!(f, "{dst} = dataptr {x}"),
            Inst::SliceOf {
                dst,
                x,
                lo,
                hi,
                max,
            } => {
                write!(f, "{dst} = slice {x}[")?;
                write_opt(f, lo)?;
                f.write_char(':')?;
                write_opt(f, hi)?;
                if max.is_some() {
                    f.write_char(':')?;
                    write_opt(f, max)?;
                }
                f.write_char(']')
            }
            Inst::MakeSlice { dst, len, cap } => write!(f, "{dst} = makeslice {len}, {cap}"),
            Inst::GrowSlice { dst, slice, n } => write!(f, "{dst} = growslice {slice}, {n}"),
            Inst::CopySlice { dst, to, from } => write!(f, "{dst} = copyslice {to}, {from}"),
            Inst::MakeIface { dst, tab, data } => write!(f, "{dst} = makeiface {tab}, {data}"),
            Inst::IfaceWord { dst, x, word } => write!(f, "{dst} = ifaceword {x}, {word}"),
            Inst::ComplexMake { dst, re, im } => write!(f, "{dst} = complex {re}, {im}"),
            Inst::Line { line } => write!(f, "line {line}"),
            Inst::ComplexPart { dst, x, imag } => {
                write!(f, "{dst} = {} {x}", if *imag { "imag" } else { "real" })
            }
            Inst::CallPtr { dsts, code, args } => {
                for (i, d) in dsts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{d}")?;
                }
                if !dsts.is_empty() {
                    f.write_str(" = ")?;
                }
                write!(f, "callptr {code}(")?;
                write_regs(f, args)?;
                f.write_char(')')
            }
            Inst::FuncAddr { dst, func } => {
                write!(f, "{dst} = funcaddr ")?;
                write_symbol(f, func)
            }
            Inst::CallIndirect { dsts, callee, args } => {
                for (i, d) in dsts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{d}")?;
                }
                if !dsts.is_empty() {
                    f.write_str(" = ")?;
                }
                write!(f, "callind {callee}(")?;
                write_regs(f, args)?;
                f.write_char(')')
            }
            Inst::Call { dsts, func, args } => {
                for (i, d) in dsts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{d}")?;
                }
                if !dsts.is_empty() {
                    f.write_str(" = ")?;
                }
                f.write_str("call ")?;
                write_symbol(f, func)?;
                f.write_char('(')?;
                write_regs(f, args)?;
                f.write_char(')')
            }
        }
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Jump(b) => write!(f, "jump {b}"),
            Term::If { cond, then, els } => write!(f, "if {cond}, {then}, {els}"),
            Term::Return(rs) if rs.is_empty() => f.write_str("return"),
            Term::Return(rs) => {
                f.write_str("return ")?;
                write_regs(f, rs)
            }
            Term::Unreachable => f.write_str("unreachable"),
            Term::DeferFrame { normal, recover } => write!(f, "deferframe {normal}, {recover}"),
        }
    }
}

impl fmt::Display for Const {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Const::Int(i) => write!(f, "{i}"),
            Const::Float(x) => write_float(f, *x),
            Const::Complex(re, im) => {
                f.write_str("complex(")?;
                write_float(f, *re)?;
                f.write_str(", ")?;
                write_float(f, *im)?;
                f.write_str(")")
            }
            Const::Bool(b) => write!(f, "{b}"),
            Const::Str(s) => write_quoted(f, s),
            Const::Zero => f.write_str("zero"),
        }
    }
}

fn write_opt(f: &mut fmt::Formatter<'_>, r: &Option<Reg>) -> fmt::Result {
    match r {
        Some(r) => write!(f, "{r}"),
        None => Ok(()),
    }
}

fn write_regs(f: &mut fmt::Formatter<'_>, rs: &[Reg]) -> fmt::Result {
    for (i, r) in rs.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{r}")?;
    }
    Ok(())
}

/// The bit pattern of the NaN printed as `NaN` (Rust's and Go's quiet NaN).
pub(crate) const CANONICAL_NAN: u64 = 0x7ff8_0000_0000_0000;

fn write_float(f: &mut fmt::Formatter<'_>, x: f64) -> fmt::Result {
    if x.is_nan() {
        if x.to_bits() == CANONICAL_NAN {
            return f.write_str("NaN");
        }
        return write!(f, "float(0x{:016x})", x.to_bits());
    }
    if x.is_infinite() {
        return f.write_str(if x > 0.0 { "+Inf" } else { "-Inf" });
    }
    // `{:?}` is the shortest decimal that reads back to the same bits, and it
    // always has a `.` or an exponent; keep that guarantee explicit.
    let s = format!("{x:?}");
    f.write_str(&s)?;
    if !s.contains(['.', 'e', 'E']) {
        f.write_str(".0")?;
    }
    Ok(())
}

/// Writes `s` Go-quoted: `"`, `\` and control characters escaped, bytes that
/// are not part of valid UTF-8 as `\xNN`.
fn write_quoted(f: &mut impl Write, s: &[u8]) -> fmt::Result {
    f.write_char('"')?;
    for chunk in s.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\t' => f.write_str("\\t")?,
                '\r' => f.write_str("\\r")?,
                '\x07' => f.write_str("\\a")?,
                '\x08' => f.write_str("\\b")?,
                '\x0c' => f.write_str("\\f")?,
                '\x0b' => f.write_str("\\v")?,
                c if (c as u32) < 0x80 && !(' '..='~').contains(&c) => {
                    write!(f, "\\x{:02x}", c as u32)?
                }
                // Control characters and whitespace other than ' ' are all
                // in the Basic Multilingual Plane.
                c if c.is_control() || (c.is_whitespace() && c != ' ') || c == '\u{feff}' => {
                    write!(f, "\\u{:04x}", c as u32)?
                }
                c => f.write_char(c)?,
            }
        }
        for b in chunk.invalid() {
            write!(f, "\\x{b:02x}")?;
        }
    }
    f.write_char('"')
}

/// Whether a symbol or field name can be printed without quotes.
pub(crate) fn is_bare_name(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c.is_alphabetic() || c == '_' => {}
        _ => return false,
    }
    cs.all(is_name_char)
}

pub(crate) fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.' || c == '$'
}

fn write_symbol(f: &mut impl Write, s: &str) -> fmt::Result {
    if is_bare_name(s) {
        f.write_str(s)
    } else {
        write_quoted(f, s.as_bytes())
    }
}

/// Writes a type as the IR text shows it. This is `Type`'s `Display` except
/// that a field name that is not a bare name is quoted, so it reads back.
pub fn write_type(f: &mut impl Write, t: &Type) -> fmt::Result {
    match t {
        Type::Ptr(t) => {
            f.write_char('*')?;
            write_type(f, t)
        }
        Type::Slice(t) => {
            f.write_str("[]")?;
            write_type(f, t)
        }
        Type::Array(n, t) => {
            write!(f, "[{n}]")?;
            write_type(f, t)
        }
        Type::Struct(fields) => {
            f.write_str("struct{")?;
            for (i, fl) in fields.iter().enumerate() {
                if i > 0 {
                    f.write_str("; ")?;
                }
                write_symbol(f, &fl.name)?;
                f.write_char(' ')?;
                write_type(f, &fl.ty)?;
            }
            f.write_char('}')
        }
        Type::Named(n) => write_symbol(f, &n.name),
        Type::Func(sig) => {
            f.write_str("func(")?;
            for (i, t) in sig.params.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write_type(f, t)?;
            }
            f.write_str(") (")?;
            for (i, t) in sig.results.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write_type(f, t)?;
            }
            f.write_char(')')
        }
        t => write!(f, "{t}"),
    }
}

/// Every named type the program mentions, each once, in order of first
/// mention (definitions included).
pub fn named_types(p: &Program) -> Vec<Arc<NamedType>> {
    fn visit(t: &Type, out: &mut Vec<Arc<NamedType>>) {
        match t {
            Type::Ptr(e) | Type::Slice(e) | Type::Array(_, e) => visit(e, out),
            Type::Func(sig) => sig
                .params
                .iter()
                .chain(&sig.results)
                .for_each(|t| visit(t, out)),
            Type::Struct(fields) => fields.iter().for_each(|f| visit(&f.ty, out)),
            Type::Named(n) if !out.iter().any(|m| m.name == n.name) => {
                out.push(n.clone());
                visit(n.def(), out);
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for g in &p.globals {
        visit(&g.ty, &mut out);
    }
    for d in &p.data {
        for item in &d.items {
            if let DataItem::Shape(t) = item {
                visit(t, &mut out);
            }
        }
    }
    for f in &p.funcs {
        f.regs.iter().for_each(|t| visit(t, &mut out));
        f.results.iter().for_each(|t| visit(t, &mut out));
        for b in &f.blocks {
            for i in &b.insts {
                if let Inst::Alloca { ty, .. } | Inst::New { ty, .. } = i {
                    visit(ty, &mut out);
                }
            }
        }
    }
    out
}

/// A type in IR text form (see [`write_type`]).
pub fn type_text(t: &Type) -> String {
    let mut s = String::new();
    let _ = write_type(&mut s, t);
    s
}

/// A string Go-quoted as the IR text shows string constants.
pub fn quote(s: &[u8]) -> String {
    let mut out = String::new();
    let _ = write_quoted(&mut out, s);
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::{Block, BlockId, Field, Global};
    use super::*;

    /// A function under construction: registers are added with their type.
    pub(crate) struct Fb {
        pub f: Func,
    }

    impl Fb {
        pub fn new(name: &str, params: &[Type], results: &[Type]) -> Fb {
            let mut fb = Fb {
                f: Func {
                    name: name.into(),
                    params: Vec::new(),
                    results: results.to_vec(),
                    regs: Vec::new(),
                    blocks: Vec::new(),
                    nosplit: false,
                    wrapper: false,
                    file: String::new(),
                },
            };
            for t in params {
                let r = fb.reg(t.clone());
                fb.f.params.push(r);
            }
            fb
        }

        pub fn reg(&mut self, t: Type) -> Reg {
            self.f.regs.push(t);
            Reg(self.f.regs.len() as u32 - 1)
        }

        pub fn block(&mut self, insts: Vec<Inst>, term: Term) {
            self.f.blocks.push(Block { insts, term });
        }
    }

    pub(crate) fn s_type() -> Type {
        Type::Struct(vec![
            Field {
                name: "a".into(),
                ty: Type::I64,
            },
            Field {
                name: "b".into(),
                ty: Type::Array(4, Box::new(Type::U16)),
            },
            Field {
                name: "odd name".into(),
                ty: Type::F32,
            },
            Field {
                name: "s".into(),
                ty: Type::Struct(vec![]),
            },
        ])
    }

    /// A valid program that uses every instruction, terminator, constant
    /// kind and type constructor (NaN constants aside, since `NaN != NaN`
    /// would make `==` on programs useless).
    pub(crate) fn sample_program() -> Program {
        use BinaryOp::*;
        let s = s_type();
        let mut fb = Fb::new(
            "main.all",
            &[
                Type::I64,
                Type::String,
                Type::slice(Type::I32),
                Type::ptr(s.clone()),
            ],
            &[Type::I64, Type::String],
        );
        let [x, st, sl, sp] = [Reg(0), Reg(1), Reg(2), Reg(3)];
        let b = fb.reg(Type::Bool);
        let i8_ = fb.reg(Type::I8);
        let i16_ = fb.reg(Type::I16);
        let i32_ = fb.reg(Type::I32);
        let u8_ = fb.reg(Type::U8);
        let u16_ = fb.reg(Type::U16);
        let u32_ = fb.reg(Type::U32);
        let u64_ = fb.reg(Type::U64);
        let f32_ = fb.reg(Type::F32);
        let f64_ = fb.reg(Type::F64);
        let pa = fb.reg(Type::ptr(Type::I64));
        let parr = fb.reg(Type::ptr(Type::Array(4, Box::new(Type::U16))));
        let pu16 = fb.reg(Type::ptr(Type::U16));
        let pi32 = fb.reg(Type::ptr(Type::I32));
        let bytes = fb.reg(Type::slice(Type::U8));
        let runes = fb.reg(Type::slice(Type::I32));
        let sp2 = fb.reg(Type::ptr(s.clone()));
        let pg = fb.reg(Type::ptr(Type::I64));
        let u16s = fb.reg(Type::slice(Type::U16));
        let pu8 = fb.reg(Type::ptr(Type::U8));
        let st2 = fb.reg(Type::String);
        let n = fb.reg(Type::I64);
        let pw = fb.reg(Type::ptr(Type::Struct(vec![Field {
            name: "_".into(),
            ty: Type::slice(Type::String),
        }])));
        let c = |dst, value| Inst::Const { dst, value };
        fb.block(
            vec![
                c(x, Const::Int(i64::MIN)),
                c(i8_, Const::Int(-1)),
                c(u64_, Const::Int(-1)),
                c(f64_, Const::Float(-0.0)),
                c(f64_, Const::Float(0.1)),
                c(f64_, Const::Float(1e300)),
                c(f64_, Const::Float(5e-324)),
                c(f64_, Const::Float(f64::INFINITY)),
                c(f64_, Const::Float(f64::NEG_INFINITY)),
                c(f32_, Const::Float(1.0)),
                c(f32_, Const::Float(1e20)),
                c(b, Const::Bool(true)),
                c(b, Const::Bool(false)),
                c(
                    st2,
                    Const::Str(
                        b"a\"b\\c\n\t\r\x00\x7f\xff\xfe \xe2\x82\xac\xe2\x80\xa8 // x".to_vec(),
                    ),
                ),
                c(st2, Const::Str(Vec::new())),
                c(pa, Const::Zero),
                Inst::Copy { dst: n, src: x },
                Inst::Unary {
                    dst: n,
                    op: UnaryOp::Neg,
                    x: n,
                },
                Inst::Unary {
                    dst: b,
                    op: UnaryOp::Not,
                    x: b,
                },
                Inst::Unary {
                    dst: u32_,
                    op: UnaryOp::BitNot,
                    x: u32_,
                },
            ]
            .into_iter()
            .chain(BINARY_OPS.iter().map(|&op| Inst::Binary {
                dst: if op.is_comparison() { b } else { n },
                op,
                x: n,
                y: if matches!(op, Shl | Shr) { u8_ } else { n },
            }))
            .chain([
                Inst::Binary {
                    dst: st2,
                    op: Add,
                    x: st2,
                    y: st,
                },
                Inst::Convert { dst: f32_, x: i16_ },
                Inst::Convert { dst: i32_, x: f64_ },
                Inst::StrConv {
                    dst: bytes,
                    op: StrConv::StringToBytes,
                    x: st,
                },
                Inst::StrConv {
                    dst: runes,
                    op: StrConv::StringToRunes,
                    x: st,
                },
                Inst::StrConv {
                    dst: st2,
                    op: StrConv::BytesToString,
                    x: bytes,
                },
                Inst::StrConv {
                    dst: st2,
                    op: StrConv::RunesToString,
                    x: runes,
                },
                Inst::StrConv {
                    dst: st2,
                    op: StrConv::RuneToString,
                    x: i32_,
                },
            ])
            .collect(),
            Term::If {
                cond: b,
                then: BlockId(1),
                els: BlockId(2),
            },
        );
        fb.block(
            vec![
                Inst::Alloca {
                    dst: sp2,
                    ty: s.clone(),
                },
                Inst::New {
                    dst: sp2,
                    ty: s.clone(),
                },
                Inst::New {
                    dst: pw,
                    ty: Type::Struct(vec![Field {
                        name: "_".into(),
                        ty: Type::slice(Type::String),
                    }]),
                },
                Inst::GlobalAddr {
                    dst: pg,
                    name: "main.counter".into(),
                },
                Inst::Load { dst: n, ptr: pg },
                Inst::Store { ptr: pg, src: n },
                Inst::MemCopy { dst: sp2, src: sp },
                Inst::MemZero { ptr: sp2 },
                Inst::NilCheck { ptr: sp },
                Inst::FieldAddr {
                    dst: pa,
                    ptr: sp,
                    field: 0,
                },
                Inst::FieldAddr {
                    dst: parr,
                    ptr: sp,
                    field: 1,
                },
                Inst::IndexAddr {
                    dst: pu16,
                    ptr: parr,
                    index: u8_,
                },
                Inst::ElemAddr {
                    dst: pi32,
                    slice: sl,
                    index: x,
                },
                Inst::StringByte {
                    dst: u8_,
                    s: st,
                    index: u16_,
                },
                Inst::Len { dst: n, x: st },
                Inst::Len { dst: n, x: sl },
                Inst::Cap { dst: n, x: sl },
                Inst::DataPtr { dst: pu8, x: st },
                Inst::DataPtr { dst: pi32, x: sl },
                Inst::SliceOf {
                    dst: st2,
                    x: st,
                    lo: None,
                    hi: None,
                    max: None,
                },
                Inst::SliceOf {
                    dst: st2,
                    x: st,
                    lo: Some(n),
                    hi: None,
                    max: None,
                },
                Inst::SliceOf {
                    dst: runes,
                    x: sl,
                    lo: None,
                    hi: Some(n),
                    max: None,
                },
                Inst::SliceOf {
                    dst: runes,
                    x: sl,
                    lo: None,
                    hi: None,
                    max: Some(i8_),
                },
                Inst::SliceOf {
                    dst: runes,
                    x: sl,
                    lo: Some(n),
                    hi: Some(n),
                    max: Some(n),
                },
                Inst::SliceOf {
                    dst: u16s,
                    x: parr,
                    lo: Some(u32_),
                    hi: None,
                    max: None,
                },
                Inst::MakeSlice {
                    dst: bytes,
                    len: n,
                    cap: u64_,
                },
                Inst::GrowSlice {
                    dst: bytes,
                    slice: bytes,
                    n,
                },
                Inst::CopySlice {
                    dst: n,
                    to: bytes,
                    from: st,
                },
                Inst::CopySlice {
                    dst: n,
                    to: runes,
                    from: sl,
                },
                Inst::Call {
                    dsts: vec![n, st2],
                    func: "main.all".into(),
                    args: vec![x, st, sl, sp],
                },
                Inst::Call {
                    dsts: vec![],
                    func: "goc_program_init".into(),
                    args: vec![],
                },
                Inst::Call {
                    dsts: vec![st2],
                    func: "goc_concatstrings".into(),
                    args: vec![st, bytes, f64_],
                },
                Inst::Call {
                    dsts: vec![n, u8_],
                    func: "goc_runtime_pair".into(),
                    args: vec![],
                },
            ],
            Term::Jump(BlockId(3)),
        );
        fb.block(
            vec![Inst::Call {
                dsts: vec![],
                func: "goc_panic".into(),
                args: vec![st],
            }],
            Term::Unreachable,
        );
        fb.block(vec![], Term::Return(vec![n, st2]));
        let all = fb.f;

        let mut init = Fb::new(PROGRAM_INIT_NAME, &[], &[]);
        init.block(vec![], Term::Return(vec![]));
        let mut odd = Fb::new("main.(*T).odd name", &[Type::ptr(Type::I64)], &[]);
        odd.block(vec![], Term::Return(vec![]));
        Program {
            data: vec![],
            globals: vec![
                Global {
                    name: "main.counter".into(),
                    ty: Type::I64,
                },
                Global {
                    name: "main.s".into(),
                    ty: s,
                },
                Global {
                    name: "main.Ü$x".into(),
                    ty: Type::Array(2, Box::new(Type::String)),
                },
                Global {
                    name: "9lives".into(),
                    ty: Type::F32,
                },
            ],
            funcs: vec![all, init.f, odd.f],
        }
    }

    const PROGRAM_INIT_NAME: &str = super::super::PROGRAM_INIT;

    #[test]
    fn prints_readable_text() {
        let text = sample_program().to_string();
        for want in [
            "global main.counter int64\n",
            "global main.s struct{a int64; b [4]uint16; \"odd name\" float32; s struct{}}\n",
            "global \"9lives\" float32\n",
            "func main.all(%0 int64, %1 string, %2 []int32, %3 *struct{a int64; b [4]uint16; \"odd name\" float32; s struct{}}) (int64, string) {\n    %4 bool\n",
            "b0:\n    %0 = const -9223372036854775808\n",
            "    %13 = const -0.0\n",
            "    %13 = const 0.1\n",
            "    %13 = const 1e300\n",
            "    %13 = const 5e-324\n",
            "    %13 = const +Inf\n",
            "    %13 = const -Inf\n",
            "    %12 = const 1.0\n",
            "    %12 = const 1e20\n",
            "    %24 = const \"a\\\"b\\\\c\\n\\t\\r\\x00\\x7f\\xff\\xfe €\\u2028 // x\"\n",
            "    %14 = const zero\n",
            "    %25 = shl %25, %8\n",
            "    %4 = ge %25, %25\n",
            "    %12 = convert %6\n",
            "    %18 = strconv.string_to_bytes %1\n",
            "    if %4, b1, b2\n",
            "    %20 = alloca struct{a int64;",
            "    %26 = new struct{_ []string}\n",
            "    %21 = globaladdr main.counter\n",
            "    store %21, %25\n",
            "    memcopy %20, %3\n",
            "    %15 = fieldaddr %3, 1\n",
            "    %16 = indexaddr %15, %8\n",
            "    %24 = slice %1[:]\n",
            "    %24 = slice %1[%25:]\n",
            "    %19 = slice %2[:%25]\n",
            "    %19 = slice %2[::%5]\n",
            "    %19 = slice %2[%25:%25:%25]\n",
            "    %25, %24 = call main.all(%0, %1, %2, %3)\n",
            "    call goc_program_init()\n",
            "    jump b3\n",
            "    unreachable\n",
            "b3:\n    return %25, %24\n}\n",
            "\nfunc goc_program_init() {\nb0:\n    return\n}\n",
            "func \"main.(*T).odd name\"(%0 *int64) {\n",
        ] {
            assert!(text.contains(want), "missing {want:?} in\n{text}");
        }
    }

    #[test]
    fn quoting() {
        assert_eq!(quote(b"\xe4\xb8\x96\xff"), "\"世\\xff\"");
        assert_eq!(
            quote("\u{1}\u{85}\u{feff}\u{2029}".as_bytes()),
            "\"\\x01\\u0085\\ufeff\\u2029\""
        );
        assert!(is_bare_name("main.T.Method"));
        assert!(is_bare_name("goc_program_init"));
        assert!(!is_bare_name("1x") && !is_bare_name("") && !is_bare_name("a b"));
    }
}
