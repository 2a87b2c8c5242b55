//! Calls: Go function calls (struct arguments copied, struct results through
//! result pointers, variadic arguments packed into a slice), conversions,
//! and the builtins (len, cap, append, copy, make, new, min, max, clear,
//! print, println, panic, recover).

use goc_abi::sym;

use super::expr::unparen;
use super::method::MethodRef;
use super::*;
use crate::ir::{BinaryOp, StrConv};
use crate::syntax::ast::{Expr, ExprKind};
use crate::types::{Basic, Builtin, Mode, Signature};

/// What a call calls: a declared function or method by symbol, a code
/// address (an interface method from the itab), or a function value.
pub(crate) enum CallTarget {
    Direct(String),
    Code(Reg),
    Value(Reg),
}

impl FnLower<'_, '_> {
    /// Lowers a call expression; returns one value per result.
    pub(crate) fn call(&mut self, e: &Expr) -> Vec<Val> {
        let ExprKind::Call {
            func,
            args,
            ellipsis,
            ..
        } = &e.kind
        else {
            unreachable!()
        };
        self.set_pos(e.pos);
        let fmode = self.einfo(func.id).mode.clone();
        match fmode {
            Mode::Type => return vec![self.conversion(e, &args[0])],
            Mode::Builtin(b) => return self.builtin(e, b, args, ellipsis.is_some()),
            _ => {}
        }
        // A declared function is called directly; any other function value
        // (evaluated before the arguments, as Go specifies) indirectly.
        let callee = unparen(func);
        let mut direct = match self
            .info
            .uses
            .get(&callee.id)
            .map(|&id| &self.info.obj(id).kind)
        {
            Some(ObjKind::Func { symbol }) => Some(symbol.clone()),
            _ => None,
        };
        // A generic function, instantiated (`F(x)`, `F[int](x)`).
        if let Some(sym) = self.instance_at(func.id) {
            direct = Some(sym);
        }
        if let Some(sym) = &direct {
            let TypeKind::Func(sig) = self.info.types.under(self.etype(func)).clone() else {
                unreachable!("call of a non-function")
            };
            if let Some(v) = self.atomic_call(sym, &sig, args) {
                return v;
            }
        }
        // A method call `x.M(...)`: the method directly, with the receiver;
        // an interface method through the itab, with the data word.
        let mut recv = None;
        let mut iface_code = None;
        if let ExprKind::Selector(x, _) = &callee.kind {
            if let Some(sel) = self.selection(callee.id).cloned() {
                // (`I.m(x, ...)` is a call of the method expression's value.)
                let iface_expr = self.is_iface_method_expr(callee.id);
                if let Some(i) = sel.iface_method.filter(|_| !iface_expr) {
                    let (code, data) = self.iface_call(x, &sel, i);
                    iface_code = Some(code);
                    recv = Some(data);
                }
                if let Some(m) = sel.method.clone().filter(|m| !m.expr) {
                    recv = Some(self.receiver_arg(x, &sel, &m));
                    direct = Some(self.p.method_symbol(MethodRef::of(&m)));
                }
            }
        }
        let fv = match (&direct, iface_code) {
            (Some(_), _) | (None, Some(_)) => None,
            (None, None) => Some(self.expr_reg(func)),
        };
        let TypeKind::Func(sig) = self.info.types.under(self.etype(func)).clone() else {
            unreachable!("call of a non-function")
        };
        let vals = self.call_args(&sig, args, ellipsis.is_some());
        let target = match (direct, iface_code, fv) {
            (Some(symbol), _, _) => CallTarget::Direct(symbol),
            (None, Some(code), _) => CallTarget::Code(code),
            (None, None, Some(fv)) => CallTarget::Value(fv),
            (None, None, None) => unreachable!(),
        };
        self.emit_call(target, recv, vals, &sig.results)
    }

    /// The argument values of a call, in order, converted to the parameter
    /// types (interface parameters get interface values), the variadic tail
    /// packed into a slice unless `spread` (`f(s...)`).
    pub(crate) fn call_args(
        &mut self,
        sig: &Signature,
        args: &[Expr],
        spread: bool,
    ) -> Vec<(Val, TypeId)> {
        let mut vals: Vec<(Val, TypeId)> = Vec::new();
        let tuple_arg = args.len() == 1
            && matches!(
                self.info.types.kind(self.etype(&args[0])),
                TypeKind::Tuple(_)
            );
        if tuple_arg {
            let tuple = self.etype(&args[0]);
            let TypeKind::Tuple(ts) = self.info.types.kind(tuple).clone() else {
                unreachable!()
            };
            for (v, t) in self.call(&args[0]).into_iter().zip(ts) {
                vals.push((v, t));
            }
        } else {
            for a in args.iter() {
                let t = self.etype(a);
                let v = self.expr(a);
                vals.push((v, t));
            }
        }
        let np = sig.params.len();
        for (k, (v, t)) in vals.iter_mut().enumerate() {
            let pt = if sig.variadic && !spread && k + 1 >= np {
                match self.info.types.under(sig.params[np - 1]) {
                    TypeKind::Slice(e) => *e,
                    _ => sig.params[np - 1],
                }
            } else {
                sig.params[k]
            };
            *v = self.convert_for(*v, *t, pt);
            *t = pt;
        }
        if sig.variadic && !spread {
            let extra = vals.split_off(np - 1);
            let st = sig.params[np - 1];
            let s = self.pack_slice(extra, st);
            vals.push((Val::Reg(s), st));
        }
        vals
    }

    /// Emits a call of `target` with an optional method receiver and the
    /// argument values (memory-typed ones copied, as Go copies arguments);
    /// returns one value per result.
    pub(crate) fn emit_call(
        &mut self,
        target: CallTarget,
        recv: Option<Reg>,
        vals: Vec<(Val, TypeId)>,
        result_types: &[TypeId],
    ) -> Vec<Val> {
        // Result pointers first, then the arguments.
        let mut argregs = Vec::new();
        let mut results: Vec<Option<Reg>> = Vec::new();
        for &r in result_types {
            let it = self.ty(r);
            if it.is_register() {
                results.push(None);
            } else {
                let p = self.alloc_var(&it, false);
                argregs.push(p);
                results.push(Some(p));
            }
        }
        for (v, t) in vals {
            match v {
                Val::Reg(r) => argregs.push(r),
                Val::Mem(_) => {
                    let Val::Mem(c) = self.copy_val(v, t) else {
                        unreachable!()
                    };
                    argregs.push(c);
                }
            }
        }
        let dsts: Vec<Reg> = result_types
            .iter()
            .zip(&results)
            .filter(|(_, p)| p.is_none())
            .map(|(&r, _)| {
                let t = self.ty(r);
                self.reg(t)
            })
            .collect();
        if let Some(r) = recv {
            let nres = results.iter().filter(|p| p.is_some()).count();
            argregs = self.method_args(nres, r, argregs);
        }
        let dsts2 = dsts.clone();
        self.emit(match target {
            CallTarget::Direct(func) => Inst::Call {
                dsts: dsts2,
                func,
                args: argregs,
            },
            CallTarget::Code(code) => Inst::CallPtr {
                dsts: dsts2,
                code,
                args: argregs,
            },
            CallTarget::Value(callee) => Inst::CallIndirect {
                dsts: dsts2,
                callee,
                args: argregs,
            },
        });
        let mut d = dsts.into_iter();
        results
            .into_iter()
            .map(|p| match p {
                Some(p) => Val::Mem(p),
                None => Val::Reg(d.next().unwrap()),
            })
            .collect()
    }

    /// A new slice of type `st` holding the values (the `...` parameter).
    fn pack_slice(&mut self, vals: Vec<(Val, TypeId)>, st: TypeId) -> Reg {
        let sit = self.ty(st);
        if vals.is_empty() {
            return self.konst(sit, Const::Zero);
        }
        let TypeKind::Slice(elem) = self.info.types.under(st).clone() else {
            unreachable!()
        };
        let at = ir::Type::Array(vals.len() as u64, Box::new(self.ty(elem)));
        let p = self.alloc_var(&at, true);
        for (i, (v, _)) in vals.into_iter().enumerate() {
            let idx = self.int(i as i64);
            let dst = self.reg(ir::Type::ptr(self.ty(elem)));
            self.emit(Inst::IndexAddr {
                dst,
                ptr: p,
                index: idx,
            });
            self.store(&Place::Mem(dst), v, elem);
        }
        let dst = self.reg(sit);
        self.emit(Inst::SliceOf {
            dst,
            x: p,
            lo: None,
            hi: None,
            max: None,
        });
        dst
    }

    fn conversion(&mut self, e: &Expr, x: &Expr) -> Val {
        if let Some(v) = self.econst(e.id).cloned() {
            let t = self.etype(e);
            return Val::Reg(self.const_value(&v, t));
        }
        let (from, to) = (self.etype(x), self.etype(e));
        let v = self.expr(x);
        if self.info.types.is_interface(to) {
            return self.convert_for(v, from, to);
        }
        let (fi, ti) = (self.ty(from), self.ty(to));
        if fi == ti {
            return v;
        }
        if let Val::Mem(p) = v {
            // Structs or arrays with identical underlying types: the same
            // memory seen as the other type.
            return Val::Mem(self.retype(p, ir::Type::ptr(ti)));
        }
        if matches!(fi, ir::Type::Slice(_))
            && matches!(
                self.info.types.under(to),
                TypeKind::Array(..) | TypeKind::Pointer(_)
            )
        {
            return self.slice_to_array(v, to, &ti);
        }
        let src = self.as_reg(v);
        let types = &self.info.types;
        let dst = self.reg(ti.clone());
        if types.is_string(to) {
            let op = if types.is_integer(from) {
                StrConv::RuneToString
            } else if matches!(fi, ir::Type::Slice(ref el) if **el == ir::Type::U8) {
                StrConv::BytesToString
            } else {
                StrConv::RunesToString
            };
            self.emit(Inst::StrConv { dst, op, x: src });
        } else if types.is_string(from) {
            let op = if matches!(ti, ir::Type::Slice(ref el) if **el == ir::Type::U8) {
                StrConv::StringToBytes
            } else {
                StrConv::StringToRunes
            };
            self.emit(Inst::StrConv { dst, op, x: src });
        } else if fi.is_register() && (fi.is_int() || fi.is_float() || fi.is_complex()) {
            // Numbers, and uintptr to unsafe.Pointer.
            self.emit(Inst::Convert { dst, x: src });
        } else if ti.is_int() {
            // unsafe.Pointer to uintptr.
            self.emit(Inst::Convert { dst, x: src });
        } else {
            // Pointer conversions between identical base types: the same
            // bits with another IR type.
            self.emit(Inst::Copy { dst, src });
        }
        Val::Reg(dst)
    }

    /// `(*[N]T)(s)` or `[N]T(s)`: the slice's data seen as an array (a
    /// copy of it for the array), after Go's length check; a nil slice
    /// converts to a nil pointer when N is 0.
    fn slice_to_array(&mut self, v: Val, to: TypeId, ti: &ir::Type) -> Val {
        let s = self.as_reg(v);
        let (arr_t, ptr) = match ti {
            ir::Type::Ptr(a) => ((**a).clone(), true),
            a => (a.clone(), false),
        };
        let n = match arr_t.resolved() {
            ir::Type::Array(n, _) => *n,
            _ => unreachable!("slice converted to a non-array {to:?}"),
        };
        let len = self.reg(ir::Type::I64);
        self.emit(Inst::Len { dst: len, x: s });
        let nr = self.int(n as i64);
        let short = self.cmp(BinaryOp::Lt, len, nr);
        let (bad, ok) = (self.new_block(), self.new_block());
        self.branch(short, bad, ok);
        self.switch_to(bad);
        let code = self.int(goc_abi::bounds::CONVERT as i64);
        let signed = self.konst(ir::Type::I8, Const::Int(1));
        self.rt_noreturn(sym::PANICBOUNDS, vec![code, len, nr, signed]);
        self.switch_to(ok);
        let el = match self.reg_ty(s) {
            ir::Type::Slice(el) => (**el).clone(),
            _ => unreachable!(),
        };
        let data = self.reg(ir::Type::ptr(el));
        self.emit(Inst::DataPtr { dst: data, x: s });
        let p = self.retype(data, ir::Type::ptr(arr_t.clone()));
        if ptr {
            return Val::Reg(p);
        }
        let copy = self.alloc_var(&arr_t, false);
        self.emit(Inst::MemCopy { dst: copy, src: p });
        Val::Mem(copy)
    }

    fn builtin(&mut self, e: &Expr, b: Builtin, args: &[Expr], spread: bool) -> Vec<Val> {
        if let Some(v) = self.econst(e.id).cloned() {
            // len of a constant string or an array; min/max of constants.
            let t = self.etype(e);
            return vec![Val::Reg(self.const_value(&v, t))];
        }
        let one = |v: Reg| vec![Val::Reg(v)];
        match b {
            Builtin::Sizeof
            | Builtin::Alignof
            | Builtin::Offsetof
            | Builtin::Add
            | Builtin::Slice
            | Builtin::SliceData
            | Builtin::String
            | Builtin::StringData => vec![self.unsafe_builtin(e, b, args)],
            Builtin::Len | Builtin::Cap => {
                let xt = self.etype(&args[0]);
                let arr = match self.info.types.under(xt) {
                    TypeKind::Array(n, _) => Some(*n),
                    TypeKind::Pointer(p) => match self.info.types.under(*p) {
                        TypeKind::Array(n, _) => Some(*n),
                        _ => None,
                    },
                    _ => None,
                };
                let x = self.expr(&args[0]);
                if let Some(n) = arr {
                    return one(self.int(n as i64));
                }
                let x = self.as_reg(x);
                if matches!(self.info.types.under(xt), TypeKind::Map(..)) {
                    return one(self.map_len(x));
                }
                if matches!(self.info.types.under(xt), TypeKind::Chan(..)) {
                    let f = if b == Builtin::Len {
                        sym::CHANLEN
                    } else {
                        sym::CHANCAP
                    };
                    return one(self.chan_builtin(f, x).unwrap());
                }
                let dst = self.reg(ir::Type::I64);
                self.emit(if b == Builtin::Len {
                    Inst::Len { dst, x }
                } else {
                    Inst::Cap { dst, x }
                });
                one(dst)
            }
            Builtin::New => {
                let t = self.etype(e);
                let TypeKind::Pointer(inner) = self.info.types.under(t) else {
                    unreachable!()
                };
                let it = self.ty(*inner);
                let is_type = matches!(self.einfo(args[0].id).mode, Mode::Type);
                // new(expr) evaluates the value before allocating.
                let v = (!is_type).then(|| self.expr(&args[0]));
                let p = self.alloc_var(&it, true);
                if let Some(v) = v {
                    self.store(&Place::Mem(p), v, *inner);
                }
                one(p)
            }
            Builtin::Make if matches!(self.info.types.under(self.etype(e)), TypeKind::Map(..)) => {
                let t = self.etype(e);
                one(self.make_map(t, args.get(1)))
            }
            Builtin::Make if matches!(self.info.types.under(self.etype(e)), TypeKind::Chan(..)) => {
                let t = self.etype(e);
                one(self.make_chan(t, args.get(1)))
            }
            Builtin::Close => {
                let c = self.expr_reg(&args[0]);
                self.chan_builtin(sym::CLOSECHAN, c);
                vec![]
            }
            Builtin::Make => {
                let t = self.etype(e);
                let len = self.expr_reg(&args[1]);
                let cap = match args.get(2) {
                    Some(c) => self.expr_reg(c),
                    None => len,
                };
                let dst = self.reg(self.ty(t));
                self.emit(Inst::MakeSlice { dst, len, cap });
                one(dst)
            }
            Builtin::Append => one(self.append(e, args, spread)),
            Builtin::Copy => {
                let to = self.expr_reg(&args[0]);
                let from = self.expr_reg(&args[1]);
                let dst = self.reg(ir::Type::I64);
                self.emit(Inst::CopySlice { dst, to, from });
                one(dst)
            }
            Builtin::Clear => {
                let t = self.etype(&args[0]);
                let s = self.expr_reg(&args[0]);
                if matches!(self.info.types.under(t), TypeKind::Map(..)) {
                    self.map_clear(t, s);
                } else {
                    self.clear_slice(s);
                }
                vec![]
            }
            Builtin::Delete => {
                self.map_delete(&args[0], &args[1]);
                vec![]
            }
            Builtin::Min | Builtin::Max => one(self.min_max(e, b, args)),
            Builtin::Complex => {
                let re = self.expr_reg(&args[0]);
                let im = self.expr_reg(&args[1]);
                let dst = self.reg(self.ty(self.etype(e)));
                self.emit(Inst::ComplexMake { dst, re, im });
                one(dst)
            }
            Builtin::Real | Builtin::Imag => {
                let x = self.expr_reg(&args[0]);
                let dst = self.reg(self.ty(self.etype(e)));
                let imag = b == Builtin::Imag;
                self.emit(Inst::ComplexPart { dst, x, imag });
                one(dst)
            }
            Builtin::Print | Builtin::Println => {
                self.print(args, b == Builtin::Println);
                vec![]
            }
            Builtin::Panic => {
                self.panic(&args[0]);
                vec![]
            }
            Builtin::Recover => one(self.recover()),
        }
    }

    /// `append(s, a, b)` and `append(s, t...)`: grow, then store.
    fn append(&mut self, e: &Expr, args: &[Expr], spread: bool) -> Reg {
        let st = self.etype(e);
        let TypeKind::Slice(elem) = self.info.types.under(st).clone() else {
            unreachable!()
        };
        let s = self.expr_reg(&args[0]);
        if spread {
            let other = self.expr_reg(&args[1]);
            let n = self.reg(ir::Type::I64);
            self.emit(Inst::Len { dst: n, x: other });
            let old = self.reg(ir::Type::I64);
            self.emit(Inst::Len { dst: old, x: s });
            let grown = self.reg(self.ty(st));
            self.emit(Inst::GrowSlice {
                dst: grown,
                slice: s,
                n,
            });
            let tail = self.reg(self.ty(st));
            self.emit(Inst::SliceOf {
                dst: tail,
                x: grown,
                lo: Some(old),
                hi: None,
                max: None,
            });
            let copied = self.reg(ir::Type::I64);
            self.emit(Inst::CopySlice {
                dst: copied,
                to: tail,
                from: other,
            });
            return grown;
        }
        // Go evaluates every argument before appending.
        let vals: Vec<Val> = args[1..]
            .iter()
            .map(|a| {
                let v = self.expr_for(a, elem);
                self.copy_val(v, elem)
            })
            .collect();
        if vals.is_empty() {
            return s;
        }
        let old = self.reg(ir::Type::I64);
        self.emit(Inst::Len { dst: old, x: s });
        let n = self.int(vals.len() as i64);
        let grown = self.reg(self.ty(st));
        self.emit(Inst::GrowSlice {
            dst: grown,
            slice: s,
            n,
        });
        for (i, v) in vals.into_iter().enumerate() {
            let off = self.int(i as i64);
            let idx = self.reg(ir::Type::I64);
            self.emit(Inst::Binary {
                dst: idx,
                op: BinaryOp::Add,
                x: old,
                y: off,
            });
            let p = self.reg(ir::Type::ptr(self.ty(elem)));
            self.emit(Inst::ElemAddr {
                dst: p,
                slice: grown,
                index: idx,
            });
            self.store(&Place::Mem(p), v, elem);
        }
        grown
    }

    /// `clear(s)`: zero every element.
    pub(crate) fn clear_slice(&mut self, s: Reg) {
        let ir::Type::Slice(elem) = self.reg_ty(s).clone() else {
            unreachable!()
        };
        let n = self.reg(ir::Type::I64);
        self.emit(Inst::Len { dst: n, x: s });
        let i = self.int(0);
        let head = self.new_block();
        let body = self.new_block();
        let end = self.new_block();
        self.jump(head);
        self.switch_to(head);
        let c = self.cmp(BinaryOp::Lt, i, n);
        self.branch(c, body, end);
        self.switch_to(body);
        let p = self.reg(ir::Type::Ptr(elem));
        self.emit(Inst::ElemAddr {
            dst: p,
            slice: s,
            index: i,
        });
        self.emit(Inst::MemZero { ptr: p });
        let one = self.int(1);
        self.emit(Inst::Binary {
            dst: i,
            op: BinaryOp::Add,
            x: i,
            y: one,
        });
        self.jump(head);
        self.switch_to(end);
    }

    /// min and max: the first operand that no later one beats; for floats a
    /// NaN operand makes the result NaN, as Go specifies.
    fn min_max(&mut self, e: &Expr, b: Builtin, args: &[Expr]) -> Reg {
        let t = self.ty(self.etype(e));
        let dst = self.reg(t.clone());
        let first = self.expr_reg(&args[0]);
        self.emit(Inst::Copy { dst, src: first });
        for a in &args[1..] {
            let v = self.expr_reg(a);
            let op = if b == Builtin::Min {
                BinaryOp::Lt
            } else {
                BinaryOp::Gt
            };
            let better = self.cmp(op, v, dst);
            let take = if t.is_float() {
                // v != v (NaN) also wins; a NaN already in dst stays since
                // every comparison with it is false.
                let nan = self.cmp(BinaryOp::Ne, v, v);
                let either = self.reg(ir::Type::Bool);
                let set = self.new_block();
                let join = self.new_block();
                self.emit(Inst::Copy {
                    dst: either,
                    src: better,
                });
                self.branch(better, join, set);
                self.switch_to(set);
                self.emit(Inst::Copy {
                    dst: either,
                    src: nan,
                });
                self.jump(join);
                self.switch_to(join);
                either
            } else {
                better
            };
            let yes = self.new_block();
            let next = self.new_block();
            self.branch(take, yes, next);
            self.switch_to(yes);
            self.emit(Inst::Copy { dst, src: v });
            self.jump(next);
            self.switch_to(next);
        }
        dst
    }

    fn print(&mut self, args: &[Expr], newline: bool) {
        let vals = self.print_args(args);
        self.print_vals(vals, newline);
    }

    /// The operands of print/println, evaluated.
    pub(crate) fn print_args(&mut self, args: &[Expr]) -> Vec<(Reg, TypeId)> {
        match args {
            [a] if matches!(self.info.types.kind(self.etype(a)), TypeKind::Tuple(_)) => {
                let TypeKind::Tuple(ts) = self.info.types.kind(self.etype(a)).clone() else {
                    unreachable!()
                };
                let vs = self.expr_multi(a);
                vs.into_iter().map(|v| self.as_reg(v)).zip(ts).collect()
            }
            _ => args
                .iter()
                .map(|a| {
                    let t = self.etype(a);
                    (self.expr_reg(a), t)
                })
                .collect(),
        }
    }

    /// print/println of evaluated operands.
    pub(crate) fn print_vals(&mut self, vals: Vec<(Reg, TypeId)>, newline: bool) {
        self.rt(sym::PRINTLOCK, vec![], vec![]);
        for (i, (v, t)) in vals.into_iter().enumerate() {
            if newline && i > 0 {
                self.rt(sym::PRINTSP, vec![], vec![]);
            }
            let types = &self.info.types;
            let (name, arg) = match types.under(t) {
                TypeKind::Pointer(_)
                | TypeKind::Map(..)
                | TypeKind::Chan(..)
                | TypeKind::Func(_) => (sym::PRINTPOINTER, v),
                TypeKind::Interface(_) => (sym::PRINTEFACE, v),
                TypeKind::Slice(_) => (sym::PRINTSLICE, v),
                TypeKind::Basic(b) => match b {
                    Basic::Bool => (sym::PRINTBOOL, v),
                    Basic::Float32 => (sym::PRINTFLOAT32, v),
                    Basic::Float64 => (sym::PRINTFLOAT, v),
                    Basic::Complex64 => (sym::PRINTCOMPLEX64, v),
                    Basic::Complex128 => (sym::PRINTCOMPLEX, v),
                    Basic::String => (sym::PRINTSTRING, v),
                    Basic::UnsafePointer => (sym::PRINTPOINTER, v),
                    b if b.is_unsigned() => (sym::PRINTUINT, self.widen(v, ir::Type::U64)),
                    _ => (sym::PRINTINT, self.widen(v, ir::Type::I64)),
                },
                k => unreachable!("print of {k:?}"),
            };
            self.rt(name, vec![arg], vec![]);
        }
        if newline {
            self.rt(sym::PRINTNL, vec![], vec![]);
        }
        self.rt(sym::PRINTUNLOCK, vec![], vec![]);
    }

    /// An integer register converted to a 64-bit type (or a pointer to a
    /// 64-bit integer and back).
    pub(crate) fn widen(&mut self, v: Reg, t: ir::Type) -> Reg {
        if *self.reg_ty(v) == t {
            return v;
        }
        let dst = self.reg(t);
        self.emit(Inst::Convert { dst, x: v });
        dst
    }

    /// `panic(v)`: the value as an empty interface, to the runtime, which
    /// runs the deferred calls and, unless one recovers, prints it as Go.
    fn panic(&mut self, x: &Expr) {
        let e = self.panic_arg(x);
        self.panic_eface(e);
    }

    /// `recover()`: the runtime decides whether this call may recover.
    fn recover(&mut self) -> Reg {
        self.rt(sym::GORECOVER, vec![], vec![ir::Type::Iface])[0]
    }
}
