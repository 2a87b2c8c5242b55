//! Channels and select: `make(chan T, n)`, sends, receives (with comma-ok),
//! `close`, `len`/`cap`, `range` over a channel and `select`, as calls into
//! the runtime (chan.rs, select.rs; the contract is goc-abi's `sym`). A
//! channel value is a pointer to the runtime's channel (nil for a nil
//! channel); elements cross by address, through a frame slot.

use goc_abi::sym;

use super::*;
use crate::ir::BinaryOp;
use crate::syntax::ast::{CommClause, Expr, ExprKind, StmtKind, UnOp};

/// One case of a select, as evaluated on entry.
struct SelectCase<'e> {
    clause: usize,
    chan: Reg,
    /// The address sent from or received into (a frame slot).
    elem: Reg,
    /// For a receive: the slot and the element type, and the targets.
    recv: Option<(Reg, TypeId, &'e [Expr], bool)>,
}

impl FnLower<'_, '_> {
    pub(crate) fn chan_elem(&self, t: TypeId) -> TypeId {
        match self.info.types.under(t) {
            TypeKind::Chan(_, e) => *e,
            k => unreachable!("channel operation on {k:?}"),
        }
    }

    /// `make(chan T, size)`.
    pub(crate) fn make_chan(&mut self, t: TypeId, size: Option<&Expr>) -> Reg {
        let desc = self.desc_addr(t);
        let n = match size {
            Some(s) => {
                let r = self.expr_reg(s);
                self.widen_int(r)
            }
            None => self.int(0),
        };
        let c = self.rt(
            sym::MAKECHAN,
            vec![desc, n],
            vec![ir::Type::ptr(ir::Type::U8)],
        )[0];
        let dst = self.reg(self.ty(t));
        self.emit(Inst::Copy { dst, src: c });
        dst
    }

    /// A new frame slot for a value of type `t`: its typed and its byte
    /// address.
    fn elem_slot(&mut self, t: TypeId) -> (Reg, Reg) {
        let it = self.ty(t);
        let p = self.reg(ir::Type::ptr(it.clone()));
        self.emit(Inst::Alloca { dst: p, ty: it });
        let bp = self.retype_ptr(p);
        (p, bp)
    }

    /// The value `v` of channel `ct`'s element type, evaluated and spilled
    /// to a frame slot: its byte address.
    fn send_value(&mut self, v: &Expr, ct: TypeId) -> Reg {
        let et = self.chan_elem(ct);
        let val = self.expr_for(v, et);
        let (p, bp) = self.elem_slot(et);
        self.store(&Place::Mem(p), val, et);
        bp
    }

    /// `c <- v`.
    pub(crate) fn chan_send(&mut self, c: &Expr, v: &Expr) {
        let ct = self.etype(c);
        let cv = self.expr_reg(c);
        let p = self.send_value(v, ct);
        self.rt(sym::CHANSEND1, vec![cv, p], vec![]);
    }

    /// `<-x`, and with `comma_ok` whether a value was received.
    pub(crate) fn chan_recv(&mut self, x: &Expr, comma_ok: bool) -> Vec<Val> {
        let ct = self.etype(x);
        let et = self.chan_elem(ct);
        let cv = self.expr_reg(x);
        let (p, bp) = self.elem_slot(et);
        let ok = if comma_ok {
            Some(self.rt(sym::CHANRECV2, vec![cv, bp], vec![ir::Type::Bool])[0])
        } else {
            self.rt(sym::CHANRECV1, vec![cv, bp], vec![]);
            None
        };
        let v = self.load(p, et);
        let mut out = vec![self.copy_val(v, et)];
        out.extend(ok.map(Val::Reg));
        out
    }

    /// `close(c)`, `len(c)`, `cap(c)`.
    pub(crate) fn chan_builtin(&mut self, name: &str, c: Reg) -> Option<Reg> {
        if name == sym::CLOSECHAN {
            self.rt(name, vec![c], vec![]);
            return None;
        }
        Some(self.rt(name, vec![c], vec![ir::Type::I64])[0])
    }

    /// `for v := range c`: receive until the channel is closed and drained.
    pub(crate) fn chan_range(
        &mut self,
        key: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &ast::Block,
        label: Option<String>,
    ) {
        let ct = self.etype(x);
        let et = self.chan_elem(ct);
        let cv = self.expr_reg(x);
        let (head, bodyb, end) = (self.new_block(), self.new_block(), self.new_block());
        self.jump(head);
        self.switch_to(head);
        let (p, bp) = self.elem_slot(et);
        let ok = self.rt(sym::CHANRECV2, vec![cv, bp], vec![ir::Type::Bool])[0];
        self.branch(ok, bodyb, end);
        self.switch_to(bodyb);
        let v = self.load(p, et);
        let v = self.copy_val(v, et);
        self.bind_range_vars(vec![(key, v, et)], define);
        self.targets.push(Target {
            label,
            brk: end,
            cont: Some(head),
        });
        self.stmts(&body.stmts);
        self.targets.pop();
        self.jump(head);
        self.switch_to(end);
    }

    /// `select { ... }`: the channels (and the values to send) are evaluated
    /// in source order, the cases handed to the runtime sends first, and the
    /// chosen case's index dispatches to its clause.
    pub(crate) fn select(&mut self, clauses: &[CommClause], label: Option<String>) {
        let mut cases: Vec<SelectCase> = Vec::new();
        let mut default = None;
        for (ci, c) in clauses.iter().enumerate() {
            let Some(comm) = &c.comm else {
                default = Some(ci);
                continue;
            };
            let recv_of = |e: &Expr| -> Option<Expr> {
                match &super::expr::unparen(e).kind {
                    ExprKind::Unary(UnOp::Recv, x) => Some((**x).clone()),
                    _ => None,
                }
            };
            match &comm.kind {
                StmtKind::Send(ch, v) => {
                    let ct = self.etype(ch);
                    let cv = self.expr_reg(ch);
                    let elem = self.send_value(v, ct);
                    cases.push(SelectCase {
                        clause: ci,
                        chan: cv,
                        elem,
                        recv: None,
                    });
                }
                StmtKind::Expr(e) => {
                    let x = recv_of(e).expect("checked receive");
                    let case = self.select_recv(ci, &x, &[], false);
                    cases.push(case);
                }
                StmtKind::Assign {
                    lhs, rhs, define, ..
                } => {
                    let x = recv_of(&rhs[0]).expect("checked receive");
                    let case = self.select_recv(ci, &x, lhs, *define);
                    cases.push(case);
                }
                _ => unreachable!("checker rejects other select cases"),
            }
        }
        // Sends first, each group in source order.
        cases.sort_by_key(|c| c.recv.is_some());
        let nsends = cases.iter().filter(|c| c.recv.is_none()).count();
        let n = cases.len();
        let word = ir::Type::ptr(ir::Type::U8);
        let scase = ir::Type::Struct(vec![
            ir::Field {
                name: "c".into(),
                ty: word.clone(),
            },
            ir::Field {
                name: "elem".into(),
                ty: word.clone(),
            },
        ]);
        let arr_t = ir::Type::Array(n.max(1) as u64, Box::new(scase.clone()));
        let arr = self.reg(ir::Type::ptr(arr_t.clone()));
        self.emit(Inst::Alloca {
            dst: arr,
            ty: arr_t,
        });
        for (i, c) in cases.iter().enumerate() {
            let idx = self.int(i as i64);
            let sp = self.reg(ir::Type::ptr(scase.clone()));
            self.emit(Inst::IndexAddr {
                dst: sp,
                ptr: arr,
                index: idx,
            });
            for (field, v) in [(0, c.chan), (1, c.elem)] {
                let fa = self.reg(ir::Type::ptr(word.clone()));
                self.emit(Inst::FieldAddr {
                    dst: fa,
                    ptr: sp,
                    field,
                });
                let w = self.reg(word.clone());
                self.emit(Inst::Copy { dst: w, src: v });
                self.emit(Inst::Store { ptr: fa, src: w });
            }
        }
        let order_t = ir::Type::Array(2 * n.max(1) as u64, Box::new(ir::Type::U16));
        let order = self.reg(ir::Type::ptr(order_t.clone()));
        self.emit(Inst::Alloca {
            dst: order,
            ty: order_t,
        });
        let (arrp, orderp) = (self.retype_ptr(arr), self.retype_ptr(order));
        let (ns, nr) = (self.int(nsends as i64), self.int((n - nsends) as i64));
        let block = self.konst(ir::Type::Bool, Const::Bool(default.is_none()));
        let res = self.rt(
            sym::SELECTGO,
            vec![arrp, orderp, ns, nr, block],
            vec![ir::Type::I64, ir::Type::Bool],
        );
        let (index, recv_ok) = (res[0], res[1]);

        let end = self.new_block();
        self.targets.push(Target {
            label,
            brk: end,
            cont: None,
        });
        let mut bodies: Vec<(i64, &CommClause, Option<&SelectCase>)> = cases
            .iter()
            .enumerate()
            .map(|(i, c)| (i as i64, &clauses[c.clause], Some(c)))
            .collect();
        if let Some(d) = default {
            bodies.push((-1, &clauses[d], None));
        }
        for (k, clause, case) in bodies {
            let (hit, next) = (self.new_block(), self.new_block());
            let kr = self.int(k);
            let is = self.cmp(BinaryOp::Eq, index, kr);
            self.branch(is, hit, next);
            self.switch_to(hit);
            if let Some(SelectCase {
                recv: Some((slot, et, lhs, define)),
                ..
            }) = case
            {
                self.select_assign(*slot, *et, lhs, *define, recv_ok);
            }
            self.stmts(&clause.body);
            self.jump(end);
            self.switch_to(next);
        }
        self.terminate(Term::Unreachable);
        self.targets.pop();
        self.switch_to(end);
    }

    fn select_recv<'e>(
        &mut self,
        clause: usize,
        x: &Expr,
        lhs: &'e [Expr],
        define: bool,
    ) -> SelectCase<'e> {
        let et = self.chan_elem(self.etype(x));
        let chan = self.expr_reg(x);
        let (slot, elem) = self.elem_slot(et);
        SelectCase {
            clause,
            chan,
            elem,
            recv: Some((slot, et, lhs, define)),
        }
    }

    /// `v [, ok] = <-c` / `:=` in a chosen select case.
    fn select_assign(&mut self, slot: Reg, et: TypeId, lhs: &[Expr], define: bool, ok: Reg) {
        let v = self.load(slot, et);
        let v = self.copy_val(v, et);
        let mut vals = vec![(lhs.first(), v, et)];
        if lhs.len() == 2 {
            vals.push((lhs.get(1), Val::Reg(ok), crate::types::ty::T_BOOL));
        }
        if define {
            self.bind_range_vars(vals, true);
            return;
        }
        for (target, v, t) in vals {
            let Some(target) = target else { continue };
            if matches!(&target.kind, ExprKind::Ident(n) if n == "_") {
                continue;
            }
            let tt = self.etype(target);
            let place = self.place(target);
            let v = self.convert_for(v, t, tt);
            self.store(&place, v, tt);
        }
    }
}
