//! Run-time type information: type descriptors, method tables and itabs,
//! emitted as read-only data objects in the layouts of goc-abi's `typedesc`
//! and `itab` modules.
//!
//! Each Go type (up to identity) gets at most one descriptor, made on first
//! use, so comparing descriptor addresses compares types: that is how type
//! assertions and type switches test dynamic types. A concrete type's
//! descriptor lists its method set sorted by name; each entry's code takes
//! the interface's data word as its receiver (a pointer to the value), so
//! value-receiver methods are reached through small `$iface` wrappers that
//! copy the value out first. An itab for a (concrete type, interface) pair
//! known at compile time is a data object too; pairs found only at run time
//! (assertions to interface types) get theirs from the runtime.

use goc_abi::typedesc as td;

use super::*;
use crate::ir::DataItem;
use crate::types::{Basic, StructField};

/// A method found through embedded fields: its name and type, the path of
/// (field index, field is a pointer) to the embedded value, the method.
type Promoted = (String, TypeId, Vec<(u32, bool)>, Target);

/// What a promoted method calls: a declared method, or method `i` of an
/// embedded interface value (through its itab).
#[derive(Clone, Copy)]
pub(crate) enum Target {
    Method(super::method::MethodRef),
    Iface(u32),
}

/// Types stored directly in an interface's data word (pointer-shaped).
pub(crate) fn is_direct_iface(info: &Info, t: TypeId) -> bool {
    matches!(
        info.types.under(t),
        TypeKind::Pointer(_) | TypeKind::Func(_) | TypeKind::Chan(..)
    )
}

/// A 32-bit FNV-1a hash of a type's name and id: the descriptor's HASH.
fn type_hash(name: &str, id: u32) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in name.bytes().chain(id.to_le_bytes()) {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

impl ProgramLower<'_> {
    pub(crate) fn push_data(&self, name: &str, items: Vec<DataItem>) {
        self.data.borrow_mut().push(ir::Data {
            name: name.to_string(),
            items,
        });
    }

    /// The symbol of the descriptor of type `t`, emitting it on first use.
    pub(crate) fn type_desc(&self, t: TypeId) -> String {
        let types = &self.info.types;
        let t = types.canonical(t);
        if let Some(s) = self.descs.borrow().get(&t) {
            return s.clone();
        }
        let name = types.name(t);
        let mut sym = format!("type:{name}");
        if self.descs.borrow().values().any(|s| *s == sym) {
            sym = format!("type:{name}${}", t.0);
        }
        // Registered before the contents, which may refer back to it.
        self.descs.borrow_mut().insert(t, sym.clone());
        let items = self.desc_items(t, &name);
        self.push_data(&sym, items);
        sym
    }

    fn desc_items(&self, t: TypeId, name: &str) -> Vec<DataItem> {
        let types = &self.info.types;
        let it = ir_type(self.info, &self.named, t);
        let (size, align) = (ir::layout::size_of(&it), ir::layout::align_of(&it));
        let under = types.under(t).clone();
        let kind = match &under {
            TypeKind::Basic(b) => match b {
                Basic::Bool => td::KIND_BOOL,
                Basic::Int => td::KIND_INT,
                Basic::Int8 => td::KIND_INT8,
                Basic::Int16 => td::KIND_INT16,
                Basic::Int32 => td::KIND_INT32,
                Basic::Int64 => td::KIND_INT64,
                Basic::Uint => td::KIND_UINT,
                Basic::Uint8 => td::KIND_UINT8,
                Basic::Uint16 => td::KIND_UINT16,
                Basic::Uint32 => td::KIND_UINT32,
                Basic::Uint64 => td::KIND_UINT64,
                Basic::Uintptr => td::KIND_UINTPTR,
                Basic::Float32 => td::KIND_FLOAT32,
                Basic::Float64 => td::KIND_FLOAT64,
                Basic::Complex64 => td::KIND_COMPLEX64,
                Basic::Complex128 => td::KIND_COMPLEX128,
                Basic::String => td::KIND_STRING,
                Basic::UnsafePointer => td::KIND_UNSAFE_POINTER,
                _ => 0,
            },
            TypeKind::Pointer(_) => td::KIND_POINTER,
            TypeKind::Slice(_) => td::KIND_SLICE,
            TypeKind::Array(..) => td::KIND_ARRAY,
            TypeKind::Struct(_) => td::KIND_STRUCT,
            TypeKind::Func(_) => td::KIND_FUNC,
            TypeKind::Interface(_) => td::KIND_INTERFACE,
            TypeKind::Map(..) => td::KIND_MAP,
            TypeKind::Chan(..) => td::KIND_CHAN,
            _ => 0,
        };
        let comparable = types.comparable(t);
        let regular = self.regular_memory(t);
        let mut flags = 0u8;
        if comparable {
            flags |= td::FLAG_COMPARABLE;
        }
        if regular {
            flags |= td::FLAG_REGULAR_MEMORY;
        }
        if matches!(types.kind(t), TypeKind::Named { .. }) {
            flags |= td::FLAG_NAMED;
        }
        if is_direct_iface(self.info, t) {
            flags |= td::FLAG_DIRECT_IFACE;
        }
        let ptrdata = ir::layout::gc_shape(&it).ptrdata;
        let gcdata = if ptrdata > 0 {
            DataItem::Shape(it.clone())
        } else {
            DataItem::Word(0)
        };
        let word2 =
            type_hash(name, t.0) as u64 | (kind as u64) << 32 | align << 40 | (flags as u64) << 48;
        let (eq, hash) = self.equal_and_hash(t, comparable, regular);
        let addr_or_zero = |s: Option<String>| s.map(DataItem::Addr).unwrap_or(DataItem::Word(0));
        let elem = match &under {
            TypeKind::Pointer(e)
            | TypeKind::Slice(e)
            | TypeKind::Array(_, e)
            | TypeKind::Map(_, e)
            | TypeKind::Chan(_, e) => Some(self.type_desc(*e)),
            _ => None,
        };
        let key = match &under {
            TypeKind::Array(n, _) => DataItem::Word(*n),
            TypeKind::Map(k, _) => DataItem::Addr(self.type_desc(*k)),
            _ => DataItem::Word(0),
        };
        let (methods, nmethods) = self.method_table(t);
        let (fields, nfields) = match &under {
            TypeKind::Struct(fs) => self.field_table(t, fs),
            TypeKind::Func(sig) => {
                let mut items = Vec::new();
                for &p in sig.params.iter().chain(&sig.results) {
                    items.push(DataItem::Addr(self.type_desc(p)));
                }
                let sym = format!("{}.params", self.descs.borrow()[&types.canonical(t)]);
                let n = sig.params.len() as u64 | (sig.results.len() as u64) << 32;
                if items.is_empty() {
                    (None, n)
                } else {
                    self.push_data(&sym, items);
                    (Some(sym), n)
                }
            }
            _ => (None, 0),
        };
        vec![
            DataItem::Word(size),
            DataItem::Word(ptrdata),
            DataItem::Word(word2),
            addr_or_zero(eq),
            addr_or_zero(hash),
            gcdata,
            DataItem::Str(name.as_bytes().to_vec()),
            addr_or_zero(elem),
            key,
            addr_or_zero(methods),
            DataItem::Word(nmethods),
            addr_or_zero(fields),
            DataItem::Word(nfields),
        ]
    }

    /// Whether values compare and hash as their bytes: no floats, complex
    /// numbers, strings or interfaces inside, no padding, and no blank
    /// fields (whose bytes `==` ignores).
    fn regular_memory(&self, t: TypeId) -> bool {
        let types = &self.info.types;
        match types.under(t) {
            TypeKind::Basic(b) => !b.is_float() && !b.is_complex() && !b.is_string(),
            TypeKind::Pointer(_) | TypeKind::Chan(..) => true,
            TypeKind::Array(_, e) => self.regular_memory(*e),
            TypeKind::Struct(fs) => {
                let it = ir_type(self.info, &self.named, t);
                let (_, size) = ir::layout::struct_layout(&it);
                let sum: u64 = fs
                    .iter()
                    .map(|f| ir::layout::size_of(&ir_type(self.info, &self.named, f.ty)))
                    .sum();
                sum == size
                    && fs
                        .iter()
                        .all(|f| f.name != "_" && self.regular_memory(f.ty))
            }
            _ => false,
        }
    }

    /// The EQUAL and HASHFN entries: none for regular memory (the runtime
    /// compares bytes) and for incomparable types; the runtime's for
    /// strings, floats, complex numbers and interfaces; generated ones for other structs and
    /// arrays (equality only, for now).
    fn equal_and_hash(
        &self,
        t: TypeId,
        comparable: bool,
        regular: bool,
    ) -> (Option<String>, Option<String>) {
        if !comparable || regular {
            return (None, None);
        }
        match self.runtime_eq_hash(t) {
            Some((e, h)) => (Some(e.to_string()), Some(h.to_string())),
            None => (Some(self.eq_func(t)), Some(self.hash_func(t))),
        }
    }

    /// The runtime's equality and hash functions for a type that is not
    /// regular memory and has them: strings, floats, complex numbers and
    /// interfaces.
    fn runtime_eq_hash(&self, t: TypeId) -> Option<(&'static str, &'static str)> {
        use goc_abi::sym;
        Some(match self.info.types.under(t) {
            TypeKind::Basic(Basic::String) => (sym::STREQUAL, sym::STRHASH),
            TypeKind::Basic(Basic::Float32) => (sym::F32EQUAL, sym::F32HASH),
            TypeKind::Basic(Basic::Float64) => (sym::F64EQUAL, sym::F64HASH),
            TypeKind::Basic(Basic::Complex64) => (sym::C64EQUAL, sym::C64HASH),
            TypeKind::Basic(Basic::Complex128) => (sym::C128EQUAL, sym::C128HASH),
            TypeKind::Interface(ms) if ms.is_empty() => (sym::NILINTEREQUAL, sym::NILINTERHASH),
            TypeKind::Interface(_) => (sym::INTEREQUAL, sym::INTERHASH),
            _ => return None,
        })
    }

    /// A generated `fn(p *T, seed u64) u64` hashing a struct or array value
    /// field by field (element by element), consistent with `eq_func`.
    fn hash_func(&self, t: TypeId) -> String {
        let name = format!(
            "{}.hash",
            self.descs.borrow()[&self.info.types.canonical(t)]
        );
        if self.extra.borrow().iter().any(|f| f.name == name) {
            return name;
        }
        let it = ir_type(self.info, &self.named, t);
        let mut fl = FnLower::new(self, &name);
        let p = fl.param(ir::Type::ptr(it));
        let seed = fl.param(ir::Type::U64);
        fl.f.results = vec![ir::Type::U64];
        fl.f.nosplit = true;
        match self.info.types.under(t).clone() {
            TypeKind::Struct(fields) => {
                for (i, f) in fields.iter().enumerate() {
                    if f.name == "_" {
                        continue;
                    }
                    let fa = fl.reg(ir::Type::ptr(ir_type(self.info, &self.named, f.ty)));
                    fl.emit(Inst::FieldAddr {
                        dst: fa,
                        ptr: p,
                        field: i as u32,
                    });
                    let h = self.hash_part(&mut fl, fa, f.ty, seed);
                    fl.emit(Inst::Copy { dst: seed, src: h });
                }
            }
            TypeKind::Array(n, e) => {
                for i in 0..n {
                    let idx = fl.int(i as i64);
                    let ea = fl.reg(ir::Type::ptr(ir_type(self.info, &self.named, e)));
                    fl.emit(Inst::IndexAddr {
                        dst: ea,
                        ptr: p,
                        index: idx,
                    });
                    let h = self.hash_part(&mut fl, ea, e, seed);
                    fl.emit(Inst::Copy { dst: seed, src: h });
                }
            }
            k => unreachable!("hash function for {k:?}"),
        }
        fl.terminate(Term::Return(vec![seed]));
        self.extra.borrow_mut().push(fl.finish());
        name
    }

    /// Hashes the value of type `t` at `p` into `seed`.
    fn hash_part(&self, fl: &mut FnLower, p: Reg, t: TypeId, seed: Reg) -> Reg {
        use goc_abi::sym;
        let bp = fl.reg(ir::Type::ptr(ir::Type::U8));
        fl.emit(Inst::Copy { dst: bp, src: p });
        if self.regular_memory(t) {
            let size = ir::layout::size_of(&ir_type(self.info, &self.named, t));
            let n = fl.konst(ir::Type::U64, Const::Int(size as i64));
            return fl.rt(sym::MEMHASH, vec![bp, seed, n], vec![ir::Type::U64])[0];
        }
        if let Some((_, f)) = self.runtime_eq_hash(t) {
            return fl.rt(f, vec![bp, seed], vec![ir::Type::U64])[0];
        }
        self.type_desc(t);
        let name = self.hash_func(t);
        let dst = fl.reg(ir::Type::U64);
        fl.emit(Inst::Call {
            dsts: vec![dst],
            func: name,
            args: vec![p, seed],
        });
        dst
    }

    /// A generated `fn(a, b *T) bool` comparing two values of a struct or
    /// array type field by field, as Go's `==` does.
    fn eq_func(&self, t: TypeId) -> String {
        let name = format!("{}.eq", self.descs.borrow()[&self.info.types.canonical(t)]);
        let it = ir_type(self.info, &self.named, t);
        let mut fl = FnLower::new(self, &name);
        let a = fl.param(ir::Type::ptr(it.clone()));
        let b = fl.param(ir::Type::ptr(it));
        fl.f.results = vec![ir::Type::Bool];
        fl.f.nosplit = true;
        let r = fl.mem_equal(a, b, t);
        fl.terminate(Term::Return(vec![r]));
        self.extra.borrow_mut().push(fl.finish());
        name
    }

    fn field_table(&self, t: TypeId, fs: &[StructField]) -> (Option<String>, u64) {
        if fs.is_empty() {
            return (None, 0);
        }
        let it = ir_type(self.info, &self.named, t);
        let (offsets, _) = ir::layout::struct_layout(&it);
        let mut items = Vec::new();
        for (f, off) in fs.iter().zip(offsets) {
            items.push(DataItem::Str(f.name.as_bytes().to_vec()));
            items.push(DataItem::Addr(self.type_desc(f.ty)));
            items.push(DataItem::Word(off));
            items.push(DataItem::Word(f.embedded as u64));
        }
        let sym = format!(
            "{}.fields",
            self.descs.borrow()[&self.info.types.canonical(t)]
        );
        self.push_data(&sym, items);
        (Some(sym), fs.len() as u64)
    }

    /// The method set of `t` as (name, method object, code taking the data
    /// word), sorted by name: for `*T` every method of `T`, for `T` its
    /// value-receiver methods; for an interface type its methods (no code).
    pub(crate) fn method_set(&self, t: TypeId) -> Vec<(String, TypeId, Option<String>)> {
        let types = &self.info.types;
        if let TypeKind::Interface(ms) = types.under(t) {
            return ms.iter().map(|m| (m.name.clone(), m.ty, None)).collect();
        }
        let (named, is_ptr) = match types.kind(t) {
            TypeKind::Pointer(e) => (*e, true),
            _ => (t, false),
        };
        let mut out = Vec::new();
        self.promoted_methods(named, is_ptr, &mut out);
        for m in self.methods_of(named) {
            let ptr_recv = self.ptr_recv(m);
            if ptr_recv && !is_ptr {
                continue;
            }
            let code = if ptr_recv {
                self.method_symbol(m)
            } else {
                // The data word points at the value, unless the value is
                // pointer-shaped (a map, chan or func type) and is the word.
                let deref = is_ptr || !is_direct_iface(self.info, named);
                self.method_expr_code(m, deref, false)
            };
            let name = self.info.obj(m.obj).name.clone();
            out.push((name, self.method_ty(m), Some(code)));
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// Methods promoted from embedded fields of a struct type `named` into
    /// the method set of `named` (or `*named`): found breadth-first, the
    /// shallowest unique name winning, each reached through a wrapper that
    /// walks from the data word (`*named`) to the embedded receiver.
    fn promoted_methods(
        &self,
        named: TypeId,
        is_ptr: bool,
        out: &mut Vec<(String, TypeId, Option<String>)>,
    ) {
        let types = &self.info.types;
        let mut taken: std::collections::HashSet<String> = self
            .methods_of(named)
            .iter()
            .map(|m| self.info.obj(m.obj).name.clone())
            .collect();
        // (type of the embedded field, path of (field, field is a pointer))
        let mut level: Vec<(TypeId, Vec<(u32, bool)>)> = vec![(named, Vec::new())];
        for _ in 0..4 {
            let mut next = Vec::new();
            let mut found: Vec<Promoted> = Vec::new();
            for (t, path) in &level {
                let base = match types.under(*t) {
                    TypeKind::Pointer(e) => *e,
                    _ => *t,
                };
                let TypeKind::Struct(fields) = types.under(base) else {
                    continue;
                };
                for (i, f) in fields.iter().enumerate() {
                    if !f.embedded {
                        continue;
                    }
                    let fptr = matches!(types.under(f.ty), TypeKind::Pointer(_));
                    let mut p = path.clone();
                    p.push((i as u32, fptr));
                    let e = match types.kind(f.ty) {
                        TypeKind::Pointer(e) => *e,
                        _ => f.ty,
                    };
                    for m in self.methods_of(e) {
                        let name = self.info.obj(m.obj).name.clone();
                        found.push((name, self.method_ty(m), p.clone(), Target::Method(m)));
                    }
                    // An embedded interface promotes its methods too.
                    for (k, m) in types.iface_methods(f.ty).iter().enumerate() {
                        found.push((m.name.clone(), m.ty, p.clone(), Target::Iface(k as u32)));
                    }
                    next.push((f.ty, p));
                }
            }
            let names: Vec<String> = found.iter().map(|f| f.0.clone()).collect();
            for (name, mt, path, target) in found {
                if taken.contains(&name) || names.iter().filter(|n| **n == name).count() > 1 {
                    continue;
                }
                if let Target::Method(m) = target {
                    let ptr_recv = self.ptr_recv(m);
                    let through_ptr = path.iter().any(|(_, p)| *p);
                    if ptr_recv && !is_ptr && !through_ptr {
                        continue;
                    }
                }
                let code = self.promoted_code(named, &path, &name, mt, target, false);
                out.push((name, mt, Some(code)));
            }
            taken.extend(names);
            if next.is_empty() {
                break;
            }
            level = next;
        }
    }

    /// The code for a promoted method: takes the result pointers, a pointer
    /// to the outer struct, and the arguments; follows `path` to the
    /// embedded value and calls the method on it. With `ctx`, the code of a
    /// method expression's function value (`(*Outer).M`): it takes the
    /// closure object first, as every function value's code does.
    pub(crate) fn promoted_code(
        &self,
        outer: TypeId,
        path: &[(u32, bool)],
        mname: &str,
        mty: TypeId,
        target: Target,
        ctx: bool,
    ) -> String {
        let callee = match target {
            Target::Method(m) => self.method_symbol(m),
            Target::Iface(_) => format!("iface.{mname}"),
        };
        let steps: Vec<String> = path.iter().map(|(i, _)| i.to_string()).collect();
        let kind = if ctx { "expr" } else { "" };
        let name = format!(
            "{}.{}${}{kind}",
            self.type_desc(outer),
            callee,
            steps.join("_")
        );
        if self.extra.borrow().iter().any(|f| f.name == name) {
            return name;
        }
        let TypeKind::Func(sig) = self.info.types.kind(mty) else {
            unreachable!()
        };
        let fs = func_sig(self.info, &self.named, sig);
        let nres = sig
            .results
            .iter()
            .filter(|&&r| !ir_type(self.info, &self.named, r).is_register())
            .count();
        let mut fl = FnLower::new(self, &name);
        fl.f.wrapper = true;
        if ctx {
            fl.param(ir::Type::ptr(ir::Type::U8));
        }
        let mut params: Vec<Reg> = fs.params.iter().map(|t| fl.param(t.clone())).collect();
        let outer_ir = ir_type(self.info, &self.named, outer);
        let p0 = fl.reg(ir::Type::ptr(outer_ir));
        fl.f.params.insert(nres + usize::from(ctx), p0);
        // Walk to the embedded value.
        let mut cur = p0;
        let mut cur_t = outer;
        for &(i, is_ptr) in path {
            let TypeKind::Struct(fields) = self.info.types.under(cur_t).clone() else {
                unreachable!()
            };
            let ft = fields[i as usize].ty;
            let fa = fl.reg(ir::Type::ptr(ir_type(self.info, &self.named, ft)));
            fl.emit(Inst::FieldAddr {
                dst: fa,
                ptr: cur,
                field: i,
            });
            if is_ptr {
                let v = fl.reg(ir_type(self.info, &self.named, ft));
                fl.emit(Inst::Load { dst: v, ptr: fa });
                cur = v;
                cur_t = match self.info.types.under(ft) {
                    TypeKind::Pointer(e) => *e,
                    _ => ft,
                };
            } else {
                cur = fa;
                cur_t = ft;
            }
        }
        let dsts: Vec<Reg> = fs.results.iter().map(|t| fl.reg(t.clone())).collect();
        fl.f.results = fs.results.clone();
        let m = match target {
            Target::Method(m) => m,
            Target::Iface(index) => {
                // `cur` points at the embedded interface value.
                let iv = fl.reg(ir::Type::Iface);
                fl.emit(Inst::Load { dst: iv, ptr: cur });
                let (code, data) = fl.itab_method(iv, index);
                params.insert(nres, data);
                fl.emit(Inst::CallPtr {
                    dsts: dsts.clone(),
                    code,
                    args: params,
                });
                fl.terminate(Term::Return(dsts));
                self.extra.borrow_mut().push(fl.finish());
                return name;
            }
        };
        // `cur` points at the receiver's value.
        let (recv_t, ptr_recv) = (m.base, self.ptr_recv(m));
        let rir = ir_type(self.info, &self.named, recv_t);
        let recv = if ptr_recv {
            cur
        } else if rir.is_register() {
            let v = fl.reg(rir);
            fl.emit(Inst::Load { dst: v, ptr: cur });
            v
        } else {
            let c = fl.reg(ir::Type::ptr(rir.clone()));
            fl.emit(Inst::Alloca { dst: c, ty: rir });
            fl.emit(Inst::MemCopy { dst: c, src: cur });
            c
        };
        params.insert(nres, recv);
        fl.emit(Inst::Call {
            dsts: dsts.clone(),
            func: callee,
            args: params,
        });
        fl.terminate(Term::Return(dsts));
        self.extra.borrow_mut().push(fl.finish());
        name
    }

    fn method_table(&self, t: TypeId) -> (Option<String>, u64) {
        let ms = self.method_set(t);
        if ms.is_empty() {
            return (None, 0);
        }
        let mut items = Vec::new();
        for (name, mt, code) in &ms {
            items.push(DataItem::Str(name.as_bytes().to_vec()));
            items.push(DataItem::Addr(self.type_desc(*mt)));
            items.push(
                code.clone()
                    .map(DataItem::Addr)
                    .unwrap_or(DataItem::Word(0)),
            );
        }
        let sym = format!(
            "{}.methods",
            self.descs.borrow()[&self.info.types.canonical(t)]
        );
        self.push_data(&sym, items);
        (Some(sym), ms.len() as u64)
    }

    /// The itab of concrete type `t` for interface `iface`.
    pub(crate) fn itab(&self, t: TypeId, iface: TypeId) -> String {
        let types = &self.info.types;
        let key = (types.canonical(t), types.canonical(iface));
        if let Some(s) = self.itabs.borrow().get(&key) {
            return s.clone();
        }
        let (td, id) = (self.type_desc(t), self.type_desc(iface));
        let sym = format!("itab:{},{}", &td[5..], &id[5..]);
        let set = self.method_set(t);
        let mut items = vec![
            DataItem::Addr(id),
            DataItem::Addr(td.clone()),
            DataItem::Word(type_hash(&types.name(t), key.0 .0) as u64),
        ];
        for m in types.iface_methods(iface) {
            let code = set
                .iter()
                .find(|(n, _, _)| *n == m.name)
                .and_then(|(_, _, c)| c.clone())
                .expect("the checker proved the method exists");
            items.push(DataItem::Addr(code));
        }
        self.push_data(&sym, items);
        self.itabs.borrow_mut().insert(key, sym.clone());
        sym
    }
}
