//! Translation of one IR function into a Cranelift function.
//!
//! Registers: each IR register is one Cranelift `Variable` per machine word
//! (abi.rs); cranelift-frontend builds SSA from the variables, so the IR's
//! mutable registers need no SSA construction of our own. Every variable is
//! defined to zero in the entry block (an IR register reads as zero until
//! written), then the parameters are defined from the block parameters.
//!
//! Blocks: a fresh Cranelift entry block holds the zeroing, the parameters
//! and the stack check, then jumps to IR block 0 (which may be a loop header,
//! and Cranelift's entry block must have no predecessors). IR blocks that
//! cannot be reached from block 0 are not emitted.
//!
//! Stack maps (docs/CODEGEN.md, "Stack maps"): [`Lower::declare_vars`]
//! declares the pointer words of registers with
//! `declare_var_needs_stack_map`; frame objects with pointers are created
//! and their pointer words zeroed after the stack check
//! ([`Lower::entry_slots`]); [`FrameGc`] tells gcmaps.rs which slots are
//! always live or scanned conservatively.
//!
//! Single points of passage (docs/CODEGEN.md):
//! - every call goes through [`Lower::emit_call`] or `emit_indirect`;
//! - every control-flow edge goes through [`Lower::edge`], which knows the
//!   loop back-edges (preemption polls);
//! - every store through an IR pointer goes through [`Lower::store_value`],
//!   which emits the write barrier ([`Lower::write_barrier`]; copies and
//!   zeroing of memory types use [`Lower::write_barrier_typed`]).

use std::collections::{HashMap, HashSet};

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{
    types, AtomicRmwOp, Block, DebugTag, ExtFuncData, ExternalName, FuncRef, Function, GlobalValue,
    InstBuilder, MemFlagsData, Signature, SourceLoc, StackSlot, StackSlotData, StackSlotKind,
    TrapCode, UserExternalName, Value,
};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Variable};
use cranelift_module::{DataId, FuncId, Module};

use super::abi::{self, words};
use super::ModuleState;
use crate::ir::{self, layout, Inst, Reg, Term, Type, UnaryOp};
use goc_abi::sym;

/// Trap code after a call that never returns (a panic).
pub(super) const TRAP_NORETURN: TrapCode = TrapCode::unwrap_user(1);
/// Trap code for an IR `Unreachable` terminator.
pub(super) const TRAP_UNREACHABLE: TrapCode = TrapCode::unwrap_user(2);

/// What the stack-map table needs of a function besides Cranelift's own
/// stack maps (docs/CODEGEN.md, "Stack maps"): frame slots whose words the
/// collector scans at every safepoint.
pub(super) struct FrameGc {
    /// A zero-sized slot created first: its offset from SP is the size of
    /// the outgoing-argument area (Cranelift lays sized slots out from the
    /// top of that area, in creation order).
    pub anchor: StackSlot,
    /// Pointer words (slot, byte offset) live at every safepoint: those of
    /// allocas (zeroed after the stack check) and of the runtime-call scratch slots.
    pub always: Vec<(StackSlot, u32)>,
    /// Slots (slot, size) to scan conservatively: the defer frame (saved
    /// registers) and the registers saved for a recovery.
    pub conservative: Vec<(StackSlot, u32)>,
}

pub(super) fn translate(
    ms: &mut ModuleState,
    f: &ir::Func,
    func: &mut Function,
    fctx: &mut FunctionBuilderContext,
    need: u64,
) -> Result<FrameGc, String> {
    let ret_area = ms.funcs.get(&f.name).map(|p| p.ret_area).unwrap_or(false);
    let mut b = FunctionBuilder::new(func, fctx);
    let (reachable, backedges) = analyze_cfg(f)?;
    let anchor = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 0, 3));
    let mut lw = Lower {
        ms,
        f,
        b,
        vars: Vec::new(),
        blocks: vec![None; f.blocks.len()],
        backedges,
        ret_area: None,
        scratch: [None, None],
        frefs: HashMap::new(),
        gvs: HashMap::new(),
        defer_frame: None,
        allocas: HashMap::new(),
        entry_zero: Vec::new(),
        need,
        gc: FrameGc {
            anchor,
            always: Vec::new(),
            conservative: Vec::new(),
        },
    };
    lw.run(&reachable, ret_area)?;
    lw.b.seal_all_blocks();
    let cfg = lw.ms.isa().frontend_config();
    lw.b.finalize(cfg);
    Ok(lw.gc)
}

/// Blocks reachable from block 0, in depth-first preorder, and the set of
/// back-edges (from, to): edges to a block on the current DFS path. Each
/// back-edge closes a loop; polls for preemption belong on them.
/// Reachable blocks in DFS preorder, and the loop back-edges.
type CfgInfo = (Vec<usize>, HashSet<(usize, usize)>);

fn analyze_cfg(f: &ir::Func) -> Result<CfgInfo, String> {
    let n = f.blocks.len();
    if n == 0 {
        return Err("function has no blocks".into());
    }
    let succs = |i: usize| -> Vec<usize> {
        match &f.blocks[i].term {
            Term::Jump(t) => vec![t.0 as usize],
            Term::If { then, els, .. } => vec![then.0 as usize, els.0 as usize],
            Term::Return(_) | Term::Unreachable => vec![],
            Term::DeferFrame { normal, recover } => vec![normal.0 as usize, recover.0 as usize],
        }
    };
    // 0 = unvisited, 1 = on the path, 2 = done.
    let mut state = vec![0u8; n];
    let mut order = Vec::new();
    let mut back = HashSet::new();
    let mut stack: Vec<(usize, Vec<usize>, usize)> = Vec::new();
    state[0] = 1;
    order.push(0);
    stack.push((0, succs(0), 0));
    while let Some((node, ss, next)) = stack.last_mut() {
        if *next < ss.len() {
            let s = ss[*next];
            *next += 1;
            let node = *node;
            if s >= n {
                return Err(format!("block {node} branches to missing block {s}"));
            }
            match state[s] {
                0 => {
                    state[s] = 1;
                    order.push(s);
                    let ss2 = succs(s);
                    stack.push((s, ss2, 0));
                }
                1 => {
                    back.insert((node, s));
                }
                _ => {}
            }
        } else {
            state[*node] = 2;
            stack.pop();
        }
    }
    Ok((order, back))
}

pub(super) struct Lower<'a, 'b> {
    pub(super) ms: &'a mut ModuleState,
    pub(super) f: &'a ir::Func,
    pub(super) b: FunctionBuilder<'b>,
    /// The variables of each register, one per machine word.
    vars: Vec<Vec<Variable>>,
    blocks: Vec<Option<Block>>,
    backedges: HashSet<(usize, usize)>,
    /// The result-area pointer (hidden first parameter), if any: a variable
    /// so that a defer frame's recovery path can redefine it.
    ret_area: Option<Variable>,
    /// Two 3-word frame slots for runtime calls that take or produce a slice
    /// through a pointer; used only between the call and the reload.
    scratch: [Option<StackSlot>; 2],
    frefs: HashMap<(FuncId, Signature), FuncRef>,
    gvs: HashMap<DataId, GlobalValue>,
    /// The defer frame of a function with `defer` (goc_abi::defers).
    defer_frame: Option<StackSlot>,
    /// The frame slot of each Alloca instruction (by its address in the IR),
    /// created in the entry block.
    allocas: HashMap<usize, StackSlot>,
    /// Frame slots for the stack-map table.
    gc: FrameGc,
    /// Slots whose pointer words (offsets) are zeroed after the stack
    /// check: (slot, pointer-word offsets, ptrdata).
    entry_zero: Vec<(StackSlot, Vec<u32>, u64)>,
    /// Bytes beyond this frame the stack check asks for (big-frame
    /// wrappers: their callee's frame).
    need: u64,
}

/// Flags for an access through an IR pointer that may be nil: the access
/// may trap (the SIGSEGV handler turns a fault at a small address into Go's
/// nil-dereference panic), so Cranelift keeps it where it is.
/// Whether word `k` of a register of type `t` is a pointer the collector
/// must see: pointers, function values, the data word of strings and
/// slices, word 1 of interfaces (word 0 is a type descriptor or itab, never
/// in the heap). As in Go, integers (uintptr) are not pointers.
pub(super) fn pointer_word(t: &Type, k: usize) -> bool {
    match t {
        Type::Ptr(_) | Type::Func(_) | Type::String | Type::Slice(_) => k == 0,
        Type::Iface => k == 1,
        _ => false,
    }
}

/// The Cranelift type of an atomic operation on a pointee of IR type `t`.
fn atomic_width(t: &Type) -> Result<types::Type, String> {
    match t {
        Type::I32 | Type::U32 => Ok(types::I32),
        Type::I64 | Type::U64 => Ok(types::I64),
        _ => Err("atomic operation on a non-integer pointee".into()),
    }
}

pub(super) fn may_trap() -> MemFlagsData {
    MemFlagsData::new()
}

/// Flags for an access known to be valid (frame slots, runtime results).
pub(super) fn trusted() -> MemFlagsData {
    MemFlagsData::trusted()
}

/// An integer constant of a Cranelift type, truncated to its width.
pub(super) fn mask(ty: types::Type, v: i64) -> i64 {
    let bits = ty.bits();
    if bits >= 64 {
        v
    } else {
        v & ((1i64 << bits) - 1)
    }
}

impl<'a, 'b> Lower<'a, 'b> {
    fn run(&mut self, reachable: &[usize], ret_area: bool) -> Result<(), String> {
        let entry = self.b.create_block();
        self.b.append_block_params_for_function_params(entry);
        self.b.switch_to_block(entry);
        for &i in reachable {
            self.blocks[i] = Some(self.b.create_block());
        }
        self.declare_vars()?;
        self.entry_slots(reachable)?;
        let params: Vec<Value> = self.b.block_params(entry).to_vec();
        let mut p = params.into_iter();
        if ret_area {
            let area = p.next().ok_or("missing result-area parameter")?;
            let v = self.b.declare_var(types::I64);
            self.b.def_var(v, area);
            self.ret_area = Some(v);
        }
        for &r in &self.f.params {
            let n = self.vars[r.0 as usize].len();
            let vals: Vec<Value> = p.by_ref().take(n).collect();
            if vals.len() != n {
                return Err("signature does not match the parameters".into());
            }
            self.set(r, &vals);
        }
        if !self.f.nosplit {
            self.stack_check();
        }
        self.zero_entry_slots()?;
        if self.f.wrapper {
            self.wrapper_prologue()?;
        }
        if self.f.has_defer_frame() {
            let slot = self.b.create_sized_stack_slot(StackSlotData::new(
                StackSlotKind::ExplicitSlot,
                goc_abi::defers::FRAME_SIZE as u32,
                goc_abi::defers::FRAME_ALIGN.trailing_zeros() as u8,
            ));
            self.defer_frame = Some(slot);
            // Saved registers: scanned conservatively.
            self.gc
                .conservative
                .push((slot, goc_abi::defers::FRAME_SIZE as u32));
        }
        let first = self.block(0);
        self.b.ins().jump(first, &[]);

        for &i in reachable {
            let blk = self.block(i);
            self.b.switch_to_block(blk);
            // Lines are per block: a block's code before its first
            // `Line` has none.
            self.b.set_srcloc(SourceLoc::default());
            let block = &self.f.blocks[i];
            for inst in &block.insts {
                self.inst(inst)?;
            }
            self.term(i, &block.term)?;
        }
        Ok(())
    }

    fn block(&self, i: usize) -> Block {
        self.blocks[i].expect("reachable block")
    }

    /// Declares the variables of every register and defines them to zero.
    /// The pointer words (see [`pointer_word`]) are declared with
    /// `declare_var_needs_stack_map`: Cranelift keeps them in stack slots
    /// across calls and lists the live ones in each call's stack map.
    fn declare_vars(&mut self) -> Result<(), String> {
        let mut zeros: HashMap<types::Type, Value> = HashMap::new();
        for (i, t) in self.f.regs.iter().enumerate() {
            let ws = words(t).ok_or_else(|| format!("register r{i} has memory type {t}"))?;
            let mut vs = Vec::with_capacity(ws.len());
            for (k, &w) in ws.iter().enumerate() {
                let v = self.b.declare_var(w);
                if pointer_word(t, k) {
                    self.b.declare_var_needs_stack_map(v);
                }
                let z = match zeros.get(&w) {
                    Some(&z) => z,
                    None => {
                        let z = self.zero(w);
                        zeros.insert(w, z);
                        z
                    }
                };
                self.b.def_var(v, z);
                vs.push(v);
            }
            self.vars.push(vs);
        }
        Ok(())
    }

    /// Creates, in the entry block, the frame slots the collector scans at
    /// every safepoint: one per Alloca of a reachable block (its pointer
    /// words zeroed by `zero_entry_slots`, so that they hold a valid value at
    /// every later safepoint even before the Alloca runs; the Alloca itself
    /// zeroes the whole slot
    /// each time it runs), and the scratch slots of runtime calls that take
    /// or produce slices.
    fn entry_slots(&mut self, reachable: &[usize]) -> Result<(), String> {
        let mut scratch = false;
        for &bi in reachable {
            for inst in &self.f.blocks[bi].insts {
                match inst {
                    Inst::Alloca { ty, .. } => {
                        let (size, align) = abi::size_align(ty);
                        let align = align.clamp(1, 16);
                        let slot = self.b.create_sized_stack_slot(StackSlotData::new(
                            StackSlotKind::ExplicitSlot,
                            u32::try_from(size.max(1))
                                .map_err(|_| format!("frame object of {size} bytes"))?,
                            align.trailing_zeros() as u8,
                        ));
                        self.allocas.insert(inst as *const Inst as usize, slot);
                        let shape = layout::gc_shape(ty);
                        if shape.ptrdata == 0 {
                            continue;
                        }
                        let offs: Vec<u32> = shape.pointer_offsets().map(|o| o as u32).collect();
                        self.gc.always.extend(offs.iter().map(|&o| (slot, o)));
                        self.entry_zero.push((slot, offs, shape.ptrdata));
                    }
                    Inst::MakeSlice { .. } | Inst::GrowSlice { .. } | Inst::StrConv { .. } => {
                        scratch = true;
                    }
                    _ => {}
                }
            }
        }
        if scratch {
            // Word 0 of a scratch slot is a slice's data pointer while a
            // runtime call reads or writes it.
            for i in 0..2 {
                let s = self.b.create_sized_stack_slot(StackSlotData::new(
                    StackSlotKind::ExplicitSlot,
                    24,
                    3,
                ));
                self.scratch[i] = Some(s);
                self.gc.always.push((s, 0));
                self.entry_zero.push((s, vec![0], 8));
            }
        }
        Ok(())
    }

    /// Zeroes the pointer words of the slots `entry_slots` made, right
    /// after the stack check (not before: a big frame must not be written
    /// before the check has made sure it fits). The stack check's call is
    /// the only safepoint before this, and is tagged so that the table
    /// does not list these words there.
    fn zero_entry_slots(&mut self) -> Result<(), String> {
        let work = std::mem::take(&mut self.entry_zero);
        if work.is_empty() {
            return Ok(());
        }
        let z = self.b.ins().iconst(types::I64, 0);
        for (slot, offs, ptrdata) in work {
            if offs.len() <= 16 {
                for &o in &offs {
                    self.b.ins().stack_store(types::I64, z, slot, o as i32);
                }
            } else {
                let addr = self.b.ins().stack_addr(types::I64, slot, 0);
                self.zero_mem(addr, ptrdata, trusted())?;
            }
        }
        Ok(())
    }

    pub(super) fn zero(&mut self, w: types::Type) -> Value {
        match w {
            types::F32 => self.b.ins().f32const(0.0),
            types::F64 => self.b.ins().f64const(0.0),
            _ => self.b.ins().iconst(w, 0),
        }
    }

    pub(super) fn iconst(&mut self, w: types::Type, v: i64) -> Value {
        self.b.ins().iconst(w, mask(w, v))
    }

    /// The prologue stack check (also the preemption point: the runtime
    /// poisons stackguard0 to make it fail):
    /// `if sp - need < g.stackguard0 { goc_morestack(need) }`, where `sp` is
    /// below this function's whole frame (the check runs after Cranelift's
    /// prologue) and `need` is 0 except in big-frame wrappers.
    fn stack_check(&mut self) {
        let need = self.need;
        let low = self.guard_hit(need);
        let slow = self.b.create_block();
        let body = self.b.create_block();
        self.b.set_cold_block(slow);
        self.b.ins().brif(low, slow, &[], body, &[]);
        self.b.switch_to_block(slow);
        // goc_morestack returns after a preemption or on a new stack, so
        // the slow path rejoins the body.
        let sig = abi::simple_signature(&[types::I64], &[], self.ms.cc);
        let need = self.b.ins().iconst(types::I64, need as i64);
        let _ = self.call_sym(sym::MORESTACK, sig, &[need]);
        // Tag the call: frame objects are not initialised yet there.
        if let Some(call) = self.b.func.layout.last_inst(slow) {
            self.b
                .func
                .debug_tags
                .set(call, [DebugTag::User(super::gcmaps::ENTRY_CHECK_TAG)]);
        }
        self.b.ins().jump(body, &[]);
        self.b.switch_to_block(body);
    }

    /// A wrapper's prologue: `if g.panic != 0 { goc_panicwrap(fp) }`, so a
    /// panic that called this wrapper as a deferred call lets the function
    /// it calls recover (goc_abi::defers).
    fn wrapper_prologue(&mut self) -> Result<(), String> {
        let g = self.b.ins().get_pinned_reg(types::I64);
        let p = self.b.ins().load(
            types::I64,
            MemFlagsData::new().with_notrap().with_aligned(),
            g,
            goc_abi::g::PANIC,
        );
        let slow = self.b.create_block();
        let body = self.b.create_block();
        self.b.set_cold_block(slow);
        self.b.ins().brif(p, slow, &[], body, &[]);
        self.b.switch_to_block(slow);
        let fp = self.b.ins().get_frame_pointer(types::I64);
        self.call_rt(sym::PANICWRAP, &[types::I64], &[], &[fp])?;
        self.b.ins().jump(body, &[]);
        self.b.switch_to_block(body);
        Ok(())
    }

    /// The address of the defer frame.
    fn defer_frame_addr(&mut self) -> Result<Value, String> {
        let slot = self
            .defer_frame
            .ok_or("deferproc or deferreturn without a defer frame")?;
        Ok(self.b.ins().stack_addr(types::I64, slot, 0))
    }

    /// Block 0's `deferframe normal, recover`: save the registers block 0
    /// has set (and the parameters, and the result-area pointer) in a slot
    /// of their own, call
    /// `goc_deferframe`, and go on at `normal` when it returns 0. It returns
    /// 1 after a recovery: everything the function computed after the call
    /// is gone then (callee-saved registers hold their values from the time
    /// of the call, and a spill slot may have been reused), so the recovery
    /// path uses no value from before: it reloads the saved registers from
    /// their slot, sets every other register to zero (its value when the
    /// terminator ran, as nothing had written it), and jumps to `recover`.
    fn defer_frame_term(
        &mut self,
        normal: usize,
        recover: usize,
        polls: &mut Vec<(Block, Block)>,
    ) -> Result<(), String> {
        let mut saved: Vec<Reg> = self.f.params.clone();
        for inst in &self.f.blocks[0].insts {
            for d in inst.dsts() {
                if !saved.contains(&d) {
                    saved.push(d);
                }
            }
        }
        let nwords: usize = saved.iter().map(|&r| self.vars[r.0 as usize].len()).sum();
        let save = self.b.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            ((nwords + 1) * 8) as u32,
            3,
        ));
        // Pointers the recovery path reloads: scanned (conservatively, as
        // the slot is written here, after safepoints of block 0) for as long
        // as a recovery may come back.
        self.gc.conservative.push((save, ((nwords + 1) * 8) as u32));
        // Word 0: the result-area pointer, if any; then the registers.
        if let Some(area) = self.ret_area {
            let v = self.b.use_var(area);
            self.b.ins().stack_store(types::I64, v, save, 0);
        }
        let mut off = 8;
        for &r in &saved {
            for v in self.get(r) {
                self.b.ins().stack_store(types::I64, v, save, off);
                off += 8;
            }
        }
        let frame = self.defer_frame_addr()?;
        let r = self.call_rt(sym::DEFERFRAME, &[types::I64], &[types::I64], &[frame])?;
        let resumed = self.b.create_block();
        self.b.set_cold_block(resumed);
        let normal_blk = self.edge(0, normal, polls);
        self.b.ins().brif(r[0], resumed, &[], normal_blk, &[]);
        self.b.switch_to_block(resumed);
        if let Some(area) = self.ret_area {
            let v = self.b.ins().stack_load(types::I64, types::I64, save, 0);
            self.b.def_var(area, v);
        }
        let mut off = 8;
        let mut zeros: HashMap<types::Type, Value> = HashMap::new();
        for i in 0..self.f.regs.len() {
            let reg = Reg(i as u32);
            let ws: Vec<types::Type> = words(&self.f.regs[i]).unwrap_or(&[]).to_vec();
            let vals: Vec<Value> = if saved.contains(&reg) {
                ws.iter()
                    .map(|&w| {
                        let v = self.b.ins().stack_load(types::I64, w, save, off);
                        off += 8;
                        v
                    })
                    .collect()
            } else {
                ws.iter()
                    .map(|&w| match zeros.get(&w) {
                        Some(&z) => z,
                        None => {
                            let z = self.zero(w);
                            zeros.insert(w, z);
                            z
                        }
                    })
                    .collect()
            };
            self.set(reg, &vals);
        }
        let rb = self.edge(0, recover, polls);
        self.b.ins().jump(rb, &[]);
        Ok(())
    }

    // ---- registers ----

    pub(super) fn get(&mut self, r: Reg) -> Vec<Value> {
        let vs = self.vars[r.0 as usize].clone();
        vs.into_iter().map(|v| self.b.use_var(v)).collect()
    }

    pub(super) fn get1(&mut self, r: Reg) -> Value {
        let v = self.vars[r.0 as usize][0];
        self.b.use_var(v)
    }

    pub(super) fn set(&mut self, r: Reg, vals: &[Value]) {
        let vs = self.vars[r.0 as usize].clone();
        debug_assert_eq!(vs.len(), vals.len());
        for (v, &x) in vs.into_iter().zip(vals) {
            self.b.def_var(v, x);
        }
    }

    pub(super) fn ty(&self, r: Reg) -> &'a Type {
        self.f.reg_type(r)
    }

    /// The word type of a scalar register.
    pub(super) fn wty(&self, r: Reg) -> types::Type {
        words(self.ty(r)).map(|w| w[0]).unwrap_or(types::I64)
    }

    /// An integer register as 64 bits, extended by its signedness, and
    /// whether it is signed. Unsigned 64-bit values above MaxInt64 keep their
    /// bit pattern (negative as i64; unsigned compares still reject them).
    pub(super) fn int64(&mut self, r: Reg) -> Result<(Value, bool), String> {
        let t = self.ty(r);
        if !t.is_int() {
            return Err(format!("expected an integer register, r{} is {t}", r.0));
        }
        let v = self.get1(r);
        let w = self.wty(r);
        let signed = t.is_signed();
        let v = if w == types::I64 {
            v
        } else if signed {
            self.b.ins().sextend(types::I64, v)
        } else {
            self.b.ins().uextend(types::I64, v)
        };
        Ok((v, signed))
    }

    // ---- calls (the places calls are emitted: safepoints) ----

    /// Emits a direct call and returns its results. Every direct call of
    /// the function comes through here; each call is a safepoint (its
    /// return address is in the stack-map table, gcmaps.rs).
    pub(super) fn emit_call(&mut self, id: FuncId, sig: Signature, args: &[Value]) -> Vec<Value> {
        let fref = self.func_ref(id, sig);
        let call = self.b.ins().call(fref, args);
        self.b.inst_results(call).to_vec()
    }

    /// A reference to a function symbol in the function being built.
    fn func_ref(&mut self, id: FuncId, sig: Signature) -> cranelift_codegen::ir::FuncRef {
        match self.frefs.get(&(id, sig.clone())) {
            Some(&f) => f,
            None => {
                let sigref = self.b.import_signature(sig.clone());
                let name = self
                    .b
                    .func
                    .declare_imported_user_function(UserExternalName {
                        namespace: 0,
                        index: id.as_u32(),
                    });
                // colocated: a direct `call rel32` / `bl`, resolved by the
                // static link (program functions and the runtime alike).
                let f = self.b.import_function(ExtFuncData {
                    name: ExternalName::user(name),
                    signature: sigref,
                    colocated: true,
                    patchable: false,
                });
                self.frefs.insert((id, sig), f);
                f
            }
        }
    }

    /// Calls a raw code address (an interface method) with the program's
    /// convention for the operands' and destinations' types.
    fn call_ptr(&mut self, dsts: &[Reg], code: Reg, args: &[Reg]) -> Result<(), String> {
        let fsig = ir::FuncSig {
            params: args.iter().map(|&a| self.ty(a).clone()).collect(),
            results: dsts.iter().map(|&d| self.ty(d).clone()).collect(),
        };
        let target = self.get1(code);
        self.emit_indirect(dsts, &fsig, target, None, args)
    }

    /// Calls a function value: the code address is the closure object's
    /// first word, and the closure object is the hidden first argument (after
    /// the result area, if any).
    fn call_indirect(&mut self, dsts: &[Reg], callee: Reg, args: &[Reg]) -> Result<(), String> {
        let Type::Func(fsig) = self.ty(callee) else {
            return Err("callind of a non-function".into());
        };
        let closure = self.get1(callee);
        // A nil function value faults here, at address 0: Go's nil panic.
        let code = self.b.ins().load(types::I64, may_trap(), closure, 0);
        self.emit_indirect(dsts, fsig, code, Some(closure), args)
    }

    /// An indirect call with the program's convention (a result area for
    /// more than two result words), optionally passing a closure object as
    /// the hidden first argument. Like `emit_call`, a safepoint.
    fn emit_indirect(
        &mut self,
        dsts: &[Reg],
        fsig: &ir::FuncSig,
        target: Value,
        closure: Option<Value>,
        args: &[Reg],
    ) -> Result<(), String> {
        let (mut sig, ret_area) = abi::closure_signature(fsig, self.ms.cc)?;
        if closure.is_none() {
            sig.params.remove(usize::from(ret_area));
        }
        let words: Vec<types::Type> = abi::flatten(&fsig.results)?
            .iter()
            .map(|p| p.value_type)
            .collect();
        let mut argv = Vec::new();
        let area = if ret_area {
            let slot = self.b.create_sized_stack_slot(StackSlotData::new(
                StackSlotKind::ExplicitSlot,
                (words.len() * 8) as u32,
                3,
            ));
            let a = self.b.ins().stack_addr(types::I64, slot, 0);
            argv.push(a);
            Some(a)
        } else {
            None
        };
        argv.extend(closure);
        for &a in args {
            argv.extend(self.get(a));
        }
        let sigref = self.b.import_signature(sig);
        let call = self.b.ins().call_indirect(sigref, target, &argv);
        let vals: Vec<Value> = match area {
            Some(a) => words
                .iter()
                .enumerate()
                .map(|(i, &w)| {
                    self.b
                        .ins()
                        .load(w, trusted(), a, abi::result_area_offset(i))
                })
                .collect(),
            None => self.b.inst_results(call).to_vec(),
        };
        let mut it = vals.into_iter();
        for &d in dsts {
            let n = self.vars[d.0 as usize].len();
            let v: Vec<Value> = it.by_ref().take(n).collect();
            self.set(d, &v);
        }
        Ok(())
    }

    /// Calls a function by symbol name (a program function or the runtime).
    pub(super) fn call_sym(
        &mut self,
        name: &str,
        sig: Signature,
        args: &[Value],
    ) -> Result<Vec<Value>, String> {
        let id = self.ms.callee(name, &sig)?;
        Ok(self.emit_call(id, sig, args))
    }

    /// Calls a runtime entry point with plain word parameters and results.
    pub(super) fn call_rt(
        &mut self,
        name: &str,
        params: &[types::Type],
        rets: &[types::Type],
        args: &[Value],
    ) -> Result<Vec<Value>, String> {
        let sig = abi::simple_signature(params, rets, self.ms.cc);
        self.call_sym(name, sig, args)
    }

    /// Calls a runtime entry point that never returns, and ends the block.
    pub(super) fn call_noreturn(
        &mut self,
        name: &str,
        params: &[types::Type],
        args: &[Value],
    ) -> Result<(), String> {
        self.call_rt(name, params, &[], args)?;
        self.b.ins().trap(TRAP_NORETURN);
        Ok(())
    }

    fn call(&mut self, dsts: &[Reg], name: &str, args: &[Reg]) -> Result<(), String> {
        let mut argv = Vec::new();
        for &a in args {
            argv.extend(self.get(a));
        }
        let results: Vec<Value> = if let Some(pf) = self.ms.funcs.get(name) {
            let (id, ret_area, sig) = (pf.id, pf.ret_area, pf.sig.clone());
            if ret_area {
                let tys = pf.results.clone();
                let nwords = tys.len();
                let slot = self.b.create_sized_stack_slot(StackSlotData::new(
                    StackSlotKind::ExplicitSlot,
                    (nwords * 8) as u32,
                    3,
                ));
                let area = self.b.ins().stack_addr(types::I64, slot, 0);
                argv.insert(0, area);
                self.emit_call(id, sig, &argv);
                tys.iter()
                    .enumerate()
                    .map(|(i, &w)| {
                        self.b
                            .ins()
                            .load(w, trusted(), area, abi::result_area_offset(i))
                    })
                    .collect()
            } else {
                self.emit_call(id, sig, &argv)
            }
        } else {
            let arg_tys: Vec<&Type> = args.iter().map(|&a| self.ty(a)).collect();
            let dst_tys: Vec<&Type> = dsts.iter().map(|&d| self.ty(d)).collect();
            let sig = abi::runtime_signature(&arg_tys, &dst_tys, self.ms.cc)?;
            self.call_sym(name, sig, &argv)?
        };
        let mut it = results.into_iter();
        for &d in dsts {
            let n = self.vars[d.0 as usize].len();
            let vals: Vec<Value> = it.by_ref().take(n).collect();
            if vals.len() != n {
                return Err(format!("call to {name}: more destinations than results"));
            }
            self.set(d, &vals);
        }
        Ok(())
    }

    // ---- data ----

    pub(super) fn global_value(&mut self, id: DataId) -> GlobalValue {
        if let Some(&gv) = self.gvs.get(&id) {
            return gv;
        }
        let gv = self.ms.module.declare_data_in_func(id, self.b.func);
        self.gvs.insert(id, gv);
        gv
    }

    /// The address of the GC shape of a type (goc_abi::gcshape), the
    /// argument of every allocation.
    pub(super) fn shape_addr(&mut self, t: &Type) -> Result<Value, String> {
        let id = self.ms.shape_data(&layout::gc_shape(t))?;
        let gv = self.global_value(id);
        Ok(self.b.ins().symbol_value(types::I64, gv))
    }

    pub(super) fn scratch(&mut self, i: usize) -> Value {
        let slot = match self.scratch[i] {
            Some(s) => s,
            None => {
                let s = self.b.create_sized_stack_slot(StackSlotData::new(
                    StackSlotKind::ExplicitSlot,
                    24,
                    3,
                ));
                self.scratch[i] = Some(s);
                s
            }
        };
        self.b.ins().stack_addr(types::I64, slot, 0)
    }

    /// Loads a 3-word slice from memory the runtime wrote.
    pub(super) fn load_slice(&mut self, addr: Value) -> Vec<Value> {
        (0..3)
            .map(|i| {
                self.b
                    .ins()
                    .load(types::I64, trusted(), addr, abi::word_offset(&Type::I64, i))
            })
            .collect()
    }

    // ---- memory through IR pointers ----

    /// Loads a register-typed value from memory (words at the offsets
    /// [`abi::word_offset`] gives).
    pub(super) fn load_value(
        &mut self,
        t: &Type,
        addr: Value,
        flags: MemFlagsData,
    ) -> Result<Vec<Value>, String> {
        let ws = words(t).ok_or_else(|| format!("load of memory type {t}"))?;
        Ok(ws
            .iter()
            .enumerate()
            .map(|(i, &w)| self.b.ins().load(w, flags, addr, abi::word_offset(t, i)))
            .collect())
    }

    /// Stores a register-typed value to memory. Every store of a Go value
    /// through a pointer comes here: values with pointer words go through
    /// the write barrier first.
    pub(super) fn store_value(
        &mut self,
        t: &Type,
        addr: Value,
        vals: &[Value],
        flags: MemFlagsData,
    ) -> Result<(), String> {
        let mut words = Vec::new();
        layout::pointer_words(t, 0, &mut words);
        if !words.is_empty() {
            let mask = words.iter().fold(0u64, |m, &w| m | 1 << w);
            self.write_barrier(|l| {
                let mask = l.b.ins().iconst(types::I64, mask as i64);
                l.call_rt(sym::GCWB, &[types::I64; 2], &[], &[addr, mask])?;
                Ok(())
            })?;
        }
        for (i, &v) in vals.iter().enumerate() {
            self.b.ins().store(flags, v, addr, abi::word_offset(t, i));
        }
        Ok(())
    }

    /// The write barrier (docs/GC.md): while the runtime's flag is set, run
    /// `shade` (a call into the runtime's barrier) before the store that
    /// follows. The call is on a cold path.
    pub(super) fn write_barrier(
        &mut self,
        shade: impl FnOnce(&mut Self) -> Result<(), String>,
    ) -> Result<(), String> {
        let id = self.ms.wb_flag()?;
        let gv = self.global_value(id);
        let addr = self.b.ins().symbol_value(types::I64, gv);
        let flag = self.b.ins().load(
            types::I32,
            MemFlagsData::new().with_notrap().with_aligned(),
            addr,
            0,
        );
        let slow = self.b.create_block();
        let cont = self.b.create_block();
        self.b.set_cold_block(slow);
        self.b.ins().brif(flag, slow, &[], cont, &[]);
        self.b.switch_to_block(slow);
        shade(self)?;
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(cont);
        Ok(())
    }

    /// The write barrier before `n` values of type `t` at `dst` are
    /// overwritten (copies and zeroing of memory).
    pub(super) fn write_barrier_typed(
        &mut self,
        t: &Type,
        dst: Value,
        n: Value,
    ) -> Result<(), String> {
        if !layout::has_pointers(t) {
            return Ok(());
        }
        self.write_barrier(|l| {
            let shape = l.shape_addr(t)?;
            l.call_rt(sym::GCWB_TYPED, &[types::I64; 3], &[], &[dst, shape, n])?;
            Ok(())
        })
    }

    // ---- control flow ----

    /// The target of the edge `from -> to`. A loop back-edge goes through a
    /// block that polls for preemption first, so a loop without calls is
    /// still a safepoint: it tests the G's preemption word
    /// (`goc_abi::g::PREEMPT`, set by sysmon with the poisoned stackguard0),
    /// with `goc_morestack` on the cold path. nosplit functions (called by
    /// the runtime) have no polls.
    fn edge(&mut self, from: usize, to: usize, polls: &mut Vec<(Block, Block)>) -> Block {
        let target = self.block(to);
        if !self.backedges.contains(&(from, to)) || self.f.nosplit {
            return target;
        }
        let poll = self.b.create_block();
        polls.push((poll, target));
        poll
    }

    /// Fills a back-edge's poll block (after the branch into it is emitted,
    /// so the current block is filled first).
    fn fill_poll(&mut self, poll: Block, target: Block) {
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        self.b.switch_to_block(poll);
        let g = self.b.ins().get_pinned_reg(types::I64);
        let flag = self.b.ins().load(
            types::I32,
            MemFlagsData::new().with_notrap().with_aligned(),
            g,
            goc_abi::g::PREEMPT,
        );
        self.b.ins().brif(flag, slow, &[], target, &[]);
        self.b.switch_to_block(slow);
        let sig = abi::simple_signature(&[types::I64], &[], self.ms.cc);
        let zero = self.b.ins().iconst(types::I64, 0);
        let _ = self.call_sym(sym::MORESTACK, sig, &[zero]);
        self.b.ins().jump(target, &[]);
    }

    /// `sp - need < g.stackguard0`.
    fn guard_hit(&mut self, need: u64) -> Value {
        let sp = self.b.ins().get_stack_pointer(types::I64);
        let sp = if need > 0 {
            self.b.ins().iadd_imm_s(sp, -(need as i64))
        } else {
            sp
        };
        let g = self.b.ins().get_pinned_reg(types::I64);
        let guard = self.b.ins().load(
            types::I64,
            MemFlagsData::new().with_notrap().with_aligned(),
            g,
            goc_abi::g::STACKGUARD0,
        );
        self.b.ins().icmp(IntCC::UnsignedLessThan, sp, guard)
    }

    fn term(&mut self, i: usize, t: &Term) -> Result<(), String> {
        let mut polls = Vec::new();
        match t {
            Term::Jump(to) => {
                let blk = self.edge(i, to.0 as usize, &mut polls);
                self.b.ins().jump(blk, &[]);
            }
            Term::If { cond, then, els } => {
                let c = self.get1(*cond);
                let t = self.edge(i, then.0 as usize, &mut polls);
                let e = self.edge(i, els.0 as usize, &mut polls);
                self.b.ins().brif(c, t, &[], e, &[]);
            }
            Term::Return(regs) => {
                let mut vals = Vec::new();
                for &r in regs {
                    vals.extend(self.get(r));
                }
                if let Some(area) = self.ret_area {
                    let area = self.b.use_var(area);
                    for (k, &v) in vals.iter().enumerate() {
                        self.b
                            .ins()
                            .store(trusted(), v, area, abi::result_area_offset(k));
                    }
                    self.b.ins().return_(&[]);
                } else {
                    self.b.ins().return_(&vals);
                }
            }
            Term::Unreachable => {
                self.b.ins().trap(TRAP_UNREACHABLE);
            }
            Term::DeferFrame { normal, recover } => {
                if i != 0 {
                    return Err("deferframe outside block 0".into());
                }
                self.defer_frame_term(normal.0 as usize, recover.0 as usize, &mut polls)?;
            }
        }
        for (poll, target) in polls {
            self.fill_poll(poll, target);
        }
        Ok(())
    }

    // ---- instructions ----

    fn inst(&mut self, inst: &Inst) -> Result<(), String> {
        match inst {
            Inst::Const { dst, value } => self.constant(*dst, value),
            Inst::Atomic { dst, op, ptr, args } => {
                let p = self.get1(*ptr);
                let ty = atomic_width(self.pointee(*ptr)?)?;
                let a: Vec<Value> = args.iter().map(|&r| self.get1(r)).collect();
                let v = match op {
                    ir::AtomicOp::Load => self.b.ins().atomic_load(ty, may_trap(), p),
                    ir::AtomicOp::Add => {
                        let old =
                            self.b
                                .ins()
                                .atomic_rmw(ty, may_trap(), AtomicRmwOp::Add, p, a[0]);
                        self.b.ins().iadd(old, a[0])
                    }
                    ir::AtomicOp::And => {
                        self.b
                            .ins()
                            .atomic_rmw(ty, may_trap(), AtomicRmwOp::And, p, a[0])
                    }
                    ir::AtomicOp::Or => {
                        self.b
                            .ins()
                            .atomic_rmw(ty, may_trap(), AtomicRmwOp::Or, p, a[0])
                    }
                    ir::AtomicOp::Swap => {
                        self.b
                            .ins()
                            .atomic_rmw(ty, may_trap(), AtomicRmwOp::Xchg, p, a[0])
                    }
                    ir::AtomicOp::Cas => {
                        let old = self.b.ins().atomic_cas(may_trap(), p, a[0], a[1]);
                        self.b.ins().icmp(IntCC::Equal, old, a[0])
                    }
                };
                self.set(*dst, &[v]);
                Ok(())
            }
            Inst::AtomicStore { ptr, src } => {
                let p = self.get1(*ptr);
                atomic_width(self.pointee(*ptr)?)?;
                let v = self.get1(*src);
                self.b.ins().atomic_store(may_trap(), v, p);
                Ok(())
            }
            Inst::DeferProc { func } => {
                let frame = self.defer_frame_addr()?;
                let f = self.get1(*func);
                self.call_rt(sym::DEFERPROC, &[types::I64, types::I64], &[], &[frame, f])?;
                Ok(())
            }
            Inst::Line { line } => {
                self.b.set_srcloc(SourceLoc::new(*line));
                Ok(())
            }
            Inst::DeferReturn => {
                let frame = self.defer_frame_addr()?;
                self.call_rt(sym::DEFERRETURN, &[types::I64], &[], &[frame])?;
                Ok(())
            }
            Inst::Copy { dst, src } => {
                let v = self.get(*src);
                self.set(*dst, &v);
                Ok(())
            }
            Inst::Unary {
                dst,
                op: UnaryOp::Neg,
                x,
            } if self.ty(*x).is_complex() => {
                self.complex_neg(*dst, *x);
                Ok(())
            }
            Inst::Unary { dst, op, x } => {
                let v = self.get1(*x);
                let t = self.ty(*x);
                let r = match op {
                    UnaryOp::Neg if t.is_float() => self.b.ins().fneg(v),
                    UnaryOp::Neg => self.b.ins().ineg(v),
                    UnaryOp::Not => self.b.ins().bxor_imm_u(v, 1),
                    UnaryOp::BitNot => self.b.ins().bnot(v),
                };
                self.set(*dst, &[r]);
                Ok(())
            }
            Inst::Binary { dst, op, x, y } => self.binary(*dst, *op, *x, *y),
            Inst::Convert { dst, x } => self.convert(*dst, *x),
            Inst::StrConv { dst, op, x } => self.strconv(*dst, *op, *x),
            Inst::Alloca { dst, ty } => {
                let size = layout::size_of(ty);
                let slot = *self
                    .allocas
                    .get(&(inst as *const Inst as usize))
                    .ok_or("Alloca without a slot")?;
                let addr = self.b.ins().stack_addr(types::I64, slot, 0);
                self.zero_mem(addr, size, trusted())?;
                self.set(*dst, &[addr]);
                Ok(())
            }
            Inst::New { dst, ty } => {
                let shape = self.shape_addr(ty)?;
                let r = self.call_rt(sym::NEW, &[types::I64], &[types::I64], &[shape])?;
                self.set(*dst, &r);
                Ok(())
            }
            Inst::GlobalAddr { dst, name } => {
                let id = *self
                    .ms
                    .globals
                    .get(name)
                    .ok_or_else(|| format!("unknown global {name}"))?;
                let gv = self.global_value(id);
                let a = self.b.ins().symbol_value(types::I64, gv);
                self.set(*dst, &[a]);
                Ok(())
            }
            Inst::Load { dst, ptr } => {
                let p = self.get1(*ptr);
                let t = self.ty(*dst);
                let v = self.load_value(t, p, may_trap())?;
                self.set(*dst, &v);
                Ok(())
            }
            Inst::Store { ptr, src } => {
                let p = self.get1(*ptr);
                let v = self.get(*src);
                let t = self.ty(*src);
                self.store_value(t, p, &v, may_trap())
            }
            Inst::MemCopy { dst, src } => {
                let t = self.pointee(*dst)?;
                let size = layout::size_of(t);
                let d = self.get1(*dst);
                let s = self.get1(*src);
                if size > super::mem::INLINE_COPY_MAX {
                    // Out of line, a nil pointer would fault in the runtime's
                    // memmove, not in Go code: check explicitly.
                    self.nil_check(d)?;
                    self.nil_check(s)?;
                }
                let one = self.b.ins().iconst(types::I64, 1);
                self.write_barrier_typed(t, d, one)?;
                self.copy_mem(d, s, size, may_trap())
            }
            Inst::MemZero { ptr } => {
                let t = self.pointee(*ptr)?;
                let size = layout::size_of(t);
                let p = self.get1(*ptr);
                if size > super::mem::INLINE_ZERO_MAX {
                    self.nil_check(p)?;
                }
                let one = self.b.ins().iconst(types::I64, 1);
                self.write_barrier_typed(t, p, one)?;
                self.zero_mem(p, size, may_trap())
            }
            Inst::NilCheck { ptr } => {
                let p = self.get1(*ptr);
                self.nil_check(p)
            }
            Inst::FieldAddr { dst, ptr, field } => {
                let st = self.pointee(*ptr)?.resolved();
                let Type::Struct(fields) = st else {
                    return Err(format!("FieldAddr through *{st}"));
                };
                if *field as usize >= fields.len() {
                    return Err(format!("FieldAddr: no field {field} in {st}"));
                }
                let off = layout::field_offset(st, *field as usize);
                let p = self.get1(*ptr);
                // Accesses through the field's address land within the
                // field: a nil `ptr` faults there only if all of it lies
                // below the fault limit (a big array field, indexed far,
                // would not).
                let end = off.saturating_add(layout::size_of(&fields[*field as usize].ty));
                if end > super::checks::NIL_FAULT_LIMIT {
                    self.nil_check(p)?;
                }
                let a = if off == 0 {
                    p
                } else {
                    self.b.ins().iadd_imm_s(p, off as i64)
                };
                self.set(*dst, &[a]);
                Ok(())
            }
            Inst::IndexAddr { dst, ptr, index } => {
                let at = self.pointee(*ptr)?.resolved();
                let Type::Array(n, elem) = at else {
                    return Err(format!("IndexAddr through *{at}"));
                };
                let es = layout::size_of(elem);
                let p = self.get1(*ptr);
                if n.saturating_mul(es) > super::checks::NIL_FAULT_LIMIT {
                    self.nil_check(p)?;
                }
                let (i, signed) = self.int64(*index)?;
                let len = self.b.ins().iconst(types::I64, *n as i64);
                self.bounds_check(i, signed, len, goc_abi::bounds::INDEX)?;
                let a = self.elem_addr(p, i, es);
                self.set(*dst, &[a]);
                Ok(())
            }
            Inst::ElemAddr { dst, slice, index } => {
                let Type::Slice(elem) = self.ty(*slice) else {
                    return Err("ElemAddr of a non-slice".into());
                };
                let es = layout::size_of(elem);
                let s = self.get(*slice);
                let (i, signed) = self.int64(*index)?;
                self.bounds_check(i, signed, s[1], goc_abi::bounds::INDEX)?;
                let a = self.elem_addr(s[0], i, es);
                self.set(*dst, &[a]);
                Ok(())
            }
            Inst::StringByte { dst, s, index } => {
                let sv = self.get(*s);
                let (i, signed) = self.int64(*index)?;
                self.bounds_check(i, signed, sv[1], goc_abi::bounds::INDEX)?;
                let a = self.b.ins().iadd(sv[0], i);
                let v = self.b.ins().load(types::I8, trusted(), a, 0);
                self.set(*dst, &[v]);
                Ok(())
            }
            Inst::Len { dst, x } => {
                let v = self.get(*x);
                let l = *v.get(1).ok_or("Len of a non-string, non-slice")?;
                self.set(*dst, &[l]);
                Ok(())
            }
            Inst::Cap { dst, x } => {
                let v = self.get(*x);
                let c = *v.get(2).ok_or("Cap of a non-slice")?;
                self.set(*dst, &[c]);
                Ok(())
            }
            Inst::DataPtr { dst, x } => {
                let v = self.get(*x);
                self.set(*dst, &v[..1]);
                Ok(())
            }
            Inst::SliceOf {
                dst,
                x,
                lo,
                hi,
                max,
            } => self.slice_of(*dst, *x, *lo, *hi, *max),
            Inst::MakeSlice { dst, len, cap } => self.make_slice(*dst, *len, *cap),
            Inst::GrowSlice { dst, slice, n } => self.grow_slice(*dst, *slice, *n),
            Inst::CopySlice { dst, to, from } => self.copy_slice(*dst, *to, *from),
            Inst::Call { dsts, func, args } => self.call(dsts, func, args),
            Inst::CallIndirect { dsts, callee, args } => self.call_indirect(dsts, *callee, args),
            Inst::CallPtr { dsts, code, args } => self.call_ptr(dsts, *code, args),
            Inst::MakeIface { dst, tab, data } => {
                let (t, d) = (self.get1(*tab), self.get1(*data));
                self.set(*dst, &[t, d]);
                Ok(())
            }
            Inst::ComplexMake { dst, re, im } => {
                let (re, im) = (self.get1(*re), self.get1(*im));
                self.set(*dst, &[re, im]);
                Ok(())
            }
            Inst::ComplexPart { dst, x, imag } => {
                let v = self.get(*x);
                self.set(*dst, &[v[*imag as usize]]);
                Ok(())
            }
            Inst::IfaceWord { dst, x, word } => {
                let v = self.get(*x);
                self.set(*dst, &[v[*word as usize]]);
                Ok(())
            }
            Inst::FuncAddr { dst, func } => {
                let pf = self
                    .ms
                    .funcs
                    .get(func.as_str())
                    .ok_or_else(|| format!("funcaddr of unknown {func}"))?;
                let (id, sig) = (pf.id, pf.sig.clone());
                let fref = self.func_ref(id, sig);
                let a = self.b.ins().func_addr(types::I64, fref);
                self.set(*dst, &[a]);
                Ok(())
            }
        }
    }

    pub(super) fn pointee(&self, p: Reg) -> Result<&'a Type, String> {
        self.ty(p)
            .pointee()
            .ok_or_else(|| format!("r{} is not a pointer", p.0))
    }

    /// `base + i * elem_size` for an in-bounds index.
    pub(super) fn elem_addr(&mut self, base: Value, i: Value, es: u64) -> Value {
        if es == 0 {
            return base;
        }
        let off = if es == 1 {
            i
        } else {
            self.b.ins().imul_imm_s(i, es as i64)
        };
        self.b.ins().iadd(base, off)
    }
}
