//! Package unsafe: the type `Pointer` and the functions `Sizeof`,
//! `Alignof`, `Offsetof` (constants, unless the operand's type mentions a
//! type parameter: then computed per instance by the lowering), `Add`,
//! `Slice`, `SliceData`, `String` and `StringData`. The package has no
//! files: its scope is made here, its functions are builtins.
//!
//! `unsafe.Pointer` converts to and from every pointer type and `uintptr`
//! (conversions.rs asks [`Checker::unsafe_convertible`]); the collector
//! treats it as a pointer everywhere, as Go's does.

use super::expr::*;
use super::ty::*;
use super::*;
use crate::syntax::ast::{Expr, ExprKind};

impl Checker<'_> {
    /// Makes the package scope of `unsafe`.
    pub(super) fn declare_unsafe(&mut self) {
        self.info.packages[self.cur].name = "unsafe".into();
        let pointer = self.new_obj(
            "Pointer",
            Pos::default(),
            T_UNSAFE_POINTER,
            ObjKind::TypeName,
        );
        self.package_scope.insert("Pointer".into(), pointer);
        for b in [
            Builtin::Sizeof,
            Builtin::Alignof,
            Builtin::Offsetof,
            Builtin::Add,
            Builtin::Slice,
            Builtin::SliceData,
            Builtin::String,
            Builtin::StringData,
        ] {
            let name = b.name().trim_start_matches("unsafe.");
            let id = self.new_obj(name, Pos::default(), T_INVALID, ObjKind::Builtin(b));
            self.package_scope.insert(name.into(), id);
        }
    }

    /// Conversions that involve `unsafe.Pointer`: from and to any pointer
    /// type and `uintptr`.
    pub(super) fn unsafe_convertible(&self, v: TypeId, t: TypeId) -> bool {
        let types = &self.info.types;
        let ptr = |x: TypeId| types.basic(x) == Some(Basic::UnsafePointer);
        let other = |x: TypeId| types.is_pointer(x) || types.basic(x) == Some(Basic::Uintptr);
        (ptr(v) && (other(t) || ptr(t))) || (ptr(t) && other(v))
    }

    /// `unsafe.Sizeof(x)`, `Alignof(x)`, `Offsetof(x.f)`: uintptr constants.
    pub(super) fn builtin_unsafe_size(&mut self, e: &Expr, b: Builtin, args: &[Expr]) -> Operand {
        if !self.nargs_ok(e, args, 1, Some(1)) {
            return Operand::invalid();
        }
        let x = &args[0];
        if b == Builtin::Offsetof {
            return self.offsetof(e, x);
        }
        let mut xo = self.expr(x);
        if xo.ty == T_INVALID {
            return Operand::invalid();
        }
        self.default_untyped(x, &mut xo);
        if self.info.types.has_type_params(xo.ty) {
            // Known per instance only.
            return Operand::value(T_UINTPTR);
        }
        let (size, align) = self.info.types.size_align(xo.ty);
        let v = if b == Builtin::Sizeof { size } else { align };
        Operand {
            mode: Mode::Const(Value::int(v as i64)),
            ty: T_UINTPTR,
        }
    }

    /// `unsafe.Offsetof(x.f)`: the offset of field f in the struct the
    /// selector's path ends in, through embedded fields that are not
    /// pointers.
    fn offsetof(&mut self, e: &Expr, x: &Expr) -> Operand {
        let sel_expr = unparen(x);
        let ExprKind::Selector(base, sel) = &sel_expr.kind else {
            let s = self.expr_str(x);
            self.error(
                x.pos,
                format!("invalid argument: {s} is not a selector expression"),
            );
            return Operand::invalid();
        };
        let xo = self.expr(x);
        if xo.ty == T_INVALID {
            return Operand::invalid();
        }
        let Some(selection) = self.info.selections.get(&sel_expr.id).cloned() else {
            return Operand::invalid();
        };
        if selection.method.is_some() || selection.iface_method.is_some() {
            let s = self.expr_str(x);
            self.error(x.pos, format!("invalid argument: {s} is a method value"));
            return Operand::invalid();
        }
        // Walk the path from the operand's type; a pointer after the first
        // step means the field is embedded through a pointer.
        let mut t = self.info.ty(base.id);
        if let TypeKind::Pointer(p) = self.info.types.under(t) {
            t = *p;
        }
        let mut off = 0u64;
        for (k, (&i, &deref)) in selection.path.iter().zip(&selection.derefs).enumerate() {
            if deref && k > 0 {
                let s = self.expr_str(x);
                let bs = self.expr_str(base);
                self.error(
                    x.pos,
                    format!(
                        "invalid argument: field {} is embedded via a pointer in {bs}",
                        sel.name
                    ),
                );
                let _ = s;
                return Operand::invalid();
            }
            let TypeKind::Struct(fields) = self.info.types.under(t).clone() else {
                return Operand::invalid();
            };
            let (offsets, _, _) = self.info.types.struct_offsets(&fields);
            off += offsets[i as usize];
            t = fields[i as usize].ty;
        }
        if self.info.types.has_type_params(self.info.ty(base.id)) {
            let _ = e;
            return Operand::value(T_UINTPTR);
        }
        Operand {
            mode: Mode::Const(Value::int(off as i64)),
            ty: T_UINTPTR,
        }
    }

    /// `unsafe.Add`, `Slice`, `SliceData`, `String`, `StringData`.
    pub(super) fn builtin_unsafe_ptr(&mut self, e: &Expr, b: Builtin, args: &[Expr]) -> Operand {
        let n = match b {
            Builtin::SliceData | Builtin::StringData => 1,
            _ => 2,
        };
        if !self.nargs_ok(e, args, n, Some(n)) {
            return Operand::invalid();
        }
        let mut ops = Vec::new();
        for a in args {
            let o = self.expr(a);
            if o.ty == T_INVALID {
                return Operand::invalid();
            }
            ops.push(o);
        }
        // The length argument: any integer (an untyped constant becomes int).
        if n == 2 {
            let (a, o) = (&args[1], &mut ops[1]);
            self.default_untyped(a, o);
            if !self.info.types.is_integer(o.ty) {
                let s = self.operand_str(a, o);
                self.error(a.pos, format!("cannot convert {s} to type int"));
                return Operand::invalid();
            }
        }
        let name = b.name();
        let bad = |c: &mut Self, i: usize, want: &str| {
            let s = c.operand_str(&args[i], &ops[i]);
            c.error(args[i].pos, format!("invalid argument: {s} is not {want}"));
            Operand::invalid()
        };
        let t0 = ops[0].ty;
        match b {
            Builtin::Add => {
                if self.info.types.basic(t0) != Some(Basic::UnsafePointer) {
                    return bad(self, 0, "an unsafe.Pointer");
                }
                Operand::value(T_UNSAFE_POINTER)
            }
            Builtin::Slice | Builtin::String => {
                let TypeKind::Pointer(elem) = self.info.types.under(t0).clone() else {
                    return bad(self, 0, "a pointer");
                };
                if b == Builtin::String {
                    if !self.info.types.identical(elem, T_UINT8) {
                        return bad(self, 0, "a *byte");
                    }
                    return Operand::value(T_STRING);
                }
                Operand::value(self.tys().slice(elem))
            }
            Builtin::SliceData => {
                let TypeKind::Slice(elem) = self.info.types.under(t0).clone() else {
                    return bad(self, 0, "a slice");
                };
                Operand::value(self.tys().pointer(elem))
            }
            Builtin::StringData => {
                if !self.convert_untyped(&args[0], &ops[0], T_STRING)
                    || !self.info.types.is_string(t0)
                {
                    return bad(self, 0, "a string");
                }
                Operand::value(self.tys().pointer(T_UINT8))
            }
            _ => unreachable!("{name} is not an unsafe pointer function"),
        }
    }
}
