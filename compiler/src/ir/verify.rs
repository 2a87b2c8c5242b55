//! The IR verifier: checks the invariants that mod.rs and each instruction's
//! doc comment state, so that lowering bugs show up as a message naming the
//! function, block and instruction rather than as a Cranelift verifier error
//! or a miscompiled program. docs/IR.md lists the rules.
//!
//! The verifier reports every broken rule it finds, at most one per
//! instruction (an instruction with an out-of-range register is not
//! type-checked further), in program order.

use std::collections::{HashMap, HashSet};

use super::print::type_text;
use super::{
    BinaryOp, Const, Func, Inst, Program, Reg, StrConv, Term, Type, UnaryOp, PROGRAM_INIT,
};

/// Checks the whole program; on failure returns one message per problem,
/// each naming where it is, like
/// `func main.f: b2: inst 0 (%3 = add %1, %2): operands have different types int64 and string`.
pub fn verify(p: &Program) -> Result<(), Vec<String>> {
    let mut errs = Vec::new();
    let mut funcs: HashMap<&str, &Func> = HashMap::new();
    let mut globals: HashMap<&str, &Type> = HashMap::new();
    for g in &p.globals {
        if globals.insert(&g.name, &g.ty).is_some() {
            errs.push(format!("global {}: defined twice", g.name));
        }
    }
    for f in &p.funcs {
        if funcs.insert(&f.name, f).is_some() {
            errs.push(format!("func {}: defined twice", f.name));
        } else if globals.contains_key(f.name.as_str()) {
            errs.push(format!("func {}: name is also a global's", f.name));
        }
    }
    let mut data: HashSet<&str> = HashSet::new();
    for d in &p.data {
        if !data.insert(&d.name)
            || globals.contains_key(d.name.as_str())
            || funcs.contains_key(d.name.as_str())
        {
            errs.push(format!("data {}: name defined twice", d.name));
        }
    }
    let cx = Cx {
        funcs,
        globals,
        data,
    };
    for f in &p.funcs {
        cx.func(f, &mut errs);
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs)
    }
}

struct Cx<'p> {
    funcs: HashMap<&'p str, &'p Func>,
    globals: HashMap<&'p str, &'p Type>,
    data: HashSet<&'p str>,
}

/// The machine words a register type takes in a runtime call.
fn words(t: &Type) -> usize {
    match t {
        Type::String | Type::Iface => 2,
        Type::Slice(_) => 3,
        _ => 1,
    }
}

fn tt(t: &Type) -> String {
    type_text(t)
}

impl Cx<'_> {
    fn func(&self, f: &Func, errs: &mut Vec<String>) {
        let name = &f.name;
        if f.blocks.is_empty() {
            errs.push(format!("func {name}: has no blocks"));
        }
        for (i, t) in f.regs.iter().enumerate() {
            if !t.is_register() {
                errs.push(format!(
                    "func {name}: %{i} has memory type {}, not a register type",
                    tt(t)
                ));
            }
        }
        for (i, &p) in f.params.iter().enumerate() {
            if p.0 as usize >= f.regs.len() {
                errs.push(format!(
                    "func {name}: parameter {i} is {p}, out of range ({} registers)",
                    f.regs.len()
                ));
            } else if f.params[..i].contains(&p) {
                errs.push(format!(
                    "func {name}: parameter {i} is {p}, which is also an earlier parameter"
                ));
            }
        }
        for (i, t) in f.results.iter().enumerate() {
            if !t.is_register() {
                errs.push(format!(
                    "func {name}: result {i} has memory type {}, not a register type",
                    tt(t)
                ));
            }
        }
        if name == PROGRAM_INIT && (!f.params.is_empty() || !f.results.is_empty()) {
            errs.push(format!(
                "func {name}: the program initialiser takes no parameters and returns nothing"
            ));
        }
        let defer_frame = f.has_defer_frame();
        for (b, block) in f.blocks.iter().enumerate() {
            for (i, inst) in block.insts.iter().enumerate() {
                let placed = match inst {
                    Inst::DeferProc { .. } | Inst::DeferReturn if !defer_frame => {
                        Err("the function has no defer frame (block 0 must end in deferframe)")
                    }
                    Inst::DeferProc { .. } | Inst::DeferReturn if b == 0 => {
                        Err("block 0 runs before the defer frame is set up")
                    }
                    _ => Ok(()),
                };
                if let Err(m) = placed
                    .map_err(str::to_string)
                    .and_then(|_| self.inst(f, inst))
                {
                    errs.push(format!("func {name}: b{b}: inst {i} ({inst}): {m}"));
                }
            }
            if b != 0 && matches!(block.term, Term::DeferFrame { .. }) {
                errs.push(format!(
                    "func {name}: b{b}: terminator ({}): deferframe is only allowed in block 0",
                    block.term
                ));
            }
            if let Err(m) = self.term(f, &block.term) {
                errs.push(format!(
                    "func {name}: b{b}: terminator ({}): {m}",
                    block.term
                ));
            }
        }
    }

    fn term(&self, f: &Func, t: &Term) -> Result<(), String> {
        let block = |b: super::BlockId| {
            if (b.0 as usize) < f.blocks.len() {
                Ok(())
            } else {
                Err(format!(
                    "target {b} out of range ({} blocks)",
                    f.blocks.len()
                ))
            }
        };
        match t {
            Term::Jump(b) => block(*b),
            Term::If { cond, then, els } => {
                let c = reg(f, *cond)?;
                block(*then)?;
                block(*els)?;
                expect(c, &Type::Bool, "condition")
            }
            Term::Return(rs) => {
                let tys = rs
                    .iter()
                    .map(|&r| reg(f, r))
                    .collect::<Result<Vec<_>, _>>()?;
                if rs.len() != f.results.len() {
                    return Err(format!(
                        "returns {} values, the function has {} results",
                        rs.len(),
                        f.results.len()
                    ));
                }
                for (i, (t, want)) in tys.iter().zip(&f.results).enumerate() {
                    if *t != want {
                        return Err(format!(
                            "result {i} has type {}, the function returns {}",
                            tt(t),
                            tt(want)
                        ));
                    }
                }
                Ok(())
            }
            Term::Unreachable => Ok(()),
            Term::DeferFrame { normal, recover } => {
                block(*normal)?;
                block(*recover)
            }
        }
    }

    fn inst(&self, f: &Func, inst: &Inst) -> Result<(), String> {
        let r = |x: Reg| reg(f, x);
        match inst {
            Inst::Const { dst, value } => {
                let d = r(*dst)?;
                let ok = match value {
                    Const::Int(_) => d.is_int(),
                    Const::Float(_) => d.is_float(),
                    Const::Complex(..) => d.is_complex(),
                    Const::Bool(_) => *d == Type::Bool,
                    Const::Str(_) => *d == Type::String,
                    Const::Zero => true,
                };
                if !ok {
                    return Err(format!(
                        "constant {value} does not fit destination type {}",
                        tt(d)
                    ));
                }
            }
            Inst::Copy { dst, src } => {
                let (d, s) = (r(*dst)?, r(*src)?);
                // A closure object's pointer and the function value made of
                // it are the same word.
                // A pointer (or function value) may be reinterpreted as
                // another: interface data words, itabs, closure objects.
                let pointer_word = |t: &Type| matches!(t, Type::Ptr(_) | Type::Func(_));
                if !(pointer_word(d) && pointer_word(s)) {
                    expect(d, s, "destination")?;
                }
            }
            Inst::FuncAddr { dst, func } => {
                if !self.funcs.contains_key(func.as_str()) {
                    return Err(format!(
                        "funcaddr of {func}, which is not a function of the program"
                    ));
                }
                if !matches!(r(*dst)?, Type::Ptr(_)) {
                    return Err("destination of funcaddr is not a pointer".into());
                }
            }
            Inst::CallIndirect { dsts, callee, args } => {
                let Type::Func(sig) = r(*callee)? else {
                    return Err(format!(
                        "callee has type {}, not a function",
                        tt(r(*callee)?)
                    ));
                };
                if args.len() != sig.params.len() {
                    return Err(format!(
                        "{} arguments, the function takes {}",
                        args.len(),
                        sig.params.len()
                    ));
                }
                for (i, (&a, p)) in args.iter().zip(&sig.params).enumerate() {
                    expect(r(a)?, p, &format!("argument {i}"))?;
                }
                if dsts.len() != sig.results.len() {
                    return Err(format!(
                        "{} destinations, the function returns {}",
                        dsts.len(),
                        sig.results.len()
                    ));
                }
                for (i, (&d, t)) in dsts.iter().zip(&sig.results).enumerate() {
                    expect(r(d)?, t, &format!("destination {i}"))?;
                }
            }
            Inst::Unary { dst, op, x } => {
                let (d, x) = (r(*dst)?, r(*x)?);
                let ok = match op {
                    UnaryOp::Neg => x.is_int() || x.is_float() || x.is_complex(),
                    UnaryOp::Not => *x == Type::Bool,
                    UnaryOp::BitNot => x.is_int(),
                };
                if !ok {
                    return Err(format!("operand type {} not allowed", tt(x)));
                }
                expect(d, x, "destination")?;
            }
            Inst::Binary { dst, op, x, y } => {
                let (d, x, y) = (r(*dst)?, r(*x)?, r(*y)?);
                self.binary(*op, d, x, y)?;
            }
            Inst::Convert { dst, x } => {
                let (d, x) = (r(*dst)?, r(*x)?);
                let num = |t: &Type| t.is_int() || t.is_float();
                // A pointer and a 64-bit integer convert (uintptr and
                // unsafe.Pointer): the same word.
                let word = |t: &Type| matches!(t, Type::Ptr(_) | Type::I64 | Type::U64);
                let ptr = |t: &Type| matches!(t, Type::Ptr(_));
                if (ptr(d) || ptr(x)) && word(d) && word(x) {
                } else if d.is_complex() || x.is_complex() {
                    if !d.is_complex() || !x.is_complex() {
                        return Err(format!(
                            "converts {} to {}; complex numbers convert only to complex",
                            tt(x),
                            tt(d)
                        ));
                    }
                } else if !num(d) || !num(x) {
                    return Err(format!(
                        "converts {} to {}; only numeric types convert",
                        tt(x),
                        tt(d)
                    ));
                }
            }
            Inst::StrConv { dst, op, x } => {
                let (d, x) = (r(*dst)?, r(*x)?);
                let u8s = Type::slice(Type::U8);
                let runes = Type::slice(Type::I32);
                let ok = match op {
                    StrConv::StringToBytes => *d == u8s && *x == Type::String,
                    StrConv::StringToRunes => *d == runes && *x == Type::String,
                    StrConv::BytesToString => *d == Type::String && *x == u8s,
                    StrConv::RunesToString => *d == Type::String && *x == runes,
                    StrConv::RuneToString => *d == Type::String && x.is_int(),
                };
                if !ok {
                    return Err(format!("converts {} to {}", tt(x), tt(d)));
                }
            }
            Inst::Alloca { dst, ty } | Inst::New { dst, ty } => {
                expect(r(*dst)?, &Type::ptr(ty.clone()), "destination")?;
            }
            Inst::GlobalAddr { dst, name } => {
                let d = r(*dst)?;
                if self.data.contains(name.as_str()) {
                    if !matches!(d, Type::Ptr(_)) {
                        return Err(format!("destination of globaladdr {name} is not a pointer"));
                    }
                } else {
                    let Some(g) = self.globals.get(name.as_str()) else {
                        return Err(format!("no global named {name}"));
                    };
                    expect(d, &Type::ptr((*g).clone()), "destination")?;
                }
            }
            Inst::MakeIface { dst, tab, data } => {
                if *r(*dst)? != Type::Iface {
                    return Err("destination of makeiface is not an iface".into());
                }
                pointee(r(*tab)?, "type word")?;
                pointee(r(*data)?, "data word")?;
            }
            Inst::ComplexMake { dst, re, im } => {
                let d = r(*dst)?;
                let Some(part) = d.complex_part() else {
                    return Err(format!("destination of complex has type {}", tt(d)));
                };
                expect(r(*re)?, &part, "real part")?;
                expect(r(*im)?, &part, "imaginary part")?;
            }
            Inst::ComplexPart { dst, x, .. } => {
                let x = r(*x)?;
                let Some(part) = x.complex_part() else {
                    return Err(format!("real/imag of a {}", tt(x)));
                };
                expect(r(*dst)?, &part, "destination")?;
            }
            Inst::IfaceWord { dst, x, word } => {
                if *r(*x)? != Type::Iface || *word > 1 {
                    return Err("ifaceword of a non-iface, or a word other than 0 and 1".into());
                }
                pointee(r(*dst)?, "destination")?;
            }
            Inst::CallPtr { dsts, code, args } => {
                pointee(r(*code)?, "code address")?;
                for &a in args {
                    r(a)?;
                }
                for &d in dsts {
                    r(d)?;
                }
            }
            Inst::Load { dst, ptr } => {
                let (d, p) = (r(*dst)?, r(*ptr)?);
                let e = reg_pointee(p, "pointer")?;
                expect(d, e, "destination")?;
            }
            Inst::Atomic { dst, op, ptr, args } => {
                let p = r(*ptr)?;
                let e = reg_pointee(p, "pointer")?;
                if !matches!(e, Type::I32 | Type::U32 | Type::I64 | Type::U64) {
                    return Err(format!("{} of a non-integer or narrow pointee", op.name()));
                }
                if args.len() != op.nargs() {
                    return Err(format!(
                        "{} takes {} operands after the pointer",
                        op.name(),
                        op.nargs()
                    ));
                }
                for &a in args {
                    expect(r(a)?, e, "operand")?;
                }
                let want = if *op == crate::ir::AtomicOp::Cas {
                    &Type::Bool
                } else {
                    e
                };
                expect(r(*dst)?, want, "destination")?;
            }
            Inst::AtomicStore { ptr, src } => {
                let (p, s) = (r(*ptr)?, r(*src)?);
                let e = reg_pointee(p, "pointer")?;
                if !matches!(e, Type::I32 | Type::U32 | Type::I64 | Type::U64) {
                    return Err("atomicstore of a non-integer or narrow pointee".into());
                }
                expect(s, e, "stored value")?;
            }
            Inst::Store { ptr, src } => {
                let (p, s) = (r(*ptr)?, r(*src)?);
                let e = reg_pointee(p, "pointer")?;
                expect(s, e, "stored value")?;
            }
            Inst::MemCopy { dst, src } => {
                let (d, s) = (r(*dst)?, r(*src)?);
                pointee(d, "destination")?;
                expect(s, d, "source")?;
            }
            Inst::DeferProc { func } => match r(*func)? {
                Type::Func(sig) if sig.params.is_empty() && sig.results.is_empty() => {}
                t => {
                    return Err(format!(
                        "deferred function has type {}, not func() ()",
                        tt(t)
                    ))
                }
            },
            Inst::DeferReturn | Inst::Line { .. } => {}
            Inst::MemZero { ptr } | Inst::NilCheck { ptr } => {
                pointee(r(*ptr)?, "operand")?;
            }
            Inst::FieldAddr { dst, ptr, field } => {
                let (d, p) = (r(*dst)?, r(*ptr)?);
                let Some(Type::Struct(fields)) = p.pointee().map(Type::resolved) else {
                    return Err(format!(
                        "operand has type {}, not a pointer to a struct",
                        tt(p)
                    ));
                };
                let Some(fl) = fields.get(*field as usize) else {
                    return Err(format!(
                        "field {field} out of range (struct has {} fields)",
                        fields.len()
                    ));
                };
                expect(d, &Type::ptr(fl.ty.clone()), "destination")?;
            }
            Inst::IndexAddr { dst, ptr, index } => {
                let (d, p, i) = (r(*dst)?, r(*ptr)?, r(*index)?);
                let Some(Type::Array(_, elem)) = p.pointee().map(Type::resolved) else {
                    return Err(format!(
                        "operand has type {}, not a pointer to an array",
                        tt(p)
                    ));
                };
                int(i, "index")?;
                expect(d, &Type::ptr((**elem).clone()), "destination")?;
            }
            Inst::ElemAddr { dst, slice, index } => {
                let (d, s, i) = (r(*dst)?, r(*slice)?, r(*index)?);
                let Type::Slice(elem) = s else {
                    return Err(format!("operand has type {}, not a slice", tt(s)));
                };
                int(i, "index")?;
                expect(d, &Type::ptr((**elem).clone()), "destination")?;
            }
            Inst::StringByte { dst, s, index } => {
                let (d, s, i) = (r(*dst)?, r(*s)?, r(*index)?);
                expect(s, &Type::String, "operand")?;
                int(i, "index")?;
                expect(d, &Type::U8, "destination")?;
            }
            Inst::Len { dst, x } => {
                let (d, x) = (r(*dst)?, r(*x)?);
                if !matches!(x, Type::String | Type::Slice(_)) {
                    return Err(format!("operand has type {}, not a string or slice", tt(x)));
                }
                expect(d, &Type::I64, "destination")?;
            }
            Inst::Cap { dst, x } => {
                let (d, x) = (r(*dst)?, r(*x)?);
                if !matches!(x, Type::Slice(_)) {
                    return Err(format!("operand has type {}, not a slice", tt(x)));
                }
                expect(d, &Type::I64, "destination")?;
            }
            Inst::DataPtr { dst, x } => {
                let (d, x) = (r(*dst)?, r(*x)?);
                let want = match x {
                    Type::Slice(e) => Type::ptr((**e).clone()),
                    Type::String => Type::ptr(Type::U8),
                    _ => return Err(format!("operand has type {}, not a string or slice", tt(x))),
                };
                expect(d, &want, "destination")?;
            }
            Inst::SliceOf {
                dst,
                x,
                lo,
                hi,
                max,
            } => {
                let (d, xt) = (r(*dst)?, r(*x)?);
                for (b, what) in [(lo, "low bound"), (hi, "high bound"), (max, "max bound")] {
                    if let Some(b) = b {
                        int(r(*b)?, what)?;
                    }
                }
                let want = match xt {
                    Type::String if max.is_some() => return Err("a string has no max bound".into()),
                    Type::String | Type::Slice(_) => xt.clone(),
                    Type::Ptr(a) => match a.resolved() {
                        Type::Array(_, e) => Type::slice((**e).clone()),
                        _ => {
                            return Err(format!(
                                "operand has type {}, not a string, slice or *[N]T",
                                tt(xt)
                            ))
                        }
                    },
                    _ => {
                        return Err(format!(
                            "operand has type {}, not a string, slice or *[N]T",
                            tt(xt)
                        ))
                    }
                };
                expect(d, &want, "destination")?;
            }
            Inst::MakeSlice { dst, len, cap } => {
                let (d, l, c) = (r(*dst)?, r(*len)?, r(*cap)?);
                if !matches!(d, Type::Slice(_)) {
                    return Err(format!("destination has type {}, not a slice", tt(d)));
                }
                int(l, "length")?;
                int(c, "capacity")?;
            }
            Inst::GrowSlice { dst, slice, n } => {
                let (d, s, n) = (r(*dst)?, r(*slice)?, r(*n)?);
                if !matches!(d, Type::Slice(_)) {
                    return Err(format!("destination has type {}, not a slice", tt(d)));
                }
                expect(s, d, "operand")?;
                expect(n, &Type::I64, "count")?;
            }
            Inst::CopySlice { dst, to, from } => {
                let (d, t, fr) = (r(*dst)?, r(*to)?, r(*from)?);
                if !matches!(t, Type::Slice(_)) {
                    return Err(format!(
                        "destination operand has type {}, not a slice",
                        tt(t)
                    ));
                }
                let bytes_from_string = *t == Type::slice(Type::U8) && *fr == Type::String;
                if !bytes_from_string && fr != t {
                    return Err(format!("copies {} into {}", tt(fr), tt(t)));
                }
                expect(d, &Type::I64, "destination")?;
            }
            Inst::Call { dsts, func, args } => {
                let dts = dsts.iter().map(|&x| r(x)).collect::<Result<Vec<_>, _>>()?;
                let ats = args.iter().map(|&x| r(x)).collect::<Result<Vec<_>, _>>()?;
                for (i, d) in dsts.iter().enumerate() {
                    if dsts[..i].contains(d) {
                        return Err(format!("destination {d} appears twice"));
                    }
                }
                match self.funcs.get(func.as_str()) {
                    Some(callee) => {
                        if args.len() != callee.params.len() {
                            return Err(format!(
                                "{} arguments, {func} takes {}",
                                args.len(),
                                callee.params.len()
                            ));
                        }
                        for (i, (a, &p)) in ats.iter().zip(&callee.params).enumerate() {
                            if let Some(pt) = callee.regs.get(p.0 as usize) {
                                if !compatible(a, pt, 0) {
                                    return Err(format!(
                                        "argument {i} has type {}, {func} takes {}",
                                        tt(a),
                                        tt(pt)
                                    ));
                                }
                            }
                        }
                        if dsts.len() != callee.results.len() {
                            return Err(format!(
                                "{} destinations, {func} returns {}",
                                dsts.len(),
                                callee.results.len()
                            ));
                        }
                        for (i, (d, rt)) in dts.iter().zip(&callee.results).enumerate() {
                            if !compatible(d, rt, 0) {
                                return Err(format!(
                                    "destination {i} has type {}, {func} returns {}",
                                    tt(d),
                                    tt(rt)
                                ));
                            }
                        }
                    }
                    None if self.globals.contains_key(func.as_str()) => {
                        return Err(format!("{func} is a global, not a function"));
                    }
                    None => {
                        let n: usize = dts.iter().map(|t| words(t)).sum();
                        if n > 2 {
                            return Err(format!(
                                "runtime call {func} returns {n} machine words; at most 2 are allowed"
                            ));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn binary(&self, op: BinaryOp, d: &Type, x: &Type, y: &Type) -> Result<(), String> {
        use BinaryOp::*;
        if matches!(op, Shl | Shr) {
            int(x, "shifted operand")?;
            int(y, "shift count")?;
            return expect(d, x, "destination");
        }
        if x != y {
            return Err(format!(
                "operands have different types {} and {}",
                tt(x),
                tt(y)
            ));
        }
        let ok = match op {
            Add => x.is_int() || x.is_float() || x.is_complex() || *x == Type::String,
            Sub | Mul | Div => x.is_int() || x.is_float() || x.is_complex(),
            Rem | And | Or | Xor | AndNot => x.is_int(),
            Eq | Ne => {
                x.is_int()
                    || x.is_float()
                    || x.is_complex()
                    || matches!(x, Type::Bool | Type::String | Type::Ptr(_) | Type::Func(_))
            }
            Lt | Le | Gt | Ge => x.is_int() || x.is_float() || *x == Type::String,
            Shl | Shr => unreachable!(),
        };
        if !ok {
            return Err(format!("operand type {} not allowed", tt(x)));
        }
        if op.is_comparison() {
            expect(d, &Type::Bool, "destination")
        } else {
            expect(d, x, "destination")
        }
    }
}

fn reg(f: &Func, r: Reg) -> Result<&Type, String> {
    f.regs
        .get(r.0 as usize)
        .ok_or_else(|| format!("register {r} out of range ({} registers)", f.regs.len()))
}

/// Whether two types are the same to the IR: equal, or equal once defined
/// types are replaced by their definitions (Go assigns between types with
/// identical underlying types), or where one side is the opaque spelling of
/// a recursive type (a pointer to or slice of [`Type::opaque`], a function
/// of empty signature: `type P *P`, `type S []S`, `type F func(F)`). Function
/// values are one word whatever their signature, which only an indirect
/// call reads.
fn compatible(a: &Type, b: &Type, depth: u32) -> bool {
    if a == b {
        return true;
    }
    if depth > 16 {
        return false;
    }
    let opaque = |t: &Type| *t == Type::opaque();
    match (a.resolved(), b.resolved()) {
        (Type::Func(_), Type::Func(_)) => true,
        (Type::Ptr(x), Type::Ptr(y)) | (Type::Slice(x), Type::Slice(y)) => {
            opaque(x) || opaque(y) || compatible(x, y, depth + 1)
        }
        (Type::Array(n, x), Type::Array(m, y)) => n == m && compatible(x, y, depth + 1),
        (Type::Struct(fs), Type::Struct(gs)) => {
            fs.len() == gs.len()
                && fs
                    .iter()
                    .zip(gs)
                    .all(|(f, g)| compatible(&f.ty, &g.ty, depth + 1))
        }
        (x, y) => x == y,
    }
}

fn expect(got: &Type, want: &Type, what: &str) -> Result<(), String> {
    if compatible(got, want, 0) {
        Ok(())
    } else {
        Err(format!(
            "{what} has type {}, expected {}",
            tt(got),
            tt(want)
        ))
    }
}

fn int(t: &Type, what: &str) -> Result<(), String> {
    if t.is_int() {
        Ok(())
    } else {
        Err(format!("{what} has type {}, not an integer type", tt(t)))
    }
}

fn pointee<'t>(t: &'t Type, what: &str) -> Result<&'t Type, String> {
    t.pointee()
        .ok_or_else(|| format!("{what} has type {}, not a pointer", tt(t)))
}

/// The pointee of a pointer that Load and Store use: it must be a register type.
fn reg_pointee<'t>(t: &'t Type, what: &str) -> Result<&'t Type, String> {
    let e = pointee(t, what)?;
    if !e.is_register() {
        return Err(format!(
            "{what} points to memory type {}; use memcopy",
            tt(e)
        ));
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::super::print::tests::{s_type, sample_program};
    use super::super::{parse, Global};
    use super::*;

    #[test]
    fn sample_program_verifies() {
        if let Err(errs) = verify(&sample_program()) {
            panic!("{}", errs.join("\n"));
        }
    }

    /// Parses a one-function program (with the globals `main.g int64` and
    /// `main.s`, and the function `main.callee(int64, string) (bool)`) whose
    /// body is `body`, and returns the verifier's messages.
    fn errors(params: &str, results: &str, decls: &str, body: &str) -> Vec<String> {
        let text = format!(
            "global main.g int64\n\
             global main.s {}\n\
             func main.callee(%0 int64, %1 string) (bool) {{\nb0:\n  return %1\n}}\n\
             func main.f({params}) {results} {{\n{decls}\n{body}\n}}\n",
            super::super::print::type_text(&s_type()),
        );
        let p = parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        match verify(&p) {
            Ok(()) => Vec::new(),
            // The callee is deliberately broken (it returns a string as a
            // bool) so that calls to it are checked against its signature,
            // not its body; drop that message.
            Err(errs) => errs
                .into_iter()
                .filter(|e| !e.starts_with("func main.callee"))
                .collect(),
        }
    }

    /// A body with decls `%0 int64 .. ` and so on, checked for one message
    /// containing `want`.
    fn rejects(decls: &str, body: &str, want: &str) {
        rejects_fn("", "", decls, body, want)
    }

    fn rejects_fn(params: &str, results: &str, decls: &str, body: &str, want: &str) {
        let errs = errors(params, results, decls, body);
        assert!(
            errs.iter().any(|e| e.contains(want)),
            "want {want:?} for\n{body}\ngot {errs:#?}"
        );
    }

    fn accepts(decls: &str, body: &str) {
        let errs = errors("", "", decls, body);
        assert!(errs.is_empty(), "{body}\n{errs:#?}");
    }

    const D: &str = "%0 int64\n%1 int32\n%2 bool\n%3 string\n%4 float64\n%5 []uint8\n%6 []int32\n\
                     %7 *int64\n%8 uint8\n%9 *struct{a int64; b [4]uint16; \"odd name\" float32; s struct{}}\n\
                     %10 *[4]uint16\n%11 *uint16\n%12 []uint16\n%13 *[]uint8";

    fn one(inst: &str) -> String {
        format!("b0:\n  {inst}\n  return")
    }

    #[test]
    fn messages_name_function_block_and_instruction() {
        let errs = errors(
            "",
            "",
            D,
            "b0:\n  jump b1\nb1:\n  %0 = const 1\n  %2 = add %0, %1\n  return",
        );
        assert_eq!(
            errs,
            vec!["func main.f: b1: inst 1 (%2 = add %0, %1): operands have different types int64 and int32"]
        );
    }

    #[test]
    fn program_level_rules() {
        let p = |text: &str| verify(&parse(text).unwrap()).unwrap_err();
        let e = p("global a int64\nglobal a bool\n");
        assert_eq!(e, vec!["global a: defined twice"]);
        let e = p("func f() {\nb0:\n  return\n}\nfunc f() {\nb0:\n  return\n}\n");
        assert_eq!(e, vec!["func f: defined twice"]);
        let e = p("global f int64\nfunc f() {\nb0:\n  return\n}\n");
        assert_eq!(e, vec!["func f: name is also a global's"]);
        let e = p("func f() {\n}\n");
        assert_eq!(e, vec!["func f: has no blocks"]);
        let e = p("func goc_program_init(%0 int64) {\nb0:\n  return\n}\n");
        assert!(
            e[0].contains("program initialiser takes no parameters"),
            "{e:?}"
        );
        let e = p("func f(%0 struct{}) ([2]int8) {\n%1 [3]int8\nb0:\n  unreachable\n}\n");
        assert_eq!(
            e,
            vec![
                "func f: %0 has memory type struct{}, not a register type",
                "func f: %1 has memory type [3]int8, not a register type",
                "func f: result 0 has memory type [2]int8, not a register type",
            ]
        );
        // Parameters out of range or repeated cannot be written in text.
        let mut prog = parse("func f(%0 int64) {\nb0:\n  return\n}\n").unwrap();
        prog.funcs[0].params = vec![Reg(0), Reg(0), Reg(4)];
        let e = verify(&prog).unwrap_err();
        assert_eq!(
            e,
            vec![
                "func f: parameter 1 is %0, which is also an earlier parameter",
                "func f: parameter 2 is %4, out of range (1 registers)",
            ]
        );
        assert_eq!(
            verify(&Program {
                data: vec![],
                globals: vec![Global {
                    name: "x".into(),
                    ty: s_type()
                }],
                funcs: vec![]
            }),
            Ok(())
        );
    }

    #[test]
    fn defer_placement() {
        let p = |text: &str| verify(&parse(text).unwrap());
        let ok = "func f() {\n%0 func() ()\nb0:\n  deferframe b1, b2\n\
                  b1:\n  deferproc %0\n  jump b2\nb2:\n  deferreturn\n  return\n}\n";
        assert_eq!(p(ok), Ok(()));
        let e = p("func f() {\n%0 func() ()\nb0:\n  deferproc %0\n  deferreturn\n  return\n}\n")
            .unwrap_err();
        assert_eq!(
            e,
            vec![
                "func f: b0: inst 0 (deferproc %0): the function has no defer frame (block 0 must end in deferframe)",
                "func f: b0: inst 1 (deferreturn): the function has no defer frame (block 0 must end in deferframe)",
            ]
        );
        let e = p(
            "func f() {\n%0 func() ()\nb0:\n  deferreturn\n  deferframe b1, b1\n\
                   b1:\n  deferframe b1, b1\n}\n",
        )
        .unwrap_err();
        assert_eq!(
            e,
            vec![
                "func f: b0: inst 0 (deferreturn): block 0 runs before the defer frame is set up",
                "func f: b1: terminator (deferframe b1, b1): deferframe is only allowed in block 0",
            ]
        );
        let e = p("func f() {\n%0 func(int64) ()\nb0:\n  deferframe b1, b1\nb1:\n  deferproc %0\n  return\n}\n")
            .unwrap_err();
        assert_eq!(
            e,
            vec!["func f: b1: inst 0 (deferproc %0): deferred function has type func(int64) (), not func() ()"]
        );
    }

    #[test]
    fn registers_and_targets_in_range() {
        rejects(
            D,
            &one("%99 = copy %0"),
            "register %99 out of range (14 registers)",
        );
        rejects(D, &one("%0 = add %0, %14"), "register %14 out of range");
        rejects(
            D,
            "b0:\n  jump b7",
            "terminator (jump b7): target b7 out of range (1 blocks)",
        );
        rejects(D, "b0:\n  if %2, b0, b1", "target b1 out of range");
        rejects(
            D,
            "b0:\n  if %0, b0, b0",
            "condition has type int64, expected bool",
        );
        rejects(D, "b0:\n  return %20", "register %20 out of range");
    }

    #[test]
    fn returns_match_results() {
        rejects(
            D,
            "b0:\n  return %0",
            "returns 1 values, the function has 0 results",
        );
        rejects_fn(
            "%0 int64",
            "(int64, bool)",
            "",
            "b0:\n  return %0",
            "returns 1 values, the function has 2",
        );
        rejects_fn(
            "%0 int64",
            "(bool)",
            "",
            "b0:\n  return %0",
            "result 0 has type int64, the function returns bool",
        );
        let errs = errors(
            "%0 int64",
            "(int64)",
            "",
            "b0:\n  return %0\nb1:\n  unreachable",
        );
        assert!(errs.is_empty(), "{errs:?}");
    }

    #[test]
    fn constants_fit_their_destination() {
        accepts(D, "b0:\n  %0 = const -5\n  %8 = const 300\n  %4 = const 1.5\n  %2 = const true\n  %3 = const \"x\"\n  %5 = const zero\n  %9 = const zero\n  return");
        rejects(
            D,
            &one("%4 = const 1"),
            "constant 1 does not fit destination type float64",
        );
        rejects(
            D,
            &one("%0 = const 1.0"),
            "constant 1.0 does not fit destination type int64",
        );
        rejects(
            D,
            &one("%0 = const true"),
            "does not fit destination type int64",
        );
        rejects(
            D,
            &one("%5 = const \"s\""),
            "does not fit destination type []uint8",
        );
    }

    #[test]
    fn copy_unary_binary() {
        rejects(
            D,
            &one("%0 = copy %1"),
            "destination has type int64, expected int32",
        );
        accepts(
            D,
            "b0:\n  %0 = neg %0\n  %4 = neg %4\n  %2 = not %2\n  %8 = bitnot %8\n  return",
        );
        rejects(D, &one("%2 = neg %2"), "operand type bool not allowed");
        rejects(D, &one("%0 = not %0"), "operand type int64 not allowed");
        rejects(
            D,
            &one("%4 = bitnot %4"),
            "operand type float64 not allowed",
        );
        rejects(
            D,
            &one("%1 = neg %0"),
            "destination has type int32, expected int64",
        );
        accepts(
            D,
            "b0:\n  %3 = add %3, %3\n  %4 = div %4, %4\n  %0 = rem %0, %0\n  %0 = shl %0, %8\n  %1 = shr %1, %0\n  \
             %2 = eq %7, %7\n  %2 = ne %2, %2\n  %2 = lt %3, %3\n  %2 = ge %4, %4\n  return",
        );
        rejects(
            D,
            &one("%0 = add %0, %1"),
            "operands have different types int64 and int32",
        );
        rejects(
            D,
            &one("%3 = sub %3, %3"),
            "operand type string not allowed",
        );
        rejects(
            D,
            &one("%4 = rem %4, %4"),
            "operand type float64 not allowed",
        );
        rejects(D, &one("%2 = and %2, %2"), "operand type bool not allowed");
        rejects(
            D,
            &one("%4 = shl %4, %0"),
            "shifted operand has type float64, not an integer type",
        );
        rejects(D, &one("%0 = shr %0, %4"), "shift count has type float64");
        rejects(
            D,
            &one("%1 = shl %0, %1"),
            "destination has type int32, expected int64",
        );
        rejects(
            D,
            &one("%0 = eq %0, %0"),
            "destination has type int64, expected bool",
        );
        rejects(D, &one("%2 = lt %2, %2"), "operand type bool not allowed");
        rejects(D, &one("%2 = lt %7, %7"), "operand type *int64 not allowed");
        rejects(
            D,
            &one("%2 = eq %5, %5"),
            "operand type []uint8 not allowed",
        );
        rejects(
            D,
            &one("%1 = add %0, %0"),
            "destination has type int32, expected int64",
        );
    }

    #[test]
    fn conversions() {
        accepts(
            D,
            "b0:\n  %4 = convert %0\n  %8 = convert %4\n  %1 = convert %0\n  return",
        );
        rejects(
            D,
            &one("%3 = convert %0"),
            "converts int64 to string; only numeric types convert",
        );
        rejects(D, &one("%0 = convert %2"), "converts bool to int64");
        accepts(
            D,
            "b0:\n  %5 = strconv.string_to_bytes %3\n  %6 = strconv.string_to_runes %3\n  \
             %3 = strconv.bytes_to_string %5\n  %3 = strconv.runes_to_string %6\n  %3 = strconv.rune_to_string %8\n  return",
        );
        rejects(
            D,
            &one("%6 = strconv.string_to_bytes %3"),
            "converts string to []int32",
        );
        rejects(
            D,
            &one("%5 = strconv.string_to_runes %3"),
            "converts string to []uint8",
        );
        rejects(
            D,
            &one("%3 = strconv.bytes_to_string %6"),
            "converts []int32 to string",
        );
        rejects(
            D,
            &one("%3 = strconv.runes_to_string %5"),
            "converts []uint8 to string",
        );
        rejects(
            D,
            &one("%3 = strconv.rune_to_string %4"),
            "converts float64 to string",
        );
        rejects(
            D,
            &one("%0 = strconv.rune_to_string %1"),
            "converts int32 to int64",
        );
    }

    #[test]
    fn memory_instructions() {
        accepts(D, "b0:\n  %7 = alloca int64\n  %10 = new [4]uint16\n  %7 = globaladdr main.g\n  %0 = load %7\n  store %7, %0\n  memcopy %9, %9\n  memzero %10\n  nilcheck %7\n  return");
        rejects(
            D,
            &one("%7 = alloca int32"),
            "destination has type *int64, expected *int32",
        );
        rejects(
            D,
            &one("%0 = new int64"),
            "destination has type int64, expected *int64",
        );
        rejects(
            D,
            &one("%7 = globaladdr main.nope"),
            "no global named main.nope",
        );
        rejects(
            D,
            &one("%7 = globaladdr main.s"),
            "destination has type *int64, expected *struct{a int64;",
        );
        rejects(
            D,
            &one("%1 = load %7"),
            "destination has type int32, expected int64",
        );
        rejects(
            D,
            &one("%0 = load %0"),
            "pointer has type int64, not a pointer",
        );
        rejects(
            D,
            &one("%0 = load %10"),
            "pointer points to memory type [4]uint16; use memcopy",
        );
        rejects(
            D,
            &one("store %7, %1"),
            "stored value has type int32, expected int64",
        );
        rejects(
            D,
            &one("store %9, %0"),
            "pointer points to memory type struct{",
        );
        rejects(
            D,
            &one("memcopy %9, %10"),
            "source has type *[4]uint16, expected *struct{",
        );
        rejects(
            D,
            &one("memcopy %0, %0"),
            "destination has type int64, not a pointer",
        );
        rejects(
            D,
            &one("memzero %3"),
            "operand has type string, not a pointer",
        );
        rejects(
            D,
            &one("nilcheck %5"),
            "operand has type []uint8, not a pointer",
        );
    }

    #[test]
    fn address_instructions() {
        accepts(
            D,
            "b0:\n  %7 = fieldaddr %9, 0\n  %10 = fieldaddr %9, 1\n  %11 = indexaddr %10, %8\n  \
             %11 = elemaddr %12, %1\n  %8 = stringbyte %3, %0\n  return",
        );
        rejects(
            D,
            &one("%7 = fieldaddr %9, 4"),
            "field 4 out of range (struct has 4 fields)",
        );
        rejects(
            D,
            &one("%7 = fieldaddr %9, 1"),
            "destination has type *int64, expected *[4]uint16",
        );
        rejects(
            D,
            &one("%7 = fieldaddr %7, 0"),
            "operand has type *int64, not a pointer to a struct",
        );
        rejects(
            D,
            &one("%11 = indexaddr %12, %0"),
            "operand has type []uint16, not a pointer to an array",
        );
        rejects(
            D,
            &one("%11 = indexaddr %10, %4"),
            "index has type float64, not an integer type",
        );
        rejects(
            D,
            &one("%7 = indexaddr %10, %0"),
            "destination has type *int64, expected *uint16",
        );
        rejects(
            D,
            &one("%11 = elemaddr %10, %0"),
            "operand has type *[4]uint16, not a slice",
        );
        rejects(D, &one("%11 = elemaddr %12, %2"), "index has type bool");
        rejects(
            D,
            &one("%7 = elemaddr %12, %0"),
            "destination has type *int64, expected *uint16",
        );
        rejects(
            D,
            &one("%8 = stringbyte %5, %0"),
            "operand has type []uint8, expected string",
        );
        rejects(D, &one("%8 = stringbyte %3, %3"), "index has type string");
        rejects(
            D,
            &one("%0 = stringbyte %3, %0"),
            "destination has type int64, expected uint8",
        );
    }

    #[test]
    fn string_and_slice_instructions() {
        accepts(
            D,
            "b0:\n  %0 = len %3\n  %0 = len %5\n  %0 = cap %5\n  %13 = alloca []uint8\n  \
             %11 = dataptr %12\n  return",
        );
        rejects(
            D,
            &one("%1 = len %3"),
            "destination has type int32, expected int64",
        );
        rejects(
            D,
            &one("%0 = len %10"),
            "operand has type *[4]uint16, not a string or slice",
        );
        rejects(
            D,
            &one("%0 = cap %3"),
            "operand has type string, not a slice",
        );
        rejects(
            D,
            &one("%7 = dataptr %3"),
            "destination has type *int64, expected *uint8",
        );
        rejects(
            D,
            &one("%7 = dataptr %0"),
            "operand has type int64, not a string or slice",
        );
        accepts(
            D,
            "b0:\n  %3 = slice %3[%0:%1]\n  %5 = slice %5[:%8:%0]\n  %12 = slice %10[:]\n  return",
        );
        rejects(
            D,
            &one("%3 = slice %3[:%0:%0]"),
            "a string has no max bound",
        );
        rejects(
            D,
            &one("%3 = slice %3[%4:]"),
            "low bound has type float64, not an integer type",
        );
        rejects(D, &one("%3 = slice %3[:%2]"), "high bound has type bool");
        rejects(D, &one("%5 = slice %5[::%3]"), "max bound has type string");
        rejects(
            D,
            &one("%6 = slice %5[:]"),
            "destination has type []int32, expected []uint8",
        );
        rejects(
            D,
            &one("%5 = slice %10[:]"),
            "destination has type []uint8, expected []uint16",
        );
        rejects(
            D,
            &one("%5 = slice %7[:]"),
            "operand has type *int64, not a string, slice or *[N]T",
        );
        rejects(
            D,
            &one("%5 = slice %0[:]"),
            "operand has type int64, not a string, slice or *[N]T",
        );
        accepts(D, "b0:\n  %5 = makeslice %0, %8\n  %5 = growslice %5, %0\n  %0 = copyslice %5, %3\n  %0 = copyslice %6, %6\n  return");
        rejects(
            D,
            &one("%3 = makeslice %0, %0"),
            "destination has type string, not a slice",
        );
        rejects(
            D,
            &one("%5 = makeslice %0, %4"),
            "capacity has type float64",
        );
        rejects(D, &one("%5 = makeslice %3, %0"), "length has type string");
        rejects(
            D,
            &one("%3 = growslice %3, %0"),
            "destination has type string, not a slice",
        );
        rejects(
            D,
            &one("%5 = growslice %6, %0"),
            "operand has type []int32, expected []uint8",
        );
        rejects(
            D,
            &one("%5 = growslice %5, %1"),
            "count has type int32, expected int64",
        );
        rejects(
            D,
            &one("%0 = copyslice %3, %3"),
            "destination operand has type string, not a slice",
        );
        rejects(
            D,
            &one("%0 = copyslice %6, %3"),
            "copies string into []int32",
        );
        rejects(
            D,
            &one("%0 = copyslice %5, %6"),
            "copies []int32 into []uint8",
        );
        rejects(
            D,
            &one("%1 = copyslice %5, %5"),
            "destination has type int32, expected int64",
        );
    }

    #[test]
    fn calls() {
        accepts(D, "b0:\n  %2 = call main.callee(%0, %3)\n  call goc_anything(%5, %3, %9)\n  %0, %7 = call goc_two()\n  %3 = call goc_str()\n  return");
        rejects(
            D,
            &one("%2 = call main.callee(%0)"),
            "1 arguments, main.callee takes 2",
        );
        rejects(
            D,
            &one("%2 = call main.callee(%3, %3)"),
            "argument 0 has type string, main.callee takes int64",
        );
        rejects(
            D,
            &one("call main.callee(%0, %3)"),
            "0 destinations, main.callee returns 1",
        );
        rejects(
            D,
            &one("%0 = call main.callee(%0, %3)"),
            "destination 0 has type int64, main.callee returns bool",
        );
        rejects(
            D,
            &one("%0, %0 = call goc_two()"),
            "destination %0 appears twice",
        );
        rejects(
            D,
            &one("%5 = call goc_slice()"),
            "runtime call goc_slice returns 3 machine words; at most 2",
        );
        rejects(
            D,
            &one("%3, %0 = call goc_three()"),
            "returns 3 machine words",
        );
        rejects(
            D,
            &one("call main.g()"),
            "main.g is a global, not a function",
        );
    }
}
