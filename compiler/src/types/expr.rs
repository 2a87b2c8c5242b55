//! Expressions: operands, identifiers, literals, untyped constants and their
//! conversion, unary and binary operators, comparisons and shifts. The other
//! kinds of expression have a file each, as in Go's types2: call.rs,
//! selector.rs, index.rs, conversions.rs, builtins.rs, literals.rs.

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
    pub(super) fn value(ty: TypeId) -> Operand {
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
    pub(super) fn type_kind_word(&self, t: TypeId) -> String {
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

    /// A type as Go names it in "operator < not defined on ..." messages:
    /// composite kinds by their kind, others by their name.
    pub(super) fn kind_string(&self, t: TypeId) -> String {
        let types = &self.info.types;
        let kind = match types.under(t) {
            TypeKind::Array(..) => "array",
            TypeKind::Slice(_) => "slice",
            TypeKind::Struct(_) => "struct",
            TypeKind::Pointer(_) => "pointer",
            TypeKind::Func(_) => "func",
            TypeKind::Interface(_) => "interface",
            TypeKind::Map(..) => "map",
            TypeKind::Chan(..) => "chan",
            _ => return self.tname(t),
        };
        kind.to_string()
    }

    /// Go's report of a binary operation `e` (or `complex(x, y)`) whose
    /// operands have different types `a` and `b`, at `pos`.
    pub(super) fn mismatched_types(&mut self, e: &Expr, pos: Pos, a: TypeId, b: TypeId) {
        let es = self.expr_str(e);
        let (a, b) = (self.tname(a), self.tname(b));
        self.error(
            pos,
            format!("invalid operation: {es} (mismatched types {a} and {b})"),
        );
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

    pub(super) fn expr_inner(&mut self, e: &Expr) -> Operand {
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

    pub(super) fn ident(&mut self, e: &Expr, name: &str) -> Operand {
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
    pub(super) fn use_object(&mut self, e: &Expr, id: ObjId) -> Operand {
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
            ObjKind::Func { .. }
                if self.info.tparams.contains_key(&id)
                    && !self.info.method_recv.contains_key(&id) =>
            {
                let name = self.obj(id).name.clone();
                self.error(
                    e.pos,
                    format!("cannot use generic function {name} without instantiation"),
                );
                Operand::invalid()
            }
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

    pub(super) fn basic_lit(
        &mut self,
        e: &Expr,
        kind: LitKind,
        raw: &str,
        bytes: &[u8],
    ) -> Operand {
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
                // The part before `i` is a decimal (even with leading
                // zeros), hexadecimal or float literal, or a binary or
                // octal integer.
                let body = &raw[..raw.len() - 1];
                let lower = body.to_ascii_lowercase();
                let im = if lower.starts_with("0b") || lower.starts_with("0o") {
                    parse_int_lit(body).map(num_rational::BigRational::from_integer)
                } else {
                    parse_float_lit(body)
                };
                match im {
                    Some(im) => (Value::Complex(Default::default(), im), T_UNTYPED_COMPLEX),
                    None => {
                        self.error(e.pos, format!("invalid imaginary literal {raw}"));
                        return Operand::invalid();
                    }
                }
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
        // A type parameter without a core type: the constant must fit every
        // type of its set; it stays a constant of type T (one per instance).
        if tb.is_none() {
            if let Some(terms) = self.info.types.tparam_terms(target) {
                let terms = terms.to_vec();
                let fits = !terms.is_empty()
                    && terms.iter().all(|tm| {
                        let Some(b) = self.info.types.basic(tm.ty) else {
                            return op.ty == T_UNTYPED_NIL && self.info.types.nillable(tm.ty);
                        };
                        let kind_ok = match op.ty {
                            T_UNTYPED_BOOL => b.is_boolean(),
                            T_UNTYPED_STRING => b.is_string(),
                            T_UNTYPED_NIL => false,
                            _ => b.is_numeric(),
                        };
                        kind_ok
                            && op
                                .constant()
                                .is_none_or(|v| constant::representable(v, b).is_some())
                    });
                if fits {
                    let v = op.constant().cloned();
                    self.set_type(e, target, v);
                }
                return fits;
            }
        }
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

    pub(super) fn is_nonconst_shift(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Paren(x) => self.is_nonconst_shift(x),
            ExprKind::Binary { op, .. } => matches!(op, BinOp::Shl | BinOp::Shr),
            _ => false,
        }
    }

    /// Records `ty` (and a constant's converted value) on an untyped
    /// expression and, for non-constant ones, on its untyped operands.
    pub(super) fn set_type(&mut self, e: &Expr, ty: TypeId, val: Option<Value>) {
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
                    // A non-constant shift's untyped operand takes the type
                    // the shift would have: it must be an integer.
                    if !self.info.types.is_integer(ty) && ty != T_INVALID {
                        let (xs, tn) = (self.expr_str(x), self.tname(ty));
                        self.error(
                            x.pos,
                            format!("invalid operation: shifted operand {xs} (type {tn}) must be integer"),
                        );
                        return;
                    }
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
            // A numeric constant that does not fit: an integer type cannot
            // hold a float or complex constant's value (truncated), or the
            // value is too large (overflows); decided by kinds, as Go does.
            let mut suffix = "";
            if let (Some(_), Some(b)) = (op.constant(), self.info.types.basic(target)) {
                if b.is_numeric() && self.info.types.is_numeric(op.ty) {
                    suffix = if b.is_integer() && !self.info.types.is_integer(op.ty) {
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
    pub(crate) fn assignable_type(&mut self, v: TypeId, t: TypeId) -> bool {
        if self.info.types.is_interface(t)
            && !self.info.types.identical(v, t)
            && self.implements(v, t).is_ok()
        {
            return true;
        }
        let types = &self.info.types;
        types.identical(v, t)
            || (types.identical(types.underlying(v), types.underlying(t))
                && (!types.is_named(v) || !types.is_named(t)))
            || match (types.under(v), types.under(t)) {
                (TypeKind::Chan(ChanDir::Both, ve), TypeKind::Chan(_, te)) => {
                    types.identical(*ve, *te) && (!types.is_named(v) || !types.is_named(t))
                }
                _ => false,
            }
    }

    // ---- channels ----

    /// `<-x`: the element type of a channel that may be received from.
    pub(super) fn receive(&mut self, x: &Expr) -> Operand {
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

    pub(super) fn unary(&mut self, e: &Expr, op: UnOp, x: &Expr) -> Operand {
        if op == UnOp::Addr {
            return self.address_of(x);
        }
        if op == UnOp::Recv {
            return self.receive(x);
        }
        if op == UnOp::Tilde {
            self.error(
                e.pos,
                "cannot use ~ outside of interface or type constraint",
            );
            return Operand::invalid();
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
            (UnOp::Neg, Value::Complex(re, im)) => Value::Complex(-re.clone(), -im.clone()),
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
    pub(super) fn check_overflow(&mut self, e: &Expr, op: Operand) -> Operand {
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

    pub(super) fn address_of(&mut self, x: &Expr) -> Operand {
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

    pub(super) fn star(&mut self, e: &Expr, x: &Expr) -> Operand {
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

    pub(super) fn binary(&mut self, e: &Expr, op: BinOp, x: &Expr, y: &Expr) -> Operand {
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
            self.mismatched_types(e, x.pos, xo.ty, yo.ty);
            return Operand::invalid();
        }
        let t = xo.ty;
        let types = &self.info.types;
        let ok = match op {
            BinOp::Add => types.all_basic(t, |b| b.is_numeric() || b.is_string()),
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
                let zero = v
                    .to_complex()
                    .is_some_and(|(re, im)| re.is_zero() && im.is_zero());
                // A float or complex number (not constant) divided by a
                // constant zero is allowed: infinities or NaNs at run time.
                if zero && (xo.constant().is_some() || self.info.types.is_integer(t)) {
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
                let v = match self.info.types.basic(t) {
                    Some(b) => constant::to_kind(v, b),
                    None => v,
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
    pub(super) fn match_types(
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
                T_UNTYPED_COMPLEX => 4,
                _ => 0,
            };
            let (rx, ry) = (rank(xo.ty), rank(yo.ty));
            if rx > 0 && ry > 0 {
                let t = if rx > ry { xo.ty } else { yo.ty };
                let b = types.basic(t).unwrap_or(Basic::Invalid);
                for o in [&mut *xo, &mut *yo] {
                    if let Some(v) = o.constant() {
                        o.mode = Mode::Const(constant::to_kind(v.clone(), b));
                    }
                    o.ty = t;
                }
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
            self.mismatched_types(e, x.pos, xo.ty, yo.ty);
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

    pub(super) fn mismatch(&mut self, e: &Expr, x: &Expr, xo: &Operand, yo: &Operand) -> bool {
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
        self.mismatched_types(e, x.pos, xo.ty, yo.ty);
        false
    }

    pub(super) fn comparison(
        &mut self,
        e: &Expr,
        op: BinOp,
        x: &Expr,
        xo: &Operand,
        y: &Expr,
        yo: &Operand,
    ) -> Operand {
        let es = self.expr_str(e);
        let (xt, yt) = (xo.ty, yo.ty);
        let related = self.assignable_type(xt, yt) || self.assignable_type(yt, xt);
        let types = &self.info.types;
        let nil_cmp = (xt == T_UNTYPED_NIL && types.nillable(yt))
            || (yt == T_UNTYPED_NIL && types.nillable(xt));
        if !nil_cmp && !related {
            // A nil that fits neither side is reported where it stands.
            let pos = if yt == T_UNTYPED_NIL { y.pos } else { x.pos };
            self.mismatched_types(e, pos, xt, yt);
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
                _ if types.is_type_param(t) && matches!(op, BinOp::Eq | BinOp::Ne) => {
                    "incomparable types in type set".to_string()
                }
                TypeKind::Slice(_) => "slice can only be compared to nil".to_string(),
                TypeKind::Func(_) => "func can only be compared to nil".to_string(),
                _ if matches!(op, BinOp::Eq | BinOp::Ne) => {
                    format!(
                        "operator {} not defined on {}",
                        op.as_str(),
                        self.operand_str(x, xo)
                    )
                }
                _ if types.is_type_param(t) || types.is_type_param(yo.ty) => {
                    let p = if types.is_type_param(t) { t } else { yo.ty };
                    let tn = self.tname(p);
                    format!("type parameter {tn} cannot use operator {}", op.as_str())
                }
                _ => format!(
                    "operator {} not defined on {}",
                    op.as_str(),
                    self.kind_string(xo.ty)
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

    pub(super) fn shift(&mut self, e: &Expr, op: BinOp, x: &Expr, y: &Expr) -> Operand {
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
                    if !matches!(v, Value::Int(_)) {
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
                let t = if matches!(xo.ty, T_UNTYPED_FLOAT | T_UNTYPED_COMPLEX) {
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
                    let t = if matches!(xo.ty, T_UNTYPED_FLOAT | T_UNTYPED_COMPLEX) {
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

    // ---- calls, conversions, builtins ----

    /// Go's conversion rules for non-constant values.
    pub(crate) fn convertible(&mut self, v: TypeId, t: TypeId) -> bool {
        if self.unsafe_convertible(v, t) {
            return true;
        }
        // A slice to an array or a pointer to an array of its element type.
        if let TypeKind::Slice(e) = self.info.types.under(v) {
            let arr = match self.info.types.under(t) {
                TypeKind::Pointer(p) => self.info.types.under(*p),
                k => k,
            };
            if let TypeKind::Array(_, ae) = arr {
                if self.info.types.identical(*e, *ae) {
                    return true;
                }
            }
        }
        if self.info.types.is_interface(t) && self.implements(v, t).is_ok() {
            return true;
        }
        if self.assignable_type(v, t) {
            return true;
        }
        // Identical underlying types, struct tags ignored; the same for the
        // base types of two unnamed pointer types.
        let types = &mut self.info.types;
        let same = |types: &mut Types, a: TypeId, b: TypeId| {
            let (a, b) = (types.underlying(a), types.underlying(b));
            let (a, b) = (types.untagged(a), types.untagged(b));
            types.identical(a, b)
        };
        if same(types, v, t) {
            return true;
        }
        let unnamed = |types: &Types, x: TypeId| types.kind(types.canonical(x)).clone();
        if let (TypeKind::Pointer(a), TypeKind::Pointer(b)) = (unnamed(types, v), unnamed(types, t))
        {
            if same(types, a, b) {
                return true;
            }
        }
        let types = &self.info.types;
        // Integers and floats convert to each other, complex numbers to
        // complex numbers.
        if types.is_numeric(v) && types.is_numeric(t) && types.is_complex(v) == types.is_complex(t)
        {
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

    // ---- composite literals ----
}

pub(super) fn unparen(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => unparen(x),
        _ => e,
    }
}

/// Whether an expression contains a function call (then `len` of an array
/// is not a constant).
pub(crate) fn contains_call(e: &Expr) -> bool {
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
pub(super) fn char_lit_value(bytes: &[u8]) -> i64 {
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}
