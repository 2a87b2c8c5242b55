//! The `go` statement and bound calls.
//!
//! `go f(a, b)` evaluates the function value and the arguments in the
//! current goroutine, then runs the call in a new one. The evaluated call
//! becomes a *bound call*: a `func()` closure object holding the function
//! value and the argument values (memory-typed ones by value, so they
//! outlive the frame), whose code (`<outer>.gowrapN`) loads them and makes
//! the call, discarding any results. Methods need nothing special: `x.M` as
//! a function value is a method value, which evaluates and binds the
//! receiver now, as Go requires. Builtins that may stand as statements
//! bind their evaluated operands the same way. `defer` (defer.rs) uses
//! the same bound calls; their code is a wrapper, transparent to
//! `recover()`.

use goc_abi::sym;

use super::call::CallTarget;
use super::*;
use crate::syntax::ast::{Expr, ExprKind};
use crate::types::ty::T_EMPTY_IFACE;
use crate::types::{Builtin, Mode};

impl FnLower<'_, '_> {
    /// `go call`.
    pub(crate) fn go_stmt(&mut self, call: &Expr) {
        let thunk = self.bound_call(call, "gowrap");
        let p = self.retype_ptr(thunk);
        self.rt(sym::NEWPROC, vec![p], vec![]);
    }

    /// The call `call`, with its function value and arguments evaluated
    /// now, as a `func()` value that makes it later; its code is the
    /// wrapper `<outer>.<kind>N` (`gowrap`, `deferwrap`, as Go names them).
    pub(crate) fn bound_call(&mut self, call: &Expr, kind: &str) -> Reg {
        let ExprKind::Call {
            func,
            args,
            ellipsis,
            ..
        } = &call.kind
        else {
            unreachable!("checker requires a call")
        };
        let name = self.p.wrap_name(&self.f.name, kind);
        if let Mode::Builtin(b) = self.info.expr(func.id).mode.clone() {
            return self.bound_builtin(name, b, args);
        }
        let ft = self.etype(func);
        let TypeKind::Func(sig) = self.info.types.under(ft).clone() else {
            unreachable!("call of a non-function")
        };
        let fv = self.expr_reg(func);
        let mut vals = vec![(Val::Reg(fv), ft)];
        vals.extend(self.call_args(&sig, args, ellipsis.is_some()));
        self.thunk(name, vals, |fl, mut vals| {
            let (callee, _) = vals.remove(0);
            let callee = fl.as_reg(callee);
            fl.emit_call(CallTarget::Value(callee), None, vals, &sig.results);
        })
    }

    /// A bound call of a builtin that may stand as a statement: the
    /// operands now, the operation later. (`recover()` bound this way
    /// never recovers: its caller is a wrapper.)
    fn bound_builtin(&mut self, name: String, b: Builtin, args: &[Expr]) -> Reg {
        let typed = |fl: &mut Self, a: &Expr| {
            let t = fl.etype(a);
            (Val::Reg(fl.expr_reg(a)), t)
        };
        match b {
            Builtin::Print | Builtin::Println => {
                let vals = self.print_args(args);
                let vals = vals.into_iter().map(|(r, t)| (Val::Reg(r), t)).collect();
                self.thunk(name, vals, move |fl, vals| {
                    let vals = vals.into_iter().map(|(v, t)| (fl.as_reg(v), t)).collect();
                    fl.print_vals(vals, b == Builtin::Println);
                })
            }
            Builtin::Panic => {
                let e = self.panic_arg(&args[0]);
                self.thunk(name, vec![(Val::Reg(e), T_EMPTY_IFACE)], |fl, v| {
                    let e = fl.as_reg(v[0].0);
                    fl.panic_eface(e);
                })
            }
            Builtin::Copy => {
                let vals = vec![typed(self, &args[0]), typed(self, &args[1])];
                self.thunk(name, vals, |fl, v| {
                    let dst = fl.reg(ir::Type::I64);
                    let (to, from) = (fl.as_reg(v[0].0), fl.as_reg(v[1].0));
                    fl.emit(Inst::CopySlice { dst, to, from });
                })
            }
            Builtin::Clear => {
                let vals = vec![typed(self, &args[0])];
                self.thunk(name, vals, |fl, v| {
                    let (s, t) = (fl.as_reg(v[0].0), v[0].1);
                    if matches!(fl.info.types.under(t), TypeKind::Map(..)) {
                        fl.map_clear(t, s);
                    } else {
                        fl.clear_slice(s);
                    }
                })
            }
            Builtin::Delete => {
                let mt = self.etype(&args[0]);
                let TypeKind::Map(kt, _) = self.info.types.under(mt).clone() else {
                    unreachable!()
                };
                let m = typed(self, &args[0]);
                let k = self.expr_for(&args[1], kt);
                self.thunk(name, vec![m, (k, kt)], move |fl, v| {
                    let m = fl.as_reg(v[0].0);
                    let key = fl.key_addr_of(v[1].0, kt);
                    fl.map_delete_at(mt, m, key);
                })
            }
            Builtin::Close => {
                let vals = vec![typed(self, &args[0])];
                self.thunk(name, vals, |fl, v| {
                    let c = fl.as_reg(v[0].0);
                    fl.chan_builtin(sym::CLOSECHAN, c);
                })
            }
            Builtin::Recover => self.thunk(name, vec![], |_, _| {}),
            _ => unreachable!("the checker rejects binding {}", b.name()),
        }
    }
}

impl ProgramLower<'_> {
    /// A fresh name for the code of a bound call made in `outer`
    /// (`main.main.gowrap1`, `main.f.deferwrap2`, as Go names them).
    pub(crate) fn wrap_name(&self, outer: &str, kind: &str) -> String {
        let mut names = self.closure_names.borrow_mut();
        let n = names.entry(format!("{outer}#{kind}")).or_insert(0);
        *n += 1;
        format!("{outer}.{kind}{n}")
    }
}
