//! Function values: closures (function literals) and declared functions
//! used as values.
//!
//! A function value is a pointer to a closure object whose first word is the
//! code to run. For a literal the object also holds a pointer to the heap
//! cell of every variable it captures (captured variables always live in
//! cells, so the closure and its creator share them, as Go requires); its
//! code is a new IR function that takes the object as its first parameter
//! and binds the cells at entry. A declared function used as a value is a
//! static one-word object (a data object) whose code is a wrapper taking
//! (and ignoring) the object.

use super::*;
use crate::syntax::ast::{Expr, ExprKind};

impl FnLower<'_, '_> {
    /// Builds the closure object of a function literal.
    pub(crate) fn func_lit(&mut self, e: &Expr) -> Reg {
        self.func_lit_in(e, false)
    }

    /// [`FnLower::func_lit`], the closure object in the frame when
    /// `in_frame` (see [`FnLower::thunk`] for when that is allowed).
    pub(crate) fn func_lit_in(&mut self, e: &Expr, in_frame: bool) -> Reg {
        let ExprKind::FuncLit { sig: ft, body } = &e.kind else {
            unreachable!()
        };
        let t = self.etype(e);
        let TypeKind::Func(sig) = self.info.types.under(t).clone() else {
            unreachable!()
        };
        let caps = self.info.captures.get(&e.id).cloned().unwrap_or_default();
        let fields = caps
            .iter()
            .map(|&v| {
                let o = self.info.obj(v);
                (o.name.clone(), ir::Type::ptr(self.ty(self.obj_ty(v))))
            })
            .collect();
        let ct = closure_type(fields);
        let name = self.p.closure_name(&self.f.name);
        let code = self
            .p
            .build_func(&name, &sig, ft, Some(body), None, Some((ct.clone(), &caps)));
        self.p.extra.borrow_mut().push(code);
        let cells: Vec<Reg> = caps
            .iter()
            .map(|&v| match self.loc(v) {
                Loc::Mem(cell) => cell,
                _ => unreachable!("captured variable not in a cell"),
            })
            .collect();
        self.make_closure_in(name, &ct, &cells, t, !in_frame)
    }

    /// A new closure object of type `ct`: the code address of `code`, then
    /// `words`; returned as a function value of Go type `ft`.
    pub(crate) fn make_closure(
        &mut self,
        code: String,
        ct: &ir::Type,
        words: &[Reg],
        ft: TypeId,
    ) -> Reg {
        self.make_closure_in(code, ct, words, ft, true)
    }

    /// [`FnLower::make_closure`], the object on the heap or in the frame.
    fn make_closure_in(
        &mut self,
        code: String,
        ct: &ir::Type,
        words: &[Reg],
        ft: TypeId,
        heap: bool,
    ) -> Reg {
        if words.is_empty() {
            return self.static_closure(code, ft);
        }
        let obj = self.alloc_var(ct, heap);
        self.store_field(obj, 0, |fl| {
            let a = fl.reg(ir::Type::ptr(ir::Type::U8));
            fl.emit(Inst::FuncAddr { dst: a, func: code });
            a
        });
        for (i, &w) in words.iter().enumerate() {
            self.store_field(obj, i as u32 + 1, |_| w);
        }
        let fv = self.reg(self.ty(ft));
        self.emit(Inst::Copy { dst: fv, src: obj });
        fv
    }

    /// A function value without captured words: a read-only closure
    /// object holding just the code address, one per code, so that making
    /// it allocates nothing (as in Go).
    fn static_closure(&mut self, code: String, ft: TypeId) -> Reg {
        let name = format!("{code}$closure");
        if !self.p.data.borrow().iter().any(|d| d.name == name) {
            self.p.push_data(&name, vec![ir::DataItem::Addr(code)]);
        }
        let obj = self.reg(ir::Type::ptr(ir::Type::U8));
        self.emit(Inst::GlobalAddr { dst: obj, name });
        let fv = self.reg(self.ty(ft));
        self.emit(Inst::Copy { dst: fv, src: obj });
        fv
    }

    /// A `func()` value that runs `body` later on copies of `vals` taken
    /// now: a closure object holding the values (memory-typed ones copied
    /// into it), whose code, the wrapper function `name`, loads them and
    /// runs `body`. The bound calls of `go` and `defer` are made of this.
    ///
    /// A value with no Go type (`None`) is a register stored as is. With
    /// `in_frame` the object lives in this function's frame: only for a
    /// thunk that cannot outlive the activation and is made at most once
    /// per activation (a `defer` outside loops).
    pub(crate) fn thunk(
        &mut self,
        name: String,
        vals: Vec<(Val, Option<TypeId>)>,
        in_frame: bool,
        body: impl FnOnce(&mut FnLower, Vec<(Val, Option<TypeId>)>),
    ) -> Reg {
        let field_ty = |fl: &Self, v: Val, t: Option<TypeId>| match (t, v) {
            (Some(t), _) => fl.ty(t),
            (None, v) => fl.reg_ty(fl.as_reg(v)).clone(),
        };
        let fields: Vec<(String, ir::Type)> = vals
            .iter()
            .enumerate()
            .map(|(i, &(v, t))| (format!("a{i}"), field_ty(self, v, t)))
            .collect();
        let ct = closure_type(fields.clone());

        // The code: load the values, run the body.
        let mut fl = FnLower::new(self.p, &name);
        fl.f.wrapper = true;
        let obj = fl.param(ir::Type::ptr(ct.clone()));
        let loaded = fields
            .iter()
            .zip(&vals)
            .enumerate()
            .map(|(i, ((_, ft), &(_, t)))| {
                let fa = fl.reg(ir::Type::ptr(ft.clone()));
                fl.emit(Inst::FieldAddr {
                    dst: fa,
                    ptr: obj,
                    field: i as u32 + 1,
                });
                let v = match t {
                    Some(t) => fl.load(fa, t),
                    None => {
                        let r = fl.reg(ft.clone());
                        fl.emit(Inst::Load { dst: r, ptr: fa });
                        Val::Reg(r)
                    }
                };
                (v, t)
            })
            .collect();
        body(&mut fl, loaded);
        fl.terminate(Term::Return(vec![]));
        self.p.extra.borrow_mut().push(fl.finish());

        // The object: the code, then the values.
        let objr = self.alloc_var(&ct, !in_frame);
        self.store_field(objr, 0, |fl| {
            let a = fl.reg(ir::Type::ptr(ir::Type::U8));
            fl.emit(Inst::FuncAddr { dst: a, func: name });
            a
        });
        for (i, ((v, t), (_, ft))) in vals.into_iter().zip(fields).enumerate() {
            let fa = self.reg(ir::Type::ptr(ft));
            self.emit(Inst::FieldAddr {
                dst: fa,
                ptr: objr,
                field: i as u32 + 1,
            });
            match t {
                Some(t) => self.store(&Place::Mem(fa), v, t),
                None => {
                    let src = self.as_reg(v);
                    self.emit(Inst::Store { ptr: fa, src });
                }
            }
        }
        let thunk = self.reg(ir::Type::Func(Box::new(ir::FuncSig {
            params: vec![],
            results: vec![],
        })));
        self.emit(Inst::Copy {
            dst: thunk,
            src: objr,
        });
        thunk
    }

    /// `(*obj).field = value()`.
    fn store_field(&mut self, obj: Reg, field: u32, value: impl FnOnce(&mut Self) -> Reg) {
        let v = value(self);
        let ft = self.reg_ty(v).clone();
        let fa = self.reg(ir::Type::ptr(ft));
        self.emit(Inst::FieldAddr {
            dst: fa,
            ptr: obj,
            field,
        });
        self.emit(Inst::Store { ptr: fa, src: v });
    }

    /// In a closure's code: the captured variables are the cells its
    /// closure object points to.
    pub(crate) fn bind_captures(&mut self, ctx: Reg, caps: &[ObjId]) {
        for (i, &v) in caps.iter().enumerate() {
            let t = ir::Type::ptr(self.ty(self.obj_ty(v)));
            let fa = self.reg(ir::Type::ptr(t.clone()));
            self.emit(Inst::FieldAddr {
                dst: fa,
                ptr: ctx,
                field: i as u32 + 1,
            });
            let cell = self.reg(t);
            self.emit(Inst::Load { dst: cell, ptr: fa });
            self.vars.insert(v, Loc::Mem(cell));
        }
    }

    /// A declared function as a value.
    /// Declared function `symbol` of Go type `ty` as a function value.
    pub(crate) fn func_value(&mut self, symbol: &str, ty: TypeId) -> Reg {
        // A static one-word closure object: nothing to allocate.
        let wrapper = self.p.wrapper(symbol, ty);
        let obj_name = format!("{wrapper}.obj");
        if !self.p.data.borrow().iter().any(|d| d.name == obj_name) {
            self.p.data.borrow_mut().push(ir::Data {
                name: obj_name.clone(),
                items: vec![ir::DataItem::Addr(wrapper)],
            });
        }
        let obj = self.reg(ir::Type::ptr(ir::Type::U8));
        self.emit(Inst::GlobalAddr {
            dst: obj,
            name: obj_name,
        });
        let fv = self.reg(self.ty(ty));
        self.emit(Inst::Copy { dst: fv, src: obj });
        fv
    }
}

/// The type of a closure object: the code address, then the given fields.
pub(crate) fn closure_type(fields: Vec<(String, ir::Type)>) -> ir::Type {
    let mut all = vec![ir::Field {
        name: "F".into(),
        ty: ir::Type::ptr(ir::Type::U8),
    }];
    all.extend(fields.into_iter().map(|(name, ty)| ir::Field { name, ty }));
    ir::Type::Struct(all)
}

impl ProgramLower<'_> {
    /// A fresh name for a closure of the function `outer`, as Go names
    /// it: `main.f.func1` in a declared function, `main.f.func1.1` in
    /// another closure.
    pub(crate) fn closure_name(&self, outer: &str) -> String {
        let mut names = self.closure_names.borrow_mut();
        let nested = names.contains_key(&format!("{outer}#closure"));
        let n = names.entry(outer.to_string()).or_insert(0);
        *n += 1;
        let name = if nested {
            format!("{outer}.{n}")
        } else {
            format!("{outer}.func{n}")
        };
        names.insert(format!("{name}#closure"), 0);
        name
    }

    /// The wrapper that lets a declared function be called as a function
    /// value: it takes the closure object first and calls the function.
    pub(crate) fn wrapper(&self, symbol: &str, ty: TypeId) -> String {
        if let Some(w) = self.wrappers.borrow().get(symbol) {
            return w.clone();
        }
        let TypeKind::Func(sig) = self.info.types.kind(ty) else {
            unreachable!()
        };
        let fs = func_sig(self.info, &self.named, sig);
        let name = format!("{symbol}$fv");
        let mut fl = FnLower::new(self, &name);
        fl.f.wrapper = true;
        fl.param(ir::Type::ptr(ir::Type::U8));
        let args: Vec<Reg> = fs.params.iter().map(|t| fl.param(t.clone())).collect();
        let dsts: Vec<Reg> = fs.results.iter().map(|t| fl.reg(t.clone())).collect();
        fl.f.results = fs.results.clone();
        fl.emit(Inst::Call {
            dsts: dsts.clone(),
            func: symbol.to_string(),
            args,
        });
        fl.terminate(Term::Return(dsts));
        self.extra.borrow_mut().push(fl.finish());
        self.wrappers
            .borrow_mut()
            .insert(symbol.to_string(), name.clone());
        name
    }
}
