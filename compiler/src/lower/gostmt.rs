//! The `go` statement and bound calls.
//!
//! `go f(a, b)` evaluates the function value and the arguments in the
//! current goroutine, then runs the call in a new one. The evaluated call
//! becomes a *bound call*: a `func()` closure object holding the function
//! value and the argument values (memory-typed ones by value, so they
//! outlive the frame), whose code (`<outer>.gowrapN`) loads them and makes
//! the call, discarding any results. Methods need nothing special: `x.M` as
//! a function value is a method value, which evaluates and binds the
//! receiver now, as Go requires.

use goc_abi::sym;

use super::call::CallTarget;
use super::closure::closure_type;
use super::*;
use crate::syntax::ast::{Expr, ExprKind};

impl FnLower<'_, '_> {
    /// `go call`.
    pub(crate) fn go_stmt(&mut self, call: &Expr) {
        let thunk = self.bound_call(call);
        let p = self.retype_ptr(thunk);
        self.rt(sym::NEWPROC, vec![p], vec![]);
    }

    /// The call `call`, with its function value and arguments evaluated
    /// now, as a `func()` value that makes it later.
    pub(crate) fn bound_call(&mut self, call: &Expr) -> Reg {
        let ExprKind::Call {
            func,
            args,
            ellipsis,
            ..
        } = &call.kind
        else {
            unreachable!("checker requires a call")
        };
        let ft = self.etype(func);
        let TypeKind::Func(sig) = self.info.types.under(ft).clone() else {
            unreachable!("call of a non-function")
        };
        let fv = self.expr_reg(func);
        let vals = self.call_args(&sig, args, ellipsis.is_some());

        let mut fields = vec![("fn".to_string(), self.reg_ty(fv).clone())];
        for (i, (_, t)) in vals.iter().enumerate() {
            fields.push((format!("a{i}"), self.ty(*t)));
        }
        let ct = closure_type(fields);
        let name = self.p.gowrap_name(&self.f.name);

        // The code: load the function value and the arguments, call.
        let mut fl = FnLower::new(self.p, &name);
        let raw = fl.param(ir::Type::ptr(ir::Type::U8));
        let obj = fl.reg(ir::Type::ptr(ct.clone()));
        fl.emit(Inst::Copy { dst: obj, src: raw });
        let field = |fl: &mut FnLower, i: u32, t: ir::Type| {
            let fa = fl.reg(ir::Type::ptr(t));
            fl.emit(Inst::FieldAddr {
                dst: fa,
                ptr: obj,
                field: i,
            });
            fa
        };
        let fa = field(&mut fl, 1, self.reg_ty(fv).clone());
        let callee = fl.reg(self.reg_ty(fv).clone());
        fl.emit(Inst::Load {
            dst: callee,
            ptr: fa,
        });
        let mut bound = Vec::new();
        for (i, (_, t)) in vals.iter().enumerate() {
            let fa = field(&mut fl, i as u32 + 2, self.ty(*t));
            let v = fl.load(fa, *t);
            bound.push((v, *t));
        }
        fl.emit_call(CallTarget::Value(callee), None, bound, &sig.results);
        fl.terminate(Term::Return(vec![]));
        self.p.extra.borrow_mut().push(fl.finish());

        // The object: the code, the function value, the arguments.
        let objr = self.reg(ir::Type::ptr(ct.clone()));
        self.emit(Inst::New { dst: objr, ty: ct });
        let store_field = |s: &mut Self, i: u32, v: Val, t: Option<TypeId>| {
            let ty = match (t, v) {
                (Some(t), _) => s.ty(t),
                (None, Val::Reg(r)) => s.reg_ty(r).clone(),
                (None, Val::Mem(_)) => unreachable!(),
            };
            let fa = s.reg(ir::Type::ptr(ty));
            s.emit(Inst::FieldAddr {
                dst: fa,
                ptr: objr,
                field: i,
            });
            match t {
                Some(t) => s.store(&Place::Mem(fa), v, t),
                None => s.emit(Inst::Store {
                    ptr: fa,
                    src: s.as_reg(v),
                }),
            }
        };
        let code = self.reg(ir::Type::ptr(ir::Type::U8));
        self.emit(Inst::FuncAddr {
            dst: code,
            func: name,
        });
        store_field(self, 0, Val::Reg(code), None);
        store_field(self, 1, Val::Reg(fv), None);
        for (i, (v, t)) in vals.into_iter().enumerate() {
            store_field(self, i as u32 + 2, v, Some(t));
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
}

impl ProgramLower<'_> {
    /// A fresh name for the code of a bound call made in `outer`
    /// (`main.main.gowrap1`, as Go names them).
    pub(crate) fn gowrap_name(&self, outer: &str) -> String {
        let mut names = self.closure_names.borrow_mut();
        let n = names.entry(format!("{outer}#gowrap")).or_insert(0);
        *n += 1;
        format!("{outer}.gowrap{n}")
    }
}
