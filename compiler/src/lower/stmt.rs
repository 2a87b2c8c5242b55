//! Statements: declarations, assignments (Go's two-phase order), control
//! flow with labels, `break`/`continue`/`goto`/`fallthrough`, and every
//! `for` and `range` form with Go 1.22's per-iteration loop variables.

use super::expr::unparen;
use super::*;
use crate::ir::BinaryOp;
use crate::syntax::ast::{BinOp, BranchKind, Expr, ExprKind, Stmt, StmtKind};

impl FnLower<'_, '_> {
    /// Makes a block for every label of the function body (labels have
    /// function scope, so `goto` may jump forward).
    pub(crate) fn collect_labels(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.collect_labels_stmt(s);
        }
    }

    fn collect_labels_stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Labeled(l, inner) => {
                let b = self.new_block();
                self.labels.insert(l.name.clone(), b);
                self.collect_labels_stmt(inner);
            }
            StmtKind::Block(b) => self.collect_labels(&b.stmts),
            StmtKind::If { then, els, .. } => {
                self.collect_labels(&then.stmts);
                if let Some(e) = els {
                    self.collect_labels_stmt(e);
                }
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                self.collect_labels(&body.stmts)
            }
            StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
                for c in clauses {
                    self.collect_labels(&c.body);
                }
            }
            StmtKind::Select(clauses) => {
                for c in clauses {
                    self.collect_labels(&c.body);
                }
            }
            _ => {}
        }
    }

    pub(crate) fn stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s, None);
        }
    }

    fn stmt(&mut self, s: &Stmt, label: Option<String>) {
        self.set_pos(s.pos);
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Decl(ast::GenDecl::Var(specs)) => {
                for spec in specs {
                    self.var_spec(spec);
                }
            }
            StmtKind::Decl(_) => {}
            StmtKind::Labeled(l, inner) => {
                let b = self.labels[&l.name];
                self.jump(b);
                self.switch_to(b);
                self.stmt(inner, Some(l.name.clone()));
            }
            StmtKind::Expr(e) => {
                self.expr_multi(e);
            }
            StmtKind::IncDec(x, inc) => {
                let one = ast::Expr {
                    id: u32::MAX,
                    pos: s.pos,
                    kind: ExprKind::Bad,
                };
                self.op_assign(x, &one, if *inc { BinOp::Add } else { BinOp::Sub });
            }
            StmtKind::Assign {
                lhs,
                rhs,
                op: Some(op),
                ..
            } => self.op_assign(&lhs[0], &rhs[0], *op),
            StmtKind::Assign {
                lhs,
                rhs,
                define: true,
                ..
            } => self.define(lhs, rhs),
            StmtKind::Assign { lhs, rhs, .. } => self.assign(lhs, rhs),
            StmtKind::Return(results) => {
                if results.is_empty() {
                    self.return_values(None);
                } else {
                    self.return_values(Some(results));
                }
            }
            StmtKind::Branch(kind, l) => self.branch_stmt(*kind, l.as_ref()),
            StmtKind::Block(b) => self.stmts(&b.stmts),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    self.stmt(i, None);
                }
                let c = self.expr_reg(cond);
                let tb = self.new_block();
                let eb = self.new_block();
                let end = if els.is_some() { self.new_block() } else { eb };
                self.branch(c, tb, eb);
                self.switch_to(tb);
                self.stmts(&then.stmts);
                self.jump(end);
                if let Some(e) = els {
                    self.switch_to(eb);
                    self.stmt(e, None);
                    self.jump(end);
                }
                self.switch_to(end);
            }
            StmtKind::Switch {
                init, tag, clauses, ..
            } => self.switch(init, tag.as_ref(), clauses, label),
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_loop(init, cond.as_ref(), post, body, label),
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range(key.as_ref(), value.as_ref(), *define, x, body, label),
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
                ..
            } => self.type_switch(init, bind.is_some(), x, clauses, label),
            StmtKind::Go(call) => self.go_stmt(call),
            StmtKind::Send(c, v) => self.chan_send(c, v),
            StmtKind::Select(clauses) => self.select(clauses, label),
            StmtKind::Defer(call) => self.defer_stmt(call),
        }
    }

    /// The values of one multi-valued expression (a call, or a comma-ok
    /// type assertion) for variables of the given objects' types.
    pub(crate) fn values_for(&mut self, e: &Expr, vars: &[ObjId]) -> Vec<Val> {
        let tys: Vec<TypeId> = vars.iter().map(|&v| self.obj_ty(v)).collect();
        self.values_for_types(e, &tys)
    }

    pub(crate) fn values_for_types(&mut self, e: &Expr, tys: &[TypeId]) -> Vec<Val> {
        if self.info.comma_ok.contains(&e.id) {
            let vs = match &super::expr::unparen(e).kind {
                ExprKind::Index(..) => self.map_index(e, true),
                ExprKind::Unary(ast::UnOp::Recv, x) => self.chan_recv(x, true),
                _ => self.type_assert(e, true),
            };
            let vt = self.etype(e);
            return vs
                .into_iter()
                .zip(tys)
                .enumerate()
                .map(|(i, (v, &t))| {
                    // The value, and ok (a bool, maybe stored in an interface).
                    let from = if i == 0 { vt } else { crate::types::ty::T_BOOL };
                    self.convert_for(v, from, t)
                })
                .collect();
        }
        let from: Vec<TypeId> = match self.info.types.kind(self.etype(e)) {
            TypeKind::Tuple(ts) => ts.clone(),
            _ => vec![self.etype(e)],
        };
        let vs = self.expr_multi(e);
        vs.into_iter()
            .zip(from)
            .zip(tys)
            .map(|((v, f), &t)| {
                if t == crate::types::ty::T_INVALID {
                    v
                } else {
                    self.convert_for(v, f, t)
                }
            })
            .collect()
    }

    fn var_spec(&mut self, spec: &ast::ValueSpec) {
        let ids: Vec<ObjId> = spec.names.iter().map(|n| self.info.defs[&n.pos]).collect();
        let vals: Vec<Val> = if spec.values.is_empty() {
            vec![]
        } else if spec.values.len() == ids.len() {
            let vs: Vec<Val> = spec
                .values
                .iter()
                .zip(&ids)
                .map(|(v, &id)| {
                    let t = self.obj_ty(id);
                    self.expr_for(v, t)
                })
                .collect();
            if vs.len() > 1 {
                let ts: Vec<TypeId> = ids.iter().map(|&id| self.obj_ty(id)).collect();
                vs.into_iter()
                    .zip(ts)
                    .map(|(v, t)| self.copy_val(v, t))
                    .collect()
            } else {
                vs
            }
        } else {
            self.values_for(&spec.values[0], &ids)
        };
        for (i, (&id, n)) in ids.iter().zip(&spec.names).enumerate() {
            if n.name == "_" {
                continue;
            }
            self.declare_var(id);
            if let Some(&v) = vals.get(i) {
                let t = self.obj_ty(id);
                let place = self.var_place(id);
                self.store(&place, v, t);
            }
        }
    }

    /// The assignment target an expression denotes.
    pub(crate) fn place(&mut self, e: &Expr) -> Place {
        if let ExprKind::Ident(n) = &unparen(e).kind {
            if n == "_" {
                return Place::Blank;
            }
            let id = self.info.uses[&unparen(e).id];
            return self.var_place(id);
        }
        if let Some(&id) = self.info.uses.get(&unparen(e).id) {
            // A qualified identifier `pkg.V`.
            return self.var_place(id);
        }
        if let ExprKind::Index(m, _) = &unparen(e).kind {
            if matches!(self.info.types.under(self.etype(m)), TypeKind::Map(..)) {
                return self.map_place(e);
            }
        }
        Place::Mem(self.addr(e))
    }

    fn read_place(&mut self, p: &Place, t: TypeId) -> Val {
        match p {
            Place::Reg(r) => Val::Reg(*r),
            Place::Mem(a) => self.load(*a, t),
            Place::Map { desc, map, key } => self.map_read(*desc, *map, *key, t),
            &Place::Index { base, index } => {
                let p = self.index_place_addr(base, index, t);
                self.load(p, t)
            }
            Place::Blank => unreachable!(),
        }
    }

    /// `x op= y` (and `x++`/`x--` when `y` is `Bad`): the target is
    /// evaluated once.
    fn op_assign(&mut self, x: &Expr, y: &Expr, op: BinOp) {
        let t = self.etype(x);
        let place = self.place(x);
        let cur = self.read_place(&place, t);
        let a = self.as_reg(cur);
        let it = self.ty(t);
        let b = if matches!(y.kind, ExprKind::Bad) {
            let c = if it.is_float() {
                Const::Float(1.0)
            } else if it.is_complex() {
                Const::Complex(1.0, 0.0)
            } else {
                Const::Int(1)
            };
            self.konst(it.clone(), c)
        } else {
            self.expr_reg(y)
        };
        let irop = super::expr::arith_op(op);
        let dst = self.reg(it);
        self.emit(Inst::Binary {
            dst,
            op: irop,
            x: a,
            y: b,
        });
        self.store(&place, Val::Reg(dst), t);
    }

    /// `x, y = a, b`: targets first, then values, then the stores.
    fn assign(&mut self, lhs: &[Expr], rhs: &[Expr]) {
        let places = self.places(lhs.iter());
        let tys: Vec<TypeId> = places.iter().map(|(_, t)| *t).collect();
        let vals = self.rhs_values(rhs, &tys);
        for ((p, t), v) in places.iter().zip(vals) {
            self.store(p, v, *t);
        }
    }

    /// The targets of an assignment, with their types. With several, the
    /// operands of each are evaluated before any store: `p, *p = f()` and
    /// `i, x[i] = ...` use the old `p` and `i`, whose registers the first
    /// store overwrites, so the places hold copies; and an index is
    /// checked only when its element is stored to, after the stores to the
    /// targets before it (`m[k], s[9] = 1, 2` sets m[k], then panics).
    fn places<'e>(&mut self, lhs: impl ExactSizeIterator<Item = &'e Expr>) -> Vec<(Place, TypeId)> {
        let several = lhs.len() > 1;
        lhs.map(|l| {
            let t = self.ety_of(l.id);
            if several {
                if let Some(p) = self.index_place(l) {
                    return (p, t);
                }
            }
            let p = match self.place(l) {
                Place::Mem(r) if several => Place::Mem(self.fresh_copy(r)),
                Place::Map { desc, map, key } if several => Place::Map {
                    desc,
                    map: self.fresh_copy(map),
                    key,
                },
                p => p,
            };
            (p, t)
        })
        .collect()
    }

    /// `s[i]`, `a[i]` (an addressable array) or `p[i]` (a pointer to an
    /// array) as a [`Place::Index`] holding copies of its operands.
    fn index_place(&mut self, e: &Expr) -> Option<Place> {
        let ExprKind::Index(x, idx) = &unparen(e).kind else {
            return None;
        };
        let base = match self.info.types.under(self.etype(x)) {
            TypeKind::Slice(_) | TypeKind::Pointer(_) => self.expr_reg(x),
            TypeKind::Array(..) => self.addr(x),
            _ => return None,
        };
        let base = self.fresh_copy(base);
        let index = self.expr_reg(&idx[0]);
        let index = self.fresh_copy(index);
        Some(Place::Index { base, index })
    }

    /// A copy of a register, unaffected by later writes to it.
    fn fresh_copy(&mut self, r: Reg) -> Reg {
        let c = self.reg(self.reg_ty(r).clone());
        self.emit(Inst::Copy { dst: c, src: r });
        c
    }

    /// The right side of an assignment to targets of types `tys` (the
    /// invalid type for `_`): each value converted for its target, and
    /// copied when there are several, so that no store changes a value not
    /// yet stored (`a, b = b, a`).
    fn rhs_values(&mut self, rhs: &[Expr], tys: &[TypeId]) -> Vec<Val> {
        if rhs.len() != tys.len() {
            return self.values_for_types(&rhs[0], tys);
        }
        let vs: Vec<(Val, TypeId)> = rhs
            .iter()
            .zip(tys)
            .map(|(r, &t)| {
                let to = if t == crate::types::ty::T_INVALID {
                    self.etype(r)
                } else {
                    t
                };
                (self.expr_for(r, to), to)
            })
            .collect();
        if vs.len() > 1 {
            vs.into_iter().map(|(v, t)| self.copy_val(v, t)).collect()
        } else {
            vs.into_iter().map(|(v, _)| v).collect()
        }
    }

    /// `a, b := x, y`: values first, then new variables are declared.
    fn define(&mut self, lhs: &[Expr], rhs: &[Expr]) {
        let tys: Vec<TypeId> = lhs
            .iter()
            .map(|l| match self.info.uses.get(&l.id) {
                Some(&id) => self.obj_ty(id),
                None => crate::types::ty::T_INVALID,
            })
            .collect();
        let vals = self.rhs_values(rhs, &tys);
        for (l, v) in lhs.iter().zip(vals) {
            let ExprKind::Ident(n) = &l.kind else {
                unreachable!()
            };
            if n == "_" {
                continue;
            }
            let id = self.info.uses[&l.id];
            let is_new = self.info.defs.get(&l.pos) == Some(&id);
            if is_new {
                self.declare_var(id);
            }
            let t = self.obj_ty(id);
            let place = self.var_place(id);
            self.store(&place, v, t);
        }
    }

    fn branch_stmt(&mut self, kind: BranchKind, label: Option<&ast::Ident>) {
        let find = |fl: &Self, want_cont: bool| -> BlockId {
            let t = fl
                .targets
                .iter()
                .rev()
                .find(|t| match label {
                    Some(l) => t.label.as_deref() == Some(&l.name),
                    None => !want_cont || t.cont.is_some(),
                })
                .expect("checked branch target");
            if want_cont {
                t.cont.expect("continue target")
            } else {
                t.brk
            }
        };
        let b = match kind {
            BranchKind::Break => find(self, false),
            BranchKind::Continue => find(self, true),
            BranchKind::Goto => self.labels[&label.unwrap().name],
            BranchKind::Fallthrough => self.fallthrough.expect("checked fallthrough"),
        };
        self.jump(b);
    }

    fn switch(
        &mut self,
        init: &Option<Box<Stmt>>,
        tag: Option<&Expr>,
        clauses: &[ast::CaseClause],
        label: Option<String>,
    ) {
        if let Some(i) = init {
            self.stmt(i, None);
        }
        let tag = tag.map(|t| {
            let ty = self.etype(t);
            let v = self.expr(t);
            (self.copy_val(v, ty), ty)
        });
        let end = self.new_block();
        let bodies: Vec<BlockId> = clauses.iter().map(|_| self.new_block()).collect();
        // Tests in source order; default last.
        for (c, &body) in clauses.iter().zip(&bodies) {
            for e in &c.exprs {
                let cond = match &tag {
                    Some((tv, tt)) if self.info.types.is_interface(*tt) => {
                        let v = self.expr_for(e, *tt);
                        let (a, b) = (self.as_reg(*tv), self.as_reg(v));
                        self.iface_eq(a, b, *tt)
                    }
                    // A concrete tag against an interface case: both
                    // compare as interfaces.
                    Some((tv, tt)) if self.info.types.is_interface(self.etype(e)) => {
                        let ct = self.etype(e);
                        let a = self.convert_for(*tv, *tt, ct);
                        let a = self.as_reg(a);
                        let v = self.expr(e);
                        let b = self.as_reg(v);
                        self.iface_eq(a, b, ct)
                    }
                    // `case nil` of a slice, map, func or pointer tag.
                    Some((tv, _)) if self.is_nil(e) => {
                        let a = self.as_reg(*tv);
                        let p = match self.reg_ty(a).clone() {
                            ir::Type::Slice(el) => {
                                let d = self.reg(ir::Type::Ptr(el));
                                self.emit(Inst::DataPtr { dst: d, x: a });
                                d
                            }
                            _ => a,
                        };
                        let pt = self.reg_ty(p).clone();
                        let z = self.konst(pt, Const::Zero);
                        self.cmp(BinaryOp::Eq, p, z)
                    }
                    Some((tv, tt)) => {
                        let it = self.ty(*tt);
                        if it.is_register() {
                            let v = self.expr_reg(e);
                            let a = self.as_reg(*tv);
                            self.cmp(BinaryOp::Eq, a, v)
                        } else {
                            let v = self.expr(e);
                            let (pa, pb) = (self.as_reg(*tv), self.as_reg(v));
                            self.mem_equal(pa, pb, *tt)
                        }
                    }
                    None if self.info.types.is_interface(self.etype(e)) => {
                        let ct = self.etype(e);
                        let t = self.konst(ir::Type::Bool, Const::Bool(true));
                        let a = self.convert_for(Val::Reg(t), crate::types::ty::T_BOOL, ct);
                        let a = self.as_reg(a);
                        let b = self.expr_reg(e);
                        self.iface_eq(a, b, ct)
                    }
                    None => self.expr_reg(e),
                };
                let next = self.new_block();
                self.branch(cond, body, next);
                self.switch_to(next);
            }
        }
        match clauses.iter().position(|c| c.default) {
            Some(d) => self.jump(bodies[d]),
            None => self.jump(end),
        }
        self.targets.push(Target {
            label,
            brk: end,
            cont: None,
        });
        for (i, c) in clauses.iter().enumerate() {
            self.switch_to(bodies[i]);
            let saved = self.fallthrough.take();
            self.fallthrough = bodies.get(i + 1).copied();
            self.stmts(&c.body);
            self.fallthrough = saved;
            self.jump(end);
        }
        self.targets.pop();
        self.switch_to(end);
    }

    fn type_switch(
        &mut self,
        init: &Option<Box<Stmt>>,
        bind: bool,
        x: &Expr,
        clauses: &[ast::CaseClause],
        label: Option<String>,
    ) {
        if let Some(i) = init {
            self.stmt(i, None);
        }
        let xt = self.etype(x);
        let xv = self.expr_reg(x);
        let dt = self.dyn_type(xv, xt);
        let end = self.new_block();
        let bodies: Vec<BlockId> = clauses.iter().map(|_| self.new_block()).collect();
        let case_type = |fl: &Self, e: &Expr| {
            let t = fl.ety_of(e.id);
            (t != crate::types::ty::T_UNTYPED_NIL).then_some(t)
        };
        for (c, &body) in clauses.iter().zip(&bodies) {
            for e in &c.exprs {
                let t = case_type(self, e);
                let cond = self.type_case(dt, t);
                let next = self.new_block();
                self.branch(cond, body, next);
                self.switch_to(next);
            }
        }
        match clauses.iter().position(|c| c.default) {
            Some(d) => self.jump(bodies[d]),
            None => self.jump(end),
        }
        self.targets.push(Target {
            label,
            brk: end,
            cont: None,
        });
        for (c, &body) in clauses.iter().zip(&bodies) {
            self.switch_to(body);
            if bind {
                if let Some(&id) = self.info.switch_vars.get(&c.pos) {
                    let single = match c.exprs.as_slice() {
                        [e] => case_type(self, e),
                        _ => None,
                    };
                    let v = match single {
                        Some(t) => self.type_case_value(xv, xt, t),
                        None => Val::Reg(xv),
                    };
                    self.declare_var(id);
                    let place = self.var_place(id);
                    let t = self.obj_ty(id);
                    self.store(&place, v, t);
                }
            }
            self.stmts(&c.body);
            self.jump(end);
        }
        self.targets.pop();
        self.switch_to(end);
    }

    /// Gives a range loop's iteration variables this iteration's values:
    /// new variables (`:=`, fresh each iteration) or existing places.
    pub(crate) fn bind_range_vars(
        &mut self,
        vals: Vec<(Option<&Expr>, Val, TypeId)>,
        define: bool,
    ) {
        if !define {
            let (targets, vals): (Vec<&Expr>, Vec<(Val, TypeId)>) = vals
                .into_iter()
                .filter_map(|(target, v, t)| Some((target?, (v, t))))
                .unzip();
            let places = self.places(targets.into_iter());
            for ((place, _), (v, t)) in places.iter().zip(vals) {
                self.store(place, v, t);
            }
            return;
        }
        for (target, v, t) in vals {
            let Some(target) = target else { continue };
            let ExprKind::Ident(n) = &target.kind else {
                unreachable!()
            };
            if n == "_" {
                continue;
            }
            let id = self.info.uses[&target.id];
            self.declare_var(id);
            let place = self.var_place(id);
            self.store(&place, v, t);
        }
    }

    /// Variables declared by a `for` init statement.
    fn init_vars(&self, init: &Option<Box<Stmt>>) -> Vec<ObjId> {
        let Some(s) = init else { return vec![] };
        let StmtKind::Assign {
            lhs, define: true, ..
        } = &s.kind
        else {
            return vec![];
        };
        lhs.iter()
            .filter_map(|l| {
                let id = *self.info.uses.get(&l.id)?;
                (self.info.defs.get(&l.pos) == Some(&id)).then_some(id)
            })
            .collect()
    }

    fn for_loop(
        &mut self,
        init: &Option<Box<Stmt>>,
        cond: Option<&Expr>,
        post: &Option<Box<Stmt>>,
        body: &ast::Block,
        label: Option<String>,
    ) {
        if let Some(i) = init {
            self.stmt(i, None);
        }
        let head = self.new_block();
        let bodyb = self.new_block();
        let cont = self.new_block();
        let end = self.new_block();
        self.jump(head);
        self.switch_to(head);
        match cond {
            Some(c) => {
                let r = self.expr_reg(c);
                self.branch(r, bodyb, end);
            }
            None => self.jump(bodyb),
        }
        self.switch_to(bodyb);
        self.targets.push(Target {
            label,
            brk: end,
            cont: Some(cont),
        });
        self.stmts(&body.stmts);
        self.targets.pop();
        self.jump(cont);
        self.switch_to(cont);
        // Go 1.22: each iteration has its own copy of the loop variables;
        // only those in memory (address taken) can tell.
        for id in self.init_vars(init) {
            let o = self.info.obj(id);
            if !(o.addr_taken || o.captured) {
                continue;
            }
            if let Loc::Mem(p) = self.loc(id) {
                let old = self.reg(self.reg_ty(p).clone());
                self.emit(Inst::Copy { dst: old, src: p });
                let t = self.ty(self.obj_ty(id));
                self.emit(Inst::New { dst: p, ty: t });
                self.emit(Inst::MemCopy { dst: p, src: old });
            }
        }
        if let Some(p) = post {
            self.stmt(p, None);
        }
        self.jump(head);
        self.switch_to(end);
    }

    fn range(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &ast::Block,
        label: Option<String>,
    ) {
        let xt = self.etype(x);
        let kind = self.info.types.under(xt).clone();
        if let TypeKind::Func(_) = kind {
            self.range_func(key, value, define, x, body, label);
            return;
        }
        // A blank value variable reads no elements (`for i, _ := range p`
        // with a nil array pointer p runs without a dereference).
        let value = value.filter(|v| !matches!(&unparen(v).kind, ExprKind::Ident(n) if n == "_"));
        if let TypeKind::Map(..) = kind {
            let m = self.expr_reg(x);
            self.map_range(xt, m, (key, value, define), body, label);
            return;
        }
        if let TypeKind::Chan(..) = kind {
            self.chan_range(key, define, x, body, label);
            return;
        }
        // The range expression is evaluated once; an array value is copied
        // (only if its elements are used). Without a value variable, an
        // array whose length is a constant (no calls or receives in the
        // expression) is not evaluated at all.
        let (xv, len, elem): (Option<Val>, Reg, Option<TypeId>) = match &kind {
            TypeKind::Basic(b) if b.is_integer() => {
                let n = self.expr_reg(x);
                (None, n, None)
            }
            TypeKind::Basic(_) => {
                let s = self.expr_reg(x);
                let n = self.reg(ir::Type::I64);
                self.emit(Inst::Len { dst: n, x: s });
                (Some(Val::Reg(s)), n, Some(crate::types::ty::T_INT32))
            }
            TypeKind::Slice(e) => {
                let s = self.expr_reg(x);
                let n = self.reg(ir::Type::I64);
                self.emit(Inst::Len { dst: n, x: s });
                (Some(Val::Reg(s)), n, Some(*e))
            }
            TypeKind::Array(n, e) => {
                let v = if value.is_some() {
                    let v = self.expr(x);
                    Some(self.copy_val(v, xt))
                } else {
                    if crate::types::contains_call(x) {
                        self.expr(x);
                    }
                    None
                };
                (v, self.int(*n as i64), Some(*e))
            }
            TypeKind::Pointer(p) => {
                let TypeKind::Array(n, e) = self.info.types.under(*p).clone() else {
                    unreachable!()
                };
                let v = self.expr_reg(x);
                (Some(Val::Reg(v)), self.int(n as i64), Some(e))
            }
            k => unreachable!("range over {k:?}"),
        };
        let is_string = matches!(kind, TypeKind::Basic(b) if b.is_string());
        let it = match &kind {
            TypeKind::Basic(b) if b.is_integer() => self.ty(xt),
            _ => ir::Type::I64,
        };
        // The hidden index (byte offset for strings) and the next one.
        let i = self.konst(it.clone(), Const::Zero);
        let next = self.reg(it.clone());
        let head = self.new_block();
        let bodyb = self.new_block();
        let cont = self.new_block();
        let end = self.new_block();
        self.jump(head);
        self.switch_to(head);
        let lenr = if *self.reg_ty(len) == it {
            len
        } else {
            let c = self.reg(it.clone());
            self.emit(Inst::Convert { dst: c, x: len });
            c
        };
        let c = self.cmp(BinaryOp::Lt, i, lenr);
        self.branch(c, bodyb, end);
        self.switch_to(bodyb);
        // This iteration's key and value.
        let one = self.konst(it.clone(), Const::Int(1));
        self.emit(Inst::Binary {
            dst: next,
            op: BinaryOp::Add,
            x: i,
            y: one,
        });
        let mut val: Option<(Val, TypeId)> = None;
        if is_string {
            let Some(Val::Reg(s)) = xv else {
                unreachable!()
            };
            let res = self.rt(
                goc_abi::sym::DECODERUNE,
                vec![s, i],
                vec![ir::Type::I64, ir::Type::I64],
            );
            self.emit(Inst::Copy {
                dst: next,
                src: res[1],
            });
            if value.is_some() {
                let r = self.reg(ir::Type::I32);
                self.emit(Inst::Convert { dst: r, x: res[0] });
                val = Some((Val::Reg(r), crate::types::ty::T_INT32));
            }
        } else if let (Some(e), Some(_)) = (elem, value) {
            let et = self.ty(e);
            let p = self.reg(ir::Type::ptr(et));
            match (&kind, xv) {
                (TypeKind::Slice(_), Some(Val::Reg(s))) => self.emit(Inst::ElemAddr {
                    dst: p,
                    slice: s,
                    index: i,
                }),
                (_, Some(v)) => {
                    let base = self.as_reg(v);
                    self.emit(Inst::IndexAddr {
                        dst: p,
                        ptr: base,
                        index: i,
                    })
                }
                _ => unreachable!(),
            }
            let v = self.load(p, e);
            val = Some((self.copy_val(v, e), e));
        }
        let kt = match &kind {
            TypeKind::Basic(b) if b.is_integer() => xt,
            _ => crate::types::ty::T_INT,
        };
        let mut vals = vec![(key, Val::Reg(i), kt)];
        if let Some((v, t)) = val {
            vals.push((value, v, t));
        }
        self.bind_range_vars(vals, define);
        self.targets.push(Target {
            label,
            brk: end,
            cont: Some(cont),
        });
        self.stmts(&body.stmts);
        self.targets.pop();
        self.jump(cont);
        self.switch_to(cont);
        self.emit(Inst::Copy { dst: i, src: next });
        self.jump(head);
        self.switch_to(end);
    }
}
