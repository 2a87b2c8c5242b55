//! Interface values: conversions into them (boxing, itabs), their dynamic
//! types, method calls through itabs, type assertions and type switches,
//! comparisons, and printing and panicking with them.
//!
//! An interface value is two words: the type word (an itab for a non-empty
//! interface, a type descriptor for an empty one, 0 for nil) and the data
//! word (the value itself for pointer-shaped types, else a pointer to an
//! immutable heap copy).

use goc_abi::sym;

use super::closure::closure_type;
use super::expr::unparen;
use super::typedesc::is_direct_iface;
use super::*;
use crate::ir::BinaryOp;
use crate::syntax::ast::{Expr, ExprKind};
use crate::types::Selection;

/// The itab as IR sees it: interface, type, hash, then the code addresses.
fn itab_type(n: usize) -> ir::Type {
    let p = || ir::Type::ptr(ir::Type::U8);
    ir::Type::Struct(vec![
        ir::Field {
            name: "inter".into(),
            ty: p(),
        },
        ir::Field {
            name: "typ".into(),
            ty: p(),
        },
        ir::Field {
            name: "hash".into(),
            ty: ir::Type::U64,
        },
        ir::Field {
            name: "fun".into(),
            ty: ir::Type::Array(n as u64, Box::new(p())),
        },
    ])
}

impl FnLower<'_, '_> {
    fn byte_ptr(&mut self) -> Reg {
        self.reg(ir::Type::ptr(ir::Type::U8))
    }

    /// A pointer register reinterpreted as `*uint8` (or another pointer type).
    pub(crate) fn retype(&mut self, r: Reg, t: ir::Type) -> Reg {
        let dst = self.reg(t);
        self.emit(Inst::Copy { dst, src: r });
        dst
    }

    /// The address of a data object (type descriptor, itab).
    fn data_addr(&mut self, name: String) -> Reg {
        let dst = self.byte_ptr();
        self.emit(Inst::GlobalAddr { dst, name });
        dst
    }

    pub(crate) fn desc_addr(&mut self, t: TypeId) -> Reg {
        let name = self.p.type_desc(t);
        self.data_addr(name)
    }

    /// Evaluates `e` for a place of type `to` (converting to an interface
    /// type where Go converts implicitly).
    pub(crate) fn expr_for(&mut self, e: &Expr, to: TypeId) -> Val {
        let from = self.etype(e);
        let v = self.expr(e);
        self.convert_for(v, from, to)
    }

    /// A value of type `from` made ready for a place of type `to`.
    pub(crate) fn convert_for(&mut self, v: Val, from: TypeId, to: TypeId) -> Val {
        let types = &self.info.types;
        if !types.is_interface(to)
            || types.identical(from, to)
            || from == crate::types::ty::T_UNTYPED_NIL
        {
            return v;
        }
        if types.is_interface(from) {
            let x = self.as_reg(v);
            return Val::Reg(self.iface_to_iface(x, from, to));
        }
        // Concrete to interface: the type word, and the value boxed unless
        // it is pointer-shaped.
        let tab = if types.iface_methods(to).is_empty() {
            self.desc_addr(from)
        } else {
            let name = self.p.itab(from, to);
            self.data_addr(name)
        };
        let data = if is_direct_iface(self.info, from) {
            let r = self.as_reg(v);
            self.retype(r, ir::Type::ptr(ir::Type::U8))
        } else {
            let it = self.ty(from);
            let b = self.reg(ir::Type::ptr(it.clone()));
            self.emit(Inst::New { dst: b, ty: it });
            self.store(&Place::Mem(b), v, from);
            self.retype(b, ir::Type::ptr(ir::Type::U8))
        };
        let dst = self.reg(ir::Type::Iface);
        self.emit(Inst::MakeIface { dst, tab, data });
        Val::Reg(dst)
    }

    /// An interface value converted to another interface type whose method
    /// set its own includes.
    fn iface_to_iface(&mut self, x: Reg, from: TypeId, to: TypeId) -> Reg {
        let dt = self.dyn_type(x, from);
        let data = self.byte_ptr();
        self.emit(Inst::IfaceWord {
            dst: data,
            x,
            word: 1,
        });
        let tab = if self.info.types.iface_methods(to).is_empty() {
            dt
        } else {
            // nil stays nil; anything else gets its itab from the runtime.
            let tab = self.konst(ir::Type::ptr(ir::Type::U8), Const::Zero);
            let z = self.konst(ir::Type::ptr(ir::Type::U8), Const::Zero);
            let is_nil = self.cmp(BinaryOp::Eq, dt, z);
            let (conv, done) = (self.new_block(), self.new_block());
            self.branch(is_nil, done, conv);
            self.switch_to(conv);
            let want = self.desc_addr(to);
            let r = self.rt(
                sym::ASSERTE2I,
                vec![want, dt],
                vec![ir::Type::ptr(ir::Type::U8)],
            );
            self.emit(Inst::Copy {
                dst: tab,
                src: r[0],
            });
            self.jump(done);
            self.switch_to(done);
            tab
        };
        let dst = self.reg(ir::Type::Iface);
        self.emit(Inst::MakeIface { dst, tab, data });
        dst
    }

    /// The dynamic type descriptor of an interface value of type `t`, or 0.
    pub(crate) fn dyn_type(&mut self, x: Reg, t: TypeId) -> Reg {
        let w = self.byte_ptr();
        self.emit(Inst::IfaceWord { dst: w, x, word: 0 });
        if self.info.types.iface_methods(t).is_empty() {
            return w;
        }
        // The itab's second word, unless the itab pointer is nil.
        let out = self.konst(ir::Type::ptr(ir::Type::U8), Const::Zero);
        let z = self.konst(ir::Type::ptr(ir::Type::U8), Const::Zero);
        let is_nil = self.cmp(BinaryOp::Eq, w, z);
        let (load, done) = (self.new_block(), self.new_block());
        self.branch(is_nil, done, load);
        self.switch_to(load);
        let tab = self.retype(w, ir::Type::ptr(itab_type(0)));
        let fa = self.reg(ir::Type::ptr(ir::Type::ptr(ir::Type::U8)));
        self.emit(Inst::FieldAddr {
            dst: fa,
            ptr: tab,
            field: 1,
        });
        self.emit(Inst::Load { dst: out, ptr: fa });
        self.jump(done);
        self.switch_to(done);
        out
    }

    /// The value of type `t` held by an interface's data word.
    fn unbox(&mut self, data: Reg, t: TypeId) -> Val {
        let it = self.ty(t);
        if is_direct_iface(self.info, t) {
            return Val::Reg(self.retype(data, it));
        }
        let p = self.retype(data, ir::Type::ptr(it));
        let v = self.load(p, t);
        self.copy_val(v, t)
    }

    /// `x.(T)`, or `v, ok := x.(T)` with `comma_ok`.
    pub(crate) fn type_assert(&mut self, e: &Expr, comma_ok: bool) -> Vec<Val> {
        let ExprKind::TypeAssert(x, Some(_)) = &unparen(e).kind else {
            unreachable!()
        };
        let (xt, t) = (self.etype(x), self.etype(e));
        let xv = self.expr_reg(x);
        let dt = self.dyn_type(xv, xt);
        let data = self.byte_ptr();
        self.emit(Inst::IfaceWord {
            dst: data,
            x: xv,
            word: 1,
        });
        let it = self.ty(t);
        let types = &self.info.types;
        if types.is_interface(t) {
            let z = self.konst(ir::Type::ptr(ir::Type::U8), Const::Zero);
            let want = self.desc_addr(t);
            let tab = if types.iface_methods(t).is_empty() {
                dt
            } else if comma_ok {
                self.rt(
                    sym::ASSERTE2I2,
                    vec![want, dt],
                    vec![ir::Type::ptr(ir::Type::U8)],
                )[0]
            } else {
                self.rt(
                    sym::ASSERTE2I,
                    vec![want, dt],
                    vec![ir::Type::ptr(ir::Type::U8)],
                )[0]
            };
            let ok = self.cmp(BinaryOp::Ne, tab, z);
            if !comma_ok && types.iface_methods(t).is_empty() {
                // x.(any) of a nil interface panics.
                let (fail, good) = (self.new_block(), self.new_block());
                self.branch(ok, good, fail);
                self.switch_to(fail);
                let iface = self.desc_addr(xt);
                self.rt_noreturn(sym::PANICDOTTYPE, vec![dt, want, iface]);
                self.switch_to(good);
            }
            // A failed comma-ok assertion gives the zero value.
            let zero_data = self.konst(ir::Type::ptr(ir::Type::U8), Const::Zero);
            let d = self.byte_ptr();
            self.emit(Inst::Copy {
                dst: d,
                src: zero_data,
            });
            let (set, done) = (self.new_block(), self.new_block());
            self.branch(ok, set, done);
            self.switch_to(set);
            self.emit(Inst::Copy { dst: d, src: data });
            self.jump(done);
            self.switch_to(done);
            let v = self.reg(ir::Type::Iface);
            self.emit(Inst::MakeIface {
                dst: v,
                tab,
                data: d,
            });
            return if comma_ok {
                vec![Val::Reg(v), Val::Reg(ok)]
            } else {
                vec![Val::Reg(v)]
            };
        }
        let want = self.desc_addr(t);
        let ok = self.cmp(BinaryOp::Eq, dt, want);
        // The result (zero unless the assertion holds) exists on both paths.
        let result = self.zero_temp(&it);
        let (good, bad) = (self.new_block(), self.new_block());
        self.branch(ok, good, bad);
        self.switch_to(bad);
        if comma_ok {
            let done = self.new_block();
            self.jump(done);
            self.switch_to(good);
            let v = self.unbox(data, t);
            self.store(&result, v, t);
            self.jump(done);
            self.switch_to(done);
        } else {
            let iface = self.desc_addr(xt);
            self.rt_noreturn(sym::PANICDOTTYPE, vec![dt, want, iface]);
            self.switch_to(good);
            let v = self.unbox(data, t);
            self.store(&result, v, t);
        }
        let v = self.temp_value(&result);
        if comma_ok {
            vec![v, Val::Reg(ok)]
        } else {
            vec![v]
        }
    }

    /// Whether dynamic type `dt` matches case type `t` of a type switch
    /// (`None` for the `nil` case).
    pub(crate) fn type_case(&mut self, dt: Reg, t: Option<TypeId>) -> Reg {
        let z = self.konst(ir::Type::ptr(ir::Type::U8), Const::Zero);
        let Some(t) = t else {
            return self.cmp(BinaryOp::Eq, dt, z);
        };
        let types = &self.info.types;
        if !types.is_interface(t) {
            let want = self.desc_addr(t);
            return self.cmp(BinaryOp::Eq, dt, want);
        }
        if types.iface_methods(t).is_empty() {
            return self.cmp(BinaryOp::Ne, dt, z);
        }
        let want = self.desc_addr(t);
        let tab = self.rt(
            sym::ASSERTE2I2,
            vec![want, dt],
            vec![ir::Type::ptr(ir::Type::U8)],
        )[0];
        self.cmp(BinaryOp::Ne, tab, z)
    }

    /// The value a type switch clause binds: `x` as case type `t`.
    pub(crate) fn type_case_value(&mut self, x: Reg, xt: TypeId, t: TypeId) -> Val {
        if self.info.types.is_interface(t) {
            return Val::Reg(self.iface_to_iface(x, xt, t));
        }
        let data = self.byte_ptr();
        self.emit(Inst::IfaceWord {
            dst: data,
            x,
            word: 1,
        });
        self.unbox(data, t)
    }

    /// A call of method `index` of the interface value reached from `x`:
    /// the code address and the receiver (the data word).
    pub(crate) fn iface_call(&mut self, x: &Expr, sel: &Selection, index: u32) -> (Reg, Reg) {
        let iv = if sel.path.is_empty() {
            self.expr_reg(x)
        } else {
            let (p, t) = self.path_addr(x, &sel.path);
            let v = self.load(p, t);
            self.as_reg(v)
        };
        self.itab_method(iv, index)
    }

    /// Method `index` of interface value `iv`: (code address, data word).
    /// `I.m` as a value: a function taking the interface value, then the
    /// method's arguments, that calls the method through the itab.
    pub(crate) fn iface_method_expr(&mut self, e: &Expr) -> Reg {
        let ExprKind::Selector(x, _) = &e.kind else {
            unreachable!()
        };
        let it = self.etype(x);
        let index = self
            .selection(e.id)
            .and_then(|s| s.iface_method)
            .expect("an interface method");
        let m = self.info.types.iface_methods(it)[index as usize].clone();
        let code = self.p.iface_method_expr_code(it, &m.name, m.ty, index);
        let ct = super::closure::closure_type(Vec::new());
        let ft = self.etype(e);
        self.make_closure(code, &ct, &[], ft)
    }

    pub(crate) fn itab_method(&mut self, iv: Reg, index: u32) -> (Reg, Reg) {
        let tab = self.byte_ptr();
        self.emit(Inst::IfaceWord {
            dst: tab,
            x: iv,
            word: 0,
        });
        let data = self.byte_ptr();
        self.emit(Inst::IfaceWord {
            dst: data,
            x: iv,
            word: 1,
        });
        // A nil interface faults loading from its nil itab: Go's nil panic.
        let t = self.retype(tab, ir::Type::ptr(itab_type(index as usize + 1)));
        let fun = self.reg(ir::Type::ptr(ir::Type::Array(
            index as u64 + 1,
            Box::new(ir::Type::ptr(ir::Type::U8)),
        )));
        self.emit(Inst::FieldAddr {
            dst: fun,
            ptr: t,
            field: 3,
        });
        let i = self.int(index as i64);
        let slot = self.reg(ir::Type::ptr(ir::Type::ptr(ir::Type::U8)));
        self.emit(Inst::IndexAddr {
            dst: slot,
            ptr: fun,
            index: i,
        });
        let code = self.byte_ptr();
        self.emit(Inst::Load {
            dst: code,
            ptr: slot,
        });
        (code, data)
    }

    /// `x.M` of an interface method as a value: a closure holding the
    /// interface value (evaluated now), whose code calls the method.
    pub(crate) fn iface_method_value(&mut self, e: &Expr) -> Reg {
        let ExprKind::Selector(x, _) = &e.kind else {
            unreachable!()
        };
        let sel = self.selection(e.id).expect("a selection").clone();
        let index = sel.iface_method.expect("an interface method");
        let iv = if sel.path.is_empty() {
            self.expr_reg(x)
        } else {
            let (p, t) = self.path_addr(x, &sel.path);
            let v = self.load(p, t);
            self.as_reg(v)
        };
        // Go evaluates the method value here: a nil interface panics now.
        self.itab_method(iv, index);
        let ft = self.etype(e);
        let ct = closure_type(vec![("I".into(), ir::Type::Iface)]);
        let code_name = format!("{}.m{index}$bound", self.p.type_desc(ft));
        if !self.p.extra.borrow().iter().any(|f| f.name == code_name) {
            let f = self.p.iface_bound_code(&code_name, ft, index, &ct);
            self.p.extra.borrow_mut().push(f);
        }
        self.make_closure(code_name, &ct, &[iv], ft)
    }

    /// `a == b` for two interface values of type `t`.
    pub(crate) fn iface_eq(&mut self, a: Reg, b: Reg, t: TypeId) -> Reg {
        let pa = self.reg(ir::Type::ptr(ir::Type::Iface));
        self.emit(Inst::Alloca {
            dst: pa,
            ty: ir::Type::Iface,
        });
        self.emit(Inst::Store { ptr: pa, src: a });
        let pb = self.reg(ir::Type::ptr(ir::Type::Iface));
        self.emit(Inst::Alloca {
            dst: pb,
            ty: ir::Type::Iface,
        });
        self.emit(Inst::Store { ptr: pb, src: b });
        self.iface_eq_at(pa, pb, t)
    }

    /// `*pa == *pb` for interface values stored at two addresses.
    pub(crate) fn iface_eq_at(&mut self, pa: Reg, pb: Reg, t: TypeId) -> Reg {
        let f = if self.info.types.iface_methods(t).is_empty() {
            sym::NILINTEREQUAL
        } else {
            sym::INTEREQUAL
        };
        self.rt(f, vec![pa, pb], vec![ir::Type::Bool])[0]
    }

    /// The operand of `panic(v)`, evaluated and converted to `any`.
    pub(crate) fn panic_arg(&mut self, x: &Expr) -> Reg {
        let t = self.etype(x);
        let v = self.expr(x);
        let ev = self.convert_for(v, t, crate::types::ty::T_EMPTY_IFACE);
        self.as_reg(ev)
    }

    /// `panic(e)` for an empty interface value `e`.
    pub(crate) fn panic_eface(&mut self, e: Reg) {
        let (tw, dw) = (self.byte_ptr(), self.byte_ptr());
        self.emit(Inst::IfaceWord {
            dst: tw,
            x: e,
            word: 0,
        });
        self.emit(Inst::IfaceWord {
            dst: dw,
            x: e,
            word: 1,
        });
        self.rt_noreturn(sym::GOPANIC_EFACE, vec![tw, dw]);
    }
}

impl ProgramLower<'_> {
    /// The code of an interface method value: takes the closure object
    /// (code, interface value) and the method's arguments.
    fn iface_bound_code(&self, name: &str, ft: TypeId, index: u32, ct: &ir::Type) -> ir::Func {
        let TypeKind::Func(sig) = self.info.types.under(ft).clone() else {
            unreachable!()
        };
        let fs = func_sig(self.info, &self.named, &sig);
        let nres = sig
            .results
            .iter()
            .filter(|&&r| !ir_type(self.info, &self.named, r).is_register())
            .count();
        let mut fl = FnLower::new(self, name);
        fl.f.wrapper = true;
        let ctx = fl.param(ir::Type::ptr(ct.clone()));
        let mut args: Vec<Reg> = fs.params.iter().map(|t| fl.param(t.clone())).collect();
        let fa = fl.reg(ir::Type::ptr(ir::Type::Iface));
        fl.emit(Inst::FieldAddr {
            dst: fa,
            ptr: ctx,
            field: 1,
        });
        let iv = fl.reg(ir::Type::Iface);
        fl.emit(Inst::Load { dst: iv, ptr: fa });
        let (code, data) = fl.itab_method(iv, index);
        args.insert(nres, data);
        let dsts: Vec<Reg> = fs.results.iter().map(|t| fl.reg(t.clone())).collect();
        fl.f.results = fs.results.clone();
        fl.emit(Inst::CallPtr {
            dsts: dsts.clone(),
            code,
            args,
        });
        fl.terminate(Term::Return(dsts));
        fl.finish()
    }
}

impl ProgramLower<'_> {
    /// The code of `I.m` (see [`FnLower::iface_method_expr`]): takes the
    /// closure object, the result pointers, the interface value and the
    /// method's arguments.
    fn iface_method_expr_code(&self, it: TypeId, mname: &str, mty: TypeId, index: u32) -> String {
        let name = format!("{}.{mname}$iexpr", self.type_desc(it));
        if self.extra.borrow().iter().any(|f| f.name == name) {
            return name;
        }
        let TypeKind::Func(sig) = self.info.types.kind(mty) else {
            unreachable!("a method without a signature")
        };
        let fs = func_sig(self.info, &self.named, sig);
        let nres = sig
            .results
            .iter()
            .filter(|&&r| !ir_type(self.info, &self.named, r).is_register())
            .count();
        let mut fl = FnLower::new(self, &name);
        fl.f.wrapper = true;
        fl.param(ir::Type::ptr(ir::Type::U8));
        let mut params: Vec<Reg> = fs.params.iter().map(|t| fl.param(t.clone())).collect();
        let iv = fl.reg(ir::Type::Iface);
        fl.f.params.insert(1 + nres, iv);
        let (code, data) = fl.itab_method(iv, index);
        params.insert(nres, data);
        let dsts: Vec<Reg> = fs.results.iter().map(|t| fl.reg(t.clone())).collect();
        fl.f.results = fs.results.clone();
        fl.emit(Inst::CallPtr {
            dsts: dsts.clone(),
            code,
            args: params,
        });
        fl.terminate(Term::Return(dsts));
        self.extra.borrow_mut().push(fl.finish());
        name
    }
}
