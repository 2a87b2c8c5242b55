//! Calls: the callee (function, method, conversion or builtin) and the
//! arguments checked against its signature, variadic and multi-valued
//! forms included.

use super::expr::*;
use super::ty::*;
use super::*;
use crate::syntax::ast::Expr;

impl Checker<'_> {
    pub(super) fn call(
        &mut self,
        e: &Expr,
        func: &Expr,
        args: &[Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
    ) -> Operand {
        if let Some((obj, targs)) = self.generic_callee(func) {
            return self.generic_call(e, func, obj, targs, args, ellipsis, rparen);
        }
        let fo = self.expr_multi(func);
        match fo.mode {
            Mode::Type => {
                if fo.ty == T_INVALID {
                    for a in args {
                        self.expr(a);
                    }
                    return Operand::invalid();
                }
                return self.conversion(e, fo.ty, args);
            }
            Mode::Builtin(b) => return self.builtin(e, b, args, ellipsis, rparen),
            _ => {}
        }
        let fo = self.single_value(func, fo);
        if fo.ty == T_INVALID {
            for a in args {
                self.expr_multi(a);
            }
            return Operand::invalid();
        }
        let TypeKind::Func(sig) = self.info.types.under(fo.ty).clone() else {
            let s = self.operand_str(func, &fo);
            let tn = self.tname(fo.ty);
            self.error(
                e.pos,
                format!("invalid operation: cannot call {s}: {tn} is not a function"),
            );
            return Operand::invalid();
        };
        let fname = self.expr_str(func);
        self.call_args(
            &sig,
            args,
            ellipsis,
            rparen,
            &format!("argument to {fname}"),
            &format!("call to {fname}"),
        );
        match sig.results.len() {
            0 => Operand {
                mode: Mode::NoValue,
                ty: T_INVALID,
            },
            1 => Operand::value(sig.results[0]),
            _ => {
                let t = self.tys().tuple(sig.results.clone());
                Operand::value(t)
            }
        }
    }

    /// Checks the arguments of a call against a signature.
    pub(super) fn call_args(
        &mut self,
        sig: &Signature,
        args: &[Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
        ctx: &str,
        what: &str,
    ) {
        let ops = self.eval_args(args);
        self.check_args(sig, args, ops, ellipsis, rparen, ctx, what);
    }

    /// The operands of a call's arguments, each with the index of the
    /// argument it comes from (a single multi-valued call spreads).
    pub(super) fn eval_args(&mut self, args: &[Expr]) -> Vec<(Operand, usize)> {
        let mut ops: Vec<(Operand, usize)> = Vec::new();
        if args.len() == 1 {
            let o = self.expr_multi(&args[0]);
            if let TypeKind::Tuple(ts) = self.info.types.kind(o.ty).clone() {
                for t in ts {
                    ops.push((Operand::value(t), 0));
                }
            } else {
                let o = self.single_value(&args[0], o);
                ops.push((o, 0));
            }
        } else {
            for (i, a) in args.iter().enumerate() {
                let o = self.expr(a);
                ops.push((o, i));
            }
        }
        ops
    }

    /// Checks evaluated arguments against a signature.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn check_args(
        &mut self,
        sig: &Signature,
        args: &[Expr],
        ops: Vec<(Operand, usize)>,
        ellipsis: Option<Pos>,
        rparen: Pos,
        ctx: &str,
        what: &str,
    ) {
        if ops
            .iter()
            .any(|(o, _)| o.ty == T_INVALID && o.mode != Mode::NoValue)
        {
            return;
        }
        let np = sig.params.len();
        let spread = args.len() == 1 && ops.len() > 1;
        let count_ok = if sig.variadic && ellipsis.is_none() {
            ops.len() + 1 >= np
        } else {
            ops.len() == np
        };
        if let (Some(at), false) = (ellipsis, sig.variadic) {
            self.error(
                at,
                format!(
                    "have (...) but function is not variadic: {}",
                    what.trim_start_matches("call to ")
                ),
            );
            return;
        }
        if !count_ok {
            let have: Vec<String> = ops
                .iter()
                .map(|(o, _)| {
                    if self.info.types.is_untyped(o.ty)
                        && o.constant().is_some()
                        && !self.info.types.is_boolean(o.ty)
                        && !self.info.types.is_string(o.ty)
                    {
                        "number".to_string()
                    } else {
                        self.tname(o.ty)
                    }
                })
                .collect();
            let mut want = String::new();
            self.info.types.write_sig(sig, self.pkg_name(), &mut want);
            let want = match want.find(')') {
                Some(i) => want[..=i].to_string(),
                None => want,
            };
            let (msg, pos) = if ops.len() < np {
                (
                    "not enough arguments",
                    args.last().map_or(rparen, |a| a.pos),
                )
            } else {
                let extra = if spread {
                    &args[0]
                } else {
                    &args[np.min(args.len() - 1)]
                };
                ("too many arguments", extra.pos)
            };
            self.error(
                pos,
                format!(
                    "{msg} in {what}\n\thave ({})\n\twant {want}",
                    have.join(", ")
                ),
            );
            return;
        }
        for (k, (o, ai)) in ops.iter().enumerate() {
            let pt = if sig.variadic && k >= np - 1 {
                let last = sig.params[np - 1];
                if ellipsis.is_some() {
                    last
                } else {
                    match self.info.types.kind(last) {
                        TypeKind::Slice(el) => *el,
                        _ => last,
                    }
                }
            } else {
                sig.params[k]
            };
            if spread {
                if !self.assignable_type(o.ty, pt) {
                    let s = self.operand_str(&args[0], &Operand::value(o.ty));
                    let tn = self.tname(pt);
                    self.error(
                        args[0].pos,
                        format!("cannot use {s} as {tn} value in {ctx}"),
                    );
                }
            } else {
                self.assignable(&args[*ai], o, pt, ctx);
            }
        }
    }
}
