//! The predeclared functions: append, cap, clear, close, complex, copy,
//! delete, imag, len, make, max, min, new, panic, print, println, real and
//! recover.

use super::constant::{self};
use super::expr::*;
use super::ty::*;
use super::*;
use crate::syntax::ast::{BinOp, Expr, ExprKind};
use num_traits::Signed;

impl Checker<'_> {
    pub(super) fn builtin(
        &mut self,
        e: &Expr,
        b: Builtin,
        args: &[Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
    ) -> Operand {
        let name = b.name();
        if ellipsis.is_some() && b != Builtin::Append {
            self.error(
                e.pos,
                format!("invalid operation: invalid use of ... with built-in {name}"),
            );
            return Operand::invalid();
        }
        match b {
            Builtin::Len | Builtin::Cap => self.builtin_len_cap(e, b, args),
            Builtin::New => self.builtin_new(e, args),
            Builtin::Make => self.builtin_make(e, args),
            Builtin::Append => self.builtin_append(e, args, ellipsis, rparen),
            Builtin::Copy => self.builtin_copy(e, args),
            Builtin::Close => self.builtin_close(e, args),
            Builtin::Delete => self.builtin_delete(e, args),
            Builtin::Clear => self.builtin_clear(e, args),
            Builtin::Panic => self.builtin_panic(e, args),
            Builtin::Recover => self.builtin_recover(e, args),
            Builtin::Print | Builtin::Println => self.builtin_print(e, b, args),
            Builtin::Min | Builtin::Max => self.builtin_min_max(e, b, args),
            Builtin::Complex => self.builtin_complex(e, args),
            Builtin::Real | Builtin::Imag => self.builtin_real_imag(e, b, args),
            Builtin::Sizeof | Builtin::Alignof | Builtin::Offsetof => {
                self.builtin_unsafe_size(e, b, args)
            }
            Builtin::Add
            | Builtin::Slice
            | Builtin::SliceData
            | Builtin::String
            | Builtin::StringData => self.builtin_unsafe_ptr(e, b, args),
        }
    }

    /// Whether a builtin call has between `min` and `max` arguments; Go 1.27
    /// reports a wrong count at the call.
    pub(super) fn nargs_ok(
        &mut self,
        e: &Expr,
        args: &[Expr],
        min: usize,
        max: Option<usize>,
    ) -> bool {
        let (msg, want) = if args.len() < min {
            ("not enough", min)
        } else if let Some(m) = max.filter(|&m| args.len() > m) {
            ("too many", m)
        } else {
            return true;
        };
        let es = self.expr_str(e);
        self.error(
            e.pos,
            format!(
                "invalid operation: {msg} arguments for {es} (expected {want}, found {})",
                args.len()
            ),
        );
        false
    }

    /// `len(x)` and `cap(x)`: constant for constant strings, and for arrays
    /// when `x` has no call or receive.
    fn builtin_len_cap(&mut self, e: &Expr, b: Builtin, args: &[Expr]) -> Operand {
        let name = b.name();
        if !self.nargs_ok(e, args, 1, Some(1)) {
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

    /// `new(T)` and `new(expr)`.
    fn builtin_new(&mut self, e: &Expr, args: &[Expr]) -> Operand {
        if !self.nargs_ok(e, args, 1, Some(1)) {
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

    /// `make(T, args)` for slices, maps and channels.
    fn builtin_make(&mut self, e: &Expr, args: &[Expr]) -> Operand {
        if !self.nargs_ok(e, args, 1, Some(3)) {
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
            self.error(
                args[0].pos,
                format!("invalid argument: cannot make {tn}; type must be slice, map, or channel"),
            );
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

    /// `append(s, x...)`, also `append([]byte, string...)`.
    fn builtin_append(
        &mut self,
        e: &Expr,
        args: &[Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
    ) -> Operand {
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
            let types = &self.info.types;
            // (A type parameter's set may mix strings and byte slices.)
            let bytes_or_string = |t: TypeId| {
                types.is_string(t)
                    || matches!(types.under(t), TypeKind::Slice(e) if types.basic(*e) == Some(Basic::Uint8))
            };
            let is_bytes_from_string = types.basic(elem) == Some(Basic::Uint8)
                && (types.is_string(ao.ty)
                    || types.tparam_terms(ao.ty).is_some_and(|ts| {
                        !ts.is_empty() && ts.iter().all(|t| bytes_or_string(t.ty))
                    }));
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

    /// `copy(dst, src)`.
    fn builtin_copy(&mut self, e: &Expr, args: &[Expr]) -> Operand {
        if !self.nargs_ok(e, args, 2, Some(2)) {
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
                if self
                    .info
                    .types
                    .identical(self.info.types.underlying(a), self.info.types.underlying(b)) =>
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

    /// `close(ch)`.
    fn builtin_close(&mut self, e: &Expr, args: &[Expr]) -> Operand {
        if self.nargs_ok(e, args, 1, Some(1)) {
            self.send_chan(&args[0], true);
        }
        Operand {
            mode: Mode::NoValue,
            ty: T_INVALID,
        }
    }

    /// `delete(m, k)`.
    fn builtin_delete(&mut self, e: &Expr, args: &[Expr]) -> Operand {
        if !self.nargs_ok(e, args, 2, Some(2)) {
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

    /// `clear(x)` of a map or slice.
    fn builtin_clear(&mut self, e: &Expr, args: &[Expr]) -> Operand {
        if !self.nargs_ok(e, args, 1, Some(1)) {
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

    /// `panic(v)`.
    fn builtin_panic(&mut self, e: &Expr, args: &[Expr]) -> Operand {
        if !self.nargs_ok(e, args, 1, Some(1)) {
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

    /// `recover()`.
    fn builtin_recover(&mut self, e: &Expr, args: &[Expr]) -> Operand {
        if !self.nargs_ok(e, args, 0, Some(0)) {
            return Operand::invalid();
        }
        Operand {
            mode: Mode::Value,
            ty: T_EMPTY_IFACE,
        }
    }

    /// `print` and `println`: basic, pointer and interface arguments.
    fn builtin_print(&mut self, e: &Expr, b: Builtin, args: &[Expr]) -> Operand {
        let name = b.name();
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
                    | TypeKind::Func(_)
                    | TypeKind::TypeParam { .. }
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

    /// `min` and `max`: constant when every argument is.
    fn builtin_min_max(&mut self, e: &Expr, b: Builtin, args: &[Expr]) -> Operand {
        let name = b.name();
        if !self.nargs_ok(e, args, 1, None) {
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
                    T_UNTYPED_COMPLEX => 4,
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
            let best = match self.info.types.basic(t) {
                Some(b) => constant::to_kind(best, b),
                None => best,
            };
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

    /// `complex(re, im)`: two floats of one type (untyped constants take the
    /// other's type, or are untyped floats if both are constants) make a
    /// complex number of the matching width; constant for constants.
    fn builtin_complex(&mut self, e: &Expr, args: &[Expr]) -> Operand {
        if !self.nargs_ok(e, args, 2, Some(2)) {
            return Operand::invalid();
        }
        let (x, y) = (&args[0], &args[1]);
        let (mut xo, mut yo) = (self.expr(x), self.expr(y));
        if xo.ty == T_INVALID || yo.ty == T_INVALID {
            return Operand::invalid();
        }
        let types = &self.info.types;
        let (xu, yu) = (types.is_untyped(xo.ty), types.is_untyped(yo.ty));
        let both_const = xo.constant().is_some() && yo.constant().is_some();
        let mut ok = true;
        if xu && yu && both_const {
            // Numeric constants with a zero imaginary part are floats here.
            for o in [&mut xo, &mut yo] {
                let real = o.constant().and_then(|v| v.to_rat());
                if self.info.types.is_numeric(o.ty) && real.is_some() {
                    o.ty = T_UNTYPED_FLOAT;
                    o.mode = Mode::Const(Value::Float(real.unwrap_or_default()));
                }
            }
        } else if xu && yu {
            ok = self.convert_untyped(x, &xo, T_FLOAT64) && self.convert_untyped(y, &yo, T_FLOAT64);
            xo.ty = T_FLOAT64;
            yo.ty = T_FLOAT64;
        } else if xu {
            ok = self.convert_untyped(x, &xo, yo.ty);
            xo.ty = yo.ty;
        } else if yu {
            ok = self.convert_untyped(y, &yo, xo.ty);
            yo.ty = xo.ty;
        }
        if !ok {
            let s = if xu {
                self.operand_str(x, &xo)
            } else {
                self.operand_str(y, &yo)
            };
            self.error(e.pos, format!("cannot use {s} as float value"));
            return Operand::invalid();
        }
        if !self.info.types.identical(xo.ty, yo.ty) {
            self.mismatched_types(e, x.pos, xo.ty, yo.ty);
            return Operand::invalid();
        }
        let t = match self.info.types.basic(xo.ty) {
            Some(Basic::Float32) => T_COMPLEX64,
            Some(Basic::Float64) => T_COMPLEX128,
            Some(Basic::UntypedFloat) => T_UNTYPED_COMPLEX,
            _ => {
                let tn = self.tname(xo.ty);
                self.error(
                    x.pos,
                    format!("invalid argument: arguments have type {tn}, expected floating-point"),
                );
                return Operand::invalid();
            }
        };
        match (
            xo.constant().and_then(Value::to_rat),
            yo.constant().and_then(Value::to_rat),
        ) {
            (Some(re), Some(im)) => Operand {
                mode: Mode::Const(Value::Complex(re, im)),
                ty: t,
            },
            _ => Operand::value(t),
        }
    }

    /// `real(c)` and `imag(c)`: the parts of a complex number, floats of
    /// the matching width; an untyped numeric constant counts as complex.
    fn builtin_real_imag(&mut self, e: &Expr, b: Builtin, args: &[Expr]) -> Operand {
        if !self.nargs_ok(e, args, 1, Some(1)) {
            return Operand::invalid();
        }
        let x = &args[0];
        let mut xo = self.expr(x);
        if xo.ty == T_INVALID {
            return Operand::invalid();
        }
        if self.info.types.is_untyped(xo.ty) {
            if xo.constant().is_some() {
                if self.info.types.is_numeric(xo.ty) {
                    xo.ty = T_UNTYPED_COMPLEX;
                }
            } else if self.convert_untyped(x, &xo, T_COMPLEX128) {
                xo.ty = T_COMPLEX128;
            }
        }
        let t = match self.info.types.basic(xo.ty) {
            Some(Basic::Complex64) => T_FLOAT32,
            Some(Basic::Complex128) => T_FLOAT64,
            Some(Basic::UntypedComplex) => T_UNTYPED_FLOAT,
            _ => {
                let tn = self.tname(xo.ty);
                self.error(
                    x.pos,
                    format!("invalid argument: argument has type {tn}, expected complex type"),
                );
                return Operand::invalid();
            }
        };
        match xo.constant().and_then(Value::to_complex) {
            Some((re, im)) => Operand {
                mode: Mode::Const(Value::Float(if b == Builtin::Real { re } else { im })),
                ty: t,
            },
            None => Operand::value(t),
        }
    }

    /// A length or capacity argument of make: an integer value, or an
    /// untyped constant representable as int, never negative.
    pub(super) fn size_arg(&mut self, a: &Expr, ao: &Operand) -> bool {
        // A typed operand must be of an integer type, even a constant with
        // an integral value (`float32(1)`).
        if !self.info.types.is_untyped(ao.ty) && !self.info.types.is_integer(ao.ty) {
            let s = self.operand_str(a, ao);
            self.error(
                a.pos,
                format!("invalid argument: index {s} must be integer"),
            );
            return false;
        }
        if let Some(v) = ao.constant() {
            match v.to_int() {
                Some(i) if i.is_negative() => {
                    // Go reports an untyped constant as converted to int.
                    let shown = Operand {
                        mode: ao.mode.clone(),
                        ty: if self.info.types.is_untyped(ao.ty) {
                            T_INT
                        } else {
                            ao.ty
                        },
                    };
                    let s = self.operand_str(a, &shown);
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
        true
    }
}
