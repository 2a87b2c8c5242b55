//! Range over functions: `for k, v := range seq { body }` with `seq` a
//! `func(yield func(K, V) bool)`.
//!
//! The body becomes the yield function, a closure (named like the function
//! literals of the enclosing function) whose parameters are the iteration
//! values; the checker treated the body as a function literal, so whatever
//! of the enclosing function it uses lives in cells the closure points to.
//! The loop calls `seq` with it. Control leaving the body is recorded in a
//! cell the enclosing function reads when `seq` returns:
//!
//! - the end of the body and `continue`: yield returns true;
//! - `break`: yield returns false (`NEXT_BREAK`);
//! - `return`: the values go to cells of the enclosing function's results,
//!   yield returns false and the enclosing function returns them
//!   (`NEXT_RETURN`, or `NEXT_RETURN_BARE` for a bare return);
//! - `break L` / `continue L` of a loop around the range statement: a code
//!   per label, dispatched to that loop when `seq` returns.
//!
//! A second cell holds the loop's state, which catches misbehaving
//! iterators with Go's run-time errors: yield called again after it
//! returned false (`READY` -> `DONE`), after `seq` returned (`EXHAUSTED`),
//! or after the body panicked (`BODY` left set), and `seq` returning
//! normally after a body panic it recovered. Nested range-over-function
//! loops pass the outermost result cells down, and a code that leaves an
//! inner body beyond its own loop is handed on outwards.
//! `defer` and `goto` in such a body are not supported yet (the checker
//! says so).

use goc_abi::sym;

use super::call::CallTarget;
use super::closure::closure_type;
use super::*;
use crate::ir::BinaryOp;
use crate::syntax::ast::Expr;
use crate::types::Signature;

const READY: i64 = 0;
const BODY: i64 = 1;
const DONE: i64 = 2;
const EXHAUSTED: i64 = 3;

const NEXT_BREAK: i64 = 1;
const NEXT_RETURN: i64 = 2;
const NEXT_RETURN_BARE: i64 = 3;
/// `break` of the i-th labelled enclosing loop is `NEXT_LABELS + 2i`, its
/// `continue` the code after it.
const NEXT_LABELS: i64 = 4;

/// What a yield function made from a loop body knows of its loop.
#[derive(Clone)]
pub(crate) struct RangeBody {
    /// Pointers to the loop's state and exit-code cells.
    state: Reg,
    next: Reg,
    /// Pointers to cells for the enclosing function's results.
    ret: Vec<Reg>,
}

impl FnLower<'_, '_> {
    pub(crate) fn range_func(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &ast::Block,
        label: Option<String>,
    ) {
        let seq_t = self.etype(x);
        let TypeKind::Func(seq_sig) = self.info.types.under(seq_t).clone() else {
            unreachable!("range over a non-function")
        };
        let yield_t = seq_sig.params[0];
        let TypeKind::Func(ysig) = self.info.types.under(yield_t).clone() else {
            unreachable!("yield of a non-function type")
        };
        let seq = self.expr_reg(x);
        let state = self.int_cell(READY);
        let next = self.int_cell(0);
        let ret = match &self.range_body {
            Some(rb) => rb.ret.clone(),
            None => {
                let results = self.go_results.clone();
                results
                    .iter()
                    .map(|&t| {
                        let it = self.ty(t);
                        self.alloc_var(&it, true)
                    })
                    .collect()
            }
        };
        // The enclosing loops a labelled break or continue may leave to.
        let outer: Vec<(String, BlockId, Option<BlockId>)> = self
            .targets
            .iter()
            .filter_map(|t| Some((t.label.clone()?, t.brk, t.cont)))
            .collect();
        let caps = self.info.captures.get(&x.id).cloned().unwrap_or_default();
        let mut fields: Vec<(String, ir::Type)> = caps
            .iter()
            .map(|&v| {
                let name = self.info.obj(v).name.clone();
                (name, ir::Type::ptr(self.ty(self.obj_ty(v))))
            })
            .collect();
        fields.push(("state".into(), ir::Type::ptr(ir::Type::I64)));
        fields.push(("next".into(), ir::Type::ptr(ir::Type::I64)));
        for (i, &r) in ret.iter().enumerate() {
            fields.push((format!("r{i}"), self.reg_ty(r).clone()));
        }
        let ct = closure_type(fields);
        let name = self.p.closure_name(&self.f.name);
        let code = self.yield_func(
            &name,
            &ct,
            &caps,
            &ysig,
            (key, value, define),
            body,
            label,
            &outer,
        );
        self.p.extra.borrow_mut().push(code);
        let mut words: Vec<Reg> = caps
            .iter()
            .map(|&v| match self.loc(v) {
                Loc::Mem(cell) => cell,
                _ => unreachable!("captured variable not in a cell"),
            })
            .collect();
        words.push(state);
        words.push(next);
        words.extend(&ret);
        let yf = self.make_closure(name, &ct, &words, yield_t);
        self.emit_call(
            CallTarget::Value(seq),
            None,
            vec![(Val::Reg(yf), yield_t)],
            &[],
        );
        // `seq` returned: not while a body was running (it recovered the
        // body's panic).
        let st = self.load_int(state);
        let body_k = self.int(BODY);
        let unfinished = self.cmp(BinaryOp::Eq, st, body_k);
        self.panic_if(
            unfinished,
            "range function recovered a loop body panic and did not resume panicking",
        );
        self.store_int(state, EXHAUSTED);
        // Where control goes: after the loop, out of the function, or to
        // an enclosing loop.
        let code = self.load_int(next);
        let end = self.new_block();
        let mut exits: Vec<(i64, BlockId)> = Vec::new();
        for c in [NEXT_RETURN, NEXT_RETURN_BARE] {
            exits.push((c, self.new_block()));
        }
        for (i, (_, brk, cont)) in outer.iter().enumerate() {
            exits.push((NEXT_LABELS + 2 * i as i64, *brk));
            if let Some(c) = cont {
                exits.push((NEXT_LABELS + 2 * i as i64 + 1, *c));
            }
        }
        for &(c, b) in &exits {
            let k = self.int(c);
            let hit = self.cmp(BinaryOp::Eq, code, k);
            let no = self.new_block();
            self.branch(hit, b, no);
            self.switch_to(no);
        }
        self.jump(end);
        // The two returns.
        self.switch_to(exits[0].1);
        match self.range_body.clone() {
            Some(rb) => self.leave_body(&rb, NEXT_RETURN),
            None => {
                let results = self.go_results.clone();
                let vals: Vec<Val> = ret
                    .iter()
                    .zip(&results)
                    .map(|(&cell, &t)| self.load(cell, t))
                    .collect();
                self.return_vals(vals);
            }
        }
        self.switch_to(exits[1].1);
        match self.range_body.clone() {
            Some(rb) => self.leave_body(&rb, NEXT_RETURN_BARE),
            // A bare return needs no results or named ones.
            None if self.go_results.is_empty() || !self.named_results.is_empty() => {
                self.return_values(None)
            }
            None => self.terminate(Term::Unreachable),
        }
        self.switch_to(end);
    }

    /// The yield function: the loop body with the iteration values as
    /// parameters.
    #[allow(clippy::too_many_arguments)]
    fn yield_func(
        &self,
        name: &str,
        ct: &ir::Type,
        caps: &[ObjId],
        ysig: &Signature,
        (key, value, define): (Option<&Expr>, Option<&Expr>, bool),
        body: &ast::Block,
        label: Option<String>,
        outer: &[(String, BlockId, Option<BlockId>)],
    ) -> ir::Func {
        let mut fl = FnLower::new(self.p, name);
        fl.go_results = self.go_results.clone();
        let ctx = fl.param(ir::Type::ptr(ct.clone()));
        let mut vals = Vec::new();
        for &t in &ysig.params {
            let it = fl.ty(t);
            let v = if it.is_register() {
                Val::Reg(fl.param(it))
            } else {
                Val::Mem(fl.param(ir::Type::ptr(it)))
            };
            vals.push((v, t));
        }
        fl.f.results = vec![ir::Type::Bool];
        fl.bind_captures(ctx, caps);
        // The loop's cells follow the captured variables in the object.
        let n = caps.len() as u32 + 1;
        let state = fl.load_field(ctx, n, ir::Type::ptr(ir::Type::I64));
        let next = fl.load_field(ctx, n + 1, ir::Type::ptr(ir::Type::I64));
        let ret_types: Vec<ir::Type> = match &self.range_body {
            Some(parent) => parent.ret.iter().map(|&r| self.reg_ty(r).clone()).collect(),
            None => self
                .go_results
                .iter()
                .map(|&t| ir::Type::ptr(self.ty(t)))
                .collect(),
        };
        let ret: Vec<Reg> = ret_types
            .into_iter()
            .enumerate()
            .map(|(i, t)| fl.load_field(ctx, n + 2 + i as u32, t))
            .collect();
        let rb = RangeBody { state, next, ret };
        // Called again after the loop ended, or after a body panicked.
        let st = fl.load_int(state);
        for (s, msg) in [
            (
                DONE,
                "range function continued iteration after function for loop body returned false",
            ),
            (
                BODY,
                "range function continued iteration after loop body panic",
            ),
            (
                EXHAUSTED,
                "range function continued iteration after whole loop exit",
            ),
        ] {
            let k = fl.int(s);
            let bad = fl.cmp(BinaryOp::Eq, st, k);
            fl.panic_if(bad, msg);
        }
        fl.store_int(state, BODY);
        let bound: Vec<(Option<&Expr>, Val, TypeId)> = [key, value]
            .into_iter()
            .zip(vals)
            .map(|(e, (v, t))| {
                let v = fl.copy_val(v, t);
                (e, v, t)
            })
            .collect();
        fl.bind_range_vars(bound, define);
        // Leaving the body: to an enclosing loop, out of this loop, or on.
        for (i, (l, _, cont)) in outer.iter().enumerate() {
            let brk = fl.exit_block(&rb, NEXT_LABELS + 2 * i as i64);
            let cont = cont.map(|_| fl.exit_block(&rb, NEXT_LABELS + 2 * i as i64 + 1));
            fl.targets.push(Target {
                label: Some(l.clone()),
                brk,
                cont,
            });
        }
        let brk = fl.exit_block(&rb, NEXT_BREAK);
        let cont = fl.new_block();
        fl.targets.push(Target {
            label,
            brk,
            cont: Some(cont),
        });
        fl.range_body = Some(rb.clone());
        fl.collect_labels(&body.stmts);
        fl.stmts(&body.stmts);
        fl.jump(cont);
        fl.switch_to(cont);
        fl.store_int(rb.state, READY);
        let t = fl.konst(ir::Type::Bool, Const::Bool(true));
        fl.terminate(Term::Return(vec![t]));
        fl.finish()
    }

    /// A block that leaves the body with exit code `code`.
    fn exit_block(&mut self, rb: &RangeBody, code: i64) -> BlockId {
        let b = self.new_block();
        let here = self.cur;
        self.switch_to(b);
        self.leave_body(rb, code);
        self.switch_to(here);
        b
    }

    /// Ends the yield function: the loop is done, for reason `code`.
    pub(crate) fn leave_body(&mut self, rb: &RangeBody, code: i64) {
        self.store_int(rb.next, code);
        self.store_int(rb.state, DONE);
        let f = self.konst(ir::Type::Bool, Const::Bool(false));
        self.terminate(Term::Return(vec![f]));
    }

    /// `return` inside a loop body: the values go to the enclosing
    /// function's result cells.
    pub(crate) fn return_from_body(&mut self, rb: &RangeBody, results: Option<&[ast::Expr]>) {
        let Some(rs) = results else {
            self.leave_body(rb, NEXT_RETURN_BARE);
            return;
        };
        let go_results = self.go_results.clone();
        let vals: Vec<Val> = if rs.len() == 1 && go_results.len() > 1 {
            self.values_for_types(&rs[0], &go_results)
        } else {
            rs.iter()
                .zip(&go_results)
                .map(|(r, &t)| self.expr_for(r, t))
                .collect()
        };
        for ((v, &t), &cell) in vals.into_iter().zip(&go_results).zip(&rb.ret) {
            self.store(&Place::Mem(cell), v, t);
        }
        self.leave_body(rb, NEXT_RETURN);
    }

    /// A new heap cell holding an integer.
    fn int_cell(&mut self, v: i64) -> Reg {
        let c = self.alloc_var(&ir::Type::I64, true);
        self.store_int(c, v);
        c
    }

    fn store_int(&mut self, cell: Reg, v: i64) {
        let k = self.int(v);
        self.emit(Inst::Store { ptr: cell, src: k });
    }

    fn load_int(&mut self, cell: Reg) -> Reg {
        let dst = self.reg(ir::Type::I64);
        self.emit(Inst::Load { dst, ptr: cell });
        dst
    }

    /// Field `i` of the object `obj` points to, of IR type `t`.
    fn load_field(&mut self, obj: Reg, i: u32, t: ir::Type) -> Reg {
        let fa = self.reg(ir::Type::ptr(t.clone()));
        self.emit(Inst::FieldAddr {
            dst: fa,
            ptr: obj,
            field: i,
        });
        let v = self.reg(t);
        self.emit(Inst::Load { dst: v, ptr: fa });
        v
    }

    /// `panic: runtime error: <msg>` when `cond` holds.
    pub(crate) fn panic_if(&mut self, cond: Reg, msg: &str) {
        self.panic_with_if(cond, sym::PANIC_RUNTIME_ERROR, msg);
    }

    /// Panics through runtime entry point `func` (taking the message as a
    /// string) if `cond` is true.
    pub(crate) fn panic_with_if(&mut self, cond: Reg, func: &str, msg: &str) {
        let (bad, ok) = (self.new_block(), self.new_block());
        self.branch(cond, bad, ok);
        self.switch_to(bad);
        let s = self.konst(ir::Type::String, Const::Str(msg.as_bytes().to_vec()));
        self.rt_noreturn(func, vec![s]);
        self.switch_to(ok);
    }
}
