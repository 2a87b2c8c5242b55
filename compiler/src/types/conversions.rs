//! Conversions `T(x)`: constant conversions with Go's representability
//! rules, and the conversions allowed between non-constant values.

use super::constant::{self};
use super::expr::*;
use super::ty::*;
use super::*;
use crate::syntax::ast::Expr;

impl Checker<'_> {
    pub(super) fn conversion(&mut self, e: &Expr, t: TypeId, args: &[Expr]) -> Operand {
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
        if self.info.types.is_type_param(t) || self.info.types.is_type_param(xo.ty) {
            return self.tparam_conversion(x, xo, t);
        }
        let types = &self.info.types;
        // A conversion to unsafe.Pointer is never a constant.
        let tb = types.basic(t).filter(|&b| b != Basic::UnsafePointer);
        // Constant conversions yield constants.
        if let (Some(v), Some(b)) = (xo.constant().cloned(), tb) {
            let res = if b.is_string() && matches!(v, Value::Int(_)) && types.is_integer(xo.ty) {
                let cp = v
                    .to_i64()
                    .filter(|c| (0..=0x10ffff).contains(c) && !(0xd800..0xe000).contains(c));
                let s = match cp.and_then(|c| char::from_u32(c as u32)) {
                    Some(ch) => ch.to_string().into_bytes(),
                    None => "\u{fffd}".as_bytes().to_vec(),
                };
                Some(Value::Str(s))
            } else if (b.is_numeric() && types.is_numeric(xo.ty))
                || (b.is_string() && types.is_string(xo.ty))
                || (b.is_boolean() && types.is_boolean(xo.ty))
            {
                constant::representable(&v, b)
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
                None if types.is_integer(xo.ty) && b.is_integer() => {
                    let tn = self.tname(t);
                    self.error(x.pos, format!("constant {} overflows {tn}", v.describe()));
                    return Operand::invalid();
                }
                None => {
                    if !(b.is_string() && types.is_integer(xo.ty)) {
                        // Go shows the value as far as it converted: a
                        // complex or float constant with an integral value
                        // as that integer.
                        let shown = match v.to_int() {
                            Some(i) if b.is_integer() => Operand {
                                mode: Mode::Const(Value::Int(i)),
                                ty: xo.ty,
                            },
                            _ => xo.clone(),
                        };
                        let s = self.operand_str(x, &shown);
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

    /// A conversion from or to a type parameter: never a constant; valid
    /// when it is valid for every pair of types of the two type sets.
    fn tparam_conversion(&mut self, x: &Expr, mut xo: Operand, t: TypeId) -> Operand {
        let set = |types: &Types, ty: TypeId| -> Vec<TypeId> {
            match types.tparam_terms(ty) {
                Some(ts) => ts.iter().map(|tm| tm.ty).collect(),
                None => vec![ty],
            }
        };
        let targets = set(&self.info.types, t);
        let ok = if self.info.types.is_untyped(xo.ty) {
            // Each type of the set must hold the constant (or value).
            let fits = targets.iter().all(|&tt| {
                let tp = self.info.types.is_type_param(tt);
                !tp && self.convertible_untyped(&xo, tt)
            });
            if fits
                && !self
                    .info
                    .types
                    .tparam_terms(t)
                    .is_some_and(|ts| ts.is_empty())
            {
                let v = xo.constant().cloned();
                self.set_type(x, t, v);
                true
            } else {
                false
            }
        } else {
            let sources = set(&self.info.types, xo.ty);
            let unrestricted = |types: &Types, ty: TypeId| {
                types.is_type_param(ty) && types.tparam_terms(ty).is_none()
            };
            if unrestricted(&self.info.types, t) || unrestricted(&self.info.types, xo.ty) {
                // Only identity (or an interface target) is certain.
                self.info.types.identical(xo.ty, t) || self.info.types.is_interface(t)
            } else {
                let mut all = true;
                for &a in &sources {
                    for &b in &targets {
                        all &= self.convertible(a, b);
                    }
                }
                all
            }
        };
        if !ok {
            let s = self.operand_str(x, &xo);
            let tn = self.tname(t);
            self.error(x.pos, format!("cannot convert {s} to type {tn}"));
            return Operand::invalid();
        }
        xo.ty = t;
        Operand::value(t)
    }

    /// Whether an untyped operand converts to basic type `t` (a constant:
    /// representably, floats truncated to integers excepted).
    fn convertible_untyped(&self, xo: &Operand, t: TypeId) -> bool {
        let Some(b) = self.info.types.basic(t) else {
            return xo.ty == T_UNTYPED_NIL && self.info.types.nillable(t);
        };
        let kind_ok = match xo.ty {
            T_UNTYPED_BOOL => b.is_boolean(),
            T_UNTYPED_STRING => b.is_string(),
            T_UNTYPED_NIL => false,
            _ => {
                b.is_numeric() || (b.is_string() && matches!(xo.ty, T_UNTYPED_INT | T_UNTYPED_RUNE))
            }
        };
        match xo.constant() {
            Some(v) if kind_ok && b.is_numeric() => constant::representable(v, b).is_some(),
            _ => kind_ok,
        }
    }
}
