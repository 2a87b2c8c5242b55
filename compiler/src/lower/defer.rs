//! `defer`, and the shape of a function that has it.
//!
//! A function whose body (not counting function literals in it) contains a
//! `defer` statement gets, at the end of block 0 (after its parameters,
//! captured variables and results are set up), the terminator
//! `deferframe body, exit` (docs/IR.md). `exit` is the function's single
//! return path: `deferreturn`, then the results read from memory, then
//! `return`. Every `return` statement stores its values into the results'
//! memory and jumps to `exit`; so does a recovery, which is why every
//! result lives in memory in such a function:
//!
//! - named results are variables in memory (frame, or heap cells when
//!   captured), so deferred closures can change them and a recovered
//!   function returns them as they are;
//! - an unnamed result of register type gets a frame slot that `return`
//!   fills before the deferred calls run (so a recovery after the return
//!   statement still returns those values, zero before it);
//! - an unnamed result of memory type is written through the result
//!   pointer, as always.
//!
//! Everything `exit` uses is set up in block 0, before the terminator: on a
//! recovery only those registers keep their values.
//!
//! `defer f(a, b)` evaluates the function value (for `x.M(...)` a method
//! value, which binds the receiver), the arguments and their conversions at
//! the statement, as Go specifies: it is the bound call of `go` (gostmt.rs),
//! whose code is a *wrapper* (`main.f.deferwrap1`) that recover() sees
//! through, as Go sees through its own. Deferred builtins bind their
//! evaluated operands the same way. `defer func() {...}()` defers the
//! literal's closure itself, and `defer recover()` does nothing, since a
//! recover called by a wrapper never recovers.

use super::expr::unparen;
use super::*;
use crate::syntax::ast::{Expr, ExprKind, Stmt, StmtKind};
use crate::types::{Builtin, Mode};

/// The return path of a function with `defer`.
pub(crate) struct DeferExit {
    pub block: BlockId,
    /// Per Go result: the frame slot of an unnamed register-typed result.
    pub slots: Vec<Option<Reg>>,
}

/// Whether a function body contains a `defer` statement of its own.
pub(crate) fn has_defer(stmts: &[Stmt]) -> bool {
    stmts.iter().any(stmt_has_defer)
}

fn stmt_has_defer(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Defer(_) => true,
        StmtKind::Labeled(_, inner) => stmt_has_defer(inner),
        StmtKind::Block(b) => has_defer(&b.stmts),
        StmtKind::If { then, els, .. } => {
            has_defer(&then.stmts) || els.as_deref().is_some_and(stmt_has_defer)
        }
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => has_defer(&body.stmts),
        StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
            clauses.iter().any(|c| has_defer(&c.body))
        }
        StmtKind::Select(clauses) => clauses.iter().any(|c| has_defer(&c.body)),
        _ => false,
    }
}

impl FnLower<'_, '_> {
    /// Declares a named result of a function with `defer`: always in memory.
    pub(crate) fn declare_result_in_memory(&mut self, id: ObjId) {
        let o = self.info.obj(id);
        let t = self.ty(self.obj_ty(id));
        let heap = o.addr_taken || o.captured;
        let p = self.alloc_var(&t, heap);
        self.vars.insert(id, Loc::Mem(p));
    }

    /// Ends block 0 with the defer frame and continues in a fresh block:
    /// called once the parameters and results are set up.
    pub(crate) fn begin_defer_frame(&mut self) {
        let mut slots = Vec::new();
        for (i, &t) in self.go_results.clone().iter().enumerate() {
            let it = self.ty(t);
            let unnamed = self.named_results.is_empty();
            slots.push(if unnamed && self.result_ptrs[i].is_none() {
                Some(self.alloc_var(&it, false))
            } else {
                None
            });
        }
        let exit = self.new_block();
        let body = self.new_block();
        self.terminate(Term::DeferFrame {
            normal: body,
            recover: exit,
        });
        self.switch_to(body);
        self.defer_exit = Some(DeferExit { block: exit, slots });
    }

    /// `return` in a function with `defer`: store the values where the
    /// results live, then take the return path.
    pub(crate) fn return_through_defers(&mut self, vals: Option<Vec<Val>>) {
        let exit = self.defer_exit.as_ref().expect("a defer frame").block;
        if let Some(vals) = vals {
            // Every value first (they may read the results), then the stores.
            let go_results = self.go_results.clone();
            let vals: Vec<Val> = vals
                .into_iter()
                .zip(&go_results)
                .map(|(v, &t)| match v {
                    Val::Mem(_) => self.copy_val(v, t),
                    v => v,
                })
                .collect();
            for (i, (v, &t)) in vals.into_iter().zip(&go_results).enumerate() {
                let slot = self.defer_exit.as_ref().unwrap().slots[i];
                let place = if let Some(&id) = self.named_results.get(i) {
                    self.var_place(id)
                } else if let Some(s) = slot {
                    Place::Mem(s)
                } else {
                    Place::Mem(self.result_ptrs[i].expect("a result pointer"))
                };
                self.store(&place, v, t);
            }
        }
        self.jump(exit);
    }

    /// Fills in the return path: run the deferred calls, then return the
    /// results from memory.
    pub(crate) fn finish_defer_exit(&mut self) {
        let Some(DeferExit { block, slots }) = self.defer_exit.take() else {
            return;
        };
        self.switch_to(block);
        self.emit(Inst::DeferReturn);
        let mut regs = Vec::new();
        for (i, &t) in self.go_results.clone().iter().enumerate() {
            let v = if let Some(&id) = self.named_results.get(i) {
                self.var_value(id)
            } else if let Some(s) = slots[i] {
                self.load(s, t)
            } else {
                continue; // already written through the result pointer
            };
            match (self.result_ptrs[i], v) {
                (Some(p), v) => {
                    let src = self.as_reg(v);
                    self.emit(Inst::MemCopy { dst: p, src });
                }
                (None, v) => regs.push(self.as_reg(v)),
            }
        }
        self.terminate(Term::Return(regs));
    }

    /// A `defer` statement.
    pub(crate) fn defer_stmt(&mut self, call: &Expr) {
        let ExprKind::Call { func, args, .. } = &call.kind else {
            unreachable!("the checker requires a call")
        };
        // Run at most once per activation, the closure object can live in
        // the frame: the record that refers to it is popped before the
        // function returns, whether normally, by a recovery, or by a panic
        // or Goexit unwinding through it.
        let once = !self.targets.iter().any(|t| t.cont.is_some()) && self.labels.is_empty();
        let f = match self.einfo(func.id).mode {
            // A recover called by a wrapper never recovers: nothing to do.
            Mode::Builtin(Builtin::Recover) => return,
            // The literal's closure is the deferred call itself.
            _ if args.is_empty() && matches!(unparen(func).kind, ExprKind::FuncLit { .. }) => {
                self.func_lit_in(unparen(func), once)
            }
            _ => self.bound_call(call, "deferwrap", once),
        };
        self.emit(Inst::DeferProc { func: f });
    }
}
