//! Methods: calls with Go's implicit `&x` and `*p` on the receiver and
//! through embedded fields, method values (closures binding a receiver),
//! and method expressions (`T.M`, a function taking the receiver first).
//!
//! A method is an IR function whose parameters are the pointers for its
//! memory-typed results, then the receiver, then the parameters. A
//! value receiver of struct or array type is passed, like any such argument,
//! as a pointer to a copy the caller made.

use super::closure::closure_type;
use super::typedesc::Target;
use super::*;
use crate::syntax::ast::{Expr, ExprKind};
use crate::types::{MethodSel, Selection};

impl FnLower<'_, '_> {
    /// A pointer to the receiver value (`&x`, `p`, `&x.embedded`), or, for a
    /// value receiver taken from a value that is not addressable, the value.
    /// Pointers followed to form it are nil-checked, as for `&x`.
    fn receiver_place(&mut self, x: &Expr, sel: &Selection, m: &MethodSel) -> Val {
        let xt = self.etype(x);
        if sel.path.is_empty() {
            if matches!(self.info.types.under(xt), TypeKind::Pointer(_)) {
                return Val::Reg(self.expr_reg(x));
            }
            if m.ptr_recv {
                return Val::Reg(self.addr_of(x));
            }
            let v = self.expr(x);
            return match v {
                // A struct value's address stands for the value.
                Val::Mem(p) => Val::Reg(p),
                v => Val::Mem(self.spill(v, xt)),
            };
        }
        let (fp, ft) = self.path_addr_checked(x, &sel.path, true);
        if matches!(self.info.types.under(ft), TypeKind::Pointer(_)) {
            let p = self.reg(self.ty(ft));
            self.emit(Inst::Load { dst: p, ptr: fp });
            Val::Reg(p)
        } else {
            Val::Reg(fp)
        }
    }

    /// A register value stored in a fresh frame slot, for uniform handling.
    fn spill(&mut self, v: Val, t: TypeId) -> Reg {
        let it = self.ty(t);
        let p = self.alloc_var(&it, false);
        self.store(&Place::Mem(p), v, t);
        p
    }

    /// The receiver argument of a call of method `m` on `x`.
    pub(crate) fn receiver_arg(&mut self, x: &Expr, sel: &Selection, m: &MethodSel) -> Reg {
        let recv_t = m.recv;
        let place = self.receiver_place(x, sel, m);
        let rp = self.as_reg(place);
        if m.ptr_recv {
            return rp;
        }
        // A value receiver: a copy of the value (read through a nil
        // pointer, it panics, even zero-sized: see load).
        let v = self.load(rp, recv_t);
        let c = self.copy_val(v, recv_t);
        self.as_reg(c)
    }

    /// Arguments for a method's IR function: result pointers, receiver, rest.
    pub(crate) fn method_args(
        &mut self,
        n_result_ptrs: usize,
        recv: Reg,
        mut args: Vec<Reg>,
    ) -> Vec<Reg> {
        args.insert(n_result_ptrs, recv);
        args
    }

    /// `x.M` as a value: a closure holding the receiver (evaluated now, a
    /// copy for value receivers) whose code calls the method.
    pub(crate) fn method_value(&mut self, e: &Expr) -> Reg {
        let sel = self.selection(e.id).expect("a selection").clone();
        let m = sel.method.clone().expect("a method selector");
        if m.expr {
            return self.method_expr_value(e, &sel, &m);
        }
        let ExprKind::Selector(x, _) = &e.kind else {
            unreachable!()
        };
        let mut recv = self.receiver_arg(x, &sel, &m);
        let recv_ty = self.reg_ty(recv).clone();
        if !m.ptr_recv && !self.p.recv_is_register(MethodRef::of(&m)) {
            // The closure outlives this frame: its copy of a struct receiver
            // goes to the heap.
            let t = recv_ty
                .pointee()
                .expect("a struct receiver by address")
                .clone();
            let h = self.reg(recv_ty.clone());
            self.emit(Inst::New { dst: h, ty: t });
            self.emit(Inst::MemCopy { dst: h, src: recv });
            recv = h;
        }
        let code = self.p.bound_method(MethodRef::of(&m), recv_ty.clone());
        let ct = closure_type(vec![("R".into(), recv_ty)]);
        let ft = self.etype(e);
        self.make_closure(code, &ct, &[recv], ft)
    }

    /// `T.M` / `(*T).M` as a value. A method promoted from an embedded
    /// field (`(*Outer).M` of `Inner`'s M) goes through code that walks the
    /// embedding path from the receiver argument, as interface calls of
    /// promoted methods do: T is a struct (its values are passed by
    /// address) or a pointer to one.
    fn method_expr_value(&mut self, e: &Expr, sel: &Selection, m: &MethodSel) -> Reg {
        let mref = MethodRef::of(m);
        let code = if sel.path.is_empty() {
            self.p
                .method_expr_code(mref, m.recv_is_ptr && !m.ptr_recv, true)
        } else {
            let ExprKind::Selector(x, _) = &e.kind else {
                unreachable!()
            };
            let types = &self.info.types;
            let outer = match types.under(self.etype(x)) {
                TypeKind::Pointer(o) => *o,
                _ => self.etype(x),
            };
            let mut path = Vec::new();
            let mut cur = outer;
            for &i in &sel.path {
                let TypeKind::Struct(fields) = types.under(cur) else {
                    unreachable!("an embedding path through a non-struct")
                };
                let ft = fields[i as usize].ty;
                let (is_ptr, next) = match types.under(ft) {
                    TypeKind::Pointer(p) => (true, *p),
                    _ => (false, ft),
                };
                path.push((i, is_ptr));
                cur = next;
            }
            let name = self.info.obj(m.obj).name.clone();
            let mty = self.p.method_ty(mref);
            self.p
                .promoted_code(outer, &path, &name, mty, Target::Method(mref), true)
        };
        let ct = closure_type(Vec::new());
        let ft = self.etype(e);
        self.make_closure(code, &ct, &[], ft)
    }
}

/// A method of a concrete defined type: the method's object and the type it
/// is a method of, which for a method of a generic type is the instance and
/// picks the copy (`main.(*Stack[int]).Push`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct MethodRef {
    pub obj: ObjId,
    pub base: TypeId,
}

impl MethodRef {
    pub(crate) fn of(m: &MethodSel) -> MethodRef {
        MethodRef {
            obj: m.obj,
            base: m.recv,
        }
    }
}

impl ProgramLower<'_> {
    pub(crate) fn method_symbol(&self, m: MethodRef) -> String {
        match self.info.types.instance_of(m.base) {
            Some((_, targs)) => crate::types::instance_symbol(self.info, m.obj, targs),
            None => match &self.info.obj(m.obj).kind {
                ObjKind::Func { symbol } => symbol.clone(),
                _ => unreachable!(),
            },
        }
    }

    /// The method's Go type (without receiver), with the instance's type
    /// arguments in.
    pub(crate) fn method_ty(&self, m: MethodRef) -> TypeId {
        if self.info.types.instance_of(m.base).is_some() {
            let i = self.info.instance_index[&self.method_symbol(m)];
            return self.info.func_instances[i].ty;
        }
        self.info.obj(m.obj).ty
    }

    /// Whether the method is declared with a pointer receiver.
    pub(crate) fn ptr_recv(&self, m: MethodRef) -> bool {
        self.info.method_recv[&m.obj].1
    }

    /// The methods declared for a defined type (for an instance of a
    /// generic type, its generic type's), in declaration order.
    pub(crate) fn methods_of(&self, named: TypeId) -> Vec<MethodRef> {
        let origin = self.info.types.instance_of(named).map_or(named, |(o, _)| o);
        self.info
            .methods
            .get(&origin)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .map(|&obj| MethodRef { obj, base: named })
            .collect()
    }

    /// The IR signature of a method without its receiver.
    fn method_sig(&self, m: MethodRef) -> ir::FuncSig {
        let TypeKind::Func(sig) = self.info.types.kind(self.method_ty(m)) else {
            unreachable!()
        };
        func_sig(self.info, &self.named, sig)
    }

    fn n_result_ptrs(&self, m: MethodRef) -> usize {
        let TypeKind::Func(sig) = self.info.types.kind(self.method_ty(m)) else {
            unreachable!()
        };
        sig.results
            .iter()
            .filter(|&&r| !ir_type(self.info, &self.named, r).is_register())
            .count()
    }

    /// The code of a method value: takes the closure object (code, receiver)
    /// and the method's arguments, and calls the method on the receiver.
    fn bound_method(&self, m: MethodRef, recv_ty: ir::Type) -> String {
        let symbol = self.method_symbol(m);
        let name = format!("{symbol}$bound");
        if self.extra.borrow().iter().any(|f| f.name == name) {
            return name;
        }
        let fs = self.method_sig(m);
        let nres = self.n_result_ptrs(m);
        let ct = closure_type(vec![("R".into(), recv_ty.clone())]);
        let mut fl = FnLower::new(self, &name);
        fl.f.wrapper = true;
        let ctx = fl.param(ir::Type::ptr(ct));
        let args: Vec<Reg> = fs.params.iter().map(|t| fl.param(t.clone())).collect();
        let fa = fl.reg(ir::Type::ptr(recv_ty.clone()));
        fl.emit(Inst::FieldAddr {
            dst: fa,
            ptr: ctx,
            field: 1,
        });
        let stored = fl.reg(recv_ty.clone());
        fl.emit(Inst::Load {
            dst: stored,
            ptr: fa,
        });
        // A value receiver held by address (a struct copy owned by the
        // closure): each call gets its own copy, since the method may write
        // to its receiver.
        let ptr_recv = self.ptr_recv(m);
        let recv = if !ptr_recv && !self.recv_is_register(m) {
            let pointee = recv_ty
                .pointee()
                .expect("a struct receiver by address")
                .clone();
            let c = fl.reg(recv_ty.clone());
            fl.emit(Inst::Alloca {
                dst: c,
                ty: pointee,
            });
            fl.emit(Inst::MemCopy {
                dst: c,
                src: stored,
            });
            c
        } else {
            stored
        };
        let dsts: Vec<Reg> = fs.results.iter().map(|t| fl.reg(t.clone())).collect();
        fl.f.results = fs.results.clone();
        let all = fl.method_args(nres, recv, args);
        fl.emit(Inst::Call {
            dsts: dsts.clone(),
            func: symbol,
            args: all,
        });
        fl.terminate(Term::Return(dsts));
        self.extra.borrow_mut().push(fl.finish());
        name
    }

    /// Whether a method's receiver type is a register type (passed by value).
    fn recv_is_register(&self, m: MethodRef) -> bool {
        ir_type(self.info, &self.named, m.base).is_register()
    }

    /// The code of a method expression: takes the closure object (if
    /// `ctx`), then the receiver and the method's arguments. With `deref`,
    /// the receiver comes as a pointer (`(*T).M` of a value method, or an
    /// interface's data word) and is copied out first.
    pub(crate) fn method_expr_code(&self, m: MethodRef, deref: bool, ctx: bool) -> String {
        let symbol = self.method_symbol(m);
        let kind = match (deref, ctx) {
            (true, true) => "pexpr",
            (false, true) => "expr",
            (true, false) => "iface",
            (false, false) => "direct",
        };
        let name = format!("{symbol}${kind}");
        if self.extra.borrow().iter().any(|f| f.name == name) {
            return name;
        }
        let (base, ptr_recv) = (m.base, self.ptr_recv(m));
        let base_ir = ir_type(self.info, &self.named, base);
        // How the method takes its receiver.
        let recv_param = if ptr_recv || !base_ir.is_register() {
            ir::Type::ptr(base_ir.clone())
        } else {
            base_ir.clone()
        };
        let fs = self.method_sig(m);
        let nres = self.n_result_ptrs(m);
        let mut fl = FnLower::new(self, &name);
        fl.f.wrapper = true;
        if ctx {
            fl.param(ir::Type::ptr(ir::Type::U8));
        }
        let mut params: Vec<Reg> = fs.params.iter().map(|t| fl.param(t.clone())).collect();
        // The receiver parameter sits after the result pointers.
        let incoming = if deref {
            ir::Type::ptr(base_ir.clone())
        } else {
            recv_param.clone()
        };
        let r = fl.reg(incoming);
        fl.f.params.insert(nres + usize::from(ctx), r);
        if deref {
            // A value method called through a nil pointer (an interface
            // holding a nil *T, or (*T).M(nil)): Go's panicwrap message.
            let null = fl.konst(fl.reg_ty(r).clone(), Const::Zero);
            let is_nil = fl.cmp(ir::BinaryOp::Eq, r, null);
            let full = self.info.types.name(base);
            let short = match self.info.types.kind(base) {
                TypeKind::Named { name, .. } => name.clone(),
                _ => full.clone(),
            };
            let mname = &self.info.obj(m.obj).name;
            fl.panic_with_if(
                is_nil,
                goc_abi::sym::PANIC_PLAIN_ERROR,
                &format!("value method {full}.{mname} called using nil *{short} pointer"),
            );
        }
        let recv = if deref {
            if base_ir.is_register() {
                let v = fl.reg(base_ir.clone());
                fl.emit(Inst::Load { dst: v, ptr: r });
                v
            } else {
                let c = fl.reg(ir::Type::ptr(base_ir.clone()));
                fl.emit(Inst::Alloca {
                    dst: c,
                    ty: base_ir,
                });
                fl.emit(Inst::MemCopy { dst: c, src: r });
                c
            }
        } else {
            r
        };
        let dsts: Vec<Reg> = fs.results.iter().map(|t| fl.reg(t.clone())).collect();
        fl.f.results = fs.results.clone();
        params.insert(nres, recv);
        fl.emit(Inst::Call {
            dsts: dsts.clone(),
            func: symbol,
            args: params,
        });
        fl.terminate(Term::Return(dsts));
        self.extra.borrow_mut().push(fl.finish());
        name
    }
}
