//! The `go` statement and bound calls.
//!
//! `go f(a, b)` evaluates the function value and the arguments in the
//! current goroutine, then runs the call in a new one. The evaluated call
//! becomes a *bound call*: a `func()` closure object holding the function
//! value and the argument values (memory-typed ones by value, so they
//! outlive the frame), whose code (`<outer>.gowrapN`) loads them and makes
//! the call, discarding any results. A method call `x.M(...)` of a concrete
//! type binds the receiver (evaluated now, a copy for value receivers, as
//! Go requires) and calls the method directly; other callees (interface
//! methods included, as method values) are bound as function values.
//! Builtins that may stand as statements
//! bind their evaluated operands the same way. `defer` (defer.rs) uses
//! the same bound calls; their code is a wrapper, transparent to
//! `recover()`.

use goc_abi::sym;

use super::call::CallTarget;
use super::expr::unparen;
use super::method::MethodRef;
use super::*;
use crate::syntax::ast::{Expr, ExprKind};
use crate::types::ty::T_EMPTY_IFACE;
use crate::types::{Builtin, Mode};

impl FnLower<'_, '_> {
    /// `go call`.
    pub(crate) fn go_stmt(&mut self, call: &Expr) {
        let thunk = self.bound_call(call, "gowrap", false);
        let p = self.retype_ptr(thunk);
        self.rt(sym::NEWPROC, vec![p], vec![]);
    }

    /// The call `call`, with its function value (or method and receiver)
    /// and arguments evaluated now, as a `func()` value that makes it
    /// later; its code is the wrapper `<outer>.<kind>N` (`gowrap`,
    /// `deferwrap`, as Go names them). `in_frame` as for
    /// [`FnLower::thunk`].
    pub(crate) fn bound_call(&mut self, call: &Expr, kind: &str, in_frame: bool) -> Reg {
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
        if let Mode::Builtin(b) = self.einfo(func.id).mode.clone() {
            return self.bound_builtin(name, b, args, in_frame);
        }
        let ft = self.etype(func);
        let TypeKind::Func(sig) = self.info.types.under(ft).clone() else {
            unreachable!("call of a non-function")
        };
        // A method of a concrete type is bound with its receiver (no
        // method value to make); anything else through its function value.
        let callee = unparen(func);
        let method = match &callee.kind {
            ExprKind::Selector(x, _) => self
                .selection(callee.id)
                .cloned()
                .and_then(|sel| Some((x, sel.method.clone().filter(|m| !m.expr)?, sel))),
            _ => None,
        };
        let (target, mut vals) = match method {
            Some((x, m, sel)) => {
                let symbol = self.p.method_symbol(MethodRef::of(&m));
                let recv = self.receiver_arg(x, &sel, &m);
                // A value receiver of struct or array type is the address
                // of a frame copy: bind the value itself.
                let (base, ptr_recv) = (m.recv, m.ptr_recv);
                let bound = if !ptr_recv && !self.ty(base).is_register() {
                    (Val::Mem(recv), Some(base))
                } else {
                    (Val::Reg(recv), None)
                };
                (Some(symbol), vec![bound])
            }
            None => (None, vec![(Val::Reg(self.expr_reg(func)), Some(ft))]),
        };
        let args = self.call_args(&sig, args, ellipsis.is_some());
        vals.extend(args.into_iter().map(|(v, t)| (v, Some(t))));
        self.thunk(name, vals, in_frame, move |fl, mut vals| {
            let (first, _) = vals.remove(0);
            let first = fl.as_reg(first);
            let args = vals.into_iter().map(|(v, t)| (v, t.unwrap())).collect();
            match target {
                Some(symbol) => {
                    fl.emit_call(CallTarget::Direct(symbol), Some(first), args, &sig.results)
                }
                None => fl.emit_call(CallTarget::Value(first), None, args, &sig.results),
            };
        })
    }

    /// A bound call of a builtin that may stand as a statement: the
    /// operands now, the operation later. (`recover()` bound this way
    /// never recovers: its caller is a wrapper.)
    fn bound_builtin(&mut self, name: String, b: Builtin, args: &[Expr], in_frame: bool) -> Reg {
        let typed = |fl: &mut Self, a: &Expr| {
            let t = fl.etype(a);
            (Val::Reg(fl.expr_reg(a)), Some(t))
        };
        let reg = |fl: &FnLower, v: Val| fl.as_reg(v);
        match b {
            Builtin::Print | Builtin::Println => {
                let vals = self.print_args(args);
                let vals = vals
                    .into_iter()
                    .map(|(r, t)| (Val::Reg(r), Some(t)))
                    .collect();
                self.thunk(name, vals, in_frame, move |fl, vals| {
                    let vals = vals
                        .into_iter()
                        .map(|(v, t)| (reg(fl, v), t.unwrap()))
                        .collect();
                    fl.print_vals(vals, b == Builtin::Println);
                })
            }
            Builtin::Panic => {
                let e = self.panic_arg(&args[0]);
                let vals = vec![(Val::Reg(e), Some(T_EMPTY_IFACE))];
                self.thunk(name, vals, in_frame, move |fl, v| {
                    let e = reg(fl, v[0].0);
                    fl.panic_eface(e);
                })
            }
            Builtin::Copy => {
                let vals = vec![typed(self, &args[0]), typed(self, &args[1])];
                self.thunk(name, vals, in_frame, move |fl, v| {
                    let dst = fl.reg(ir::Type::I64);
                    let (to, from) = (reg(fl, v[0].0), reg(fl, v[1].0));
                    fl.emit(Inst::CopySlice { dst, to, from });
                })
            }
            Builtin::Clear => {
                let t = self.etype(&args[0]);
                let vals = vec![typed(self, &args[0])];
                self.thunk(name, vals, in_frame, move |fl, v| {
                    let s = reg(fl, v[0].0);
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
                self.thunk(name, vec![m, (k, Some(kt))], in_frame, move |fl, v| {
                    let m = reg(fl, v[0].0);
                    let key = fl.key_addr_of(v[1].0, kt);
                    fl.map_delete_at(mt, m, key);
                })
            }
            Builtin::Close => {
                let vals = vec![typed(self, &args[0])];
                self.thunk(name, vals, in_frame, move |fl, v| {
                    let c = reg(fl, v[0].0);
                    fl.chan_builtin(sym::CLOSECHAN, c);
                })
            }
            Builtin::Recover => self.thunk(name, vec![], in_frame, |_, _| {}),
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
