//! Backend tests: hand-built and fixture IR programs compiled for x86_64 and
//! aarch64, with the objects parsed back to check symbols and relocations.

use std::collections::BTreeSet;
use std::str::FromStr;

use object::{Object, ObjectSection, ObjectSymbol, RelocationFlags, RelocationTarget};
use target_lexicon::Triple;

use super::compile;
use crate::ir::{
    self, BinaryOp, Block, BlockId, Const, Func, Global, Inst, Program, Reg, StrConv, Term, Type,
    UnaryOp,
};

const X86: &str = "x86_64-unknown-linux-gnu";
const ARM: &str = "aarch64-unknown-linux-gnu";

fn triple(s: &str) -> Triple {
    Triple::from_str(s).unwrap()
}

/// The defined and undefined symbol names of an object.
struct Syms {
    defined: BTreeSet<String>,
    undefined: BTreeSet<String>,
}

fn symbols(obj: &[u8]) -> Syms {
    let f = object::File::parse(obj).expect("object parses");
    let mut defined = BTreeSet::new();
    let mut undefined = BTreeSet::new();
    for s in f.symbols() {
        let Ok(name) = s.name() else { continue };
        if name.is_empty() {
            continue;
        }
        if s.is_undefined() {
            undefined.insert(name.to_string());
        } else {
            defined.insert(name.to_string());
        }
    }
    Syms { defined, undefined }
}

/// Verifies the program, compiles it for both targets, and returns the
/// symbols of the x86_64 object (after checking that both objects define
/// every function and global of the program and have the right machine).
fn compile_both(p: &Program) -> Syms {
    if let Err(errs) = ir::verify(p) {
        panic!("test program does not verify:\n{}", errs.join("\n"));
    }
    let mut first = None;
    for (t, arch) in [
        (X86, object::Architecture::X86_64),
        (ARM, object::Architecture::Aarch64),
    ] {
        let obj = compile(p, &triple(t)).unwrap_or_else(|e| panic!("{t}: {e}"));
        let f = object::File::parse(&*obj).unwrap();
        assert_eq!(f.architecture(), arch);
        assert_eq!(f.format(), object::BinaryFormat::Elf);
        assert_eq!(f.kind(), object::ObjectKind::Relocatable);
        let syms = symbols(&obj);
        for func in &p.funcs {
            assert!(
                syms.defined.contains(&func.name),
                "{t}: {} not defined",
                func.name
            );
        }
        for g in &p.globals {
            assert!(
                syms.defined.contains(&g.name),
                "{t}: global {} not defined",
                g.name
            );
        }
        if first.is_none() {
            first = Some(syms);
        }
    }
    first.unwrap()
}

/// A small builder for hand-made IR functions.
struct FB {
    name: String,
    params: Vec<Reg>,
    results: Vec<Type>,
    regs: Vec<Type>,
    blocks: Vec<Block>,
}

impl FB {
    fn new(name: &str) -> FB {
        FB {
            name: name.into(),
            params: vec![],
            results: vec![],
            regs: vec![],
            blocks: vec![Block {
                insts: vec![],
                term: Term::Unreachable,
            }],
        }
    }
    fn reg(&mut self, t: Type) -> Reg {
        self.regs.push(t);
        Reg(self.regs.len() as u32 - 1)
    }
    fn param(&mut self, t: Type) -> Reg {
        let r = self.reg(t);
        self.params.push(r);
        r
    }
    fn block(&mut self) -> BlockId {
        self.blocks.push(Block {
            insts: vec![],
            term: Term::Unreachable,
        });
        BlockId(self.blocks.len() as u32 - 1)
    }
    fn i(&mut self, b: BlockId, inst: Inst) {
        self.blocks[b.0 as usize].insts.push(inst);
    }
    fn t(&mut self, b: BlockId, term: Term) {
        self.blocks[b.0 as usize].term = term;
    }
    fn konst(&mut self, b: BlockId, t: Type, value: Const) -> Reg {
        let r = self.reg(t);
        self.i(b, Inst::Const { dst: r, value });
        r
    }
    fn bin(&mut self, b: BlockId, op: BinaryOp, x: Reg, y: Reg) -> Reg {
        let t = if op.is_comparison() {
            Type::Bool
        } else {
            self.regs[x.0 as usize].clone()
        };
        let r = self.reg(t);
        self.i(b, Inst::Binary { dst: r, op, x, y });
        r
    }
    fn done(self) -> Func {
        Func {
            name: self.name,
            params: self.params,
            results: self.results,
            regs: self.regs,
            blocks: self.blocks,
            nosplit: false,
            wrapper: false,
            file: String::new(),
        }
    }
}

const B0: BlockId = BlockId(0);

/// main.main printing 42 and a newline through the runtime.
fn print_program() -> Program {
    let mut m = FB::new("main.main");
    let n = m.konst(B0, Type::I64, Const::Int(42));
    m.i(
        B0,
        Inst::Call {
            dsts: vec![],
            func: "goc_printint".into(),
            args: vec![n],
        },
    );
    m.i(
        B0,
        Inst::Call {
            dsts: vec![],
            func: "goc_printnl".into(),
            args: vec![],
        },
    );
    m.t(B0, Term::Return(vec![]));
    let mut init = FB::new(ir::PROGRAM_INIT);
    init.t(B0, Term::Return(vec![]));
    Program {
        data: vec![],
        globals: vec![],
        funcs: vec![m.done(), init.done()],
    }
}

#[test]
fn print_program_symbols() {
    let s = compile_both(&print_program());
    assert!(s.defined.contains("main.main"));
    assert!(s.defined.contains("goc_program_init"));
    assert!(s.undefined.contains("goc_printint"));
    assert!(s.undefined.contains("goc_printnl"));
    // Every function checks its stack in the prologue.
    assert!(s.undefined.contains("goc_morestack"));
}

#[test]
fn calls_are_direct() {
    let obj = compile(&print_program(), &triple(X86)).unwrap();
    let f = object::File::parse(&*obj).unwrap();
    let text = f.section_by_name(".text").unwrap();
    let mut seen = 0;
    for (_, rel) in text.relocations() {
        let RelocationTarget::Symbol(si) = rel.target() else {
            continue;
        };
        let name = f.symbol_by_index(si).unwrap().name().unwrap().to_string();
        if name == "goc_printint" {
            seen += 1;
            // call rel32 (PLT32 relocation), not movabs + indirect call.
            assert_eq!(
                rel.flags(),
                RelocationFlags::Elf {
                    r_type: object::elf::R_X86_64_PLT32
                },
                "{name}"
            );
        }
    }
    assert_eq!(seen, 1);

    let obj = compile(&print_program(), &triple(ARM)).unwrap();
    let f = object::File::parse(&*obj).unwrap();
    let text = f.section_by_name(".text").unwrap();
    let kinds: Vec<_> = text
        .relocations()
        .filter(|(_, r)| {
            matches!(r.target(), RelocationTarget::Symbol(si)
            if f.symbol_by_index(si).unwrap().name() == Ok("goc_printint"))
        })
        .map(|(_, r)| r.flags())
        .collect();
    assert_eq!(
        kinds,
        vec![RelocationFlags::Elf {
            r_type: object::elf::R_AARCH64_CALL26
        }]
    );
}

#[test]
fn unsupported_target_is_an_error() {
    let e = compile(&print_program(), &triple("riscv64gc-unknown-linux-gnu")).unwrap_err();
    assert!(
        e.contains("x86_64-unknown-linux-gnu") && e.contains("aarch64-unknown-linux-gnu"),
        "{e}"
    );
    let e = compile(&print_program(), &triple("x86_64-apple-darwin")).unwrap_err();
    assert!(e.contains("unsupported"), "{e}");
}

#[test]
fn ir_fixtures_compile() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/ir");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("ir") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let p = ir::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        compile_both(&p);
        // GOC_CODEGEN_DUMP=dir keeps the objects for disassembly.
        if let Some(dir) = std::env::var_os("GOC_CODEGEN_DUMP") {
            for t in [X86, ARM] {
                let obj = compile(&p, &triple(t)).unwrap();
                let stem = path.file_stem().unwrap().to_string_lossy();
                std::fs::write(
                    std::path::Path::new(&dir).join(format!("{stem}.{t}.o")),
                    obj,
                )
                .unwrap();
            }
        }
        n += 1;
    }
    assert!(n >= 3, "found {n} fixtures");
}

/// Arithmetic, division, shifts and comparisons on every integer width,
/// and float operations.
#[test]
fn arithmetic_on_every_type() {
    let ints = [
        Type::I8,
        Type::I16,
        Type::I32,
        Type::I64,
        Type::U8,
        Type::U16,
        Type::U32,
        Type::U64,
    ];
    let mut funcs = Vec::new();
    for (k, t) in ints.iter().enumerate() {
        let mut f = FB::new(&format!("main.ops{k}"));
        let x = f.param(t.clone());
        let y = f.param(t.clone());
        let mut acc = f.konst(B0, t.clone(), Const::Int(-1));
        for op in [
            BinaryOp::Add,
            BinaryOp::Sub,
            BinaryOp::Mul,
            BinaryOp::Div,
            BinaryOp::Rem,
            BinaryOp::And,
            BinaryOp::Or,
            BinaryOp::Xor,
            BinaryOp::AndNot,
        ] {
            let r = f.bin(B0, op, x, y);
            acc = f.bin(B0, BinaryOp::Add, acc, r);
        }
        for ct in &ints {
            let c = f.param(ct.clone());
            let l = f.bin(B0, BinaryOp::Shl, acc, c);
            let r = f.bin(B0, BinaryOp::Shr, l, c);
            acc = f.bin(B0, BinaryOp::Xor, acc, r);
        }
        let neg = f.reg(t.clone());
        f.i(
            B0,
            Inst::Unary {
                dst: neg,
                op: UnaryOp::Neg,
                x: acc,
            },
        );
        let not = f.reg(t.clone());
        f.i(
            B0,
            Inst::Unary {
                dst: not,
                op: UnaryOp::BitNot,
                x: neg,
            },
        );
        let mut cond = f.bin(B0, BinaryOp::Lt, not, y);
        for op in [
            BinaryOp::Eq,
            BinaryOp::Ne,
            BinaryOp::Le,
            BinaryOp::Gt,
            BinaryOp::Ge,
        ] {
            let c = f.bin(B0, op, x, not);
            cond = f.bin(B0, BinaryOp::Eq, cond, c);
        }
        let notc = f.reg(Type::Bool);
        f.i(
            B0,
            Inst::Unary {
                dst: notc,
                op: UnaryOp::Not,
                x: cond,
            },
        );
        f.results = vec![t.clone(), Type::Bool];
        f.t(B0, Term::Return(vec![not, notc]));
        funcs.push(f.done());
    }
    for (k, t) in [Type::F32, Type::F64].into_iter().enumerate() {
        let mut f = FB::new(&format!("main.fops{k}"));
        let x = f.param(t.clone());
        let y = f.param(t.clone());
        let mut acc = f.konst(B0, t.clone(), Const::Float(0.5));
        for op in [BinaryOp::Add, BinaryOp::Sub, BinaryOp::Mul, BinaryOp::Div] {
            let r = f.bin(B0, op, x, y);
            acc = f.bin(B0, BinaryOp::Add, acc, r);
        }
        let neg = f.reg(t.clone());
        f.i(
            B0,
            Inst::Unary {
                dst: neg,
                op: UnaryOp::Neg,
                x: acc,
            },
        );
        let mut cond = f.bin(B0, BinaryOp::Ne, neg, y);
        for op in [
            BinaryOp::Eq,
            BinaryOp::Lt,
            BinaryOp::Le,
            BinaryOp::Gt,
            BinaryOp::Ge,
        ] {
            let c = f.bin(B0, op, x, neg);
            cond = f.bin(B0, BinaryOp::Ne, cond, c);
        }
        f.results = vec![t.clone(), Type::Bool];
        f.t(B0, Term::Return(vec![neg, cond]));
        funcs.push(f.done());
    }
    let s = compile_both(&Program {
        data: vec![],
        globals: vec![],
        funcs,
    });
    assert!(s.undefined.contains("goc_panicdivide"));
    assert!(s.undefined.contains("goc_panicshift"));
}

/// Every numeric conversion.
#[test]
fn conversions() {
    let nums = [
        Type::I8,
        Type::I16,
        Type::I32,
        Type::I64,
        Type::U8,
        Type::U16,
        Type::U32,
        Type::U64,
        Type::F32,
        Type::F64,
    ];
    let mut f = FB::new("main.conv");
    let mut outs = Vec::new();
    for from in &nums {
        let x = f.param(from.clone());
        for to in &nums {
            let d = f.reg(to.clone());
            f.i(B0, Inst::Convert { dst: d, x });
            outs.push(d);
        }
    }
    // Keep the results alive: store them all to a global of each type.
    let mut globals = Vec::new();
    for (k, &d) in outs.iter().enumerate() {
        let t = f.regs[d.0 as usize].clone();
        let name = format!("main.g{k}");
        globals.push(Global {
            name: name.clone(),
            ty: t.clone(),
        });
        let p = f.reg(Type::ptr(t));
        f.i(B0, Inst::GlobalAddr { dst: p, name });
        f.i(B0, Inst::Store { ptr: p, src: d });
    }
    f.t(B0, Term::Return(vec![]));
    compile_both(&Program {
        data: vec![],
        globals,
        funcs: vec![f.done()],
    });
}

/// Strings: constants, concatenation, comparisons, indexing, slicing and
/// the conversions.
#[test]
fn strings() {
    let mut f = FB::new("main.strs");
    let s = f.param(Type::String);
    let i = f.param(Type::U32);
    let j = f.param(Type::I8);
    let r = f.param(Type::I64);
    let hello = f.konst(B0, Type::String, Const::Str(b"hello".to_vec()));
    let hello2 = f.konst(B0, Type::String, Const::Str(b"hello".to_vec()));
    let empty = f.konst(B0, Type::String, Const::Str(vec![]));
    let cat = f.bin(B0, BinaryOp::Add, s, hello);
    let cat = f.bin(B0, BinaryOp::Add, cat, empty);
    let mut c = f.bin(B0, BinaryOp::Eq, cat, hello2);
    for op in [
        BinaryOp::Ne,
        BinaryOp::Lt,
        BinaryOp::Le,
        BinaryOp::Gt,
        BinaryOp::Ge,
    ] {
        let x = f.bin(B0, op, s, hello);
        c = f.bin(B0, BinaryOp::Eq, c, x);
    }
    let byte = f.reg(Type::U8);
    f.i(
        B0,
        Inst::StringByte {
            dst: byte,
            s,
            index: i,
        },
    );
    let sub = f.reg(Type::String);
    f.i(
        B0,
        Inst::SliceOf {
            dst: sub,
            x: s,
            lo: Some(j),
            hi: Some(i),
            max: None,
        },
    );
    let sub2 = f.reg(Type::String);
    f.i(
        B0,
        Inst::SliceOf {
            dst: sub2,
            x: s,
            lo: None,
            hi: Some(i),
            max: None,
        },
    );
    let sub3 = f.reg(Type::String);
    f.i(
        B0,
        Inst::SliceOf {
            dst: sub3,
            x: s,
            lo: Some(j),
            hi: None,
            max: None,
        },
    );
    let bs = f.reg(Type::slice(Type::U8));
    f.i(
        B0,
        Inst::StrConv {
            dst: bs,
            op: StrConv::StringToBytes,
            x: sub,
        },
    );
    let rs = f.reg(Type::slice(Type::I32));
    f.i(
        B0,
        Inst::StrConv {
            dst: rs,
            op: StrConv::StringToRunes,
            x: sub2,
        },
    );
    let s1 = f.reg(Type::String);
    f.i(
        B0,
        Inst::StrConv {
            dst: s1,
            op: StrConv::BytesToString,
            x: bs,
        },
    );
    let s2 = f.reg(Type::String);
    f.i(
        B0,
        Inst::StrConv {
            dst: s2,
            op: StrConv::RunesToString,
            x: rs,
        },
    );
    let s3 = f.reg(Type::String);
    f.i(
        B0,
        Inst::StrConv {
            dst: s3,
            op: StrConv::RuneToString,
            x: r,
        },
    );
    let s4 = f.reg(Type::String);
    f.i(
        B0,
        Inst::StrConv {
            dst: s4,
            op: StrConv::RuneToString,
            x: i,
        },
    );
    let n = f.reg(Type::I64);
    f.i(B0, Inst::Len { dst: n, x: s3 });
    let p = f.reg(Type::ptr(Type::U8));
    f.i(B0, Inst::DataPtr { dst: p, x: s4 });
    let copied = f.reg(Type::I64);
    f.i(
        B0,
        Inst::CopySlice {
            dst: copied,
            to: bs,
            from: sub3,
        },
    );
    f.results = vec![Type::String, Type::Bool, Type::U8, Type::I64, Type::String];
    f.t(B0, Term::Return(vec![s1, c, byte, n, s2]));
    let s = compile_both(&Program {
        data: vec![],
        globals: vec![],
        funcs: vec![f.done()],
    });
    for name in [
        "goc_concatstring",
        "goc_eqstring",
        "goc_cmpstring",
        "goc_panicbounds",
        "goc_stringtoslicebyte",
        "goc_stringtoslicerune",
        "goc_slicebytetostring",
        "goc_slicerunetostring",
        "goc_intstring",
        "memmove",
    ] {
        assert!(s.undefined.contains(name), "{name} not called");
    }
    // One data object for both "hello" constants.
    let strs: Vec<_> = s
        .defined
        .iter()
        .filter(|n| n.starts_with("goc.str."))
        .collect();
    assert_eq!(strs.len(), 1, "{strs:?}");
}

/// Slices: make, index, slicing (2- and 3-index), append, copy, len/cap,
/// slicing an array pointer.
#[test]
fn slices_and_arrays() {
    let ints = Type::slice(Type::I64);
    let ptrs = Type::slice(Type::ptr(Type::I64));
    let arr = Type::Array(10, Box::new(Type::I16));
    let mut f = FB::new("main.sl");
    let n = f.param(Type::U64);
    let lo = f.param(Type::I32);
    let hi = f.param(Type::U8);
    let mx = f.param(Type::I64);
    let xs = f.reg(ints.clone());
    f.i(
        B0,
        Inst::MakeSlice {
            dst: xs,
            len: n,
            cap: mx,
        },
    );
    let ps = f.reg(ptrs.clone());
    f.i(
        B0,
        Inst::MakeSlice {
            dst: ps,
            len: lo,
            cap: hi,
        },
    );
    let e = f.reg(Type::ptr(Type::I64));
    f.i(
        B0,
        Inst::ElemAddr {
            dst: e,
            slice: xs,
            index: lo,
        },
    );
    let v = f.reg(Type::I64);
    f.i(B0, Inst::Load { dst: v, ptr: e });
    f.i(B0, Inst::Store { ptr: e, src: v });
    let one = f.konst(B0, Type::I64, Const::Int(1));
    f.i(
        B0,
        Inst::GrowSlice {
            dst: xs,
            slice: xs,
            n: one,
        },
    );
    f.i(
        B0,
        Inst::GrowSlice {
            dst: ps,
            slice: ps,
            n: v,
        },
    );
    let ys = f.reg(ints.clone());
    f.i(
        B0,
        Inst::SliceOf {
            dst: ys,
            x: xs,
            lo: Some(lo),
            hi: Some(hi),
            max: Some(mx),
        },
    );
    f.i(
        B0,
        Inst::SliceOf {
            dst: ys,
            x: ys,
            lo: Some(lo),
            hi: None,
            max: None,
        },
    );
    f.i(
        B0,
        Inst::SliceOf {
            dst: ys,
            x: ys,
            lo: None,
            hi: Some(hi),
            max: None,
        },
    );
    f.i(
        B0,
        Inst::SliceOf {
            dst: ys,
            x: ys,
            lo: None,
            hi: Some(hi),
            max: Some(n),
        },
    );
    let c = f.reg(Type::I64);
    f.i(
        B0,
        Inst::CopySlice {
            dst: c,
            to: ys,
            from: xs,
        },
    );
    let l = f.reg(Type::I64);
    f.i(B0, Inst::Len { dst: l, x: ys });
    let cp = f.reg(Type::I64);
    f.i(B0, Inst::Cap { dst: cp, x: ps });
    let dp = f.reg(Type::ptr(Type::ptr(Type::I64)));
    f.i(B0, Inst::DataPtr { dst: dp, x: ps });
    // Arrays in memory: a frame array and a heap array.
    let pa = f.reg(Type::ptr(arr.clone()));
    f.i(
        B0,
        Inst::Alloca {
            dst: pa,
            ty: arr.clone(),
        },
    );
    let ha = f.reg(Type::ptr(arr.clone()));
    f.i(
        B0,
        Inst::New {
            dst: ha,
            ty: arr.clone(),
        },
    );
    f.i(B0, Inst::MemCopy { dst: ha, src: pa });
    f.i(B0, Inst::MemZero { ptr: pa });
    let el = f.reg(Type::ptr(Type::I16));
    f.i(
        B0,
        Inst::IndexAddr {
            dst: el,
            ptr: pa,
            index: hi,
        },
    );
    let hs = f.reg(Type::slice(Type::I16));
    f.i(
        B0,
        Inst::SliceOf {
            dst: hs,
            x: ha,
            lo: Some(lo),
            hi: None,
            max: None,
        },
    );
    f.i(
        B0,
        Inst::SliceOf {
            dst: hs,
            x: ha,
            lo: None,
            hi: None,
            max: None,
        },
    );
    f.i(
        B0,
        Inst::SliceOf {
            dst: hs,
            x: ha,
            lo: Some(lo),
            hi: Some(hi),
            max: Some(mx),
        },
    );
    let eq = f.bin(B0, BinaryOp::Eq, dp, dp);
    f.results = vec![
        ints,
        Type::I64,
        Type::I64,
        Type::I64,
        Type::slice(Type::I16),
        Type::Bool,
    ];
    f.t(B0, Term::Return(vec![ys, c, l, cp, hs, eq]));
    let func = f.done();

    // A caller that receives the 10-word result through a result area.
    let mut m = FB::new("main.main");
    let a = m.konst(B0, Type::U64, Const::Int(3));
    let b = m.konst(B0, Type::I32, Const::Int(1));
    let c = m.konst(B0, Type::U8, Const::Int(2));
    let d = m.konst(B0, Type::I64, Const::Int(4));
    let r0 = m.reg(Type::slice(Type::I64));
    let r1 = m.reg(Type::I64);
    let r2 = m.reg(Type::I64);
    let r3 = m.reg(Type::I64);
    let r4 = m.reg(Type::slice(Type::I16));
    let r5 = m.reg(Type::Bool);
    m.i(
        B0,
        Inst::Call {
            dsts: vec![r0, r1, r2, r3, r4, r5],
            func: "main.sl".into(),
            args: vec![a, b, c, d],
        },
    );
    m.t(B0, Term::Return(vec![]));

    let s = compile_both(&Program {
        data: vec![],
        globals: vec![],
        funcs: vec![func, m.done()],
    });
    for name in ["goc_makeslice", "goc_growslice", "goc_new", "goc_panicmem"] {
        assert!(s.undefined.contains(name), "{name} not called");
    }
}

/// Structs: field access including a far field (explicit nil check), big
/// copies and zeroing (out of line), and a large frame (the prologue check
/// then accounts for the frame size).
#[test]
fn structs_and_big_objects() {
    let big = Type::Struct(vec![
        ir::Field {
            name: "a".into(),
            ty: Type::Bool,
        },
        ir::Field {
            name: "pad".into(),
            ty: Type::Array(8192, Box::new(Type::U8)),
        },
        ir::Field {
            name: "s".into(),
            ty: Type::String,
        },
    ]);
    let mut f = FB::new("main.big");
    let p = f.param(Type::ptr(big.clone()));
    let fa = f.reg(Type::ptr(Type::Bool));
    f.i(
        B0,
        Inst::FieldAddr {
            dst: fa,
            ptr: p,
            field: 0,
        },
    );
    let fs = f.reg(Type::ptr(Type::String));
    f.i(
        B0,
        Inst::FieldAddr {
            dst: fs,
            ptr: p,
            field: 2,
        },
    );
    let v = f.reg(Type::String);
    f.i(B0, Inst::Load { dst: v, ptr: fs });
    let t = f.konst(B0, Type::Bool, Const::Bool(true));
    f.i(B0, Inst::Store { ptr: fa, src: t });
    let local = f.reg(Type::ptr(big.clone()));
    f.i(
        B0,
        Inst::Alloca {
            dst: local,
            ty: big.clone(),
        },
    );
    f.i(B0, Inst::MemCopy { dst: local, src: p });
    f.i(B0, Inst::MemZero { ptr: p });
    f.i(B0, Inst::NilCheck { ptr: p });
    let zs = f.reg(Type::ptr(Type::Struct(vec![])));
    f.i(
        B0,
        Inst::New {
            dst: zs,
            ty: Type::Struct(vec![]),
        },
    );
    f.results = vec![Type::String];
    f.t(B0, Term::Return(vec![v]));
    let s = compile_both(&Program {
        data: vec![],
        globals: vec![Global {
            name: "main.z".into(),
            ty: Type::Struct(vec![]),
        }],
        funcs: vec![f.done()],
    });
    assert!(s.undefined.contains("goc_panicmem"));
    assert!(s.undefined.contains("memmove"));
    assert!(s.undefined.contains("memset"));
}

/// Control flow: a loop whose header is block 0, an unreachable block, an
/// Unreachable terminator after a noreturn runtime call, constants of every
/// kind.
#[test]
fn control_flow() {
    let mut f = FB::new("main.loop");
    let n = f.param(Type::I64);
    let body = f.block();
    let exit = f.block();
    let dead = f.block();
    let panic = f.block();
    let i = f.reg(Type::I64);
    let c = f.bin(B0, BinaryOp::Lt, i, n);
    f.t(
        B0,
        Term::If {
            cond: c,
            then: body,
            els: exit,
        },
    );
    let one = f.konst(body, Type::I64, Const::Int(1));
    f.i(
        body,
        Inst::Binary {
            dst: i,
            op: BinaryOp::Add,
            x: i,
            y: one,
        },
    );
    let neg = f.konst(body, Type::I64, Const::Int(-5));
    let bad = f.bin(body, BinaryOp::Eq, i, neg);
    let _ = bad;
    f.t(body, Term::Jump(B0));
    f.t(
        exit,
        Term::If {
            cond: c,
            then: panic,
            els: dead,
        },
    );
    let msg = f.konst(panic, Type::String, Const::Str(b"boom".to_vec()));
    f.i(
        panic,
        Inst::Call {
            dsts: vec![],
            func: "goc_panic_runtime_error".into(),
            args: vec![msg],
        },
    );
    f.t(panic, Term::Unreachable);
    for t in [
        Type::Bool,
        Type::I8,
        Type::U16,
        Type::F32,
        Type::F64,
        Type::String,
        Type::slice(Type::U8),
        Type::ptr(Type::I64),
    ] {
        let r = f.reg(t);
        f.i(
            dead,
            Inst::Const {
                dst: r,
                value: Const::Zero,
            },
        );
    }
    let b = f.konst(dead, Type::Bool, Const::Bool(true));
    let _ = f.konst(dead, Type::U8, Const::Int(-1));
    let _ = f.konst(dead, Type::I16, Const::Int(-32768));
    let _ = f.konst(dead, Type::U64, Const::Int(-1));
    let _ = f.konst(dead, Type::F32, Const::Float(1e10));
    let _ = f.konst(dead, Type::F64, Const::Float(f64::NAN));
    let _ = b;
    f.t(dead, Term::Return(vec![]));
    // A block nothing reaches.
    let orphan = f.block();
    f.t(orphan, Term::Jump(B0));
    let s = compile_both(&Program {
        data: vec![],
        globals: vec![],
        funcs: vec![f.done()],
    });
    assert!(s.undefined.contains("goc_panic_runtime_error"));
}

/// A runtime function used with different result shapes at different
/// call sites (a result ignored in one place) still links to one symbol.
#[test]
fn runtime_calls_with_differing_signatures() {
    let mut f = FB::new("main.f");
    let s = f.konst(B0, Type::String, Const::Str(b"x".to_vec()));
    let b = f.reg(Type::Bool);
    f.i(
        B0,
        Inst::Call {
            dsts: vec![b],
            func: "goc_eqstring".into(),
            args: vec![s, s],
        },
    );
    f.i(
        B0,
        Inst::Call {
            dsts: vec![],
            func: "goc_eqstring".into(),
            args: vec![s, s],
        },
    );
    f.t(B0, Term::Return(vec![]));
    let syms = compile_both(&Program {
        data: vec![],
        globals: vec![],
        funcs: vec![f.done()],
    });
    assert!(syms.undefined.contains("goc_eqstring"));
}

/// Functions with many results in both directions and many parameters.
#[test]
fn many_params_and_results() {
    let mut callee = FB::new("main.many");
    let mut ps = Vec::new();
    for k in 0..12 {
        let t = match k % 4 {
            0 => Type::String,
            1 => Type::F64,
            2 => Type::slice(Type::U8),
            _ => Type::I8,
        };
        ps.push((callee.param(t.clone()), t));
    }
    callee.results = ps.iter().map(|(_, t)| t.clone()).collect();
    callee.t(B0, Term::Return(ps.iter().map(|(r, _)| *r).collect()));
    let mut m = FB::new("main.main");
    let args: Vec<Reg> = ps.iter().map(|(_, t)| m.reg(t.clone())).collect();
    let dsts: Vec<Reg> = ps.iter().map(|(_, t)| m.reg(t.clone())).collect();
    m.i(
        B0,
        Inst::Call {
            dsts,
            func: "main.many".into(),
            args,
        },
    );
    m.t(B0, Term::Return(vec![]));
    // Two words come back in registers, a mix of float and int.
    let mut two = FB::new("main.two");
    let a = two.param(Type::F64);
    let b = two.param(Type::I64);
    two.results = vec![Type::F64, Type::I64];
    two.t(B0, Term::Return(vec![a, b]));
    compile_both(&Program {
        data: vec![],
        globals: vec![],
        funcs: vec![callee.done(), m.done(), two.done()],
    });
}

/// End to end: compile IR, link with the runtime (crate::link), run, and
/// compare stderr with what Go prints. x86_64 Linux hosts only.
mod e2e {
    use std::process::Command;

    use super::*;
    use crate::link::{self, Target};

    struct Run {
        status: Option<i32>,
        stderr: String,
    }

    fn build_and_run(name: &str, text: &str) -> Option<Run> {
        if !cfg!(all(target_arch = "x86_64", target_os = "linux")) {
            return None;
        }
        if let Err(e) = link::runtime_for(Target::X86_64) {
            eprintln!("skipping {name}: {e}");
            return None;
        }
        let p = ir::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        if let Err(errs) = ir::verify(&p) {
            panic!("{name} does not verify:\n{}", errs.join("\n"));
        }
        let obj = compile(&p, &triple(X86)).unwrap();
        let dir = std::env::temp_dir().join(format!("goc-codegen-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let exe = dir.join(name);
        link::link(&obj, Target::X86_64, &exe).unwrap();
        let out = Command::new(&exe).output().unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        Some(Run {
            status: out.status.code(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        })
    }

    const INIT: &str = "func goc_program_init() {\nb0:\n    return\n}\n";

    /// The part of a panic report before the goroutine trace.
    fn panic_line(stderr: &str) -> &str {
        stderr.split("\n\ngoroutine").next().unwrap()
    }

    #[test]
    fn print_42() {
        let text = format!(
            "func main.main() {{\n    %0 int64\nb0:\n    %0 = const 42\n    call goc_printint(%0)\n    call goc_printnl()\n    return\n}}\n{INIT}"
        );
        let Some(r) = build_and_run("print42", &text) else {
            return;
        };
        assert_eq!((r.status, r.stderr.as_str()), (Some(0), "42\n"));
    }

    /// runtime.Goexit with deferred calls, recover and panics in them
    /// (testdata/ir/goexit.ir); the expected output is what go1.27.3
    /// printed for the program in the fixture's header with runtime.Goexit.
    #[test]
    fn goexit() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../testdata/ir/goexit.ir"
        ))
        .unwrap();
        let Some(r) = build_and_run("goexit", &text) else {
            return;
        };
        assert_eq!(
            (r.status, r.stderr.as_str()),
            (
                Some(0),
                "work: recover in a call run by Goexit is nil: true\n\
                 work: recovered inside: inner\n\
                 work: deferred 1\n\
                 inner: deferred\n\
                 outer: recovers: boom\n\
                 outer: deferred, run by the resumed Goexit\n\
                 top: deferred\n\
                 main: done\n"
            )
        );
    }

    /// Calls, Go's division and shift semantics, float conversions and
    /// NaN comparisons, strings, append, the result area, rune conversion.
    #[test]
    fn semantics() {
        let fib = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../testdata/ir/fib.ir"
        ))
        .unwrap();
        let fib = &fib[fib.find("func main.fib").unwrap()..fib.find("func main.main").unwrap()];
        let text = format!(
            r#"{fib}
global main.g struct{{a int8; b string}}

func main.two(%0 string, %1 []int64, %2 float64) (string, []int64, float64) {{
b0:
    return %0, %1, %2
}}

func main.main() {{
    %0 int64
    %1 int64
    %2 int8
    %3 int8
    %4 int8
    %5 int64
    %6 int64
    %7 uint8
    %8 int64
    %9 uint32
    %10 int64
    %11 float64
    %12 float64
    %13 bool
    %14 string
    %15 string
    %16 string
    %17 uint8
    %18 []int64
    %19 *int64
    %20 string
    %21 []int64
    %22 float64
    %23 int32
    %24 *struct{{a int8; b string}}
    %25 *string
    %26 uint64
    %27 int16
b0:
    %0 = const 20
    %1 = call main.fib(%0)
    call goc_printint(%1)
    call goc_printsp()
    %2 = const -128
    %3 = const -1
    %4 = div %2, %3
    %5 = convert %4
    call goc_printint(%5)
    call goc_printsp()
    %4 = rem %2, %3
    %5 = convert %4
    call goc_printint(%5)
    call goc_printsp()
    %6 = const 1
    %7 = const 70
    %8 = shl %6, %7
    call goc_printint(%8)
    call goc_printsp()
    %6 = const -8
    %8 = shr %6, %7
    call goc_printint(%8)
    call goc_printsp()
    %9 = const 4026531840
    %10 = const 4
    %9 = shr %9, %10
    %10 = convert %9
    call goc_printint(%10)
    call goc_printsp()
    %11 = const 7.9
    %10 = convert %11
    call goc_printint(%10)
    call goc_printsp()
    %11 = const -1e300
    %27 = convert %11
    %10 = convert %27
    call goc_printint(%10)
    call goc_printsp()
    %12 = const 0.0
    %12 = div %12, %12
    %13 = ne %12, %12
    call goc_printbool(%13)
    call goc_printsp()
    %13 = eq %12, %12
    call goc_printbool(%13)
    call goc_printnl()
    %14 = const "hello, "
    %15 = const "world"
    %16 = add %14, %15
    call goc_printstring(%16)
    call goc_printsp()
    %13 = lt %14, %15
    call goc_printbool(%13)
    call goc_printsp()
    %13 = eq %16, %14
    call goc_printbool(%13)
    call goc_printsp()
    %10 = const 4
    %17 = stringbyte %16, %10
    %5 = convert %17
    call goc_printint(%5)
    call goc_printsp()
    %16 = slice %16[%10:]
    call goc_printstring(%16)
    call goc_printnl()
    %0 = const 3
    %18 = makeslice %0, %0
    %1 = len %18
    %0 = const 1
    %18 = growslice %18, %0
    %19 = elemaddr %18, %1
    %0 = const 7
    store %19, %0
    %1 = len %18
    call goc_printint(%1)
    call goc_printsp()
    %0 = load %19
    call goc_printint(%0)
    call goc_printsp()
    %11 = const 2.5
    %20, %21, %22 = call main.two(%16, %18, %11)
    call goc_printstring(%20)
    call goc_printsp()
    %1 = len %21
    call goc_printint(%1)
    call goc_printsp()
    call goc_printfloat(%22)
    call goc_printnl()
    %26 = const 1099511627776
    %14 = strconv.rune_to_string %26
    call goc_printstring(%14)
    %23 = const 19990
    %14 = strconv.rune_to_string %23
    call goc_printstring(%14)
    call goc_printnl()
    %24 = globaladdr main.g
    %25 = fieldaddr %24, 1
    store %25, %15
    %14 = load %25
    call goc_printstring(%14)
    call goc_printnl()
    return
}}
{INIT}"#
        );
        let Some(r) = build_and_run("semantics", &text) else {
            return;
        };
        assert_eq!(r.status, Some(0), "{}", r.stderr);
        assert_eq!(
            r.stderr,
            "6765 -128 0 0 -1 251658240 7 -32768 true false\n\
             hello, world true false 111 o, world\n\
             4 7 o, world 4 2.5\n\
             \u{FFFD}\u{4E16}\n\
             world\n"
        );
    }

    fn panics(name: &str, body: &str, regs: &str) -> Run {
        let text = format!("func main.main() {{\n{regs}b0:\n{body}}}\n{INIT}");
        build_and_run(name, &text).unwrap()
    }

    #[test]
    fn runtime_panics() {
        if build_and_run(
            "probe",
            &format!("func main.main() {{\nb0:\n    return\n}}\n{INIT}"),
        )
        .is_none()
        {
            return;
        }
        let r = panics(
            "index",
            "    %1 = const 3\n    %0 = makeslice %1, %1\n    %2 = const 5\n    %3 = elemaddr %0, %2\n    return\n",
            "    %0 []int64\n    %1 int64\n    %2 int64\n    %3 *int64\n",
        );
        assert_eq!(r.status, Some(2));
        assert_eq!(
            panic_line(&r.stderr),
            "panic: runtime error: index out of range [5] with length 3"
        );

        let r = panics(
            "negindex",
            "    %1 = const 3\n    %0 = makeslice %1, %1\n    %2 = const -1\n    %3 = elemaddr %0, %2\n    return\n",
            "    %0 []int64\n    %1 int64\n    %2 int8\n    %3 *int64\n",
        );
        assert_eq!(
            panic_line(&r.stderr),
            "panic: runtime error: index out of range [-1]"
        );

        let r = panics(
            "slice3",
            "    %1 = const 3\n    %0 = makeslice %1, %1\n    %2 = const 2\n    %4 = const 1\n    %0 = slice %0[%2:%4]\n    return\n",
            "    %0 []int64\n    %1 int64\n    %2 int64\n    %3 *int64\n    %4 int64\n",
        );
        assert_eq!(
            panic_line(&r.stderr),
            "panic: runtime error: slice bounds out of range [2:1]"
        );

        let r = panics(
            "divide",
            "    %0 = const 0\n    %1 = const 7\n    %1 = div %1, %0\n    call goc_printint(%1)\n    return\n",
            "    %0 int64\n    %1 int64\n",
        );
        assert_eq!(r.status, Some(2));
        assert_eq!(
            panic_line(&r.stderr),
            "panic: runtime error: integer divide by zero"
        );

        let r = panics(
            "shift",
            "    %0 = const -1\n    %1 = const 7\n    %1 = shl %1, %0\n    call goc_printint(%1)\n    return\n",
            "    %0 int32\n    %1 int64\n",
        );
        assert_eq!(
            panic_line(&r.stderr),
            "panic: runtime error: negative shift amount"
        );

        let r = panics(
            "nil",
            "    %1 = load %0\n    call goc_printint(%1)\n    return\n",
            "    %0 *int64\n    %1 int64\n",
        );
        assert_eq!(r.status, Some(2));
        assert!(
            r.stderr.starts_with(
                "panic: runtime error: invalid memory address or nil pointer dereference"
            ),
            "{}",
            r.stderr
        );
    }
}

/// One function record of a stack-map table (goc_abi::stackmap), decoded.
#[derive(Debug)]
struct MapRecord {
    frame: u32,
    outargs: u32,
    entry_ret: u32,
    safepoints: Vec<(u32, Vec<u32>)>,
    always: Vec<(u32, u32)>,
}

/// The stack-map record of function `name` in an object, and the
/// function's code.
fn stack_map_of(obj: &[u8], name: &str) -> (MapRecord, Vec<u8>) {
    use goc_abi::stackmap as sm;
    let f = object::File::parse(obj).unwrap();
    let sec = f.section_by_name(sm::SECTION).expect("a stack-map section");
    let data = sec.data().unwrap();
    let u32_at = |o: usize| u32::from_le_bytes(data[o..o + 4].try_into().unwrap());
    let sym = f.symbols().find(|s| s.name() == Ok(name)).unwrap();
    let code = {
        let text = f.section_by_index(sym.section_index().unwrap()).unwrap();
        let d = text.data().unwrap();
        let a = sym.address() as usize;
        d[a..a + sym.size() as usize].to_vec()
    };
    for (off, rel) in sec.relocations() {
        let RelocationTarget::Symbol(si) = rel.target() else {
            continue;
        };
        if f.symbol_by_index(si).unwrap().name() != Ok(name) {
            continue;
        }
        let r = off as usize - sm::FUNC;
        let n = u32_at(r + sm::NSAFEPOINTS) as usize;
        let nal = u32_at(r + sm::NALWAYS) as usize;
        let nr = u32_at(r + sm::NRANGES) as usize;
        let w = |i: usize| u32_at(r + sm::HEADER_SIZE + 4 * i);
        let pool = 2 * n + 1 + 2 * nal + 2 * nr;
        let safepoints = (0..n)
            .map(|i| {
                (
                    w(i),
                    (w(n + i)..w(n + i + 1))
                        .map(|j| w(pool + j as usize))
                        .collect(),
                )
            })
            .collect();
        let always = (0..nal)
            .map(|i| (w(2 * n + 1 + 2 * i), w(2 * n + 2 + 2 * i)))
            .collect();
        assert_eq!(u32_at(r + sm::CODE_SIZE) as usize, code.len());
        let rec = MapRecord {
            frame: u32_at(r + sm::FRAME),
            outargs: u32_at(r + sm::OUTARGS),
            entry_ret: u32_at(r + sm::ENTRY_RET),
            safepoints,
            always,
        };
        return (rec, code);
    }
    panic!("no stack-map record for {name}");
}

/// Whether the code stores a 64-bit register to `[sp + off]` (x86_64:
/// `mov [rsp+off], r64`; aarch64: `str`/`stur xN, [sp, #off]`).
fn stores_to_sp(code: &[u8], arm: bool, off: u32) -> bool {
    if arm {
        code.chunks(4).any(|c| {
            let i = u32::from_le_bytes(c.try_into().unwrap());
            let rn_sp = (i >> 5) & 31 == 31;
            let str_uimm = i & 0xffc0_0000 == 0xf900_0000 && (i >> 10) & 0xfff == off / 8;
            let stur = i & 0xffe0_0c00 == 0xf800_0000 && (i >> 12) & 0x1ff == off;
            rn_sp && (str_uimm || stur)
        })
    } else {
        code.windows(8).any(|c| {
            let rex_ok = c[0] == 0x48 || c[0] == 0x4c;
            let sib_rsp = c[2] & 0x07 == 0x04 && c[3] == 0x24;
            let disp = match c[2] >> 6 {
                0 => Some(0),
                1 => Some(c[4] as u32),
                2 => Some(u32::from_le_bytes(c[4..8].try_into().unwrap())),
                _ => None,
            };
            rex_ok && c[1] == 0x89 && sib_rsp && disp == Some(off)
        })
    }
}

/// Stack maps end to end on the host: a function with pointer values (a
/// pointer parameter, a string's data word, a new object, an interface's
/// data word) live across a call, a non-pointer one, and a frame object
/// with pointers. The table names exactly the four live pointer words at
/// the call, each at a slot the code really spills to; the frame object's
/// pointer words are always live.
#[test]
fn stack_map_table() {
    let mut opaque = FB::new("main.opaque");
    opaque.t(B0, Term::Return(vec![]));

    let mut k = FB::new("main.keep");
    let p = k.param(Type::ptr(Type::I64));
    let s = k.param(Type::String);
    let n = k.param(Type::I64);
    let e = k.param(Type::Iface);
    k.results = vec![Type::I64];
    let h = k.reg(Type::ptr(Type::I64));
    k.i(
        B0,
        Inst::New {
            dst: h,
            ty: Type::I64,
        },
    );
    k.i(B0, Inst::Store { ptr: h, src: n });
    let arr = k.reg(Type::ptr(Type::Array(2, Box::new(Type::ptr(Type::I64)))));
    k.i(
        B0,
        Inst::Alloca {
            dst: arr,
            ty: Type::Array(2, Box::new(Type::ptr(Type::I64))),
        },
    );
    k.i(
        B0,
        Inst::Call {
            dsts: vec![],
            func: "main.opaque".into(),
            args: vec![],
        },
    );
    let a = k.reg(Type::I64);
    k.i(B0, Inst::Load { dst: a, ptr: p });
    let b = k.reg(Type::I64);
    k.i(B0, Inst::Load { dst: b, ptr: h });
    let zero = k.konst(B0, Type::I64, Const::Int(0));
    let c = k.reg(Type::U8);
    k.i(
        B0,
        Inst::StringByte {
            dst: c,
            s,
            index: zero,
        },
    );
    let c64 = k.reg(Type::I64);
    k.i(B0, Inst::Convert { dst: c64, x: c });
    let d = k.reg(Type::ptr(Type::I64));
    k.i(
        B0,
        Inst::IfaceWord {
            dst: d,
            x: e,
            word: 1,
        },
    );
    let dv = k.reg(Type::I64);
    k.i(B0, Inst::Load { dst: dv, ptr: d });
    let s1 = k.bin(B0, BinaryOp::Add, a, b);
    let s2 = k.bin(B0, BinaryOp::Add, s1, c64);
    let s3 = k.bin(B0, BinaryOp::Add, s2, dv);
    let s4 = k.bin(B0, BinaryOp::Add, s3, n);
    k.t(B0, Term::Return(vec![s4]));

    let prog = Program {
        data: vec![],
        globals: vec![],
        funcs: vec![opaque.done(), k.done()],
    };
    compile_both(&prog);
    for t in [X86, ARM] {
        let arm = t == ARM;
        let obj = compile(&prog, &triple(t)).unwrap();
        let (rec, code) = stack_map_of(&obj, "main.keep");
        // The call to main.opaque: its relocation is the last 4 bytes of the
        // call (x86_64 rel32) or the bl itself (aarch64).
        let f = object::File::parse(&*obj).unwrap();
        let sym = f.symbols().find(|s| s.name() == Ok("main.keep")).unwrap();
        let text = f.section_by_index(sym.section_index().unwrap()).unwrap();
        let ret = text
            .relocations()
            .find(|(_, r)| {
                matches!(r.target(), RelocationTarget::Symbol(si)
                    if f.symbol_by_index(si).unwrap().name() == Ok("main.opaque"))
            })
            .map(|(off, _)| (off - sym.address()) as u32 + 4)
            .expect("a call to main.opaque");
        let (_, live) = rec
            .safepoints
            .iter()
            .find(|(r, _)| *r == ret)
            .unwrap_or_else(|| panic!("{t}: no safepoint at +{ret}: {rec:?}"));
        assert_eq!(live.len(), 4, "{t}: {rec:?}");
        for &kk in live {
            assert!(kk >= 1 && kk * 8 <= rec.frame, "{t}: {rec:?}");
            let sp_off = rec.frame - 8 * kk;
            assert!(sp_off >= rec.outargs);
            assert!(
                stores_to_sp(&code, arm, sp_off),
                "{t}: no spill to sp+{sp_off}"
            );
        }
        // Every call is a safepoint: the stack check's and goc_new's too;
        // the stack check's is known (frame objects are zeroed after it).
        assert!(rec.safepoints.len() >= 3, "{t}: {rec:?}");
        assert!(rec.entry_ret != 0 && rec.entry_ret != ret, "{t}: {rec:?}");
        assert!(rec.safepoints.iter().any(|(r, _)| *r == rec.entry_ret));
        // The frame object's two pointer words, always live, apart from
        // the live variables.
        assert_eq!(rec.always.len(), 1, "{t}: {rec:?}");
        let (ka, na) = rec.always[0];
        assert_eq!(na, 2);
        assert!(live.iter().all(|&l| l > ka || l <= ka - na), "{t}: {rec:?}");
    }
}
