//! Lowering: the type-checked AST of package main to the IR.
//!
//! Each Go function becomes one IR function; package variables become IR
//! globals, initialised by `goc_program_init` in Go's dependency order before
//! the `init` functions run.
//!
//! Where values live (the invariant the rest of the lowering relies on):
//! - a local of register type (numbers, bools, pointers, strings, slices)
//!   whose address is never taken is an IR register;
//! - a local of struct or array type is frame memory (`alloca`), reached
//!   through a pointer register;
//! - a local whose address is taken (`&x`, `x[:]` of an array) is heap
//!   memory (`new`), so the pointer may outlive the frame (goc has no escape
//!   analysis yet); a fresh cell is made each time the declaration runs, which
//!   gives loop variables Go 1.22's per-iteration semantics;
//! - a value of struct or array type is always handled by address
//!   ([`Val::Mem`]) and copied with `memcopy` where Go copies.
//!
//! Functions take struct and array arguments as pointers to copies their
//! caller made, and return them through result pointers the caller passes
//! first (see docs/IR.md).

mod atomic;
mod call;
mod chan;
mod closure;
mod defer;
mod expr;
mod gostmt;
mod iface;
mod map;
mod method;
mod rangefunc;
mod stmt;
mod typedesc;
mod unsafeops;

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use crate::ir::{self, BlockId, Const, Inst, Reg, Term};
use crate::syntax::ast::{self, Decl, GenDecl};
use crate::types::{
    ExprInfo, FuncInstance, Info, ObjId, ObjKind, Selection, TypeId, TypeKind, Value,
};

/// The largest variable kept in a frame: gc's limit for declared
/// variables (cmd/compile's MaxStackVarSize); larger ones live on the heap,
/// so no frame grows past what a goroutine stack can hold.
const MAX_FRAME_VAR: u64 = 128 * 1024;

/// Lowers the whole program.
pub fn lower_program(files: &[ast::File], info: &Info) -> ir::Program {
    let mut p = ProgramLower {
        files,
        info,
        globals: HashMap::new(),
        named: NamedTypes::default(),
        extra: RefCell::new(Vec::new()),
        closure_names: RefCell::new(HashMap::new()),
        wrappers: RefCell::new(HashMap::new()),
        data: RefCell::new(Vec::new()),
        descs: RefCell::new(HashMap::new()),
        itabs: RefCell::new(HashMap::new()),
        cur_inst: std::cell::Cell::new(None),
        program: ir::Program::default(),
    };
    p.globals();
    for entry in &info.funcs {
        if info.tparams.contains_key(&entry.obj) {
            // Generic: compiled per instance, below.
            continue;
        }
        let Decl::Func(fd) = &files[entry.file].decls[entry.decl] else {
            continue;
        };
        let ObjKind::Func { symbol } = &info.obj(entry.obj).kind else {
            continue;
        };
        if fd.body.is_none() {
            // Bound to the runtime (a standard package's body-less function).
            continue;
        }
        let f = p.func(symbol, entry.obj, fd);
        p.program.funcs.push(f);
    }
    for inst in &info.func_instances {
        let f = p.instance(inst);
        p.program.funcs.push(f);
    }
    let init = p.program_init();
    p.program.funcs.push(init);
    let extra = p.extra.take();
    p.program.funcs.extend(extra);
    p.program.data = p.data.take();
    p.program
}

struct ProgramLower<'a> {
    files: &'a [ast::File],
    info: &'a Info,
    /// Package-level variables to their global's symbol.
    globals: HashMap<ObjId, String>,
    named: NamedTypes,
    /// Functions made while lowering others: closure bodies and the
    /// wrappers that let declared functions be used as values.
    extra: RefCell<Vec<ir::Func>>,
    /// How many closures each function has, for their names (`main.f.func1`).
    closure_names: RefCell<HashMap<String, u32>>,
    /// Declared functions used as values (by symbol), to the symbol of
    /// their wrapper.
    wrappers: RefCell<HashMap<String, String>>,
    /// Read-only data: type descriptors, method tables, itabs.
    data: RefCell<Vec<ir::Data>>,
    /// Each type's descriptor symbol (by canonical type).
    descs: RefCell<HashMap<TypeId, String>>,
    /// Itab symbols by (concrete type, interface type).
    itabs: RefCell<HashMap<(TypeId, TypeId), String>>,
    /// The instance of a generic function being lowered: every function
    /// made meanwhile (its closures and thunks) reads its tables.
    cur_inst: std::cell::Cell<Option<&'a FuncInstance>>,
    program: ir::Program,
}

impl<'a> ProgramLower<'a> {
    fn globals(&mut self) {
        for (i, o) in self.info.objects.iter().enumerate() {
            if o.kind != (ObjKind::Var { global: true }) {
                continue;
            }
            let id = ObjId(i as u32);
            let pkg = &self.info.packages[o.pkg as usize].path;
            let name = if o.name == "_" {
                format!("{pkg}._.{i}")
            } else {
                format!("{pkg}.{}", o.name)
            };
            self.globals.insert(id, name.clone());
            self.program.globals.push(ir::Global {
                name,
                ty: ir_type(self.info, &self.named, o.ty),
            });
        }
    }

    /// One instance of a generic function or method.
    fn instance(&self, inst: &'a FuncInstance) -> ir::Func {
        let Some(entry) = self.info.funcs.iter().find(|e| e.obj == inst.obj) else {
            unreachable!("an instance of an undeclared function")
        };
        let Decl::Func(fd) = &self.files[entry.file].decls[entry.decl] else {
            unreachable!()
        };
        let TypeKind::Func(sig) = self.info.types.kind(inst.ty).clone() else {
            unreachable!("function without signature")
        };
        let recv = match (&fd.recv, self.info.method_recv.get(&inst.obj), inst.recv) {
            (Some(r), Some(&(_, ptr)), Some(base)) => Some((r, base, ptr)),
            _ => None,
        };
        let saved = self.cur_inst.replace(Some(inst));
        let f = self.build_func(&inst.symbol, &sig, &fd.sig, fd.body.as_ref(), recv, None);
        self.cur_inst.set(saved);
        f
    }

    fn func(&self, symbol: &str, obj: ObjId, fd: &ast::FuncDecl) -> ir::Func {
        let TypeKind::Func(sig) = self.info.types.kind(self.info.obj(obj).ty).clone() else {
            unreachable!("function without signature")
        };
        let recv = match (&fd.recv, self.info.method_recv.get(&obj)) {
            (Some(r), Some(&(base, ptr))) => Some((r, base, ptr)),
            _ => None,
        };
        self.build_func(symbol, &sig, &fd.sig, fd.body.as_ref(), recv, None)
    }

    /// Lowers a function body. A closure's code (`closure` given: its
    /// closure object's type and captured variables) takes the closure
    /// object as its first parameter; then come pointers for memory-typed
    /// results, then the parameters (see [`func_sig`]).
    fn build_func(
        &self,
        symbol: &str,
        sig: &crate::types::Signature,
        ft: &ast::FuncType,
        body: Option<&ast::Block>,
        recv: Option<(&ast::Param, TypeId, bool)>,
        closure: Option<(ir::Type, &[ObjId])>,
    ) -> ir::Func {
        let mut fl = FnLower::new(self, symbol);
        let ctx = closure
            .as_ref()
            .map(|(t, _)| fl.param(ir::Type::ptr(t.clone())));
        let mut result_ptrs = Vec::new();
        for &r in &sig.results {
            let t = ir_type(self.info, &self.named, r);
            if !t.is_register() {
                let p = fl.param(ir::Type::ptr(t));
                result_ptrs.push(Some(p));
            } else {
                fl.f.results.push(t);
                result_ptrs.push(None);
            }
        }
        fl.result_ptrs = result_ptrs;
        fl.go_results = sig.results.clone();
        // A method's receiver comes after the result pointers: as a pointer
        // for pointer receivers and struct values, else by value.
        if let Some((r, base, ptr)) = recv {
            let it = ir_type(self.info, &self.named, base);
            let (pt, bind_t) = if ptr {
                let pt = ir::Type::ptr(it);
                (pt.clone(), pt)
            } else if it.is_register() {
                (it.clone(), it)
            } else {
                (ir::Type::ptr(it.clone()), it)
            };
            let reg = fl.param(pt);
            if let Some(name) = &r.name {
                if let Some(&id) = self.info.defs.get(&name.pos) {
                    fl.bind_param(id, reg, &bind_t);
                }
            }
        }
        let mut params = Vec::new();
        for &t in &sig.params {
            let it = ir_type(self.info, &self.named, t);
            params.push((
                fl.param(if it.is_register() {
                    it.clone()
                } else {
                    ir::Type::ptr(it.clone())
                }),
                it,
            ));
        }
        if let (Some(ctx), Some((_, caps))) = (ctx, &closure) {
            fl.bind_captures(ctx, caps);
        }
        for (p, (reg, it)) in ft.params.iter().zip(params) {
            let Some(name) = &p.name else { continue };
            let Some(&id) = self.info.defs.get(&name.pos) else {
                continue;
            };
            fl.bind_param(id, reg, &it);
        }
        let with_defer = body.is_some_and(|b| defer::has_defer(&b.stmts));
        for r in &ft.results {
            if let Some(name) = &r.name {
                if let Some(&id) = self.info.defs.get(&name.pos) {
                    if with_defer {
                        fl.declare_result_in_memory(id);
                    } else {
                        fl.declare_var(id);
                    }
                    fl.named_results.push(id);
                }
            }
        }
        if with_defer {
            fl.begin_defer_frame();
        }
        if let Some(body) = body {
            fl.collect_labels(&body.stmts);
            fl.stmts(&body.stmts);
        }
        if !fl.terminated() {
            let no_results = fl.f.results.is_empty() && fl.result_ptrs.iter().all(Option::is_none);
            if no_results || !fl.named_results.is_empty() {
                fl.return_values(None);
            } else {
                fl.terminate(Term::Unreachable);
            }
        }
        fl.finish_defer_exit();
        fl.finish()
    }

    /// `goc_program_init`: package by package in initialisation order, the
    /// package's variables in dependency order, then its `init` functions in
    /// source order.
    fn program_init(&self) -> ir::Func {
        let mut fl = FnLower::new(self, ir::PROGRAM_INIT);
        for pkg in &self.info.packages {
            self.package_init(&mut fl, pkg);
        }
        fl.terminate(Term::Return(vec![]));
        fl.finish()
    }

    fn package_init(&self, fl: &mut FnLower<'_, '_>, pkg: &crate::types::PackageInfo) {
        for step in &pkg.init_order {
            let Decl::Gen(GenDecl::Var(specs)) = &self.files[step.file].decls[step.decl] else {
                continue;
            };
            let spec = &specs[step.spec];
            let vals = match step.value {
                Some(i) => {
                    let t = self.info.obj(step.vars[0]).ty;
                    vec![fl.expr_for(&spec.values[i], t)]
                }
                None => fl.values_for(&spec.values[0], &step.vars),
            };
            for (&v, val) in step.vars.iter().zip(vals) {
                let ty = self.info.obj(v).ty;
                let place = fl.var_place(v);
                fl.store(&place, val, ty);
            }
        }
        for &fi in &pkg.init_funcs {
            let entry = &self.info.funcs[fi];
            if let ObjKind::Func { symbol } = &self.info.obj(entry.obj).kind {
                fl.emit(Inst::Call {
                    dsts: vec![],
                    func: symbol.clone(),
                    args: vec![],
                });
            }
        }
    }
}

/// Go's defined struct and array types as IR named types, made on first
/// use (before their definition is converted, so recursion ends there).
#[derive(Default)]
pub(crate) struct NamedTypes {
    map: RefCell<HashMap<TypeId, Arc<ir::NamedType>>>,
    /// Defined function, pointer and slice types being converted: a
    /// reference back to one is opaque (see [`ir_type`]).
    in_progress: RefCell<std::collections::HashSet<TypeId>>,
}

/// The IR type of a Go type.
pub(crate) fn ir_type(info: &Info, named: &NamedTypes, t: TypeId) -> ir::Type {
    use crate::types::Basic;
    if let TypeKind::Named {
        name,
        pkg,
        serial,
        local,
        ..
    } = info.types.kind(t)
    {
        if matches!(
            info.types.under(t),
            TypeKind::Struct(_) | TypeKind::Array(..)
        ) {
            if let Some(n) = named.map.borrow().get(&t) {
                return ir::Type::Named(n.clone());
            }
            // Types declared inside functions may share a name: the serial
            // keeps their IR names apart.
            let ir_name = if *local {
                format!("{pkg}.{name}${serial}")
            } else {
                format!("{pkg}.{name}")
            };
            let n = ir::NamedType::new(ir_name);
            named.map.borrow_mut().insert(t, n.clone());
            let def = ir_type(info, named, info.types.underlying(t));
            n.define(def);
            return ir::Type::Named(n);
        }
    }
    if matches!(info.types.kind(t), TypeKind::Named { .. })
        && matches!(
            info.types.under(t),
            TypeKind::Func(_) | TypeKind::Pointer(_) | TypeKind::Slice(_)
        )
    {
        if !named.in_progress.borrow_mut().insert(t) {
            // A reference back to the type being converted (`type F
            // func(F)`, `type P *P`, `type S []S`): the same kind of word
            // with an opaque element, which the IR verifier takes for any.
            return match info.types.under(t) {
                TypeKind::Func(_) => ir::Type::Func(Box::new(ir::FuncSig {
                    params: Vec::new(),
                    results: Vec::new(),
                })),
                TypeKind::Slice(_) => ir::Type::slice(ir::Type::opaque()),
                _ => ir::Type::ptr(ir::Type::opaque()),
            };
        }
        let ft = ir_type(info, named, info.types.underlying(t));
        named.in_progress.borrow_mut().remove(&t);
        return ft;
    }
    let ir_type = |t| ir_type(info, named, t);
    match info.types.under(t) {
        TypeKind::Basic(b) => match b {
            Basic::Bool | Basic::UntypedBool => ir::Type::Bool,
            Basic::Int8 => ir::Type::I8,
            Basic::Int16 => ir::Type::I16,
            Basic::Int32 | Basic::UntypedRune => ir::Type::I32,
            Basic::Int | Basic::Int64 | Basic::UntypedInt => ir::Type::I64,
            Basic::Uint8 => ir::Type::U8,
            Basic::Uint16 => ir::Type::U16,
            Basic::Uint32 => ir::Type::U32,
            Basic::Uint | Basic::Uint64 | Basic::Uintptr => ir::Type::U64,
            Basic::Float32 => ir::Type::F32,
            Basic::Float64 | Basic::UntypedFloat => ir::Type::F64,
            Basic::Complex64 => ir::Type::C64,
            Basic::Complex128 | Basic::UntypedComplex => ir::Type::C128,
            Basic::String | Basic::UntypedString => ir::Type::String,
            Basic::UntypedNil | Basic::Invalid | Basic::UnsafePointer => {
                ir::Type::ptr(ir::Type::U8)
            }
        },
        TypeKind::Pointer(e) => ir::Type::ptr(ir_type(*e)),
        TypeKind::Slice(e) => ir::Type::slice(ir_type(*e)),
        TypeKind::Array(n, e) => ir::Type::Array(*n, Box::new(ir_type(*e))),
        TypeKind::Struct(fields) => ir::Type::Struct(
            fields
                .iter()
                .map(|f| ir::Field {
                    name: f.name.clone(),
                    ty: ir_type(f.ty),
                })
                .collect(),
        ),
        TypeKind::Func(sig) => ir::Type::Func(Box::new(func_sig(info, named, sig))),
        TypeKind::Interface(_) => ir::Type::Iface,
        TypeKind::Map(..) | TypeKind::Chan(..) => ir::Type::ptr(ir::Type::U8),
        TypeKind::Tuple(_)
        | TypeKind::Named { .. }
        | TypeKind::Alias { .. }
        | TypeKind::TypeParam { .. }
        | TypeKind::Constraint { .. } => {
            unreachable!("tuples are not values; under() resolves names; generic code is lowered per instance")
        }
    }
}

/// The IR signature of a Go function type, as seen by a caller: pointers for
/// memory-typed results, then the parameters (memory-typed ones by pointer);
/// register-typed results.
pub(crate) fn func_sig(
    info: &Info,
    named: &NamedTypes,
    sig: &crate::types::Signature,
) -> ir::FuncSig {
    let mut params = Vec::new();
    let mut results = Vec::new();
    for &r in &sig.results {
        let t = ir_type(info, named, r);
        if t.is_register() {
            results.push(t);
        } else {
            params.push(ir::Type::ptr(t));
        }
    }
    for &p in &sig.params {
        let t = ir_type(info, named, p);
        params.push(if t.is_register() { t } else { ir::Type::ptr(t) });
    }
    ir::FuncSig { params, results }
}

/// A value during lowering: a register, or (for struct and array types) the
/// address of memory holding it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Val {
    Reg(Reg),
    Mem(Reg),
}

/// Where a variable lives.
#[derive(Clone, Debug)]
pub(crate) enum Loc {
    Reg(Reg),
    /// A register holding the variable's address.
    Mem(Reg),
    Global(String),
}

/// An assignment target.
#[derive(Clone, Debug)]
pub(crate) enum Place {
    Reg(Reg),
    /// The address of the target.
    Mem(Reg),
    /// `m[k]`: the map's descriptor, the map, and the key's address.
    Map {
        desc: Reg,
        map: Reg,
        key: Reg,
    },
    /// `s[i]` or `a[i]` whose address (and bounds check) is computed when
    /// it is stored to, as Go's assignments with several targets require:
    /// the slice, or a pointer to the array, and the index.
    Index {
        base: Reg,
        index: Reg,
    },
    Blank,
}

/// What `break` and `continue` jump to.
struct Target {
    label: Option<String>,
    brk: BlockId,
    cont: Option<BlockId>,
}

pub(crate) struct FnLower<'a, 'p> {
    p: &'p ProgramLower<'a>,
    info: &'a Info,
    /// The instance whose body this is (or whose closure or thunk): its
    /// tables take the place of the generic body's in `info`.
    inst: Option<&'a FuncInstance>,
    f: ir::Func,
    cur: BlockId,
    /// Whether the current block has its terminator.
    done: Vec<bool>,
    vars: HashMap<ObjId, Loc>,
    targets: Vec<Target>,
    labels: HashMap<String, BlockId>,
    /// For each Go result: the hidden pointer parameter of a memory-typed one.
    result_ptrs: Vec<Option<Reg>>,
    /// The Go result types of the function.
    go_results: Vec<TypeId>,
    named_results: Vec<ObjId>,
    /// The next clause's body while lowering a switch clause.
    fallthrough: Option<BlockId>,
    /// The return path, in a function with `defer`.
    defer_exit: Option<defer::DeferExit>,
    /// In the yield function made of a range-over-function loop's body:
    /// how control leaves it (rangefunc.rs).
    range_body: Option<rangefunc::RangeBody>,
    /// The source line of the code being lowered (0: none yet), and the
    /// line each block's last `Line` instruction gave: `emit` puts a
    /// `Line` before an instruction whose line its block has not stated.
    line: u32,
    block_lines: Vec<u32>,
}

impl<'a, 'p> FnLower<'a, 'p> {
    fn new(p: &'p ProgramLower<'a>, name: &str) -> Self {
        FnLower {
            p,
            info: p.info,
            inst: p.cur_inst.get(),
            f: ir::Func {
                name: name.to_string(),
                params: vec![],
                results: vec![],
                regs: vec![],
                blocks: vec![ir::Block {
                    insts: vec![],
                    term: Term::Unreachable,
                }],
                nosplit: false,
                wrapper: false,
                file: String::new(),
            },
            cur: BlockId(0),
            done: vec![false],
            vars: HashMap::new(),
            targets: vec![],
            labels: HashMap::new(),
            result_ptrs: vec![],
            go_results: vec![],
            named_results: vec![],
            fallthrough: None,
            defer_exit: None,
            range_body: None,
            line: 0,
            block_lines: vec![0],
        }
    }

    /// The code lowered next comes from `pos`: its line goes to the
    /// function table, and the first position seen names the function's
    /// file (its path made absolute, as Go prints it in tracebacks).
    pub(crate) fn set_pos(&mut self, pos: ast::Pos) {
        if pos.line == 0 {
            return;
        }
        if self.f.file.is_empty() {
            if let Some(file) = self.p.files.get(pos.file as usize) {
                self.f.file = absolute(&file.path);
            }
        }
        self.line = pos.line;
    }

    fn finish(self) -> ir::Func {
        self.f
    }

    // What the checker found, seen through the instance being lowered.

    pub(crate) fn einfo(&self, id: ast::ExprId) -> &'a ExprInfo {
        match self.inst.and_then(|i| i.exprs.get(&id)) {
            Some(e) => e,
            None => self.info.expr(id),
        }
    }

    pub(crate) fn ety_of(&self, id: ast::ExprId) -> TypeId {
        self.einfo(id).ty
    }

    pub(crate) fn econst(&self, id: ast::ExprId) -> Option<&'a Value> {
        match &self.info.exprs.get(&id)?.mode {
            crate::types::Mode::Const(v) => Some(v),
            _ => None,
        }
    }

    pub(crate) fn selection(&self, id: ast::ExprId) -> Option<&'a Selection> {
        self.inst
            .and_then(|i| i.selections.get(&id))
            .or_else(|| self.info.selections.get(&id))
    }

    pub(crate) fn obj_ty(&self, id: ObjId) -> TypeId {
        match self.inst.and_then(|i| i.obj_types.get(&id)) {
            Some(&t) => t,
            None => self.info.obj(id).ty,
        }
    }

    /// Whether a selector is a method expression of an interface type.
    pub(crate) fn is_iface_method_expr(&self, id: ast::ExprId) -> bool {
        self.info.iface_method_exprs.contains(&id)
            || self
                .inst
                .is_some_and(|i| i.iface_method_exprs.contains(&id))
    }

    /// The symbol a use of a generic function names (`Map[int,string]`).
    pub(crate) fn instance_at(&self, id: ast::ExprId) -> Option<String> {
        let (obj, targs) = self
            .inst
            .and_then(|i| i.instances.get(&id))
            .or_else(|| self.info.instances.get(&id))?;
        Some(crate::types::instance_symbol(self.info, *obj, targs))
    }

    fn ty(&self, t: TypeId) -> ir::Type {
        ir_type(self.info, &self.p.named, t)
    }

    pub(crate) fn reg(&mut self, t: ir::Type) -> Reg {
        debug_assert!(t.is_register());
        self.f.regs.push(t);
        Reg(self.f.regs.len() as u32 - 1)
    }

    fn param(&mut self, t: ir::Type) -> Reg {
        let r = self.reg(t);
        self.f.params.push(r);
        r
    }

    pub(crate) fn reg_ty(&self, r: Reg) -> &ir::Type {
        self.f.reg_type(r)
    }

    pub(crate) fn emit(&mut self, i: Inst) {
        if self.terminated() {
            // Code after a return or panic: give it a block nobody reaches.
            let b = self.new_block();
            self.switch_to(b);
        }
        let cur = self.cur.0 as usize;
        if self.line != 0 && self.block_lines[cur] != self.line {
            self.block_lines[cur] = self.line;
            let line = self.line;
            self.f.blocks[cur].insts.push(Inst::Line { line });
        }
        self.f.blocks[cur].insts.push(i);
    }

    pub(crate) fn new_block(&mut self) -> BlockId {
        self.f.blocks.push(ir::Block {
            insts: vec![],
            term: Term::Unreachable,
        });
        self.done.push(false);
        self.block_lines.push(0);
        BlockId(self.f.blocks.len() as u32 - 1)
    }

    pub(crate) fn switch_to(&mut self, b: BlockId) {
        self.cur = b;
    }

    pub(crate) fn terminated(&self) -> bool {
        self.done[self.cur.0 as usize]
    }

    pub(crate) fn terminate(&mut self, t: Term) {
        if self.terminated() {
            return;
        }
        self.f.blocks[self.cur.0 as usize].term = t;
        self.done[self.cur.0 as usize] = true;
    }

    /// Ends the current block with a jump (unless it already ended).
    pub(crate) fn jump(&mut self, b: BlockId) {
        self.terminate(Term::Jump(b));
    }

    pub(crate) fn branch(&mut self, cond: Reg, then: BlockId, els: BlockId) {
        self.terminate(Term::If { cond, then, els });
    }

    pub(crate) fn konst(&mut self, t: ir::Type, value: Const) -> Reg {
        let dst = self.reg(t);
        self.emit(Inst::Const { dst, value });
        dst
    }

    pub(crate) fn int(&mut self, v: i64) -> Reg {
        self.konst(ir::Type::I64, Const::Int(v))
    }

    /// Calls a runtime function.
    pub(crate) fn rt(&mut self, name: &str, args: Vec<Reg>, results: Vec<ir::Type>) -> Vec<Reg> {
        let dsts: Vec<Reg> = results.into_iter().map(|t| self.reg(t)).collect();
        self.emit(Inst::Call {
            dsts: dsts.clone(),
            func: name.to_string(),
            args,
        });
        dsts
    }

    /// A call to a runtime function that does not return.
    pub(crate) fn rt_noreturn(&mut self, name: &str, args: Vec<Reg>) {
        self.rt(name, args, vec![]);
        self.terminate(Term::Unreachable);
    }

    // ---- variables ----

    /// The memory a new variable of type `t` lives in when it must be in
    /// memory: the heap if its address is taken or it is larger than gc
    /// keeps on a stack (`MAX_FRAME_VAR`), else the frame.
    fn alloc_var(&mut self, t: &ir::Type, heap: bool) -> Reg {
        let dst = self.reg(ir::Type::ptr(t.clone()));
        if heap || ir::layout::size_of(t) > MAX_FRAME_VAR {
            self.emit(Inst::New { dst, ty: t.clone() });
        } else {
            self.emit(Inst::Alloca { dst, ty: t.clone() });
        }
        dst
    }

    /// Declares a local variable, zeroed; returns where it lives.
    pub(crate) fn declare_var(&mut self, id: ObjId) -> Loc {
        let o = self.info.obj(id);
        let t = self.ty(self.obj_ty(id));
        let loc = if t.is_register() && !o.addr_taken && !o.captured {
            let r = self.reg(t);
            self.emit(Inst::Const {
                dst: r,
                value: Const::Zero,
            });
            Loc::Reg(r)
        } else {
            Loc::Mem(self.alloc_var(&t, o.addr_taken || o.captured))
        };
        self.vars.insert(id, loc.clone());
        loc
    }

    fn bind_param(&mut self, id: ObjId, reg: Reg, t: &ir::Type) {
        let o = self.info.obj(id);
        let loc = match (t.is_register(), o.addr_taken || o.captured) {
            (true, false) => Loc::Reg(reg),
            (true, true) => {
                let p = self.alloc_var(t, true);
                self.emit(Inst::Store { ptr: p, src: reg });
                Loc::Mem(p)
            }
            (false, false) => Loc::Mem(reg),
            (false, true) => {
                let p = self.alloc_var(t, true);
                self.emit(Inst::MemCopy { dst: p, src: reg });
                Loc::Mem(p)
            }
        };
        self.vars.insert(id, loc);
    }

    pub(crate) fn loc(&self, id: ObjId) -> Loc {
        if let Some(l) = self.vars.get(&id) {
            return l.clone();
        }
        match self.p.globals.get(&id) {
            Some(g) => Loc::Global(g.clone()),
            None => unreachable!("variable {} has no location", self.info.obj(id).name),
        }
    }

    /// The address of a variable that lives in memory.
    fn loc_addr(&mut self, loc: &Loc, t: TypeId) -> Option<Reg> {
        match loc {
            Loc::Reg(_) => None,
            Loc::Mem(p) => Some(*p),
            Loc::Global(name) => {
                let it = self.ty(t);
                let dst = self.reg(ir::Type::ptr(it));
                self.emit(Inst::GlobalAddr {
                    dst,
                    name: name.clone(),
                });
                Some(dst)
            }
        }
    }

    pub(crate) fn var_place(&mut self, id: ObjId) -> Place {
        let loc = self.loc(id);
        let t = self.obj_ty(id);
        match loc {
            Loc::Reg(r) => Place::Reg(r),
            _ => Place::Mem(self.loc_addr(&loc, t).unwrap()),
        }
    }

    /// Reads a variable.
    pub(crate) fn var_value(&mut self, id: ObjId) -> Val {
        let t = self.obj_ty(id);
        match self.var_place(id) {
            Place::Reg(r) => Val::Reg(r),
            Place::Mem(p) => self.load(p, t),
            _ => unreachable!(),
        }
    }

    /// The value at an address: loaded for register types, by address for
    /// memory types.
    pub(crate) fn load(&mut self, p: Reg, t: TypeId) -> Val {
        let it = self.ty(t);
        // Reading through a nil pointer panics; a zero-sized value reads no
        // memory that would fault, so it is checked explicitly.
        if ir::layout::size_of(&it) == 0 {
            self.emit(Inst::NilCheck { ptr: p });
        }
        if it.is_register() {
            let dst = self.reg(it);
            self.emit(Inst::Load { dst, ptr: p });
            Val::Reg(dst)
        } else {
            Val::Mem(p)
        }
    }

    /// Stores a value of Go type `t` into a place.
    pub(crate) fn store(&mut self, place: &Place, v: Val, t: TypeId) {
        match (place, v) {
            (Place::Blank, _) => {}
            (Place::Reg(dst), Val::Reg(src)) => {
                if *dst != src {
                    self.emit(Inst::Copy { dst: *dst, src })
                }
            }
            (Place::Mem(ptr), Val::Reg(src)) => self.emit(Inst::Store { ptr: *ptr, src }),
            (Place::Mem(dst), Val::Mem(src)) => self.emit(Inst::MemCopy { dst: *dst, src }),
            (Place::Reg(_), Val::Mem(_)) => unreachable!("memory value {t:?} in a register"),
            (Place::Map { desc, map, key }, v) => self.map_store(*desc, *map, *key, v, t),
            (&Place::Index { base, index }, v) => {
                let p = self.index_place_addr(base, index, t);
                self.store(&Place::Mem(p), v, t);
            }
        }
    }

    /// The address of the element of a [`Place::Index`], bounds-checked.
    pub(crate) fn index_place_addr(&mut self, base: Reg, index: Reg, t: TypeId) -> Reg {
        let dst = self.reg(ir::Type::ptr(self.ty(t)));
        self.emit(match self.reg_ty(base) {
            ir::Type::Slice(_) => Inst::ElemAddr {
                dst,
                slice: base,
                index,
            },
            _ => Inst::IndexAddr {
                dst,
                ptr: base,
                index,
            },
        });
        dst
    }

    /// A fresh temporary holding the zero value of register or memory type
    /// `t`, set on whichever path a conditional result takes.
    pub(crate) fn zero_temp(&mut self, t: &ir::Type) -> Place {
        if t.is_register() {
            Place::Reg(self.konst(t.clone(), Const::Zero))
        } else {
            let p = self.reg(ir::Type::ptr(t.clone()));
            self.emit(Inst::Alloca {
                dst: p,
                ty: t.clone(),
            });
            Place::Mem(p)
        }
    }

    /// The value held by a temporary from [`FnLower::zero_temp`].
    pub(crate) fn temp_value(&self, p: &Place) -> Val {
        match p {
            Place::Reg(r) => Val::Reg(*r),
            Place::Mem(a) => Val::Mem(*a),
            _ => unreachable!("not a temporary"),
        }
    }

    /// A copy of a value that later writes to its source cannot change.
    pub(crate) fn copy_val(&mut self, v: Val, t: TypeId) -> Val {
        match v {
            Val::Reg(r) => {
                let it = self.reg_ty(r).clone();
                let dst = self.reg(it);
                self.emit(Inst::Copy { dst, src: r });
                Val::Reg(dst)
            }
            Val::Mem(p) => {
                let it = self.ty(t);
                let dst = self.alloc_var(&it, false);
                self.emit(Inst::MemCopy { dst, src: p });
                Val::Mem(dst)
            }
        }
    }

    pub(crate) fn as_reg(&self, v: Val) -> Reg {
        match v {
            Val::Reg(r) => r,
            Val::Mem(p) => p,
        }
    }

    /// Evaluates `return` values (or the named results for a bare return)
    /// and returns them.
    pub(crate) fn return_values(&mut self, results: Option<&[ast::Expr]>) {
        if let Some(rb) = self.range_body.clone() {
            self.return_from_body(&rb, results);
            return;
        }
        if self.defer_exit.is_some() && results.is_none() {
            self.return_through_defers(None);
            return;
        }
        let go_results = self.go_results.clone();
        let vals: Vec<Val> = match results {
            Some(rs) if rs.len() == 1 && go_results.len() > 1 => {
                self.values_for_types(&rs[0], &go_results)
            }
            Some(rs) => {
                let mut vs = Vec::new();
                for (r, &t) in rs.iter().zip(&go_results) {
                    let v = self.expr_for(r, t);
                    vs.push(v);
                }
                vs
            }
            None => self
                .named_results
                .clone()
                .into_iter()
                .map(|id| self.var_value(id))
                .collect(),
        };
        self.return_vals(vals);
    }

    /// Returns these values (through the deferred calls, if any).
    pub(crate) fn return_vals(&mut self, vals: Vec<Val>) {
        if self.defer_exit.is_some() {
            self.return_through_defers(Some(vals));
            return;
        }
        let mut regs = Vec::new();
        for (i, v) in vals.into_iter().enumerate() {
            match (self.result_ptrs[i], v) {
                (Some(p), v) => {
                    let src = self.as_reg(v);
                    self.emit(Inst::MemCopy { dst: p, src });
                }
                (None, Val::Reg(r)) => regs.push(r),
                (None, Val::Mem(_)) => unreachable!(),
            }
        }
        self.terminate(Term::Return(regs));
    }
}

/// A source path as Go prints it in tracebacks: absolute (relative paths
/// are taken from the working directory; the embedded standard library's
/// `$GOROOT/src/...` paths stay as they are).
fn absolute(path: &str) -> String {
    let p = std::path::Path::new(path.strip_prefix("./").unwrap_or(path));
    if p.is_absolute() || path.starts_with('$') {
        return p.display().to_string();
    }
    match std::env::current_dir() {
        Ok(d) => d.join(p).display().to_string(),
        Err(_) => p.display().to_string(),
    }
}
