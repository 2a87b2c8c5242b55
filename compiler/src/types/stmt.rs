//! Statements and function bodies: scopes, assignments and `:=`, control
//! flow with its labels, `return` against the signature, Go's terminating
//! statement rule ("missing return"), and unused variables and labels.

use std::collections::{HashMap, HashSet};

use super::expr::Operand;
use super::ty::*;
use super::*;
use crate::syntax::ast::{BranchKind, Expr, ExprKind, GenDecl, Stmt, StmtKind, UnOp};

/// A statement that `break` (and for loops `continue`) may target.
struct Breakable {
    label: Option<String>,
    is_loop: bool,
}

/// Per-function statement context.
#[derive(Default)]
pub(super) struct StmtCtx {
    breakables: Vec<Breakable>,
    labels: HashMap<String, (Pos, bool)>,
}

impl Checker<'_> {
    /// Checks a function body: a declared function's, or a function
    /// literal's (nested in the function being checked, whose scopes it sees).
    pub(super) fn func_body(
        &mut self,
        recv: Option<(&ast::Param, TypeId)>,
        ft: &ast::FuncType,
        sig: &Signature,
        body: &ast::Block,
    ) {
        let saved_func = self.func.take();
        let saved_vars = std::mem::take(&mut self.func_vars);
        let saved_range_func = std::mem::take(&mut self.range_func_depth);
        self.depth += 1;
        self.scopes.push(HashMap::new());
        if let Some((r, t)) = recv {
            self.record(&r.ty, t, Mode::Type);
            if let Some(n) = &r.name {
                let id = self.declare_local(n, t, ObjKind::Var { global: false });
                self.obj_mut(id).used = true;
            }
        }
        for (p, &t) in ft.params.iter().zip(&sig.params) {
            if let Some(n) = &p.name {
                let id = self.declare_local(n, t, ObjKind::Var { global: false });
                self.obj_mut(id).used = true;
            }
        }
        let mut named_results = Vec::new();
        for (r, &t) in ft.results.iter().zip(&sig.results) {
            if let Some(n) = &r.name {
                let id = self.declare_local(n, t, ObjKind::Var { global: false });
                self.obj_mut(id).used = true;
                named_results.push(id);
            }
        }
        self.func = Some(FuncCtx {
            sig: sig.clone(),
            named_results,
        });
        let mut ctx = StmtCtx::default();
        collect_labels(&body.stmts, &mut ctx.labels, self);
        for s in &body.stmts {
            self.stmt(s, &mut ctx);
        }
        if !sig.results.is_empty() && !is_terminating_list(&body.stmts, None) {
            self.error(body.rbrace, "missing return");
        }
        self.scopes.pop();
        for id in std::mem::take(&mut self.func_vars) {
            let o = self.obj(id);
            if !o.used && o.name != "_" {
                let (pos, name) = (o.pos, o.name.clone());
                self.error(pos, format!("declared and not used: {name}"));
            }
        }
        let mut unused: Vec<(Pos, String)> = ctx
            .labels
            .iter()
            .filter(|(_, (_, used))| !used)
            .map(|(n, (p, _))| (*p, n.clone()))
            .collect();
        unused.sort();
        for (p, n) in unused {
            self.error(p, format!("label {n} defined and not used"));
        }
        self.depth -= 1;
        self.func = saved_func;
        self.range_func_depth = saved_range_func;
        self.func_vars = saved_vars;
    }

    fn block(&mut self, stmts: &[Stmt], ctx: &mut StmtCtx) {
        self.scopes.push(HashMap::new());
        for s in stmts {
            self.stmt(s, ctx);
        }
        self.scopes.pop();
    }

    fn stmt(&mut self, s: &Stmt, ctx: &mut StmtCtx) {
        self.stmt_labeled(s, ctx, None)
    }

    fn stmt_labeled(&mut self, s: &Stmt, ctx: &mut StmtCtx, label: Option<String>) {
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Labeled(l, inner) => self.stmt_labeled(inner, ctx, Some(l.name.clone())),
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::IncDec(x, inc) => {
                let op = if *inc {
                    ast::BinOp::Add
                } else {
                    ast::BinOp::Sub
                };
                let one = Expr {
                    id: u32::MAX,
                    pos: s.pos,
                    kind: ExprKind::BasicLit {
                        kind: ast::LitKind::Int,
                        raw: "1".into(),
                        bytes: vec![],
                    },
                };
                self.op_assign(s, x, &one, op);
            }
            StmtKind::Assign {
                lhs,
                rhs,
                op: Some(op),
                ..
            } => {
                if lhs.len() != 1 || rhs.len() != 1 {
                    self.error(
                        s.pos,
                        format!(
                            "assignment operation {}= requires single-valued expressions",
                            op.as_str()
                        ),
                    );
                    return;
                }
                self.op_assign(s, &lhs[0], &rhs[0], *op);
            }
            StmtKind::Assign {
                lhs,
                rhs,
                define: true,
                op_pos,
                ..
            } => self.short_var_decl(*op_pos, lhs, rhs),
            StmtKind::Assign { lhs, rhs, .. } => self.assign(lhs, rhs),
            StmtKind::Go(call) => self.suspended_call("go", call),
            StmtKind::Defer(call) => {
                if self.range_func_depth > 0 {
                    self.unsupported(s.pos, "defer in the body of a range over a function");
                }
                self.suspended_call("defer", call)
            }
            StmtKind::Send(c, v) => self.send_stmt(c, v),
            StmtKind::Select(clauses) => {
                ctx.breakables.push(Breakable {
                    label,
                    is_loop: false,
                });
                self.select_stmt(clauses, ctx);
                ctx.breakables.pop();
            }
            StmtKind::Return(results) => self.return_stmt(s, results),
            StmtKind::Branch(kind, lbl) => self.branch(s, *kind, lbl.as_ref(), ctx),
            StmtKind::Block(b) => self.block(&b.stmts, ctx),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.scopes.push(HashMap::new());
                if let Some(i) = init {
                    self.stmt(i, ctx);
                }
                self.condition(cond, "if statement");
                self.block(&then.stmts, ctx);
                if let Some(e) = els {
                    self.stmt(e, ctx);
                }
                self.scopes.pop();
            }
            StmtKind::Switch {
                init, tag, clauses, ..
            } => {
                self.scopes.push(HashMap::new());
                if let Some(i) = init {
                    self.stmt(i, ctx);
                }
                let tag_op = tag.as_ref().map(|t| {
                    let mut o = self.expr(t);
                    self.default_untyped(t, &mut o);
                    // A tag of a type comparable only to nil (func, map,
                    // slice) may still be switched on, with nil cases.
                    if o.ty != T_INVALID
                        && !self.info.types.comparable(o.ty)
                        && !self.info.types.nillable(o.ty)
                    {
                        let s = self.operand_str(t, &o);
                        self.error(t.pos, format!("cannot switch on {s}"));
                        o.ty = T_INVALID;
                    }
                    o
                });
                ctx.breakables.push(Breakable {
                    label,
                    is_loop: false,
                });
                let mut seen: Vec<(Value, TypeId)> = Vec::new();
                let mut default_seen = false;
                for (ci, c) in clauses.iter().enumerate() {
                    if c.default {
                        if default_seen {
                            self.error(c.pos, "multiple defaults in switch");
                        }
                        default_seen = true;
                    }
                    for e in &c.exprs {
                        self.case_expr(e, tag.as_ref(), tag_op.as_ref(), &mut seen);
                    }
                    self.scopes.push(HashMap::new());
                    for (si, st) in c.body.iter().enumerate() {
                        if let StmtKind::Branch(BranchKind::Fallthrough, _) = st.kind {
                            if si + 1 != c.body.len() {
                                self.error(st.pos, "fallthrough statement out of place");
                            } else if ci + 1 == clauses.len() {
                                self.error(st.pos, "cannot fallthrough final case in switch");
                            }
                            continue;
                        }
                        self.stmt(st, ctx);
                    }
                    self.scopes.pop();
                }
                ctx.breakables.pop();
                self.scopes.pop();
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
                ..
            } => {
                self.scopes.push(HashMap::new());
                if let Some(i) = init {
                    self.stmt(i, ctx);
                }
                self.type_switch(bind.as_ref(), x, clauses, ctx, label);
                self.scopes.pop();
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.scopes.push(HashMap::new());
                if let Some(i) = init {
                    self.stmt(i, ctx);
                }
                if let Some(c) = cond {
                    self.condition(c, "for statement");
                }
                if let Some(p) = post {
                    if let StmtKind::Assign { define: true, .. } = p.kind {
                        self.error(p.pos, "cannot declare in post statement of for loop");
                    } else {
                        self.stmt(p, ctx);
                    }
                }
                ctx.breakables.push(Breakable {
                    label,
                    is_loop: true,
                });
                self.block(&body.stmts, ctx);
                ctx.breakables.pop();
                self.scopes.pop();
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => {
                self.scopes.push(HashMap::new());
                let over_func = self.range_header(key.as_ref(), value.as_ref(), *define, x);
                ctx.breakables.push(Breakable {
                    label,
                    is_loop: true,
                });
                self.block(&body.stmts, ctx);
                ctx.breakables.pop();
                if over_func {
                    // The body was a function literal in all but name.
                    self.lits.pop();
                    self.depth -= 1;
                    self.range_func_depth -= 1;
                }
                self.scopes.pop();
            }
        }
    }

    fn type_switch(
        &mut self,
        bind: Option<&ast::Ident>,
        x: &Expr,
        clauses: &[ast::CaseClause],
        ctx: &mut StmtCtx,
        label: Option<String>,
    ) {
        let xo = self.expr(x);
        let xt = xo.ty;
        if xt != T_INVALID && !self.info.types.is_interface(xt) {
            let s = self.operand_str(x, &xo);
            self.error(x.pos, format!("{s} is not an interface"));
        }
        let valid = xt != T_INVALID && self.info.types.is_interface(xt);
        ctx.breakables.push(Breakable {
            label,
            is_loop: false,
        });
        let mut seen: Vec<(TypeId, Pos)> = Vec::new();
        let mut bind_used = false;
        let mut default_seen = false;
        for c in clauses {
            if c.default {
                if default_seen {
                    self.error(c.pos, "multiple defaults in switch");
                }
                default_seen = true;
            }
            let mut single = None;
            for e in &c.exprs {
                let is_nil = matches!(&e.kind, ExprKind::Ident(n) if n == "nil" && self.lookup("nil").is_some_and(|id| self.obj(id).kind == ObjKind::Nil));
                let t = if is_nil {
                    self.record(e, T_UNTYPED_NIL, Mode::Value);
                    T_UNTYPED_NIL
                } else {
                    self.type_expr(e)
                };
                single = Some(t);
                if t == T_INVALID || !valid {
                    continue;
                }
                if t != T_UNTYPED_NIL
                    && !self.info.types.is_interface(t)
                    && !self.info.types.is_type_param(t)
                {
                    if let Err(reason) = self.implements(t, xt) {
                        let s = self.operand_str(x, &xo);
                        let tn = self.tname(t);
                        let es = self.expr_str(e);
                        self.error(
                            e.pos,
                            format!("impossible type switch case: {es}\n\t{s} cannot have dynamic type {tn} {reason}"),
                        );
                        continue;
                    }
                }
                if let Some((_, p)) = seen
                    .iter()
                    .find(|(st, _)| self.info.types.identical(*st, t))
                {
                    let p = self.pos_string(*p);
                    let es = self.expr_str(e);
                    self.error(
                        e.pos,
                        format!("duplicate case {es} in type switch\n\tprevious case at {p}"),
                    );
                } else {
                    seen.push((t, e.pos));
                }
            }
            self.scopes.push(HashMap::new());
            if let Some(b) = bind {
                // One variable per clause: of the case's type when the clause
                // names exactly one type, else of the switched expression's.
                let t = match (c.exprs.len(), single) {
                    (1, Some(t)) if t != T_UNTYPED_NIL => t,
                    _ => xt,
                };
                let id = self.new_obj(&b.name, b.pos, t, ObjKind::Var { global: false });
                self.scopes.last_mut().unwrap().insert(b.name.clone(), id);
                self.info.switch_vars.insert(c.pos, id);
                for st in &c.body {
                    self.stmt(st, ctx);
                }
                bind_used |= self.obj(id).used;
            } else {
                for st in &c.body {
                    self.stmt(st, ctx);
                }
            }
            self.scopes.pop();
        }
        ctx.breakables.pop();
        if let Some(b) = bind {
            if !bind_used && b.name != "_" {
                self.error(b.pos, format!("declared and not used: {}", b.name));
            }
        }
    }

    fn local_decl(&mut self, d: &GenDecl) {
        match d {
            GenDecl::Var(specs) => {
                for spec in specs {
                    let tmp: Vec<ObjId> = spec
                        .names
                        .iter()
                        .map(|n| {
                            self.new_obj(&n.name, n.pos, T_INVALID, ObjKind::Var { global: false })
                        })
                        .collect();
                    self.var_spec(spec, &tmp);
                    for (n, t) in spec.names.iter().zip(tmp) {
                        let ty = self.obj(t).ty;
                        self.declare_local(n, ty, ObjKind::Var { global: false });
                    }
                }
            }
            GenDecl::Const(specs) => {
                for spec in specs {
                    let tmp: Vec<ObjId> = spec
                        .names
                        .iter()
                        .map(|n| {
                            self.new_obj(&n.name, n.pos, T_INVALID, ObjKind::Const(Value::int(0)))
                        })
                        .collect();
                    self.const_spec(spec, &tmp);
                    for (n, t) in spec.names.iter().zip(tmp) {
                        let (ty, kind) = (self.obj(t).ty, self.obj(t).kind.clone());
                        let id = self.declare_local(n, ty, kind);
                        // Go does not report unused constants.
                        self.obj_mut(id).used = true;
                    }
                }
            }
            GenDecl::Type(specs) => {
                for spec in specs {
                    if spec.alias {
                        let t = self.type_expr(&spec.ty);
                        let id = self.declare_local(&spec.name, t, ObjKind::TypeName);
                        self.obj_mut(id).used = true;
                        continue;
                    }
                    let pkg = self.pkg_name().to_string();
                    let named = self.tys().new_named(&spec.name.name, &pkg, true);
                    // Declared in a generic function, the type depends on
                    // its type parameters: a generic type of its own over
                    // them, used as its instance (`pair[int]` per copy).
                    let enclosing = self
                        .generic_body
                        .as_ref()
                        .and(self.current_decl)
                        .and_then(|d| self.info.tparams.get(&d).cloned());
                    let ty = match enclosing {
                        Some(tps) => {
                            self.tys().set_type_params(named, tps.clone());
                            self.tys().instantiate(named, tps)
                        }
                        None => named,
                    };
                    let id = self.declare_local(&spec.name, ty, ObjKind::TypeName);
                    self.obj_mut(id).used = true;
                    let under = self.type_expr(&spec.ty);
                    if under == named || under == ty {
                        self.error(
                            spec.name.pos,
                            format!("invalid recursive type {}", spec.name.name),
                        );
                    } else {
                        self.tys().set_underlying(named, under);
                    }
                }
            }
        }
    }

    /// The call of a `defer` (or `go`) statement, with Go's messages for
    /// what is not a call or whose result would be discarded.
    fn suspended_call(&mut self, keyword: &str, call: &Expr) {
        let ExprKind::Call { func, .. } = &call.kind else {
            self.expr_multi(call);
            self.error(
                call.pos,
                format!("expression in {keyword} must be function call"),
            );
            return;
        };
        let op = self.expr_multi(call);
        if op.ty == T_INVALID && op.mode != Mode::NoValue {
            return;
        }
        let msg = match self.info.exprs.get(&func.id).map(|i| i.mode.clone()) {
            Some(Mode::Type) => "requires function call, not conversion",
            Some(Mode::Builtin(b)) if !b.is_statement() => "discards result of",
            _ => return,
        };
        let s = self.operand_str(call, &op);
        self.error(call.pos, format!("{keyword} {msg} {s}"));
    }

    fn expr_stmt(&mut self, e: &Expr) {
        let op = self.expr_multi(e);
        let inner = unparen(e);
        if matches!(inner.kind, ExprKind::Unary(UnOp::Recv, _)) {
            return; // a receive is a statement
        }
        let is_call = matches!(inner.kind, ExprKind::Call { .. });
        if op.ty == T_INVALID && op.mode != Mode::NoValue {
            return;
        }
        if is_call {
            // Calls of most builtins and conversions are not statements.
            if let ExprKind::Call { func, .. } = &inner.kind {
                let fm = self.info.exprs.get(&func.id).map(|i| i.mode.clone());
                match fm {
                    Some(Mode::Type) => {}
                    Some(Mode::Builtin(b)) if !b.is_statement() => {}
                    _ => return,
                }
            }
        }
        let s = self.operand_str(e, &op);
        self.error(e.pos, format!("{s} is not used"));
    }

    /// `c <- v`.
    fn send_stmt(&mut self, c: &Expr, v: &Expr) {
        let Some(elem) = self.send_chan(c, false) else {
            self.expr(v);
            return;
        };
        let vo = self.expr(v);
        if vo.ty != T_INVALID {
            self.assignable(v, &vo, elem, "send");
        }
    }

    fn select_stmt(&mut self, clauses: &[ast::CommClause], ctx: &mut StmtCtx) {
        let mut default_pos: Option<Pos> = None;
        for c in clauses {
            self.scopes.push(HashMap::new());
            match &c.comm {
                None => {
                    if let Some(first) = default_pos {
                        let f = self.pos_string(first);
                        self.error(c.pos, format!("multiple defaults (first at {f})"));
                    }
                    default_pos = Some(c.pos);
                }
                Some(comm) => {
                    if select_comm_ok(comm) {
                        self.stmt(comm, ctx);
                    } else {
                        let pos = match &comm.kind {
                            StmtKind::Expr(e) => go_expr_pos(e),
                            _ => comm.pos,
                        };
                        self.error(
                            pos,
                            "select case must be send or receive (possibly with assignment)",
                        );
                    }
                }
            }
            for st in &c.body {
                self.stmt(st, ctx);
            }
            self.scopes.pop();
        }
    }

    fn condition(&mut self, c: &Expr, what: &str) {
        let mut o = self.expr(c);
        if o.ty == T_INVALID {
            return;
        }
        if !self.info.types.is_boolean(o.ty) {
            self.error(c.pos, format!("non-boolean condition in {what}"));
            return;
        }
        self.default_untyped(c, &mut o);
    }

    fn case_expr(
        &mut self,
        e: &Expr,
        tag: Option<&Expr>,
        tag_op: Option<&Operand>,
        seen: &mut Vec<(Value, TypeId)>,
    ) {
        let mut o = self.expr(e);
        if o.ty == T_INVALID {
            return;
        }
        match (tag, tag_op) {
            (Some(t), Some(to)) => {
                if to.ty == T_INVALID {
                    return;
                }
                if self.info.types.is_untyped(o.ty) {
                    if !self.convert_untyped(e, &o, to.ty) {
                        let s = self.operand_str(e, &o);
                        let tn = self.tname(to.ty);
                        self.error(e.pos, format!("cannot convert {s} to type {tn}"));
                        return;
                    }
                    o.ty = to.ty;
                    if let Some(v) = self.info.constant(e.id).cloned() {
                        o.mode = Mode::Const(v);
                    }
                } else if !self.assignable_type(o.ty, to.ty) && !self.assignable_type(to.ty, o.ty) {
                    let ts = self.expr_str(t);
                    let (a, b) = (self.tname(o.ty), self.tname(to.ty));
                    self.error(
                        e.pos,
                        format!(
                            "invalid case {} in switch on {ts} (mismatched types {a} and {b})",
                            self.expr_str(e)
                        ),
                    );
                    return;
                }
            }
            _ => {
                // A missing tag is the bool `true`: a case may also be an
                // interface that bool implements (compared as interfaces).
                let iface_case =
                    self.info.types.is_interface(o.ty) && self.implements(T_BOOL, o.ty).is_ok();
                if !self.info.types.is_boolean(o.ty) && !iface_case {
                    self.error(
                        e.pos,
                        format!(
                            "invalid case {} in switch (mismatched types {} and bool)",
                            self.expr_str(e),
                            self.tname(o.ty)
                        ),
                    );
                    return;
                }
                self.default_untyped(e, &mut o);
            }
        }
        // Duplicate constant cases are errors for numbers and strings (Go's
        // checker does not compare boolean ones).
        if let Some(v) = o
            .constant()
            .cloned()
            .filter(|v| !matches!(v, Value::Bool(_)))
        {
            if seen
                .iter()
                .any(|(sv, st)| *sv == v && self.info.types.identical(*st, o.ty))
            {
                let s = self.operand_str(e, &o);
                self.error(e.pos, format!("duplicate case {s} in expression switch"));
            } else {
                seen.push((v, o.ty));
            }
        }
    }

    /// An assignment target: returns its type, or None for `_`.
    fn lhs(&mut self, e: &Expr) -> Option<TypeId> {
        if let ExprKind::Ident(n) = &e.kind {
            if n == "_" {
                self.record(e, T_INVALID, Mode::Var);
                return None;
            }
            // Assigning to a variable does not count as using it.
            if let Some(id) = self.lookup(n) {
                let was_used = self.obj(id).used;
                let o = self.expr(e);
                if matches!(self.obj(id).kind, ObjKind::Var { .. }) {
                    self.obj_mut(id).used = was_used;
                }
                return self.check_assignable_place(e, o);
            }
        }
        let o = self.expr(e);
        self.check_assignable_place(e, o)
    }

    fn check_assignable_place(&mut self, e: &Expr, o: Operand) -> Option<TypeId> {
        if o.ty == T_INVALID {
            return Some(T_INVALID);
        }
        if o.mode != Mode::Var && o.mode != Mode::MapIndex {
            let s = self.expr_str(e);
            self.error(
                e.pos,
                format!("cannot assign to {s} (neither addressable nor a map index expression)"),
            );
            return Some(T_INVALID);
        }
        Some(o.ty)
    }

    fn op_assign(&mut self, s: &Stmt, x: &Expr, y: &Expr, op: ast::BinOp) {
        let lt = self.lhs(x);
        let Some(lt) = lt else {
            self.error(x.pos, "cannot use _ as value");
            return;
        };
        if lt == T_INVALID {
            self.expr(y);
            return;
        }
        let bin = Expr {
            id: u32::MAX - 1,
            pos: x.pos,
            kind: ExprKind::Binary {
                op,
                op_pos: s.pos,
                x: Box::new(x.clone()),
                y: Box::new(y.clone()),
            },
        };
        // Checking the binary expression reads x: `x += 1` and `x++` count
        // as uses of x, as in Go.
        let r = self.expr(&bin);
        self.info.exprs.remove(&bin.id);
        if r.ty != T_INVALID {
            self.assignable(&bin, &r, lt, "assignment");
        }
    }

    /// The values on the right of an assignment or declaration of `n`
    /// variables: checks counts, and each value against the target type
    /// (when given); returns the value types (untyped ones defaulted).
    pub(crate) fn assign_values(
        &mut self,
        values: &[Expr],
        n: usize,
        target: Option<TypeId>,
        context: &str,
    ) -> Vec<TypeId> {
        let targets = vec![target; n];
        self.assign_values_to(values, &targets, context)
    }

    fn assign_values_to(
        &mut self,
        values: &[Expr],
        targets: &[Option<TypeId>],
        context: &str,
    ) -> Vec<TypeId> {
        let n = targets.len();
        let owners = std::mem::take(&mut self.value_owners);
        // `v, ok = x.(T)` and `v, ok = m[k]`: the second value is an
        // untyped bool.
        let ok_form = match &unparen(&values[0]).kind {
            ExprKind::TypeAssert(_, Some(_))
            | ExprKind::Index(..)
            | ExprKind::Unary(UnOp::Recv, _) => values.len() == 1 && n == 2,
            _ => false,
        };
        let pre = ok_form.then(|| self.expr(&values[0]));
        let is_map_index = |c: &Self| match &unparen(&values[0]).kind {
            ExprKind::Index(x, _) => c
                .info
                .exprs
                .get(&x.id)
                .is_some_and(|i| matches!(c.info.types.under(i.ty), TypeKind::Map(..))),
            _ => true,
        };
        if let Some(o) = pre.filter(|_| is_map_index(self)) {
            if o.ty == T_INVALID {
                return vec![T_INVALID; 2];
            }
            self.info.comma_ok.insert(values[0].id);
            self.info.comma_ok.insert(unparen(&values[0]).id);
            let mut out = vec![o.ty, T_BOOL];
            if let Some(t) = targets[0] {
                self.assignable(&values[0], &o, t, context);
                out[0] = t;
            }
            if let Some(t) = targets[1] {
                if !self.info.types.is_boolean(t)
                    && t != T_INVALID
                    && !self.assignable_type(T_BOOL, t)
                {
                    let tn = self.tname(t);
                    let ctx = if context == "assignment" {
                        "multiple assignment"
                    } else {
                        context
                    };
                    self.error(
                        values[0].pos,
                        format!(
                            "cannot use ok value of (comma, ok) expression (untyped bool value) as {tn} value in {ctx}"
                        ),
                    );
                }
                out[1] = t;
            }
            return out;
        }
        if values.len() == 1 && n > 1 {
            let o = self.expr_multi(&values[0]);
            if let TypeKind::Tuple(ts) = self.info.types.kind(o.ty).clone() {
                if ts.len() != n {
                    let es = self.callee_str(&values[0]);
                    self.error(
                        values[0].pos,
                        format!(
                            "assignment mismatch: {n} variables but {es} returns {} value{}",
                            ts.len(),
                            if ts.len() == 1 { "" } else { "s" }
                        ),
                    );
                    return vec![T_INVALID; n];
                }
                for (t, target) in ts.iter().zip(targets) {
                    if let Some(tt) = target {
                        if *tt != T_INVALID && !self.assignable_type(*t, *tt) {
                            let s = self.operand_str(
                                &values[0],
                                &Operand {
                                    mode: Mode::Value,
                                    ty: *t,
                                },
                            );
                            let tn = self.tname(*tt);
                            self.error(
                                values[0].pos,
                                format!("cannot use {s} as {tn} value in {context}"),
                            );
                        }
                    }
                }
                return ts;
            }
            if o.ty != T_INVALID || o.mode == Mode::NoValue {
                let what = if matches!(unparen(&values[0]).kind, ExprKind::Call { .. }) {
                    let es = self.callee_str(&values[0]);
                    let k = if o.mode == Mode::NoValue { 0 } else { 1 };
                    format!(
                        "{n} variables but {es} returns {k} value{}",
                        if k == 1 { "" } else { "s" }
                    )
                } else {
                    format!("{n} variables but 1 value")
                };
                self.error(values[0].pos, format!("assignment mismatch: {what}"));
            }
            return vec![T_INVALID; n];
        }
        if values.len() != n {
            for v in values {
                self.expr_multi(v);
            }
            let vs = values.len();
            let es = if vs == 1 && matches!(unparen(&values[0]).kind, ExprKind::Call { .. }) {
                let o = self.info.exprs.get(&values[0].id).cloned();
                let k = match o {
                    Some(ExprInfo { ty, .. }) => match self.info.types.kind(ty) {
                        TypeKind::Tuple(ts) => ts.len(),
                        _ if ty == T_INVALID => 0,
                        _ => 1,
                    },
                    None => 1,
                };
                format!(
                    "{} returns {k} value{}",
                    self.callee_str(&values[0]),
                    if k == 1 { "" } else { "s" }
                )
            } else {
                format!("{vs} value{}", if vs == 1 { "" } else { "s" })
            };
            self.error(
                values[0].pos,
                format!(
                    "assignment mismatch: {n} variable{} but {es}",
                    if n == 1 { "" } else { "s" }
                ),
            );
            return vec![T_INVALID; n];
        }
        let mut out = Vec::with_capacity(n);
        for (i, (v, target)) in values.iter().zip(targets).enumerate() {
            if let Some(&owner) = owners.get(i) {
                self.current_decl = Some(owner);
            }
            let mut o = self.expr(v);
            match target {
                Some(t) => {
                    self.assignable(v, &o, *t, context);
                    out.push(*t);
                }
                None => {
                    if o.ty == T_UNTYPED_NIL {
                        self.error(v.pos, format!("use of untyped nil in {context}"));
                        out.push(T_INVALID);
                        continue;
                    }
                    self.default_untyped(v, &mut o);
                    out.push(o.ty);
                }
            }
        }
        out
    }

    /// The function expression of a call (Go names it in "f returns 2 values").
    fn callee_str(&self, e: &Expr) -> String {
        match &unparen(e).kind {
            ExprKind::Call { func, .. } => self.expr_str(func),
            _ => self.expr_str(e),
        }
    }

    fn assign(&mut self, lhs: &[Expr], rhs: &[Expr]) {
        let targets: Vec<Option<TypeId>> = lhs.iter().map(|l| self.lhs(l)).collect();
        self.assign_values_to(rhs, &targets, "assignment");
    }

    fn short_var_decl(&mut self, op_pos: Pos, lhs: &[Expr], rhs: &[Expr]) {
        // Targets: existing variables of this block keep their type; new
        // names get the value's type.
        let mut targets = Vec::new();
        let mut new_names = Vec::new();
        let mut any_new = false;
        let mut seen = HashSet::new();
        for l in lhs {
            let ExprKind::Ident(name) = &l.kind else {
                let es = self.expr_str(l);
                self.error(l.pos, format!("non-name {es} on left side of :="));
                targets.push(None);
                new_names.push(None);
                continue;
            };
            if name != "_" && !seen.insert(name.clone()) {
                self.error(l.pos, format!("{name} repeated on left side of :="));
            }
            let existing = if name == "_" {
                None
            } else {
                self.scopes.last().and_then(|sc| sc.get(name).copied())
            };
            match existing {
                Some(id) => {
                    self.info.uses.insert(l.id, id);
                    let t = self.obj(id).ty;
                    self.record(l, t, Mode::Var);
                    targets.push(Some(t));
                    new_names.push(None);
                }
                None => {
                    if name != "_" {
                        any_new = true;
                    }
                    targets.push(None);
                    new_names.push(Some(ast::Ident {
                        name: name.clone(),
                        pos: l.pos,
                    }));
                }
            }
        }
        if !any_new {
            self.error(op_pos, "no new variables on left side of :=");
        }
        let tys = self.assign_values_to(rhs, &targets, "assignment");
        for ((l, nn), t) in lhs.iter().zip(new_names).zip(tys) {
            if let Some(ident) = nn {
                let id = self.declare_local(&ident, t, ObjKind::Var { global: false });
                self.info.uses.insert(l.id, id);
                self.record(l, t, Mode::Var);
            }
        }
    }

    fn return_stmt(&mut self, s: &Stmt, results: &[Expr]) {
        let Some(f) = &self.func else { return };
        let want = f.sig.results.clone();
        let named = !f.named_results.is_empty();
        if results.is_empty() {
            if !want.is_empty() && !named {
                let w = self.tuple_str(&want);
                self.error(
                    s.pos,
                    format!("not enough return values\n\thave ()\n\twant {w}"),
                );
            }
            return;
        }
        if want.is_empty() {
            for r in results {
                self.expr_multi(r);
            }
            self.error(
                results[0].pos,
                "too many return values\n\thave (".to_string()
                    + &self.have_str(results)
                    + ")\n\twant ()",
            );
            return;
        }
        if results.len() == 1 && want.len() > 1 {
            let o = self.expr_multi(&results[0]);
            if let TypeKind::Tuple(ts) = self.info.types.kind(o.ty).clone() {
                if ts.len() == want.len() {
                    for (t, w) in ts.iter().zip(&want) {
                        if !self.assignable_type(*t, *w) {
                            let s2 = self.operand_str(
                                &results[0],
                                &Operand {
                                    mode: Mode::Value,
                                    ty: *t,
                                },
                            );
                            let tn = self.tname(*w);
                            self.error(
                                results[0].pos,
                                format!("cannot use {s2} as {tn} value in return statement"),
                            );
                        }
                    }
                    return;
                }
            }
            if o.ty == T_INVALID && o.mode != Mode::NoValue {
                return;
            }
            let have = self.have_str(results);
            let w = self.tuple_str(&want);
            self.error(
                results[0].pos,
                format!("not enough return values\n\thave ({have})\n\twant {w}"),
            );
            return;
        }
        if results.len() != want.len() {
            for r in results {
                self.expr_multi(r);
            }
            let have = self.have_str(results);
            let w = self.tuple_str(&want);
            if results.len() > want.len() {
                self.error(
                    results[want.len()].pos,
                    format!("too many return values\n\thave ({have})\n\twant {w}"),
                );
            } else {
                self.error(
                    results[0].pos,
                    format!("not enough return values\n\thave ({have})\n\twant {w}"),
                );
            }
            return;
        }
        for (r, w) in results.iter().zip(&want) {
            let o = self.expr(r);
            self.assignable(r, &o, *w, "return statement");
        }
    }

    fn have_str(&self, results: &[Expr]) -> String {
        results
            .iter()
            .map(|r| match self.info.exprs.get(&r.id) {
                Some(i)
                    if self.info.types.is_untyped(i.ty)
                        && matches!(i.mode, Mode::Const(_))
                        && self.info.types.is_numeric(i.ty) =>
                {
                    "number".to_string()
                }
                Some(i) => self.tname(i.ty),
                None => "invalid type".to_string(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn tuple_str(&self, ts: &[TypeId]) -> String {
        let v: Vec<String> = ts.iter().map(|t| self.tname(*t)).collect();
        format!("({})", v.join(", "))
    }

    fn branch(
        &mut self,
        s: &Stmt,
        kind: BranchKind,
        label: Option<&ast::Ident>,
        ctx: &mut StmtCtx,
    ) {
        if let Some(l) = label {
            match ctx.labels.get_mut(&l.name) {
                Some(entry) => entry.1 = true,
                None => {
                    let what = match kind {
                        BranchKind::Goto => format!("label {} not defined", l.name),
                        BranchKind::Break => format!("break label not defined: {}", l.name),
                        _ => format!("continue label not defined: {}", l.name),
                    };
                    self.error(l.pos, what);
                    return;
                }
            }
        }
        match kind {
            BranchKind::Goto if self.range_func_depth > 0 => {
                self.unsupported(s.pos, "goto in the body of a range over a function");
            }
            BranchKind::Goto => {}
            BranchKind::Fallthrough => self.error(s.pos, "fallthrough statement out of place"),
            BranchKind::Break => match label {
                None if ctx.breakables.is_empty() => {
                    self.error(s.pos, "break is not in a loop, switch, or select")
                }
                Some(l)
                    if !ctx
                        .breakables
                        .iter()
                        .any(|b| b.label.as_deref() == Some(&l.name)) =>
                {
                    self.error(l.pos, format!("invalid break label {}", l.name))
                }
                _ => {}
            },
            BranchKind::Continue => match label {
                None if !ctx.breakables.iter().any(|b| b.is_loop) => {
                    self.error(s.pos, "continue is not in a loop")
                }
                Some(l)
                    if !ctx
                        .breakables
                        .iter()
                        .any(|b| b.is_loop && b.label.as_deref() == Some(&l.name)) =>
                {
                    self.error(l.pos, format!("invalid continue label {}", l.name))
                }
                _ => {}
            },
        }
    }

    /// Checks a range clause; true for a range over a function, whose body
    /// the caller has checked as the body of a function literal (the range
    /// variables are its parameters, and it captures what it uses).
    fn range_header(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
    ) -> bool {
        let mut xo = self.expr(x);
        if xo.ty == T_INVALID {
            self.range_vars(key, value, define, T_INVALID, T_INVALID);
            return false;
        }
        if let TypeKind::Func(sig) = self.info.types.under(xo.ty).clone() {
            return self.range_func_header(key, value, define, x, &xo, &sig);
        }
        if self.info.types.is_untyped(xo.ty) {
            self.default_untyped(x, &mut xo);
        }
        let kind = self.info.types.under(xo.ty).clone();
        let (kt, vt) = match kind {
            TypeKind::Basic(b) if b.is_integer() => (xo.ty, None),
            TypeKind::Basic(b) if b.is_string() => (T_INT, Some(T_RUNE)),
            TypeKind::Array(_, e) | TypeKind::Slice(e) => (T_INT, Some(e)),
            TypeKind::Map(k, v) => (k, Some(v)),
            TypeKind::Chan(ChanDir::Send, _) => {
                let (s2, tn) = (self.operand_str(x, &xo), self.tname(xo.ty));
                self.error(
                    x.pos,
                    format!("cannot range over {s2}: receive from send-only channel {tn}"),
                );
                self.range_vars(key, value, define, T_INVALID, T_INVALID);
                return false;
            }
            TypeKind::Chan(_, e) => (e, None),
            TypeKind::Pointer(p) => match self.info.types.under(p).clone() {
                TypeKind::Array(_, e) => (T_INT, Some(e)),
                _ => (T_INVALID, None),
            },
            _ => (T_INVALID, None),
        };
        if kt == T_INVALID {
            let s2 = self.operand_str(x, &xo);
            self.error(x.pos, format!("cannot range over {s2}"));
            self.range_vars(key, value, define, T_INVALID, T_INVALID);
            return false;
        }
        if let (Some(v), None) = (value, vt) {
            let s2 = self.operand_str(x, &xo);
            self.error(
                v.pos,
                format!("range over {s2} permits only one iteration variable"),
            );
            return false;
        }
        self.range_vars(key, value, define, kt, vt.unwrap_or(T_INVALID));
        false
    }

    /// `for k, v := range seq` with `seq` a `func(yield func(K, V) bool)`
    /// (or one or no yielded values).
    fn range_func_header(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        xo: &Operand,
        sig: &Signature,
    ) -> bool {
        let types = &self.info.types;
        let yield_sig = match (sig.params.as_slice(), sig.results.is_empty()) {
            ([y], true) => match types.under(*y) {
                TypeKind::Func(ys)
                    if ys.results.len() == 1
                        && types.is_boolean(ys.results[0])
                        && ys.params.len() <= 2
                        && !ys.variadic =>
                {
                    Some(ys.clone())
                }
                _ => None,
            },
            _ => None,
        };
        let Some(ys) = yield_sig else {
            let s2 = self.operand_str(x, xo);
            self.error(
                x.pos,
                format!("cannot range over {s2}: func must be func(yield func(...) bool): argument is not func"),
            );
            self.range_vars(key, value, define, T_INVALID, T_INVALID);
            return false;
        };
        let given = usize::from(key.is_some()) + usize::from(value.is_some());
        if given > ys.params.len() {
            let s2 = self.operand_str(x, xo);
            let (at, msg) = match ys.params.len() {
                0 => (
                    key.map_or(x.pos, |k| k.pos),
                    "permits no iteration variables",
                ),
                _ => (
                    value.map_or(x.pos, |v| v.pos),
                    "permits only one iteration variable",
                ),
            };
            self.error(at, format!("range over {s2} {msg}"));
            return false;
        }
        // The body is the yield function's: one level deeper, capturing
        // what it uses of the enclosing function.
        self.info.captures.entry(x.id).or_default();
        self.lits.push((x.id, self.depth + 1));
        self.depth += 1;
        self.range_func_depth += 1;
        let kt = ys.params.first().copied().unwrap_or(T_INVALID);
        let vt = ys.params.get(1).copied().unwrap_or(T_INVALID);
        self.range_vars(key, value, define, kt, vt);
        true
    }

    fn range_vars(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        kt: TypeId,
        vt: TypeId,
    ) {
        for (e, t) in [(key, kt), (value, vt)] {
            let Some(e) = e else { continue };
            if define {
                let ExprKind::Ident(name) = &e.kind else {
                    let es = self.expr_str(e);
                    self.error(e.pos, format!("non-name {es} on left side of :="));
                    continue;
                };
                let id = self.declare_local(
                    &ast::Ident {
                        name: name.clone(),
                        pos: e.pos,
                    },
                    t,
                    ObjKind::Var { global: false },
                );
                self.info.uses.insert(e.id, id);
                self.record(e, t, Mode::Var);
            } else if let Some(lt) = self.lhs(e) {
                if lt != T_INVALID && t != T_INVALID && !self.assignable_type(t, lt) {
                    let es = self.expr_str(e);
                    let (a, b) = (self.tname(t), self.tname(lt));
                    self.error(
                        e.pos,
                        format!("cannot use {es} (value of type {a}) as {b} value in range clause"),
                    );
                }
            }
        }
    }
}

fn unparen(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => unparen(x),
        _ => e,
    }
}

/// Collects every label of a function body (labels have function scope).
fn collect_labels(stmts: &[Stmt], out: &mut HashMap<String, (Pos, bool)>, c: &mut Checker) {
    for s in stmts {
        collect_labels_stmt(s, out, c);
    }
}

fn collect_labels_stmt(s: &Stmt, out: &mut HashMap<String, (Pos, bool)>, c: &mut Checker) {
    match &s.kind {
        StmtKind::Labeled(l, inner) => {
            if l.name != "_" {
                if let Some((p, _)) = out.get(&l.name) {
                    let prev = c.pos_string(*p);
                    c.error(
                        l.pos,
                        format!(
                            "label {} already defined\n\t{prev}: previous definition",
                            l.name
                        ),
                    );
                } else {
                    out.insert(l.name.clone(), (l.pos, false));
                }
            }
            collect_labels_stmt(inner, out, c);
        }
        StmtKind::Block(b) => collect_labels(&b.stmts, out, c),
        StmtKind::If { then, els, .. } => {
            collect_labels(&then.stmts, out, c);
            if let Some(e) = els {
                collect_labels_stmt(e, out, c);
            }
        }
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            collect_labels(&body.stmts, out, c)
        }
        StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
            for cl in clauses {
                collect_labels(&cl.body, out, c);
            }
        }
        StmtKind::Select(clauses) => {
            for cl in clauses {
                collect_labels(&cl.body, out, c);
            }
        }
        _ => {}
    }
}

/// Go's terminating statements (the spec's list), for "missing return".
/// Where Go reports an expression: a binary expression at its operator.
fn go_expr_pos(e: &Expr) -> Pos {
    match &e.kind {
        ExprKind::Binary { op_pos, .. } => *op_pos,
        _ => e.pos,
    }
}

/// A select case's communication: a send, or a receive used as a statement
/// or assigned (`v := <-c`, `v, ok = <-c`).
fn select_comm_ok(s: &Stmt) -> bool {
    let is_recv = |e: &Expr| matches!(unparen(e).kind, ExprKind::Unary(UnOp::Recv, _));
    match &s.kind {
        StmtKind::Send(..) => true,
        StmtKind::Expr(e) => is_recv(e),
        StmtKind::Assign { rhs, op: None, .. } => rhs.len() == 1 && is_recv(&rhs[0]),
        _ => false,
    }
}

fn is_terminating_list(stmts: &[Stmt], label: Option<&str>) -> bool {
    // Trailing empty statements do not count.
    let last = stmts
        .iter()
        .rev()
        .find(|s| !matches!(s.kind, StmtKind::Empty));
    last.is_some_and(|s| is_terminating(s, label))
}

fn is_terminating(s: &Stmt, label: Option<&str>) -> bool {
    match &s.kind {
        StmtKind::Return(_) | StmtKind::Branch(BranchKind::Goto, _) => true,
        StmtKind::Expr(e) => match &unparen(e).kind {
            ExprKind::Call { func, .. } => {
                matches!(&unparen(func).kind, ExprKind::Ident(n) if n == "panic")
            }
            _ => false,
        },
        StmtKind::Block(b) => is_terminating_list(&b.stmts, None),
        StmtKind::Labeled(l, inner) => is_terminating(inner, Some(&l.name)),
        StmtKind::If { then, els, .. } => {
            is_terminating_list(&then.stmts, None)
                && els.as_ref().is_some_and(|e| is_terminating(e, None))
        }
        StmtKind::For {
            cond: None, body, ..
        } => !has_break(&body.stmts, label, true),
        StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
            clauses.iter().any(|c| c.default)
                && clauses.iter().all(|c| {
                    !has_break(&c.body, label, true)
                        && (is_terminating_list(&c.body, None)
                            || matches!(
                                c.body.last().map(|s| &s.kind),
                                Some(StmtKind::Branch(BranchKind::Fallthrough, _))
                            ))
                })
        }
        StmtKind::Select(clauses) => clauses
            .iter()
            .all(|c| !has_break(&c.body, label, true) && is_terminating_list(&c.body, None)),
        _ => false,
    }
}

/// Whether the statements contain a break that targets the enclosing
/// statement: an unlabelled one not nested in another breakable statement
/// (`top`), or one with the statement's label.
fn has_break(stmts: &[Stmt], label: Option<&str>, top: bool) -> bool {
    stmts.iter().any(|s| has_break_stmt(s, label, top))
}

fn has_break_stmt(s: &Stmt, label: Option<&str>, top: bool) -> bool {
    match &s.kind {
        StmtKind::Branch(BranchKind::Break, l) => match l {
            None => top,
            Some(l) => Some(l.name.as_str()) == label,
        },
        StmtKind::Block(b) => has_break(&b.stmts, label, top),
        StmtKind::Labeled(_, inner) => has_break_stmt(inner, label, top),
        StmtKind::If { then, els, .. } => {
            has_break(&then.stmts, label, top)
                || els.as_ref().is_some_and(|e| has_break_stmt(e, label, top))
        }
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            has_break(&body.stmts, label, false)
        }
        StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
            clauses.iter().any(|c| has_break(&c.body, label, false))
        }
        StmtKind::Select(clauses) => clauses.iter().any(|c| has_break(&c.body, label, false)),
        _ => false,
    }
}
