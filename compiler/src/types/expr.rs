//! Expressions: operands, untyped constants and their conversion, operators,
//! calls, conversions, builtins, composite literals, selectors, indexing.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::constant::{self, OpError};
use super::ty::*;
use super::*;
use crate::syntax::ast::{BinOp, Expr, ExprKind, LitKind, UnOp};

/// The result of checking an expression.
#[derive(Clone, Debug)]
pub(crate) struct Operand {
    pub mode: Mode,
    pub ty: TypeId,
}

impl Operand {
    pub fn invalid() -> Operand {
        Operand {
            mode: Mode::Value,
            ty: T_INVALID,
        }
    }
    fn value(ty: TypeId) -> Operand {
        Operand {
            mode: Mode::Value,
            ty,
        }
    }
    pub fn constant(&self) -> Option<&Value> {
        match &self.mode {
            Mode::Const(v) => Some(v),
            _ => None,
        }
    }
}

impl Checker<'_> {
    pub(crate) fn expr_str(&self, e: &Expr) -> String {
        exprstr::expr_string(e)
    }

    /// `expr (mode of type T)`, as Go's checker describes an operand.
    pub(crate) fn operand_str(&self, e: &Expr, op: &Operand) -> String {
        let expr = self.expr_str(e);
        if op.ty == T_UNTYPED_NIL {
            return "nil".to_string();
        }
        let mut s = format!("{expr} (");
        let mut has_type = false;
        match op.mode {
            Mode::NoValue | Mode::Builtin(_) | Mode::Type => {}
            _ => {
                if self.info.types.is_untyped(op.ty) {
                    s.push_str(&self.tname(op.ty));
                    s.push(' ');
                } else {
                    has_type = true;
                }
            }
        }
        s.push_str(match &op.mode {
            Mode::NoValue => "no value",
            Mode::Builtin(_) => "built-in",
            Mode::Type => "type",
            Mode::Const(_) => "constant",
            Mode::Var => "variable",
            Mode::MapIndex => "map index expression",
            Mode::Value => "value",
        });
        if let Mode::Const(v) = &op.mode {
            let vs = v.describe();
            if vs != expr {
                s.push(' ');
                s.push_str(&vs);
            }
        }
        if has_type {
            if op.ty == T_INVALID {
                s.push_str(" with invalid type");
            } else {
                s.push_str(" of ");
                s.push_str(&self.type_kind_word(op.ty));
                s.push_str("type ");
                s.push_str(&self.tname(op.ty));
            }
        }
        s.push(')');
        s
    }

    /// Go's checker describes a defined type by its structure: `struct type
    /// T`, `int type MyInt`, `interface type any` (empty for other types).
    fn type_kind_word(&self, t: TypeId) -> String {
        let types = &self.info.types;
        let described = match types.kind(t) {
            TypeKind::Named { .. } => true,
            TypeKind::Alias { .. } => !matches!(types.under(t), TypeKind::Basic(_)),
            _ => false,
        };
        if !described {
            return String::new();
        }
        let word = match types.under(t) {
            TypeKind::Basic(b) => b.name(),
            TypeKind::Struct(_) => "struct",
            TypeKind::Slice(_) => "slice",
            TypeKind::Array(..) => "array",
            TypeKind::Pointer(_) => "pointer",
            TypeKind::Func(_) => "func",
            TypeKind::Map(..) => "map",
            TypeKind::Interface(_) => "interface",
            _ => return String::new(),
        };
        format!("{word} ")
    }

    /// Checks an expression that must have a single value.
    pub(crate) fn expr(&mut self, e: &Expr) -> Operand {
        let op = self.expr_multi(e);
        self.single_value(e, op)
    }

    pub(crate) fn single_value(&mut self, e: &Expr, op: Operand) -> Operand {
        match &op.mode {
            Mode::NoValue => {
                let s = self.expr_str(e);
                self.error(e.pos, format!("{s} (no value) used as value"));
                Operand::invalid()
            }
            Mode::Type => {
                let s = self.expr_str(e);
                self.error(e.pos, format!("{s} (type) is not an expression"));
                Operand::invalid()
            }
            Mode::Builtin(b) => {
                let s = self.expr_str(e);
                self.error(
                    e.pos,
                    format!("{s} (built-in function {}) must be called", b.name()),
                );
                Operand::invalid()
            }
            _ if matches!(self.info.types.kind(op.ty), TypeKind::Tuple(_)) => {
                let s = self.operand_str(e, &op);
                self.error(e.pos, format!("multiple-value {s} in single-value context"));
                Operand::invalid()
            }
            _ => op,
        }
    }

    /// Checks an expression that may be a multi-valued call or a call without
    /// a result.
    pub(crate) fn expr_multi(&mut self, e: &Expr) -> Operand {
        let op = self.expr_inner(e);
        self.record(e, op.ty, op.mode.clone());
        op
    }

    fn expr_inner(&mut self, e: &Expr) -> Operand {
        match &e.kind {
            ExprKind::Ident(name) => self.ident(e, name),
            ExprKind::BasicLit { kind, raw, bytes } => self.basic_lit(e, *kind, raw, bytes),
            ExprKind::Paren(x) => self.expr_multi(x),
            ExprKind::CompositeLit { .. } => self.composite_lit(e, None),
            ExprKind::FuncLit { sig, body } => {
                let s = self.signature(sig);
                let t = self.tys().func(s.clone());
                self.info.captures.entry(e.id).or_default();
                self.lits.push((e.id, self.depth + 1));
                self.func_body(None, sig, &s, body);
                self.lits.pop();
                Operand::value(t)
            }
            ExprKind::Selector(x, sel) => self.selector(e, x, sel),
            ExprKind::Index(x, idx) => self.index(e, x, idx),
            ExprKind::Slice { x, lo, hi, max, .. } => self.slice_expr(e, x, lo, hi, max),
            ExprKind::TypeAssert(x, Some(t)) => self.type_assert(e, x, t),
            ExprKind::TypeAssert(_, None) => {
                self.error(
                    e.pos,
                    "invalid syntax tree: use of .(type) outside type switch",
                );
                Operand::invalid()
            }
            ExprKind::Call {
                func,
                args,
                ellipsis,
                rparen,
            } => self.call(e, func, args, *ellipsis, *rparen),
            ExprKind::Star(x) => self.star(e, x),
            ExprKind::Unary(op, x) => self.unary(e, *op, x),
            ExprKind::Binary { op, x, y, .. } => self.binary(e, *op, x, y),
            ExprKind::KeyValue(..) => {
                self.error(e.pos, "unexpected key:value expression");
                Operand::invalid()
            }
            ExprKind::ArrayType { .. }
            | ExprKind::StructType(_)
            | ExprKind::FuncType(_)
            | ExprKind::InterfaceType(_)
            | ExprKind::MapType(..)
            | ExprKind::ChanType(..) => {
                let t = self.type_expr(e);
                Operand {
                    mode: Mode::Type,
                    ty: t,
                }
            }
            ExprKind::Ellipsis(_) => {
                self.error(e.pos, "invalid use of ...");
                Operand::invalid()
            }
            ExprKind::Bad => Operand::invalid(),
        }
    }

    fn ident(&mut self, e: &Expr, name: &str) -> Operand {
        if name == "_" {
            self.error(e.pos, "cannot use _ as value");
            return Operand::invalid();
        }
        let Some(id) = self.lookup(name) else {
            self.error(e.pos, format!("undefined: {name}"));
            return Operand::invalid();
        };
        self.info.uses.insert(e.id, id);
        self.use_object(e, id)
    }

    /// The operand an identifier or qualified identifier denoting `id` is.
    fn use_object(&mut self, e: &Expr, id: ObjId) -> Operand {
        self.resolve(id);
        self.note_dependency(id);
        let o = self.obj_mut(id);
        o.used = true;
        let (ty, kind, depth) = (o.ty, o.kind.clone(), o.depth);
        match kind {
            ObjKind::Var { global: false } if depth < self.depth => {
                // A variable of an enclosing function: every literal between
                // its function and here captures it.
                self.obj_mut(id).captured = true;
                for &(lit, d) in &self.lits {
                    if d > depth {
                        let caps = self.info.captures.entry(lit).or_default();
                        if !caps.contains(&id) {
                            caps.push(id);
                        }
                    }
                }
                Operand {
                    mode: Mode::Var,
                    ty,
                }
            }
            ObjKind::Var { .. } => Operand {
                mode: Mode::Var,
                ty,
            },
            ObjKind::Const(v) => Operand {
                mode: Mode::Const(v),
                ty,
            },
            ObjKind::TypeName => Operand {
                mode: Mode::Type,
                ty,
            },
            ObjKind::Func { .. } => Operand::value(ty),
            ObjKind::Builtin(b) => Operand {
                mode: Mode::Builtin(b),
                ty: T_INVALID,
            },
            ObjKind::Nil => Operand::value(T_UNTYPED_NIL),
            ObjKind::PkgName(_) => {
                let name = self.obj(id).name.clone();
                self.error(e.pos, format!("use of package {name} not in selector"));
                Operand::invalid()
            }
            ObjKind::Iota => match self.iota {
                Some(i) => Operand {
                    mode: Mode::Const(Value::int(i)),
                    ty: T_UNTYPED_INT,
                },
                None => {
                    self.error(e.pos, "cannot use iota outside constant declaration");
                    Operand::invalid()
                }
            },
        }
    }

    fn basic_lit(&mut self, e: &Expr, kind: LitKind, raw: &str, bytes: &[u8]) -> Operand {
        let (v, t) = match kind {
            LitKind::Int => match parse_int_lit(raw) {
                Some(i) => (Value::Int(i), T_UNTYPED_INT),
                None => {
                    self.error(e.pos, format!("invalid integer literal {raw}"));
                    return Operand::invalid();
                }
            },
            LitKind::Float => match parse_float_lit(raw) {
                Some(f) => (Value::Float(f), T_UNTYPED_FLOAT),
                None => {
                    self.error(e.pos, format!("invalid floating-point literal {raw}"));
                    return Operand::invalid();
                }
            },
            LitKind::Imag => {
                self.unsupported(e.pos, "complex numbers");
                return Operand::invalid();
            }
            LitKind::Char => (Value::int(char_lit_value(bytes)), T_UNTYPED_RUNE),
            LitKind::String => (Value::Str(bytes.to_vec()), T_UNTYPED_STRING),
        };
        Operand {
            mode: Mode::Const(v),
            ty: t,
        }
    }

    // ---- untyped operands and assignability ----

    /// Gives an untyped operand the type `target` (checking that a constant
    /// fits), recording the new type on the expression and on the untyped
    /// operands it was computed from. Returns false (reporting nothing) if
    /// the operand cannot have that type.
    pub(crate) fn convert_untyped(&mut self, e: &Expr, op: &Operand, target: TypeId) -> bool {
        if !self.info.types.is_untyped(op.ty) || target == T_INVALID {
            return true;
        }
        // An untyped value stored in an interface takes its default type.
        if self.info.types.is_interface(target) && op.ty != T_UNTYPED_NIL {
            let d = self.info.types.default_type(op.ty);
            if self.implements(d, target).is_err() {
                return false;
            }
            let v = op.constant().and_then(|v| {
                self.info
                    .types
                    .basic(d)
                    .and_then(|b| constant::representable(v, b))
            });
            self.set_type(e, d, v);
            return true;
        }
        let tb = self.info.types.basic(target);
        let ok = match (op.ty, tb) {
            (T_UNTYPED_NIL, _) => self.info.types.nillable(target),
            (_, None) => false,
            (_, Some(b)) => {
                let kind_ok = match op.ty {
                    T_UNTYPED_BOOL => b.is_boolean(),
                    T_UNTYPED_STRING => b.is_string(),
                    _ => b.is_numeric(),
                };
                if !kind_ok {
                    false
                } else if let Some(v) = op.constant() {
                    match constant::representable(v, b) {
                        Some(nv) => {
                            self.set_type(e, target, Some(nv));
                            return true;
                        }
                        None => false,
                    }
                } else {
                    // Untyped non-constants: bools from comparisons, and
                    // shifted untyped constants, which must become integers.
                    op.ty == T_UNTYPED_BOOL || b.is_integer() || !self.is_nonconst_shift(e)
                }
            }
        };
        if ok {
            self.set_type(e, target, None);
        }
        ok
    }

    fn is_nonconst_shift(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Paren(x) => self.is_nonconst_shift(x),
            ExprKind::Binary { op, .. } => matches!(op, BinOp::Shl | BinOp::Shr),
            _ => false,
        }
    }

    /// Records `ty` (and a constant's converted value) on an untyped
    /// expression and, for non-constant ones, on its untyped operands.
    fn set_type(&mut self, e: &Expr, ty: TypeId, val: Option<Value>) {
        let Some(info) = self.info.exprs.get_mut(&e.id) else {
            return;
        };
        if !self.info.types.is_untyped(info.ty) {
            return;
        }
        info.ty = ty;
        if let (Some(v), Mode::Const(_)) = (val, &info.mode) {
            info.mode = Mode::Const(v);
            return;
        }
        if matches!(info.mode, Mode::Const(_)) {
            return;
        }
        match &e.kind {
            ExprKind::Paren(x) => self.set_type(x, ty, None),
            ExprKind::Unary(_, x) => self.set_type(x, ty, None),
            ExprKind::Binary { op, x, y, .. } => {
                if op.is_comparison() {
                    // The operands keep their own (default) types.
                    let (tx, ty2) = (self.info.ty(x.id), self.info.ty(y.id));
                    let (dx, dy) = (
                        self.info.types.default_type(tx),
                        self.info.types.default_type(ty2),
                    );
                    self.set_type(x, dx, None);
                    self.set_type(y, dy, None);
                } else if matches!(op, BinOp::Shl | BinOp::Shr) {
                    self.set_type(x, ty, None);
                } else {
                    self.set_type(x, ty, None);
                    self.set_type(y, ty, None);
                }
            }
            _ => {}
        }
    }

    /// Gives an untyped operand its default type (for `x := 1`, print
    /// arguments and the like).
    pub(crate) fn default_untyped(&mut self, e: &Expr, op: &mut Operand) {
        if self.info.types.is_untyped(op.ty) && op.ty != T_UNTYPED_NIL {
            let t = self.info.types.default_type(op.ty);
            if !self.convert_untyped(e, op, t) {
                let s = self.operand_str(e, op);
                let tn = self.tname(t);
                self.error(
                    e.pos,
                    format!("cannot use {s} as {tn} value in assignment (overflows)"),
                );
                op.ty = T_INVALID;
                return;
            }
            op.ty = t;
            if let Some(v) = self.info.constant(e.id).cloned() {
                op.mode = Mode::Const(v);
            }
        }
    }

    /// Checks that `op` (the value of `e`) may be assigned to a variable of
    /// type `target`, converting an untyped operand; reports Go's "cannot use"
    /// error naming `context` otherwise.
    pub(crate) fn assignable(
        &mut self,
        e: &Expr,
        op: &Operand,
        target: TypeId,
        context: &str,
    ) -> bool {
        if op.ty == T_INVALID || target == T_INVALID {
            return true;
        }
        let types = &self.info.types;
        if types.is_untyped(op.ty) {
            if self.convert_untyped(e, op, target) {
                return true;
            }
            if self.info.types.is_interface(target) && op.ty != T_UNTYPED_NIL {
                // Go reports the constant with its default type.
                let d = self.info.types.default_type(op.ty);
                let typed = Operand {
                    mode: op.mode.clone(),
                    ty: d,
                };
                return self.assignable(e, &typed, target, context);
            }
            let mut suffix = "";
            if let (Some(v), Some(b)) = (op.constant(), self.info.types.basic(target)) {
                if b.is_numeric() && v.to_f64().is_some() {
                    suffix = if b.is_integer() && v.to_int().is_none() {
                        " (truncated)"
                    } else {
                        " (overflows)"
                    };
                }
            }
            if op.ty == T_UNTYPED_NIL {
                let tn = self.tname(target);
                self.error(e.pos, format!("cannot use nil as {tn} value in {context}"));
                return false;
            }
            let s = self.operand_str(e, op);
            let tn = self.tname(target);
            self.error(
                e.pos,
                format!("cannot use {s} as {tn} value in {context}{suffix}"),
            );
            return false;
        }
        if self.assignable_type(op.ty, target) {
            return true;
        }
        let s = self.operand_str(e, op);
        let tn = self.tname(target);
        let why = match self.implements(op.ty, target) {
            Err(reason) if self.info.types.is_interface(target) => {
                format!(": {} does not implement {tn} {reason}", self.tname(op.ty))
            }
            _ if self.info.types.is_interface(op.ty) && self.implements(target, op.ty).is_ok() => {
                ": need type assertion".to_string()
            }
            _ => String::new(),
        };
        self.error(
            e.pos,
            format!("cannot use {s} as {tn} value in {context}{why}"),
        );
        false
    }

    /// Go's assignability for typed values.
    pub(crate) fn assignable_type(&self, v: TypeId, t: TypeId) -> bool {
        let types = &self.info.types;
        types.identical(v, t)
            || (types.identical(types.underlying(v), types.underlying(t))
                && (!types.is_named(v) || !types.is_named(t)))
            || (types.is_interface(t) && self.implements(v, t).is_ok())
            || match (types.under(v), types.under(t)) {
                (TypeKind::Chan(ChanDir::Both, ve), TypeKind::Chan(_, te)) => {
                    types.identical(*ve, *te) && (!types.is_named(v) || !types.is_named(t))
                }
                _ => false,
            }
    }

    // ---- channels ----

    /// `<-x`: the element type of a channel that may be received from.
    fn receive(&mut self, x: &Expr) -> Operand {
        let xo = self.expr(x);
        if xo.ty == T_INVALID {
            return Operand::invalid();
        }
        match self.info.types.under(xo.ty).clone() {
            TypeKind::Chan(dir, elem) if dir != ChanDir::Send => Operand::value(elem),
            k => {
                let what = if matches!(k, TypeKind::Chan(..)) {
                    "send-only channel"
                } else {
                    "non-channel"
                };
                let (tn, s) = (self.tname(xo.ty), self.operand_str(x, &xo));
                self.error(
                    x.pos,
                    format!("invalid operation: cannot receive from {what} {tn} {s}"),
                );
                Operand::invalid()
            }
        }
    }

    /// The channel operand of a send (`c <- v`) or `close(c)`: its element
    /// type, or None after reporting why it cannot be sent on / closed.
    pub(crate) fn send_chan(&mut self, c: &Expr, close: bool) -> Option<TypeId> {
        let co = self.expr(c);
        if co.ty == T_INVALID {
            return None;
        }
        match self.info.types.under(co.ty).clone() {
            TypeKind::Chan(dir, elem) if dir != ChanDir::Recv => Some(elem),
            k => {
                let what = if matches!(k, TypeKind::Chan(..)) {
                    "receive-only channel"
                } else {
                    "non-channel"
                };
                let s = self.operand_str(c, &co);
                let msg = if close {
                    format!("invalid operation: cannot close {what} {s}")
                } else {
                    let tn = self.tname(co.ty);
                    format!("invalid operation: cannot send to {what} {tn} {s}")
                };
                self.error(c.pos, msg);
                None
            }
        }
    }

    // ---- operators ----

    fn unary(&mut self, e: &Expr, op: UnOp, x: &Expr) -> Operand {
        if op == UnOp::Addr {
            return self.address_of(x);
        }
        if op == UnOp::Recv {
            return self.receive(x);
        }
        let xo = self.expr(x);
        if xo.ty == T_INVALID {
            return Operand::invalid();
        }
        let types = &self.info.types;
        let ok = match op {
            UnOp::Plus | UnOp::Neg => types.is_numeric(xo.ty),
            UnOp::Not => types.is_boolean(xo.ty),
            UnOp::BitNot => types.is_integer(xo.ty),
            _ => false,
        };
        if !ok {
            let s = self.operand_str(x, &xo);
            self.error(
                x.pos,
                format!(
                    "invalid operation: operator {} not defined on {s}",
                    op.as_str()
                ),
            );
            return Operand::invalid();
        }
        let Some(v) = xo.constant() else {
            return Operand::value(xo.ty);
        };
        let b = self.info.types.basic(xo.ty).unwrap_or(Basic::UntypedInt);
        let nv = match (op, v) {
            (UnOp::Plus, v) => v.clone(),
            (UnOp::Neg, Value::Int(i)) => Value::Int(-i),
            (UnOp::Neg, Value::Float(f)) => Value::Float(-f.clone()),
            (UnOp::Not, Value::Bool(b)) => Value::Bool(!b),
            (UnOp::BitNot, Value::Int(i)) => {
                if b.is_unsigned() {
                    Value::Int(constant::wrap(&(-i - 1), b))
                } else {
                    Value::Int(-i - 1)
                }
            }
            _ => return Operand::invalid(),
        };
        let res = Operand {
            mode: Mode::Const(nv),
            ty: xo.ty,
        };
        self.check_overflow(e, res)
    }

    /// Typed constants must fit their type after every operation.
    fn check_overflow(&mut self, e: &Expr, op: Operand) -> Operand {
        let (Some(v), Some(b)) = (op.constant(), self.info.types.basic(op.ty)) else {
            return op;
        };
        if b.is_untyped() {
            if let Value::Int(i) = v {
                if i.bits() > 512 {
                    self.error(e.pos, "constant overflow");
                    return Operand::invalid();
                }
            }
            return op;
        }
        match constant::representable(v, b) {
            Some(nv) => Operand {
                mode: Mode::Const(nv),
                ty: op.ty,
            },
            None => {
                let s = self.operand_str(e, &op);
                let tn = self.tname(op.ty);
                self.error(e.pos, format!("{s} overflows {tn}"));
                Operand::invalid()
            }
        }
    }

    fn address_of(&mut self, x: &Expr) -> Operand {
        let inner = unparen(x);
        if let ExprKind::CompositeLit { .. } = inner.kind {
            let xo = self.expr(x);
            if xo.ty == T_INVALID {
                return Operand::invalid();
            }
            let t = self.tys().pointer(xo.ty);
            return Operand::value(t);
        }
        let xo = self.expr(x);
        if xo.ty == T_INVALID {
            return Operand::invalid();
        }
        if xo.mode != Mode::Var {
            let s = self.operand_str(x, &xo);
            self.error(
                x.pos,
                format!("invalid operation: cannot take address of {s}"),
            );
            return Operand::invalid();
        }
        self.mark_addr_taken(x);
        let t = self.tys().pointer(xo.ty);
        Operand::value(t)
    }

    /// The variable an addressable expression is rooted in, if reaching it
    /// does not go through a pointer or slice, must live in memory.
    pub(crate) fn mark_addr_taken(&mut self, x: &Expr) {
        match &x.kind {
            ExprKind::Paren(y) => self.mark_addr_taken(y),
            ExprKind::Ident(_) => {
                if let Some(&id) = self.info.uses.get(&x.id) {
                    self.obj_mut(id).addr_taken = true;
                }
            }
            ExprKind::Selector(y, _) => {
                let through_ptr = self
                    .info
                    .selections
                    .get(&x.id)
                    .is_some_and(|s| s.derefs.iter().any(|d| *d));
                if !through_ptr {
                    self.mark_addr_taken(y);
                }
            }
            ExprKind::Index(y, _) => {
                if matches!(
                    self.info.types.under(self.info.ty(y.id)),
                    TypeKind::Array(..)
                ) {
                    self.mark_addr_taken(y);
                }
            }
            _ => {}
        }
    }

    fn star(&mut self, e: &Expr, x: &Expr) -> Operand {
        let xo = self.expr_multi(x);
        if xo.mode == Mode::Type {
            if xo.ty == T_INVALID {
                return Operand {
                    mode: Mode::Type,
                    ty: T_INVALID,
                };
            }
            let t = self.tys().pointer(xo.ty);
            return Operand {
                mode: Mode::Type,
                ty: t,
            };
        }
        let xo = self.single_value(x, xo);
        if xo.ty == T_INVALID {
            return Operand::invalid();
        }
        if xo.ty == T_UNTYPED_NIL {
            self.error(e.pos, "invalid operation: cannot indirect nil");
            return Operand::invalid();
        }
        match self.info.types.under(xo.ty) {
            TypeKind::Pointer(elem) => Operand {
                mode: Mode::Var,
                ty: *elem,
            },
            _ => {
                let s = self.operand_str(x, &xo);
                self.error(e.pos, format!("invalid operation: cannot indirect {s}"));
                Operand::invalid()
            }
        }
    }

    fn binary(&mut self, e: &Expr, op: BinOp, x: &Expr, y: &Expr) -> Operand {
        if matches!(op, BinOp::Shl | BinOp::Shr) {
            return self.shift(e, op, x, y);
        }
        let mut xo = self.expr(x);
        let mut yo = self.expr(y);
        if xo.ty == T_INVALID || yo.ty == T_INVALID {
            return Operand::invalid();
        }
        // Bring untyped operands to the other operand's type (a nil operand
        // of a comparison is left to `comparison`).
        let nil_operand = xo.ty == T_UNTYPED_NIL || yo.ty == T_UNTYPED_NIL;
        let skip_matching = op.is_comparison() && nil_operand;
        if !skip_matching && !self.match_types(e, x, &mut xo, y, &mut yo) {
            return Operand::invalid();
        }
        if op.is_comparison() {
            return self.comparison(e, op, x, &xo, y, &yo);
        }
        if !self.info.types.is_untyped(xo.ty)
            && !self.info.types.is_untyped(yo.ty)
            && !self.info.types.identical(xo.ty, yo.ty)
        {
            let es = self.expr_str(e);
            let (a, b) = (self.tname(xo.ty), self.tname(yo.ty));
            self.error(
                x.pos,
                format!("invalid operation: {es} (mismatched types {a} and {b})"),
            );
            return Operand::invalid();
        }
        let t = xo.ty;
        let types = &self.info.types;
        let ok = match op {
            BinOp::Add => types.is_numeric(t) || types.is_string(t),
            BinOp::Sub | BinOp::Mul | BinOp::Div => types.is_numeric(t),
            BinOp::Rem | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot => types.is_integer(t),
            BinOp::LAnd | BinOp::LOr => types.is_boolean(t),
            _ => false,
        };
        if !ok {
            let s = self.operand_str(x, &xo);
            self.error(
                x.pos,
                format!(
                    "invalid operation: operator {} not defined on {s}",
                    op.as_str()
                ),
            );
            return Operand::invalid();
        }
        if matches!(op, BinOp::Div | BinOp::Rem) {
            if let Some(v) = yo.constant() {
                let zero = match v {
                    Value::Int(i) => i.is_zero(),
                    Value::Float(f) => f.is_zero(),
                    _ => false,
                };
                if zero {
                    self.error(y.pos, "invalid operation: division by zero");
                    return Operand::invalid();
                }
            }
        }
        let (Some(a), Some(b)) = (xo.constant(), yo.constant()) else {
            return Operand::value(t);
        };
        let int_div = self.info.types.is_integer(t);
        match constant::binary(op, a, b, int_div) {
            Ok(v) => {
                let v = if self.info.types.is_untyped(t) && t != T_UNTYPED_FLOAT {
                    v
                } else if let (Value::Int(i), true) = (&v, self.info.types.is_float(t)) {
                    Value::Float(num_rational::BigRational::from_integer(i.clone()))
                } else {
                    v
                };
                let v = if t == T_UNTYPED_FLOAT {
                    match v {
                        Value::Int(i) => Value::Float(num_rational::BigRational::from_integer(i)),
                        v => v,
                    }
                } else {
                    v
                };
                let res = Operand {
                    mode: Mode::Const(v),
                    ty: t,
                };
                self.check_overflow(e, res)
            }
            Err(OpError::DivByZero) => {
                self.error(y.pos, "invalid operation: division by zero");
                Operand::invalid()
            }
            Err(OpError::Invalid) => Operand::invalid(),
        }
    }

    /// Converts untyped operands of a binary operation to a common type.
    fn match_types(
        &mut self,
        e: &Expr,
        x: &Expr,
        xo: &mut Operand,
        y: &Expr,
        yo: &mut Operand,
    ) -> bool {
        let types = &self.info.types;
        let (xu, yu) = (types.is_untyped(xo.ty), types.is_untyped(yo.ty));
        if xu && yu {
            if xo.ty == yo.ty {
                return true;
            }
            // Both untyped: the larger numeric kind wins.
            let rank = |t: TypeId| match t {
                T_UNTYPED_INT => 1,
                T_UNTYPED_RUNE => 2,
                T_UNTYPED_FLOAT => 3,
                _ => 0,
            };
            let (rx, ry) = (rank(xo.ty), rank(yo.ty));
            if rx > 0 && ry > 0 {
                let t = if rx > ry { xo.ty } else { yo.ty };
                if let Some(v) = xo.constant() {
                    let v = if t == T_UNTYPED_FLOAT {
                        Value::Float(v.to_rat().unwrap_or_default())
                    } else {
                        v.clone()
                    };
                    xo.mode = Mode::Const(v);
                }
                if let Some(v) = yo.constant() {
                    let v = if t == T_UNTYPED_FLOAT {
                        Value::Float(v.to_rat().unwrap_or_default())
                    } else {
                        v.clone()
                    };
                    yo.mode = Mode::Const(v);
                }
                xo.ty = t;
                yo.ty = t;
                return true;
            }
            if xo.ty == T_UNTYPED_NIL || yo.ty == T_UNTYPED_NIL {
                let es = self.expr_str(e);
                let tn = if xo.ty == T_UNTYPED_NIL {
                    self.tname(yo.ty)
                } else {
                    self.tname(xo.ty)
                };
                self.error(
                    x.pos,
                    format!("invalid operation: {es} (mismatched types untyped nil and {tn})"),
                );
                return false;
            }
            let es = self.expr_str(e);
            let (a, b) = (self.tname(xo.ty), self.tname(yo.ty));
            self.error(
                x.pos,
                format!("invalid operation: {es} (mismatched types {a} and {b})"),
            );
            return false;
        }
        if xu {
            if !self.convert_untyped(x, xo, yo.ty) {
                return self.mismatch(e, x, xo, yo);
            }
            xo.ty = yo.ty;
            if let Some(v) = self.info.constant(x.id).cloned() {
                xo.mode = Mode::Const(v);
            }
        } else if yu {
            if !self.convert_untyped(y, yo, xo.ty) {
                return self.mismatch(e, x, xo, yo);
            }
            yo.ty = xo.ty;
            if let Some(v) = self.info.constant(y.id).cloned() {
                yo.mode = Mode::Const(v);
            }
        }
        true
    }

    fn mismatch(&mut self, e: &Expr, x: &Expr, xo: &Operand, yo: &Operand) -> bool {
        // An untyped constant that does not fit the other operand's type.
        let (c, cexpr, other) = if self.info.types.is_untyped(xo.ty) {
            (xo, x, yo.ty)
        } else {
            let ExprKind::Binary { y, .. } = &e.kind else {
                unreachable!()
            };
            (yo, &**y, xo.ty)
        };
        if let (Some(v), Some(b)) = (c.constant(), self.info.types.basic(other)) {
            let kind_ok = match c.ty {
                T_UNTYPED_BOOL => b.is_boolean(),
                T_UNTYPED_STRING => b.is_string(),
                T_UNTYPED_NIL => false,
                _ => b.is_numeric(),
            };
            if kind_ok {
                let s = self.operand_str(cexpr, c);
                let tn = self.tname(other);
                let msg = if b.is_integer() && v.to_int().is_none() {
                    format!("{s} truncated to {tn}")
                } else {
                    format!("{s} overflows {tn}")
                };
                self.error(cexpr.pos, msg);
                return false;
            }
        }
        let es = self.expr_str(e);
        let (a, b) = (self.tname(xo.ty), self.tname(yo.ty));
        self.error(
            x.pos,
            format!("invalid operation: {es} (mismatched types {a} and {b})"),
        );
        false
    }

    fn comparison(
        &mut self,
        e: &Expr,
        op: BinOp,
        x: &Expr,
        xo: &Operand,
        y: &Expr,
        yo: &Operand,
    ) -> Operand {
        let types = &self.info.types;
        let es = self.expr_str(e);
        let (xt, yt) = (xo.ty, yo.ty);
        let nil_cmp = (xt == T_UNTYPED_NIL && types.nillable(yt))
            || (yt == T_UNTYPED_NIL && types.nillable(xt));
        let related = self.assignable_type(xt, yt) || self.assignable_type(yt, xt);
        if !nil_cmp && !related {
            let (a, b) = (self.tname(xt), self.tname(yt));
            // A nil that fits neither side is reported where it stands.
            let pos = if yt == T_UNTYPED_NIL { y.pos } else { x.pos };
            self.error(
                pos,
                format!("invalid operation: {es} (mismatched types {a} and {b})"),
            );
            return Operand::invalid();
        }
        let t = if xt == T_UNTYPED_NIL { yt } else { xt };
        let ok = if matches!(op, BinOp::Eq | BinOp::Ne) {
            nil_cmp || types.comparable(t)
        } else {
            types.ordered(t)
        };
        if !ok {
            let what = match types.under(t) {
                TypeKind::Slice(_) => "slice can only be compared to nil".to_string(),
                TypeKind::Func(_) => "func can only be compared to nil".to_string(),
                _ if matches!(op, BinOp::Eq | BinOp::Ne) => {
                    format!(
                        "operator {} not defined on {}",
                        op.as_str(),
                        self.operand_str(x, xo)
                    )
                }
                _ => format!(
                    "operator {} not defined on {}",
                    op.as_str(),
                    self.operand_str(x, xo)
                ),
            };
            self.error(x.pos, format!("invalid operation: {es} ({what})"));
            return Operand::invalid();
        }
        if let (Some(a), Some(b)) = (xo.constant(), yo.constant()) {
            if let Ok(v) = constant::binary(op, a, b, true) {
                return Operand {
                    mode: Mode::Const(v),
                    ty: T_UNTYPED_BOOL,
                };
            }
        }
        // Operands that stay untyped get their default types.
        for (ex, o) in [(x, xo), (y, yo)] {
            if self.info.types.is_untyped(o.ty) && o.ty != T_UNTYPED_NIL {
                let d = self.info.types.default_type(o.ty);
                self.convert_untyped(ex, o, d);
            }
        }
        Operand::value(T_UNTYPED_BOOL)
    }

    fn shift(&mut self, e: &Expr, op: BinOp, x: &Expr, y: &Expr) -> Operand {
        let xo = self.expr(x);
        let mut yo = self.expr(y);
        if xo.ty == T_INVALID || yo.ty == T_INVALID {
            return Operand::invalid();
        }
        // The count: an integer, or an untyped constant representable as uint.
        if let Some(v) = yo.constant().cloned() {
            match v.to_int() {
                Some(i) if i.is_negative() => {
                    let s = self.operand_str(y, &yo);
                    self.error(
                        y.pos,
                        format!("invalid shift count {s} (must be non-negative)"),
                    );
                    return Operand::invalid();
                }
                Some(_) if self.info.types.is_untyped(yo.ty) => {
                    self.convert_untyped(y, &yo, T_UINT);
                    yo.ty = T_UINT;
                }
                Some(_) => {}
                None => {
                    let s = self.operand_str(y, &yo);
                    if matches!(v, Value::Float(_)) {
                        self.error(y.pos, format!("{s} truncated to uint"));
                    } else {
                        self.error(
                            y.pos,
                            format!("invalid operation: shift count {s} must be integer"),
                        );
                    }
                    return Operand::invalid();
                }
            }
        } else if !self.info.types.is_integer(yo.ty) {
            let s = self.operand_str(y, &yo);
            self.error(
                y.pos,
                format!("invalid operation: shift count {s} must be integer"),
            );
            return Operand::invalid();
        }
        // The shifted operand.
        let xconst_int = xo.constant().and_then(|v| v.to_int());
        if self.info.types.is_untyped(xo.ty) {
            if xconst_int.is_none() {
                let s = self.operand_str(x, &xo);
                self.error(
                    x.pos,
                    format!("invalid operation: shifted operand {s} must be integer"),
                );
                return Operand::invalid();
            }
        } else if !self.info.types.is_integer(xo.ty) {
            let s = self.operand_str(x, &xo);
            self.error(
                x.pos,
                format!("invalid operation: shifted operand {s} must be integer"),
            );
            return Operand::invalid();
        }
        match (xconst_int.clone(), yo.constant()) {
            (Some(xi), Some(yv)) => {
                let count = yv.to_int().and_then(|i| i.to_u64()).unwrap_or(u64::MAX);
                let Some(r) = constant::shift(op, &xi, count) else {
                    let s = self.operand_str(y, &yo);
                    self.error(y.pos, format!("invalid shift count {s}"));
                    return Operand::invalid();
                };
                let t = if xo.ty == T_UNTYPED_FLOAT {
                    T_UNTYPED_INT
                } else {
                    xo.ty
                };
                let res = Operand {
                    mode: Mode::Const(Value::Int(r)),
                    ty: t,
                };
                self.check_overflow(e, res)
            }
            _ => {
                if self.info.types.is_untyped(xo.ty) {
                    // Non-constant shift of an untyped constant: its type
                    // comes from the context (set later by convert_untyped).
                    let t = if xo.ty == T_UNTYPED_FLOAT {
                        T_UNTYPED_INT
                    } else {
                        xo.ty
                    };
                    let xi = xconst_int.unwrap_or_default();
                    self.info.exprs.insert(
                        x.id,
                        ExprInfo {
                            ty: t,
                            mode: Mode::Const(Value::Int(xi)),
                        },
                    );
                    return Operand::value(t);
                }
                Operand::value(xo.ty)
            }
        }
    }

    // ---- selectors, indexing, slicing ----

    fn selector(&mut self, e: &Expr, x: &Expr, sel: &ast::Ident) -> Operand {
        if let Some(pi) = self.package_operand(x) {
            return match self.qualified_object(e, pi, sel) {
                Some(id) => self.use_object(e, id),
                None => Operand::invalid(),
            };
        }
        let xo = self.expr_multi(x);
        if let Mode::Type = xo.mode {
            return self.method_expr(e, x, xo.ty, sel);
        }
        let xo = self.single_value(x, xo);
        if xo.ty == T_INVALID {
            return Operand::invalid();
        }
        let found = match self.lookup_member(xo.ty, &sel.name) {
            lookup::Lookup::Found(f) => f,
            lookup::Lookup::Ambiguous => {
                let es = self.expr_str(e);
                self.error(sel.pos, format!("ambiguous selector {es}"));
                return Operand::invalid();
            }
            lookup::Lookup::Missing => {
                let es = self.expr_str(e);
                let tn = self.tname(xo.ty);
                self.error(
                    sel.pos,
                    format!(
                        "{es} undefined (type {tn} has no field or method {})",
                        sel.name
                    ),
                );
                return Operand::invalid();
            }
        };
        let through_ptr = found.derefs.iter().any(|d| *d);
        if !imports::is_exported(&sel.name) {
            let private = match &found.member {
                lookup::Member::Method { obj, .. } => {
                    (self.obj(*obj).pkg as usize != self.cur).then_some("method")
                }
                lookup::Member::Field(_) => self.declared_elsewhere(xo.ty).then_some("field"),
                _ => None,
            };
            if let Some(what) = private {
                let es = self.expr_str(e);
                let name = &sel.name;
                let msg = format!("{es} undefined (cannot refer to unexported {what} {name})");
                self.error(sel.pos, msg);
                return Operand::invalid();
            }
        }
        match found.member {
            lookup::Member::IfaceMethod { index, ty, .. } => {
                self.info.selections.insert(
                    e.id,
                    Selection {
                        path: found.path,
                        derefs: found.derefs,
                        method: None,
                        iface_method: Some(index),
                    },
                );
                Operand::value(ty)
            }
            lookup::Member::Field(fty) => {
                self.info.selections.insert(
                    e.id,
                    Selection {
                        path: found.path,
                        derefs: found.derefs,
                        method: None,
                        iface_method: None,
                    },
                );
                Operand {
                    mode: if through_ptr || xo.mode == Mode::Var {
                        Mode::Var
                    } else {
                        Mode::Value
                    },
                    ty: fty,
                }
            }
            lookup::Member::Method {
                obj,
                recv,
                ptr_recv,
                recv_is_ptr,
            } => {
                self.resolve(obj);
                self.note_dependency(obj);
                // A pointer method needs an addressable receiver (or a
                // pointer): Go takes its address implicitly.
                if ptr_recv && !recv_is_ptr {
                    if !through_ptr && xo.mode != Mode::Var {
                        let tn = self.tname(recv);
                        self.error(
                            sel.pos,
                            format!("cannot call pointer method {} on {tn}", sel.name),
                        );
                        return Operand::invalid();
                    }
                    if !through_ptr {
                        self.mark_addr_taken(x);
                    }
                }
                self.info.selections.insert(
                    e.id,
                    Selection {
                        path: found.path,
                        derefs: found.derefs,
                        method: Some(MethodSel {
                            obj,
                            ptr_recv,
                            recv_is_ptr,
                            expr: false,
                        }),
                        iface_method: None,
                    },
                );
                Operand::value(self.obj(obj).ty)
            }
        }
    }

    /// `x.(T)`: x must be an interface, and T (if not an interface) must
    /// implement it.
    fn type_assert(&mut self, e: &Expr, x: &Expr, t: &Expr) -> Operand {
        let xo = self.expr(x);
        let tt = self.type_expr(t);
        if xo.ty == T_INVALID || tt == T_INVALID {
            return Operand::invalid();
        }
        if !self.info.types.is_interface(xo.ty) {
            let s = self.operand_str(x, &xo);
            self.error(x.pos, format!("invalid operation: {s} is not an interface"));
            return Operand::invalid();
        }
        if !self.info.types.is_interface(tt) {
            if let Err(reason) = self.implements(tt, xo.ty) {
                let es = self.expr_str(e);
                let (a, b) = (self.tname(tt), self.tname(xo.ty));
                self.error(
                    e.pos,
                    format!(
                        "impossible type assertion: {es}\n\t{a} does not implement {b} {reason}"
                    ),
                );
                return Operand::invalid();
            }
        }
        Operand::value(tt)
    }

    /// `T.M` or `(*T).M`: the method as a function taking the receiver first.
    fn method_expr(&mut self, e: &Expr, x: &Expr, t: TypeId, sel: &ast::Ident) -> Operand {
        if t == T_INVALID {
            return Operand::invalid();
        }
        let ts = self.expr_str(x);
        let found = match self.lookup_member(t, &sel.name) {
            lookup::Lookup::Found(f) => f,
            _ => {
                self.error(
                    sel.pos,
                    format!(
                        "{ts}.{} undefined (type {} has no method {})",
                        sel.name,
                        self.tname(t),
                        sel.name
                    ),
                );
                return Operand::invalid();
            }
        };
        let lookup::Member::Method {
            obj,
            ptr_recv,
            recv_is_ptr,
            ..
        } = found.member
        else {
            self.error(
                sel.pos,
                format!(
                    "{ts}.{} undefined (type {} has no method {})",
                    sel.name,
                    self.tname(t),
                    sel.name
                ),
            );
            return Operand::invalid();
        };
        if ptr_recv && !recv_is_ptr {
            self.error(
                sel.pos,
                format!(
                    "invalid method expression {ts}.{} (needs pointer receiver (*{ts}).{})",
                    sel.name, sel.name
                ),
            );
            return Operand::invalid();
        }
        self.resolve(obj);
        self.note_dependency(obj);
        let TypeKind::Func(sig) = self.info.types.kind(self.obj(obj).ty).clone() else {
            return Operand::invalid();
        };
        let mut params = vec![t];
        params.extend(sig.params);
        let ft = self.tys().func(Signature {
            params,
            results: sig.results,
            variadic: sig.variadic,
        });
        self.info.selections.insert(
            e.id,
            Selection {
                path: found.path,
                derefs: found.derefs,
                method: Some(MethodSel {
                    obj,
                    ptr_recv,
                    recv_is_ptr,
                    expr: true,
                }),
                iface_method: None,
            },
        );
        Operand::value(ft)
    }

    /// Checks an index operand: an integer (or untyped constant
    /// representable as int), non-negative, below `bound` if given.
    fn index_value(&mut self, i: &Expr, bound: Option<u64>) -> Option<Option<i64>> {
        let io = self.expr(i);
        if io.ty == T_INVALID {
            return None;
        }
        let untyped_int = self.info.types.is_untyped(io.ty)
            && io.constant().is_some_and(|v| v.to_int().is_some());
        if !self.info.types.is_integer(io.ty) && !untyped_int {
            let s = self.operand_str(i, &io);
            if matches!(io.constant(), Some(Value::Float(_))) {
                self.error(i.pos, format!("{s} truncated to int"));
                return None;
            }
            self.error(
                i.pos,
                format!("invalid argument: index {s} must be integer"),
            );
            return None;
        }
        let Some(v) = io.constant().and_then(|v| v.to_int()) else {
            return Some(None);
        };
        if self.info.types.is_untyped(io.ty) && !self.convert_untyped(i, &io, T_INT) {
            let s = self.operand_str(i, &io);
            self.error(
                i.pos,
                format!("cannot use {s} as int value in index (overflows)"),
            );
            return None;
        }
        if v.is_negative() {
            let s = self.operand_str(
                i,
                &Operand {
                    mode: Mode::Const(Value::Int(v.clone())),
                    ty: if self.info.types.is_untyped(io.ty) {
                        T_INT
                    } else {
                        io.ty
                    },
                },
            );
            let s = if self.info.types.is_untyped(io.ty) {
                s.replace("(untyped int constant", "(constant of type int")
            } else {
                s
            };
            self.error(
                i.pos,
                format!("invalid argument: index {s} must not be negative"),
            );
            return None;
        }
        let n = v.to_i64()?;
        if let Some(b) = bound {
            if n as u64 >= b {
                let s = self.expr_str(i);
                self.error(
                    i.pos,
                    format!("invalid argument: index {s} out of bounds [0:{b}]"),
                );
                return None;
            }
        }
        Some(Some(n))
    }

    fn index(&mut self, e: &Expr, x: &Expr, idx: &[Expr]) -> Operand {
        let xo = self.expr_multi(x);
        if xo.mode == Mode::Type {
            self.unsupported(e.pos, "generic types");
            return Operand::invalid();
        }
        let xo = self.single_value(x, xo);
        if xo.ty == T_INVALID || idx.len() != 1 {
            if idx.len() != 1 && xo.ty != T_INVALID {
                self.error(e.pos, "unexpected comma; expecting ]");
            }
            return Operand::invalid();
        }
        let i = &idx[0];
        let kind = self.info.types.under(xo.ty).clone();
        match kind {
            TypeKind::Basic(b) if b.is_string() => {
                let len = match xo.constant() {
                    Some(Value::Str(s)) => Some(s.len() as u64),
                    _ => None,
                };
                let iv = self.index_value(i, len);
                if iv.is_none() {
                    return Operand::invalid();
                }
                if self.info.types.is_untyped(xo.ty) {
                    self.convert_untyped(x, &xo, T_STRING);
                }
                Operand::value(T_BYTE)
            }
            TypeKind::Slice(elem) => {
                self.index_value(i, None);
                Operand {
                    mode: Mode::Var,
                    ty: elem,
                }
            }
            TypeKind::Map(k, v) => {
                let ko = self.expr(i);
                self.assignable(i, &ko, k, "map index");
                Operand {
                    mode: Mode::MapIndex,
                    ty: v,
                }
            }
            TypeKind::Array(n, elem) => {
                self.index_value(i, Some(n));
                Operand {
                    mode: if xo.mode == Mode::Var {
                        Mode::Var
                    } else {
                        Mode::Value
                    },
                    ty: elem,
                }
            }
            TypeKind::Pointer(p) => match self.info.types.under(p).clone() {
                TypeKind::Array(n, elem) => {
                    self.index_value(i, Some(n));
                    Operand {
                        mode: Mode::Var,
                        ty: elem,
                    }
                }
                _ => self.not_indexable(e, x, &xo),
            },
            _ => self.not_indexable(e, x, &xo),
        }
    }

    fn not_indexable(&mut self, e: &Expr, x: &Expr, xo: &Operand) -> Operand {
        let s = self.operand_str(x, xo);
        self.error(e.pos, format!("invalid operation: cannot index {s}"));
        Operand::invalid()
    }

    fn slice_expr(
        &mut self,
        e: &Expr,
        x: &Expr,
        lo: &Option<Box<Expr>>,
        hi: &Option<Box<Expr>>,
        max: &Option<Box<Expr>>,
    ) -> Operand {
        let xo = self.expr(x);
        if xo.ty == T_INVALID {
            return Operand::invalid();
        }
        let kind = self.info.types.under(xo.ty).clone();
        let (result, bound) = match kind {
            TypeKind::Basic(b) if b.is_string() => {
                if max.is_some() {
                    let s = self.operand_str(x, &xo);
                    self.error(
                        e.pos,
                        format!("invalid operation: 3-index slice of string {s}"),
                    );
                    return Operand::invalid();
                }
                let len = match xo.constant() {
                    Some(Value::Str(s)) => Some(s.len() as u64 + 1),
                    _ => None,
                };
                let t = if self.info.types.is_untyped(xo.ty) {
                    self.convert_untyped(x, &xo, T_STRING);
                    T_STRING
                } else {
                    xo.ty
                };
                (t, len)
            }
            TypeKind::Slice(_) => (xo.ty, None),
            TypeKind::Array(n, elem) => {
                if xo.mode != Mode::Var {
                    let s = self.operand_str(x, &xo);
                    self.error(
                        e.pos,
                        format!(
                            "invalid operation: {} (slice of unaddressable value)",
                            s.split(" (").next().unwrap_or(&s)
                        ),
                    );
                    return Operand::invalid();
                }
                self.mark_addr_taken(x);
                (self.tys().slice(elem), Some(n + 1))
            }
            TypeKind::Pointer(p) => match self.info.types.under(p).clone() {
                TypeKind::Array(n, elem) => (self.tys().slice(elem), Some(n + 1)),
                _ => {
                    let s = self.operand_str(x, &xo);
                    self.error(e.pos, format!("cannot slice {s}"));
                    return Operand::invalid();
                }
            },
            _ => {
                let s = self.operand_str(x, &xo);
                self.error(e.pos, format!("cannot slice {s}"));
                return Operand::invalid();
            }
        };
        let mut consts: Vec<i64> = Vec::new();
        for b in [lo, hi, max].into_iter().flatten() {
            match self.index_value(b, bound) {
                None => return Operand::invalid(),
                Some(Some(v)) => {
                    if let Some(&prev) = consts.last() {
                        if v < prev {
                            self.error(b.pos, format!("invalid slice indices: {} < {}", v, prev));
                            return Operand::invalid();
                        }
                    }
                    consts.push(v);
                }
                Some(None) => {}
            }
        }
        Operand::value(result)
    }

    // ---- calls, conversions, builtins ----

    fn call(
        &mut self,
        e: &Expr,
        func: &Expr,
        args: &[Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
    ) -> Operand {
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
    fn call_args(
        &mut self,
        sig: &Signature,
        args: &[Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
        ctx: &str,
        what: &str,
    ) {
        // A single multi-valued call spreads over the parameters.
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

    fn conversion(&mut self, e: &Expr, t: TypeId, args: &[Expr]) -> Operand {
        if args.len() != 1 {
            let tn = self.tname(t);
            if args.is_empty() {
                self.error(e.pos, format!("missing argument in conversion to {tn}"));
            } else {
                self.error(
                    args[1].pos,
                    format!("too many arguments in conversion to {tn}"),
                );
            }
            return Operand::invalid();
        }
        let x = &args[0];
        let xo = self.expr(x);
        if xo.ty == T_INVALID {
            return Operand::invalid();
        }
        let types = &self.info.types;
        let tb = types.basic(t);
        // Constant conversions yield constants.
        if let (Some(v), Some(b)) = (xo.constant().cloned(), tb) {
            let from_int =
                v.to_int().is_some() && (types.is_integer(xo.ty) || matches!(v, Value::Int(_)));
            let res = if b.is_string() && matches!(v, Value::Int(_)) && types.is_integer(xo.ty) {
                let cp = v
                    .to_i64()
                    .filter(|c| (0..=0x10ffff).contains(c) && !(0xd800..0xe000).contains(c));
                let s = match cp.and_then(|c| char::from_u32(c as u32)) {
                    Some(ch) => ch.to_string().into_bytes(),
                    None => "\u{fffd}".as_bytes().to_vec(),
                };
                Some(Value::Str(s))
            } else if b.is_integer() && matches!(v, Value::Float(_)) && !types.is_integer(xo.ty) {
                match v.to_int() {
                    Some(_) => constant::representable(&v, b),
                    None => {
                        let s = self.operand_str(x, &xo);
                        let tn = self.tname(t);
                        self.error(
                            x.pos,
                            format!("cannot convert {s} to type {tn} (truncated)"),
                        );
                        return Operand::invalid();
                    }
                }
            } else if (b.is_numeric() && types.is_numeric(xo.ty))
                || (b.is_string() && types.is_string(xo.ty))
                || (b.is_boolean() && types.is_boolean(xo.ty))
            {
                let v = if b.is_float() {
                    Value::Float(v.to_rat().unwrap_or_default())
                } else {
                    v.clone()
                };
                match constant::representable(&v, b) {
                    Some(nv) => Some(nv),
                    None if from_int && b.is_integer() => {
                        let tn = self.tname(t);
                        self.error(
                            x.pos,
                            format!(
                                "cannot convert {} (untyped int constant) to type {tn}",
                                v.describe()
                            )
                            .replace(
                                &format!(
                                    "cannot convert {} (untyped int constant) to type",
                                    v.describe()
                                ),
                                &format!("constant {} overflows", v.describe()),
                            ),
                        );
                        return Operand::invalid();
                    }
                    None => None,
                }
            } else {
                None
            };
            match res {
                Some(nv) => {
                    self.set_type(
                        x,
                        if self.info.types.is_untyped(xo.ty) {
                            self.info.types.default_type(xo.ty)
                        } else {
                            xo.ty
                        },
                        None,
                    );
                    return Operand {
                        mode: Mode::Const(nv),
                        ty: t,
                    };
                }
                None => {
                    if !(b.is_string() && types.is_integer(xo.ty)) {
                        let s = self.operand_str(x, &xo);
                        let tn = self.tname(t);
                        self.error(x.pos, format!("cannot convert {s} to type {tn}"));
                        return Operand::invalid();
                    }
                }
            }
        }
        let mut xo = xo;
        if self.info.types.is_untyped(xo.ty) {
            if xo.ty == T_UNTYPED_NIL {
                if self.info.types.nillable(t) {
                    self.set_type(x, t, None);
                    return Operand::value(t);
                }
                let tn = self.tname(t);
                self.error(x.pos, format!("cannot convert nil to type {tn}"));
                return Operand::invalid();
            }
            // Non-constant untyped (a comparison or shift): convert to the
            // target if it fits, else to the default type first.
            if !self.convert_untyped(x, &xo, t) {
                self.default_untyped(x, &mut xo);
            } else {
                xo.ty = t;
            }
        }
        if self.convertible(xo.ty, t) {
            Operand::value(t)
        } else {
            let s = self.operand_str(x, &xo);
            let tn = self.tname(t);
            self.error(x.pos, format!("cannot convert {s} to type {tn}"));
            Operand::invalid()
        }
    }

    /// Go's conversion rules for non-constant values.
    pub(crate) fn convertible(&self, v: TypeId, t: TypeId) -> bool {
        let types = &self.info.types;
        if types.is_interface(t) && self.implements(v, t).is_ok() {
            return true;
        }
        if self.assignable_type(v, t) || types.identical(types.underlying(v), types.underlying(t)) {
            return true;
        }
        if let (TypeKind::Pointer(a), TypeKind::Pointer(b)) = (types.under(v), types.under(t)) {
            if types.identical(types.underlying(*a), types.underlying(*b)) {
                return true;
            }
        }
        if types.is_numeric(v) && types.is_numeric(t) {
            return true;
        }
        let byte_or_rune_slice = |x: TypeId| match types.under(x) {
            TypeKind::Slice(e) => {
                matches!(types.basic(*e), Some(Basic::Uint8) | Some(Basic::Int32))
            }
            _ => false,
        };
        if types.is_string(t) && (types.is_integer(v) || byte_or_rune_slice(v)) {
            return true;
        }
        if types.is_string(v) && byte_or_rune_slice(t) {
            return true;
        }
        false
    }

    fn builtin(
        &mut self,
        e: &Expr,
        b: Builtin,
        args: &[Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
    ) -> Operand {
        let name = b.name();
        // Go 1.27 reports a wrong argument count at the call.
        let nargs_err = |c: &mut Self, min: usize, max: Option<usize>| -> bool {
            let (msg, want) = if args.len() < min {
                ("not enough", min)
            } else if let Some(m) = max.filter(|&m| args.len() > m) {
                ("too many", m)
            } else {
                return true;
            };
            let es = c.expr_str(e);
            c.error(
                e.pos,
                format!(
                    "invalid operation: {msg} arguments for {es} (expected {want}, found {})",
                    args.len()
                ),
            );
            false
        };
        if ellipsis.is_some() && b != Builtin::Append {
            self.error(
                e.pos,
                format!("invalid operation: invalid use of ... with built-in {name}"),
            );
            return Operand::invalid();
        }
        match b {
            Builtin::Len | Builtin::Cap => {
                if !nargs_err(self, 1, Some(1)) {
                    return Operand::invalid();
                }
                let x = &args[0];
                let xo = self.expr(x);
                if xo.ty == T_INVALID {
                    return Operand::invalid();
                }
                let kind = self.info.types.under(xo.ty).clone();
                let arr_len = |k: &TypeKind, types: &Types| match k {
                    TypeKind::Array(n, _) => Some(*n),
                    TypeKind::Pointer(p) => match types.under(*p) {
                        TypeKind::Array(n, _) => Some(*n),
                        _ => None,
                    },
                    _ => None,
                };
                let ok = match &kind {
                    TypeKind::Basic(bk) if bk.is_string() => b == Builtin::Len,
                    TypeKind::Slice(_) => true,
                    TypeKind::Map(..) => b == Builtin::Len,
                    TypeKind::Chan(..) => true,
                    _ => arr_len(&kind, &self.info.types).is_some(),
                };
                if !ok {
                    let s = self.operand_str(x, &xo);
                    self.error(x.pos, format!("invalid argument: {s} for built-in {name}"));
                    return Operand::invalid();
                }
                if let Some(Value::Str(s)) = xo.constant() {
                    let n = s.len() as i64;
                    self.convert_untyped(x, &xo, T_STRING);
                    return Operand {
                        mode: Mode::Const(Value::int(n)),
                        ty: T_INT,
                    };
                }
                if let Some(n) = arr_len(&kind, &self.info.types) {
                    if !contains_call(x) {
                        return Operand {
                            mode: Mode::Const(Value::int(n as i64)),
                            ty: T_INT,
                        };
                    }
                }
                Operand::value(T_INT)
            }
            Builtin::New => {
                if !nargs_err(self, 1, Some(1)) {
                    return Operand::invalid();
                }
                // new(T), or since Go 1.26 new(expr): a pointer to a new
                // variable holding the value.
                let mut o = self.expr_multi(&args[0]);
                let t = if o.mode == Mode::Type {
                    o.ty
                } else {
                    o = self.single_value(&args[0], o);
                    if o.ty == T_UNTYPED_NIL {
                        self.error(
                            args[0].pos,
                            "use of untyped nil in argument to built-in new",
                        );
                        return Operand::invalid();
                    }
                    self.default_untyped(&args[0], &mut o);
                    o.ty
                };
                if t == T_INVALID {
                    return Operand::invalid();
                }
                let p = self.tys().pointer(t);
                Operand::value(p)
            }
            Builtin::Make => {
                if !nargs_err(self, 1, Some(3)) {
                    return Operand::invalid();
                }
                let t = self.type_expr(&args[0]);
                if t == T_INVALID {
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return Operand::invalid();
                }
                if matches!(
                    self.info.types.under(t),
                    TypeKind::Map(..) | TypeKind::Chan(..)
                ) {
                    if args.len() > 2 {
                        let es = self.expr_str(e);
                        self.error(
                            e.pos,
                            format!(
                                "invalid operation: {es} expects 1 or 2 arguments; found {}",
                                args.len()
                            ),
                        );
                        return Operand::invalid();
                    }
                    if let Some(h) = args.get(1) {
                        let ho = self.expr(h);
                        if ho.ty == T_INVALID || !self.size_arg(h, &ho) {
                            return Operand::invalid();
                        }
                    }
                    return Operand::value(t);
                }
                if !matches!(self.info.types.under(t), TypeKind::Slice(_)) {
                    let tn = self.tname(t);
                    self.error(args[0].pos, format!("invalid argument: cannot make {tn}; type must be slice, map, or channel"));
                    return Operand::invalid();
                }
                if args.len() < 2 {
                    self.error(
                        e.pos,
                        format!(
                            "invalid operation: {} expects 2 or 3 arguments; found 1",
                            self.expr_str(e)
                        ),
                    );
                    return Operand::invalid();
                }
                let mut sizes = Vec::new();
                for a in &args[1..] {
                    let ao = self.expr(a);
                    if ao.ty == T_INVALID {
                        return Operand::invalid();
                    }
                    if !self.size_arg(a, &ao) {
                        return Operand::invalid();
                    }
                    sizes.push(ao.constant().and_then(|v| v.to_int()));
                }
                if let [Some(l), Some(c)] = sizes.as_slice() {
                    if l > c {
                        self.error(
                            args[1].pos,
                            "invalid argument: length and capacity swapped".to_string(),
                        );
                        return Operand::invalid();
                    }
                }
                Operand::value(t)
            }
            Builtin::Append => {
                if args.is_empty() {
                    self.error(
                        rparen,
                        "not enough arguments for append() (expected 1, found 0)",
                    );
                    return Operand::invalid();
                }
                let so = self.expr(&args[0]);
                if so.ty == T_INVALID {
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return Operand::invalid();
                }
                let st = if so.ty == T_UNTYPED_NIL {
                    self.error(
                        args[0].pos,
                        "first argument to append must be a typed slice; found untyped nil",
                    );
                    return Operand::invalid();
                } else {
                    so.ty
                };
                let TypeKind::Slice(elem) = self.info.types.under(st).clone() else {
                    let s = self.operand_str(&args[0], &so);
                    self.error(
                        args[0].pos,
                        format!("invalid append: argument must be a slice; have {s}"),
                    );
                    return Operand::invalid();
                };
                if ellipsis.is_some() {
                    if args.len() != 2 {
                        self.error(e.pos, "can only use ... with final argument in list");
                        return Operand::invalid();
                    }
                    let ao = self.expr(&args[1]);
                    if ao.ty == T_INVALID {
                        return Operand::invalid();
                    }
                    let is_bytes_from_string = self.info.types.basic(elem) == Some(Basic::Uint8)
                        && self.info.types.is_string(ao.ty);
                    if is_bytes_from_string {
                        if self.info.types.is_untyped(ao.ty) {
                            self.convert_untyped(&args[1], &ao, T_STRING);
                        }
                    } else {
                        self.assignable(&args[1], &ao, st, "argument to append");
                    }
                } else {
                    for a in &args[1..] {
                        let ao = self.expr(a);
                        self.assignable(a, &ao, elem, "argument to append");
                    }
                }
                Operand::value(st)
            }
            Builtin::Copy => {
                if !nargs_err(self, 2, Some(2)) {
                    return Operand::invalid();
                }
                let d = self.expr(&args[0]);
                let s = self.expr(&args[1]);
                if d.ty == T_INVALID || s.ty == T_INVALID {
                    return Operand::invalid();
                }
                let de = match self.info.types.under(d.ty) {
                    TypeKind::Slice(e) => Some(*e),
                    _ => None,
                };
                let se = match self.info.types.under(s.ty) {
                    TypeKind::Slice(e) => Some(*e),
                    TypeKind::Basic(bk) if bk.is_string() => Some(T_BYTE),
                    _ => None,
                };
                match (de, se) {
                    (Some(a), Some(b))
                        if self.info.types.identical(
                            self.info.types.underlying(a),
                            self.info.types.underlying(b),
                        ) =>
                    {
                        if self.info.types.is_untyped(s.ty) {
                            self.convert_untyped(&args[1], &s, T_STRING);
                        }
                        Operand::value(T_INT)
                    }
                    _ => {
                        self.error(
                            e.pos,
                            format!(
                                "invalid argument: copy expects slice arguments; found {} and {}",
                                self.operand_str(&args[0], &d),
                                self.operand_str(&args[1], &s)
                            ),
                        );
                        Operand::invalid()
                    }
                }
            }
            Builtin::Close => {
                if nargs_err(self, 1, Some(1)) {
                    self.send_chan(&args[0], true);
                }
                Operand {
                    mode: Mode::NoValue,
                    ty: T_INVALID,
                }
            }
            Builtin::Delete => {
                if !nargs_err(self, 2, Some(2)) {
                    return Operand::invalid();
                }
                let mo = self.expr(&args[0]);
                let ko = self.expr(&args[1]);
                if mo.ty == T_INVALID || ko.ty == T_INVALID {
                    return Operand {
                        mode: Mode::NoValue,
                        ty: T_INVALID,
                    };
                }
                let TypeKind::Map(k, _) = self.info.types.under(mo.ty).clone() else {
                    let s = self.operand_str(&args[0], &mo);
                    self.error(args[0].pos, format!("invalid argument: {s} is not a map"));
                    return Operand {
                        mode: Mode::NoValue,
                        ty: T_INVALID,
                    };
                };
                self.assignable(&args[1], &ko, k, "argument to delete");
                Operand {
                    mode: Mode::NoValue,
                    ty: T_INVALID,
                }
            }
            Builtin::Clear => {
                if !nargs_err(self, 1, Some(1)) {
                    return Operand::invalid();
                }
                let xo = self.expr(&args[0]);
                if xo.ty != T_INVALID
                    && !matches!(
                        self.info.types.under(xo.ty),
                        TypeKind::Slice(_) | TypeKind::Map(..)
                    )
                {
                    let s = self.operand_str(&args[0], &xo);
                    self.error(
                        args[0].pos,
                        format!("invalid argument: {s} must be a map or slice"),
                    );
                }
                Operand {
                    mode: Mode::NoValue,
                    ty: T_INVALID,
                }
            }
            Builtin::Panic => {
                if !nargs_err(self, 1, Some(1)) {
                    return Operand::invalid();
                }
                let mut xo = self.expr(&args[0]);
                if xo.ty == T_UNTYPED_NIL {
                    // panic(nil) is a run-time *runtime.PanicNilError.
                    self.convert_untyped(&args[0], &xo, T_EMPTY_IFACE);
                } else if xo.ty != T_INVALID {
                    self.default_untyped(&args[0], &mut xo);
                }
                Operand {
                    mode: Mode::NoValue,
                    ty: T_INVALID,
                }
            }
            Builtin::Recover => {
                if !nargs_err(self, 0, Some(0)) {
                    return Operand::invalid();
                }
                Operand {
                    mode: Mode::Value,
                    ty: T_EMPTY_IFACE,
                }
            }
            Builtin::Print | Builtin::Println => {
                // Go's compiler rejects composite values after type checking,
                // at the call's opening parenthesis.
                let lparen = {
                    let ExprKind::Call { func, .. } = &e.kind else {
                        unreachable!()
                    };
                    Pos {
                        col: func.pos.col + self.expr_str(func).len() as u32,
                        ..func.pos
                    }
                };
                let printable = |c: &Self, t: TypeId| {
                    matches!(
                        c.info.types.under(t),
                        TypeKind::Basic(_)
                            | TypeKind::Pointer(_)
                            | TypeKind::Slice(_)
                            | TypeKind::Interface(_)
                            | TypeKind::Map(..)
                            | TypeKind::Chan(..)
                    )
                };
                if let [a] = args {
                    // print(f()) prints every result of f.
                    let o = self.expr_multi(a);
                    if let TypeKind::Tuple(ts) = self.info.types.kind(o.ty).clone() {
                        for t in ts {
                            if !printable(self, t) {
                                let tn = self.tname(t);
                                self.late_errors.push(Diag::new(
                                    lparen,
                                    format!("illegal types for operand: {name}\n\t{tn}"),
                                ));
                            }
                        }
                        return Operand {
                            mode: Mode::NoValue,
                            ty: T_INVALID,
                        };
                    }
                }
                for a in args {
                    let mut ao = self.expr(a);
                    if ao.ty == T_UNTYPED_NIL {
                        self.error(
                            a.pos,
                            format!("use of untyped nil in argument to built-in {name}"),
                        );
                        continue;
                    }
                    self.default_untyped(a, &mut ao);
                    if ao.ty != T_INVALID && !printable(self, ao.ty) {
                        let tn = self.tname(ao.ty);
                        self.late_errors.push(Diag::new(
                            lparen,
                            format!("illegal types for operand: {name}\n\t{tn}"),
                        ));
                    }
                }
                Operand {
                    mode: Mode::NoValue,
                    ty: T_INVALID,
                }
            }
            Builtin::Min | Builtin::Max => {
                if !nargs_err(self, 1, None) {
                    return Operand::invalid();
                }
                let mut ops: Vec<Operand> = args.iter().map(|a| self.expr(a)).collect();
                if ops.iter().any(|o| o.ty == T_INVALID) {
                    return Operand::invalid();
                }
                // The operands share one type: the typed one's, if any.
                let typed = ops
                    .iter()
                    .map(|o| o.ty)
                    .find(|t| !self.info.types.is_untyped(*t));
                let t = match typed {
                    Some(t) => t,
                    None => ops
                        .iter()
                        .map(|o| o.ty)
                        .max_by_key(|t| match *t {
                            T_UNTYPED_FLOAT => 3,
                            T_UNTYPED_RUNE => 2,
                            _ => 1,
                        })
                        .unwrap(),
                };
                for (a, o) in args.iter().zip(ops.iter_mut()) {
                    if !self.info.types.is_untyped(t) {
                        if self.info.types.is_untyped(o.ty) {
                            if !self.assignable(a, o, t, &format!("argument to built-in {name}")) {
                                return Operand::invalid();
                            }
                            o.ty = t;
                        } else if !self.info.types.identical(o.ty, t) {
                            let (x, y) = (self.tname(t), self.tname(o.ty));
                            self.error(a.pos, format!("invalid argument: mismatched types {x} (previous argument) and {y} (type of {})", self.expr_str(a)));
                            return Operand::invalid();
                        }
                    }
                }
                if !self.info.types.ordered(t) {
                    let s = self.operand_str(&args[0], &ops[0]);
                    self.error(
                        args[0].pos,
                        format!("invalid argument: {s} cannot be ordered"),
                    );
                    return Operand::invalid();
                }
                let consts: Option<Vec<Value>> = args
                    .iter()
                    .map(|a| self.info.constant(a.id).cloned())
                    .collect();
                if let Some(vals) = consts {
                    let mut best = vals[0].clone();
                    for v in &vals[1..] {
                        let less = matches!(
                            constant::binary(BinOp::Lt, v, &best, true),
                            Ok(Value::Bool(true))
                        );
                        if (b == Builtin::Min) == less {
                            best = v.clone();
                        }
                    }
                    return Operand {
                        mode: Mode::Const(best),
                        ty: t,
                    };
                }
                if self.info.types.is_untyped(t) {
                    let d = self.info.types.default_type(t);
                    for (a, o) in args.iter().zip(ops.iter()) {
                        self.convert_untyped(a, o, d);
                    }
                    return Operand::value(d);
                }
                Operand::value(t)
            }
        }
    }

    /// A length or capacity argument of make: an integer value, or an
    /// untyped constant representable as int, never negative.
    fn size_arg(&mut self, a: &Expr, ao: &Operand) -> bool {
        if let Some(v) = ao.constant() {
            match v.to_int() {
                Some(i) if i.is_negative() => {
                    let s = self.operand_str(a, ao);
                    self.error(
                        a.pos,
                        format!("invalid argument: index {s} must not be negative"),
                    );
                    return false;
                }
                Some(_) => {
                    if self.info.types.is_untyped(ao.ty) {
                        return self.assignable(a, ao, T_INT, "argument to make");
                    }
                    return true;
                }
                None => {
                    let s = self.operand_str(a, ao);
                    self.error(a.pos, format!("{s} truncated to int"));
                    return false;
                }
            }
        }
        if !self.info.types.is_integer(ao.ty) {
            let s = self.operand_str(a, ao);
            self.error(a.pos, format!("cannot convert {s} to type int"));
            return false;
        }
        true
    }

    // ---- composite literals ----

    /// Checks a composite literal; `elided` is the type from the enclosing
    /// literal when the literal's own type is omitted.
    pub(crate) fn composite_lit(&mut self, e: &Expr, elided: Option<TypeId>) -> Operand {
        let ExprKind::CompositeLit { ty, elts, .. } = &e.kind else {
            unreachable!()
        };
        let (t, base) = match (ty, elided) {
            (Some(te), _) => {
                // `[...]T{...}`: the length comes from the elements.
                if let ExprKind::ArrayType { len: Some(l), elem } = &te.kind {
                    if matches!(l.kind, ExprKind::Ellipsis(None)) {
                        let et = self.type_expr(elem);
                        if et == T_INVALID {
                            return Operand::invalid();
                        }
                        let n = self.array_elems(elts, et, None);
                        let t = self.tys().array(n, et);
                        self.record(te, t, Mode::Type);
                        return Operand::value(t);
                    }
                }
                let t = self.type_expr(te);
                (t, t)
            }
            (None, Some(t)) => {
                // An elided `&T` becomes a pointer to a new T.
                match self.info.types.under(t) {
                    TypeKind::Pointer(b) => (t, *b),
                    _ => (t, t),
                }
            }
            (None, None) => {
                self.error(e.pos, "invalid composite literal type: missing type");
                return Operand::invalid();
            }
        };
        if t == T_INVALID {
            return Operand::invalid();
        }
        match self.info.types.under(base).clone() {
            TypeKind::Array(n, et) => {
                self.array_elems(elts, et, Some(n));
            }
            TypeKind::Slice(et) => {
                self.array_elems(elts, et, None);
            }
            TypeKind::Struct(fields) => self.struct_elems(e, base, &fields, elts),
            TypeKind::Map(k, v) => self.map_elems(elts, k, v),
            _ => {
                let tn = self.tname(base);
                self.error(e.pos, format!("invalid composite literal type {tn}"));
                return Operand::invalid();
            }
        }
        Operand::value(t)
    }

    /// Checks array or slice literal elements; returns the length.
    fn array_elems(&mut self, elts: &[Expr], et: TypeId, bound: Option<u64>) -> u64 {
        let mut idx: u64 = 0;
        let mut max: u64 = 0;
        let mut seen = std::collections::HashSet::new();
        for el in elts {
            let v = if let ExprKind::KeyValue(k, v) = &el.kind {
                let ko = self.expr(k);
                match ko
                    .constant()
                    .and_then(|v| v.to_int())
                    .and_then(|i| i.to_u64())
                {
                    Some(i) => {
                        self.convert_untyped(k, &ko, T_INT);
                        idx = i;
                    }
                    None if ko.ty != T_INVALID => {
                        let s = self.operand_str(k, &ko);
                        self.error(k.pos, format!("index {s} must be integer constant"));
                    }
                    None => {}
                }
                &**v
            } else {
                el
            };
            if let Some(n) = bound {
                if idx >= n {
                    self.error(v.pos, format!("index {idx} out of bounds [0:{n}]"));
                }
            }
            if !seen.insert(idx) {
                self.error(
                    el.pos,
                    format!("duplicate index {idx} in array or slice literal"),
                );
            }
            self.elem_value(v, et, "array or slice literal");
            idx += 1;
            max = max.max(idx);
        }
        max
    }

    fn map_elems(&mut self, elts: &[Expr], kt: TypeId, vt: TypeId) {
        let mut seen: Vec<Value> = Vec::new();
        for el in elts {
            let ExprKind::KeyValue(k, v) = &el.kind else {
                self.error(el.pos, "missing key in map literal");
                self.expr(el);
                continue;
            };
            self.elem_value(k, kt, "map literal");
            if let Some(c) = self.info.constant(k.id).cloned() {
                if seen.contains(&c) {
                    let ks = self.expr_str(k);
                    self.error(k.pos, format!("duplicate key {ks} in map literal"));
                } else {
                    seen.push(c);
                }
            }
            self.elem_value(v, vt, "map literal");
        }
    }

    fn elem_value(&mut self, v: &Expr, et: TypeId, ctx: &str) {
        if let ExprKind::CompositeLit { ty: None, .. } = &v.kind {
            let o = self.composite_lit(v, Some(et));
            self.record(v, o.ty, o.mode);
            return;
        }
        let o = self.expr(v);
        self.assignable(v, &o, et, ctx);
    }

    fn struct_elems(&mut self, e: &Expr, st: TypeId, fields: &[StructField], elts: &[Expr]) {
        if elts.is_empty() {
            return;
        }
        let keyed = matches!(elts[0].kind, ExprKind::KeyValue(..));
        let tn = self.tname(st);
        let foreign = self.declared_elsewhere(st);
        if keyed {
            let mut seen = std::collections::HashSet::new();
            for el in elts {
                let ExprKind::KeyValue(k, v) = &el.kind else {
                    self.error(
                        el.pos,
                        "mixture of field:value and value elements in struct literal",
                    );
                    continue;
                };
                let ExprKind::Ident(name) = &k.kind else {
                    let s = self.expr_str(k);
                    self.error(k.pos, format!("invalid field name {s} in struct literal"));
                    continue;
                };
                let Some(i) = fields.iter().position(|f| &f.name == name) else {
                    self.error(
                        k.pos,
                        format!("unknown field {name} in struct literal of type {tn}"),
                    );
                    self.expr(v);
                    continue;
                };
                if foreign && !imports::is_exported(name) {
                    self.error(
                        k.pos,
                        format!("cannot refer to unexported field {name} in struct literal of type {tn}"),
                    );
                }
                if !seen.insert(i) {
                    self.error(
                        k.pos,
                        format!("duplicate field name {name} in struct literal"),
                    );
                }
                self.elem_value(v, fields[i].ty, "struct literal");
            }
        } else {
            for (i, el) in elts.iter().enumerate() {
                if let ExprKind::KeyValue(..) = el.kind {
                    self.error(
                        el.pos,
                        "mixture of field:value and value elements in struct literal",
                    );
                    continue;
                }
                if i >= fields.len() {
                    self.error(
                        el.pos,
                        format!("too many values in struct literal of type {tn}"),
                    );
                    return;
                }
                if foreign && !imports::is_exported(&fields[i].name) {
                    let name = &fields[i].name;
                    self.error(
                        el.pos,
                        format!("implicit assignment to unexported field {name} in struct literal of type {tn}"),
                    );
                }
                self.elem_value(el, fields[i].ty, "struct literal");
            }
            if elts.len() < fields.len() {
                let ExprKind::CompositeLit { rbrace, .. } = &e.kind else {
                    unreachable!()
                };
                self.error(
                    *rbrace,
                    format!("too few values in struct literal of type {tn}"),
                );
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

/// Whether an expression contains a function call (then `len` of an array
/// is not a constant).
fn contains_call(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call { .. } | ExprKind::Unary(UnOp::Recv, _) => true,
        ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary(_, x) => contains_call(x),
        ExprKind::Selector(x, _) => contains_call(x),
        ExprKind::Index(x, i) => contains_call(x) || i.iter().any(contains_call),
        ExprKind::Binary { x, y, .. } => contains_call(x) || contains_call(y),
        _ => false,
    }
}

/// The value of an integer literal (decimal, 0x, 0o, 0b, legacy octal).
pub(crate) fn parse_int_lit(raw: &str) -> Option<BigInt> {
    let s: String = raw.chars().filter(|c| *c != '_').collect();
    let (digits, radix) = if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (r.to_string(), 16)
    } else if let Some(r) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
        (r.to_string(), 8)
    } else if let Some(r) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
        (r.to_string(), 2)
    } else if s.len() > 1 && s.starts_with('0') {
        (s[1..].to_string(), 8)
    } else {
        (s, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// The exact value of a float literal, decimal or hexadecimal.
pub(crate) fn parse_float_lit(raw: &str) -> Option<num_rational::BigRational> {
    use num_rational::BigRational;
    let s: String = raw.chars().filter(|c| *c != '_').collect();
    let (digits, radix, exp_chars) = match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(h) => (h, 16u32, ['p', 'P']),
        None => (s.as_str(), 10u32, ['e', 'E']),
    };
    let (mant, exp) = match digits.find(exp_chars) {
        Some(i) => (&digits[..i], digits[i + 1..].parse::<i64>().ok()?),
        None => (digits, 0),
    };
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    let all: String = format!("{ip}{fp}");
    let m = if all.is_empty() {
        BigInt::zero()
    } else {
        BigInt::parse_bytes(all.as_bytes(), radix)?
    };
    // value = m * radix^-len(fp) * base^exp, base 10 or 2.
    let (scale_base, scale_exp) = if radix == 16 {
        (2u32, exp - 4 * fp.len() as i64)
    } else {
        (10, exp - fp.len() as i64)
    };
    if scale_exp.abs() > 100_000 {
        return None;
    }
    let p = BigInt::from(scale_base).pow(scale_exp.unsigned_abs() as u32);
    Some(if scale_exp >= 0 {
        BigRational::from_integer(m * p)
    } else {
        BigRational::new(m, p)
    })
}

/// The code point of a rune literal: the parser stores it in `bytes` as
/// decimal digits.
fn char_lit_value(bytes: &[u8]) -> i64 {
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}
