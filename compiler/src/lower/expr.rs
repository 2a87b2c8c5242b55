//! Expressions: constants, variables, operators, selectors, indexing,
//! slicing and composite literals. Calls, conversions and builtins are in
//! call.rs.

use super::*;
use crate::ir::{BinaryOp, UnaryOp};
use crate::syntax::ast::{BinOp, Expr, ExprKind, UnOp};
use crate::types::ty::T_UNTYPED_NIL;
use crate::types::Value;

impl FnLower<'_, '_> {
    /// The Go type the checker gave an expression (untyped constants that
    /// remained untyped get their default type).
    pub(crate) fn etype(&self, e: &Expr) -> TypeId {
        let t = self.ety_of(e.id);
        self.info.types.default_type(t)
    }

    /// Evaluates an expression with a single value.
    pub(crate) fn expr(&mut self, e: &Expr) -> Val {
        if let Some(v) = self.econst(e.id).cloned() {
            let t = self.etype(e);
            return Val::Reg(self.const_value(&v, t));
        }
        // A generic function instantiated as a value (`F[int]`).
        if let Some(symbol) = self.instance_at(e.id) {
            let t = self.etype(e);
            return Val::Reg(self.func_value(&symbol, t));
        }
        match &e.kind {
            ExprKind::Paren(x) => self.expr(x),
            ExprKind::Ident(_) => self.ident(e),
            // A qualified identifier `pkg.Name`.
            ExprKind::Selector(..) if self.info.uses.contains_key(&e.id) => self.ident(e),
            ExprKind::CompositeLit { .. } => self.composite(e),
            ExprKind::FuncLit { .. } => Val::Reg(self.func_lit(e)),
            ExprKind::TypeAssert(..) => self.type_assert(e, false).remove(0),
            ExprKind::Selector(..)
                if self.selection(e.id).expect("a selection").method.is_some() =>
            {
                Val::Reg(self.method_value(e))
            }
            ExprKind::Selector(..) if self.is_iface_method_expr(e.id) => {
                Val::Reg(self.iface_method_expr(e))
            }
            ExprKind::Selector(..)
                if self
                    .selection(e.id)
                    .expect("a selection")
                    .iface_method
                    .is_some() =>
            {
                Val::Reg(self.iface_method_value(e))
            }
            ExprKind::Selector(..) | ExprKind::Index(..) | ExprKind::Star(_) => {
                if let ExprKind::Index(x, _) = &e.kind {
                    let xt = self.etype(x);
                    if self.info.types.is_string(xt) {
                        return self.string_index(e);
                    }
                    if matches!(self.info.types.under(xt), TypeKind::Map(..)) {
                        return self.map_index(e, false).remove(0);
                    }
                }
                let p = self.addr(e);
                let t = self.etype(e);
                self.load(p, t)
            }
            ExprKind::Slice { x, lo, hi, max, .. } => self.slice_expr(e, x, lo, hi, max),
            ExprKind::Call { .. } => {
                let mut vs = self.call(e);
                assert!(vs.len() == 1, "single-valued call");
                vs.pop().unwrap()
            }
            ExprKind::Unary(op, x) => self.unary(e, *op, x),
            ExprKind::Binary { op, x, y, .. } => self.binary(e, *op, x, y),
            _ => unreachable!("checker rejected expression {:?}", e.kind),
        }
    }

    /// The values of a multi-valued call, or the single value of any other
    /// expression.
    pub(crate) fn expr_multi(&mut self, e: &Expr) -> Vec<Val> {
        match &e.kind {
            ExprKind::Paren(x) => self.expr_multi(x),
            ExprKind::Call { .. } if self.econst(e.id).is_none() => self.call(e),
            _ => vec![self.expr(e)],
        }
    }

    pub(crate) fn expr_reg(&mut self, e: &Expr) -> Reg {
        let v = self.expr(e);
        self.as_reg(v)
    }

    pub(crate) fn const_value(&mut self, v: &Value, t: TypeId) -> Reg {
        let it = if t == T_UNTYPED_NIL {
            ir::Type::ptr(ir::Type::U8)
        } else {
            self.ty(t)
        };
        let c = match (v, &it) {
            (Value::Bool(b), _) => Const::Bool(*b),
            (Value::Str(s), _) => Const::Str(s.clone()),
            (v, ir::Type::F32) => Const::Float(v.to_f32().unwrap_or(0.0) as f64),
            (v, ir::Type::F64) => Const::Float(v.to_f64().unwrap_or(0.0)),
            (v, ir::Type::C64) => {
                let (re, im) = v.to_c64().unwrap_or_default();
                Const::Complex(re as f64, im as f64)
            }
            (v, ir::Type::C128) => {
                let (re, im) = v.to_c128().unwrap_or_default();
                Const::Complex(re, im)
            }
            (v, _) => Const::Int(v.to_bits().unwrap_or(0)),
        };
        self.konst(it, c)
    }

    fn ident(&mut self, e: &Expr) -> Val {
        let id = self.info.uses[&e.id];
        match &self.info.obj(id).kind {
            ObjKind::Var { .. } => self.var_value(id),
            ObjKind::Func { symbol } => {
                let t = self.info.obj(id).ty;
                Val::Reg(self.func_value(symbol, t))
            }
            ObjKind::Nil => {
                let t = self.etype(e);
                Val::Reg(self.konst(self.ty_or_ptr(t), Const::Zero))
            }
            k => unreachable!("identifier of kind {k:?} as a value"),
        }
    }

    fn ty_or_ptr(&self, t: TypeId) -> ir::Type {
        if t == T_UNTYPED_NIL {
            ir::Type::ptr(ir::Type::U8)
        } else {
            self.ty(t)
        }
    }

    /// The address of an addressable expression (or of a struct or array
    /// value, which always lives in memory).
    pub(crate) fn addr(&mut self, e: &Expr) -> Reg {
        match &e.kind {
            ExprKind::Paren(x) => self.addr(x),
            ExprKind::Ident(_) | ExprKind::Selector(..) if self.info.uses.contains_key(&e.id) => {
                let id = self.info.uses[&e.id];
                match self.var_place(id) {
                    Place::Mem(p) => p,
                    _ => unreachable!("address of a register variable"),
                }
            }
            ExprKind::Star(x) => self.expr_reg(x),
            ExprKind::Selector(x, _) => {
                let sel = self.selection(e.id).expect("a selection").clone();
                self.path_addr(x, &sel.path).0
            }
            ExprKind::Index(x, idx) => {
                let xt = self.etype(x);
                match self.info.types.under(xt).clone() {
                    TypeKind::Slice(elem) => {
                        let s = self.expr_reg(x);
                        let i = self.expr_reg(&idx[0]);
                        let dst = self.reg(ir::Type::ptr(self.ty(elem)));
                        self.emit(Inst::ElemAddr {
                            dst,
                            slice: s,
                            index: i,
                        });
                        dst
                    }
                    TypeKind::Array(_, elem) => {
                        let base = self.expr(x);
                        let p = self.as_reg(base);
                        self.index_addr(p, elem, &idx[0])
                    }
                    TypeKind::Pointer(arr) => {
                        let TypeKind::Array(_, elem) = self.info.types.under(arr).clone() else {
                            unreachable!()
                        };
                        let p = self.expr_reg(x);
                        self.index_addr(p, elem, &idx[0])
                    }
                    _ => unreachable!("index of {:?}", self.info.types.under(xt)),
                }
            }
            _ => {
                // A struct or array value computed by a call or literal.
                let v = self.expr(e);
                self.as_reg(v)
            }
        }
    }

    /// `&x`: as [`Self::addr`], with Go's nil checks of the pointers the
    /// address is formed from (`&*p`, `&p.f`, `&p[i]` for a pointer to an
    /// array, and so on inward): forming the address accesses no memory,
    /// so no fault would report a nil pointer.
    pub(crate) fn addr_of(&mut self, e: &Expr) -> Reg {
        match &e.kind {
            ExprKind::Paren(x) => self.addr_of(x),
            ExprKind::Ident(_) | ExprKind::Selector(..) if self.info.uses.contains_key(&e.id) => {
                self.addr(e)
            }
            ExprKind::Star(x) => {
                let p = self.expr_reg(x);
                self.emit(Inst::NilCheck { ptr: p });
                p
            }
            ExprKind::Selector(x, _) => {
                let sel = self.selection(e.id).expect("a selection").clone();
                self.path_addr_checked(x, &sel.path, true).0
            }
            ExprKind::Index(x, idx) => match self.info.types.under(self.etype(x)).clone() {
                TypeKind::Array(_, elem) => {
                    let p = self.addr_of(x);
                    self.index_addr(p, elem, &idx[0])
                }
                TypeKind::Pointer(arr) => {
                    let TypeKind::Array(_, elem) = self.info.types.under(arr).clone() else {
                        unreachable!()
                    };
                    let p = self.expr_reg(x);
                    self.emit(Inst::NilCheck { ptr: p });
                    self.index_addr(p, elem, &idx[0])
                }
                _ => self.addr(e),
            },
            _ => self.addr(e),
        }
    }

    /// The address of the value reached from `x` through the field indices
    /// of a selection (embedded fields, then the field itself), with the Go
    /// type of that value. Pointers met on the way are followed.
    pub(crate) fn path_addr(&mut self, x: &Expr, path: &[u32]) -> (Reg, TypeId) {
        self.path_addr_checked(x, path, false)
    }

    /// [`Self::path_addr`], nil-checking each pointer followed when
    /// `check_nil` is set (the address is taken, not accessed).
    pub(crate) fn path_addr_checked(
        &mut self,
        x: &Expr,
        path: &[u32],
        check_nil: bool,
    ) -> (Reg, TypeId) {
        let xt = self.etype(x);
        let mut cur_ty = xt;
        // The starting point: a pointer's value, or the address of the
        // struct value (struct values always live in memory).
        let mut p = match self.info.types.under(xt) {
            TypeKind::Pointer(_) => self.expr_reg(x),
            _ => {
                let v = self.expr(x);
                self.as_reg(v)
            }
        };
        for (i, &fi) in path.iter().enumerate() {
            let st = match self.info.types.under(cur_ty) {
                TypeKind::Pointer(inner) => {
                    if i > 0 {
                        // An embedded pointer field: follow it.
                        let dst = self.reg(self.ty(cur_ty));
                        self.emit(Inst::Load { dst, ptr: p });
                        p = dst;
                    }
                    if check_nil {
                        self.emit(Inst::NilCheck { ptr: p });
                    }
                    *inner
                }
                _ => cur_ty,
            };
            let TypeKind::Struct(fields) = self.info.types.under(st) else {
                unreachable!()
            };
            let ft = fields[fi as usize].ty;
            let dst = self.reg(ir::Type::ptr(self.ty(ft)));
            self.emit(Inst::FieldAddr {
                dst,
                ptr: p,
                field: fi,
            });
            p = dst;
            cur_ty = ft;
        }
        (p, cur_ty)
    }

    fn index_addr(&mut self, arr_ptr: Reg, elem: TypeId, idx: &Expr) -> Reg {
        let i = self.expr_reg(idx);
        let dst = self.reg(ir::Type::ptr(self.ty(elem)));
        self.emit(Inst::IndexAddr {
            dst,
            ptr: arr_ptr,
            index: i,
        });
        dst
    }

    fn string_index(&mut self, e: &Expr) -> Val {
        let ExprKind::Index(x, idx) = &e.kind else {
            unreachable!()
        };
        let s = self.expr_reg(x);
        let i = self.expr_reg(&idx[0]);
        let dst = self.reg(ir::Type::U8);
        self.emit(Inst::StringByte { dst, s, index: i });
        Val::Reg(dst)
    }

    fn slice_expr(
        &mut self,
        e: &Expr,
        x: &Expr,
        lo: &Option<Box<Expr>>,
        hi: &Option<Box<Expr>>,
        max: &Option<Box<Expr>>,
    ) -> Val {
        let xt = self.etype(x);
        let base = match self.info.types.under(xt) {
            TypeKind::Array(..) => self.addr(x),
            _ => self.expr_reg(x),
        };
        let lo = lo.as_ref().map(|b| self.expr_reg(b));
        let hi = hi.as_ref().map(|b| self.expr_reg(b));
        let max = max.as_ref().map(|b| self.expr_reg(b));
        let t = self.etype(e);
        let dst = self.reg(self.ty(t));
        self.emit(Inst::SliceOf {
            dst,
            x: base,
            lo,
            hi,
            max,
        });
        Val::Reg(dst)
    }

    fn unary(&mut self, e: &Expr, op: UnOp, x: &Expr) -> Val {
        match op {
            UnOp::Recv => self.chan_recv(x, false).remove(0),
            UnOp::Addr => {
                if let ExprKind::CompositeLit { .. } = unparen(x).kind {
                    return Val::Reg(self.composite_in(unparen(x), true));
                }
                Val::Reg(self.addr_of(x))
            }
            UnOp::Plus => self.expr(x),
            UnOp::Neg | UnOp::Not | UnOp::BitNot => {
                let v = self.expr_reg(x);
                let t = self.ty(self.etype(e));
                let dst = self.reg(t);
                let op = match op {
                    UnOp::Neg => UnaryOp::Neg,
                    UnOp::Not => UnaryOp::Not,
                    _ => UnaryOp::BitNot,
                };
                self.emit(Inst::Unary { dst, op, x: v });
                Val::Reg(dst)
            }
            UnOp::Tilde => unreachable!("~T is a constraint term, checked as one"),
        }
    }

    fn binary(&mut self, e: &Expr, op: BinOp, x: &Expr, y: &Expr) -> Val {
        if matches!(op, BinOp::LAnd | BinOp::LOr) {
            return Val::Reg(self.logical(op, x, y));
        }
        if op.is_comparison() {
            return Val::Reg(self.comparison(op, x, y));
        }
        let a = self.expr_reg(x);
        let b = self.expr_reg(y);
        let t = self.ty(self.etype(e));
        let dst = self.reg(t);
        let op = arith_op(op);
        self.emit(Inst::Binary {
            dst,
            op,
            x: a,
            y: b,
        });
        Val::Reg(dst)
    }

    /// `x && y` and `x || y`, evaluating `y` only when needed.
    fn logical(&mut self, op: BinOp, x: &Expr, y: &Expr) -> Reg {
        let dst = self.reg(ir::Type::Bool);
        let a = self.expr_reg(x);
        self.emit(Inst::Copy { dst, src: a });
        let rhs = self.new_block();
        let end = self.new_block();
        if op == BinOp::LAnd {
            self.branch(a, rhs, end);
        } else {
            self.branch(a, end, rhs);
        }
        self.switch_to(rhs);
        let b = self.expr_reg(y);
        self.emit(Inst::Copy { dst, src: b });
        self.jump(end);
        self.switch_to(end);
        dst
    }

    /// A bool register holding `cond` for an IR comparison.
    pub(crate) fn cmp(&mut self, op: BinaryOp, a: Reg, b: Reg) -> Reg {
        let dst = self.reg(ir::Type::Bool);
        self.emit(Inst::Binary {
            dst,
            op,
            x: a,
            y: b,
        });
        dst
    }

    fn comparison(&mut self, op: BinOp, x: &Expr, y: &Expr) -> Reg {
        let irop = match op {
            BinOp::Eq => BinaryOp::Eq,
            BinOp::Ne => BinaryOp::Ne,
            BinOp::Lt => BinaryOp::Lt,
            BinOp::Le => BinaryOp::Le,
            BinOp::Gt => BinaryOp::Gt,
            _ => BinaryOp::Ge,
        };
        let (xt, yt) = (self.ety_of(x.id), self.ety_of(y.id));
        // Comparisons with nil compare the pointer (a slice's data pointer).
        if xt == T_UNTYPED_NIL || yt == T_UNTYPED_NIL || self.is_nil(x) || self.is_nil(y) {
            let (other, ot) = if xt == T_UNTYPED_NIL || self.is_nil(x) {
                (y, yt)
            } else {
                (x, xt)
            };
            let v = self.expr_reg(other);
            let p = match self.info.types.under(ot) {
                // An interface is nil when its type word is.
                TypeKind::Interface(_) => {
                    let dst = self.reg(ir::Type::ptr(ir::Type::U8));
                    self.emit(Inst::IfaceWord { dst, x: v, word: 0 });
                    dst
                }
                TypeKind::Slice(_) => {
                    let it = self.reg_ty(v).clone();
                    let ir::Type::Slice(elem) = it else {
                        unreachable!()
                    };
                    let dst = self.reg(ir::Type::Ptr(elem));
                    self.emit(Inst::DataPtr { dst, x: v });
                    dst
                }
                _ => v,
            };
            let pt = self.reg_ty(p).clone();
            let z = self.konst(pt, Const::Zero);
            return self.cmp(irop, p, z);
        }
        // Mixed interface and concrete operands compare as interfaces.
        let (tx, ty) = (self.etype(x), self.etype(y));
        if self.info.types.is_interface(tx) || self.info.types.is_interface(ty) {
            let it = if self.info.types.is_interface(tx) {
                tx
            } else {
                ty
            };
            let a = self.expr_for(x, it);
            let a = self.as_reg(a);
            let b = self.expr_for(y, it);
            let b = self.as_reg(b);
            let eq = self.iface_eq(a, b, it);
            if op == BinOp::Ne {
                let dst = self.reg(ir::Type::Bool);
                self.emit(Inst::Unary {
                    dst,
                    op: UnaryOp::Not,
                    x: eq,
                });
                return dst;
            }
            return eq;
        }
        let t = self.etype(x);
        let it = self.ty(t);
        if !it.is_register() {
            let a = self.expr(x);
            let a = self.copy_val(a, t);
            let b = self.expr(y);
            let (pa, pb) = (self.as_reg(a), self.as_reg(b));
            let eq = self.mem_equal(pa, pb, t);
            if op == BinOp::Ne {
                let dst = self.reg(ir::Type::Bool);
                self.emit(Inst::Unary {
                    dst,
                    op: UnaryOp::Not,
                    x: eq,
                });
                return dst;
            }
            return eq;
        }
        let a = self.expr_reg(x);
        let b = self.expr_reg(y);
        self.cmp(irop, a, b)
    }

    pub(crate) fn is_nil(&self, e: &Expr) -> bool {
        match &unparen(e).kind {
            ExprKind::Ident(_) => self
                .info
                .uses
                .get(&unparen(e).id)
                .is_some_and(|id| self.info.obj(*id).kind == ObjKind::Nil),
            _ => false,
        }
    }

    /// `*pa == *pb` for struct and array types, field by field (Go compares
    /// fields in order and stops at the first difference).
    pub(crate) fn mem_equal(&mut self, pa: Reg, pb: Reg, t: TypeId) -> Reg {
        let result = self.reg(ir::Type::Bool);
        self.emit(Inst::Const {
            dst: result,
            value: Const::Bool(false),
        });
        let end = self.new_block();
        // Each part: its type, and whether it is a field (by index) or an
        // array element (by index).
        let parts: Vec<(TypeId, bool, u32)> = match self.info.types.under(t).clone() {
            TypeKind::Struct(fields) => fields
                .iter()
                .enumerate()
                .filter(|(_, f)| f.name != "_")
                .map(|(i, f)| (f.ty, true, i as u32))
                .collect(),
            TypeKind::Array(n, elem) => (0..n as u32).map(|i| (elem, false, i)).collect(),
            _ => unreachable!(),
        };
        for (ft, is_field, i) in parts {
            let part = |fl: &mut Self, p: Reg| {
                let dst = fl.reg(ir::Type::ptr(fl.ty(ft)));
                if is_field {
                    fl.emit(Inst::FieldAddr {
                        dst,
                        ptr: p,
                        field: i,
                    });
                } else {
                    let idx = fl.int(i as i64);
                    fl.emit(Inst::IndexAddr {
                        dst,
                        ptr: p,
                        index: idx,
                    });
                }
                dst
            };
            let fa = part(self, pa);
            let fb = part(self, pb);
            let it = self.ty(ft);
            let eq = if it == ir::Type::Iface {
                self.iface_eq_at(fa, fb, ft)
            } else if it.is_register() {
                let a = self.reg(it.clone());
                self.emit(Inst::Load { dst: a, ptr: fa });
                let b = self.reg(it);
                self.emit(Inst::Load { dst: b, ptr: fb });
                self.cmp(BinaryOp::Eq, a, b)
            } else {
                self.mem_equal(fa, fb, ft)
            };
            let next = self.new_block();
            self.branch(eq, next, end);
            self.switch_to(next);
        }
        self.emit(Inst::Const {
            dst: result,
            value: Const::Bool(true),
        });
        self.jump(end);
        self.switch_to(end);
        result
    }

    // ---- composite literals ----

    fn composite(&mut self, e: &Expr) -> Val {
        let t = self.etype(e);
        if let (TypeKind::Map(..), ExprKind::CompositeLit { elts, .. }) =
            (self.info.types.under(t), &e.kind)
        {
            return Val::Reg(self.map_lit(t, elts));
        }
        match self.info.types.under(t) {
            TypeKind::Slice(_) => Val::Reg(self.composite_in(e, false)),
            TypeKind::Pointer(_) => Val::Reg(self.composite_in(e, true)),
            _ => Val::Mem(self.composite_in(e, false)),
        }
    }

    /// Builds a composite literal; for struct and array types returns the
    /// address of the new value (on the heap when `heap`), for slices the
    /// slice, for an elided `&T{...}` the pointer. With `heap`, slice and
    /// map literals (only reached through `&`) get a new variable too.
    fn composite_in(&mut self, e: &Expr, heap: bool) -> Reg {
        let ExprKind::CompositeLit { elts, .. } = &e.kind else {
            unreachable!()
        };
        let mut t = self.etype(e);
        let mut heap = heap;
        if let TypeKind::Pointer(inner) = self.info.types.under(t) {
            t = *inner;
            heap = true;
        }
        match self.info.types.under(t).clone() {
            TypeKind::Struct(fields) => {
                let p = self.alloc_var(&self.ty(t), heap);
                let keyed = elts
                    .first()
                    .is_some_and(|x| matches!(x.kind, ExprKind::KeyValue(..)));
                for (i, el) in elts.iter().enumerate() {
                    let (fi, v) = match &el.kind {
                        ExprKind::KeyValue(k, v) if keyed => {
                            let ExprKind::Ident(name) = &k.kind else {
                                unreachable!()
                            };
                            (fields.iter().position(|f| &f.name == name).unwrap(), &**v)
                        }
                        _ => (i, el),
                    };
                    let ft = fields[fi].ty;
                    if fields[fi].name == "_" {
                        // Evaluated, but a blank field stays zero.
                        self.expr(v);
                        continue;
                    }
                    let dst = self.reg(ir::Type::ptr(self.ty(ft)));
                    self.emit(Inst::FieldAddr {
                        dst,
                        ptr: p,
                        field: fi as u32,
                    });
                    self.elem_into(dst, v, ft);
                }
                p
            }
            TypeKind::Array(_, elem) => {
                let p = self.alloc_var(&self.ty(t), heap);
                self.array_elems_into(p, elts, elem);
                p
            }
            TypeKind::Slice(elem) => {
                let n = literal_len(self, elts);
                let at = ir::Type::Array(n, Box::new(self.ty(elem)));
                let p = self.alloc_var(&at, true);
                self.array_elems_into(p, elts, elem);
                let st = self.ty(t);
                let dst = self.reg(st.clone());
                self.emit(Inst::SliceOf {
                    dst,
                    x: p,
                    lo: None,
                    hi: None,
                    max: None,
                });
                if !heap {
                    return dst;
                }
                // `&[]T{...}`: a new variable holding the new slice.
                let v = self.alloc_var(&st, true);
                self.emit(Inst::Store { ptr: v, src: dst });
                v
            }
            TypeKind::Map(..) => {
                // `&map[K]V{...}`: a new variable holding the new map.
                let m = self.map_lit(t, elts);
                let p = self.alloc_var(&self.ty(t), heap);
                self.emit(Inst::Store { ptr: p, src: m });
                p
            }
            k => unreachable!("composite literal of {k:?}"),
        }
    }

    fn array_elems_into(&mut self, p: Reg, elts: &[Expr], elem: TypeId) {
        let mut idx: i64 = 0;
        for el in elts {
            let v = match &el.kind {
                ExprKind::KeyValue(k, v) => {
                    idx = self
                        .info
                        .constant(k.id)
                        .and_then(|v| v.to_i64())
                        .unwrap_or(0);
                    &**v
                }
                _ => el,
            };
            let i = self.int(idx);
            let dst = self.reg(ir::Type::ptr(self.ty(elem)));
            self.emit(Inst::IndexAddr {
                dst,
                ptr: p,
                index: i,
            });
            self.elem_into(dst, v, elem);
            idx += 1;
        }
    }

    /// The value of one element of a composite literal for a place of type
    /// `t` (an elided `&T{...}` when `t` is a pointer).
    pub(crate) fn elem_value_for(&mut self, v: &Expr, t: TypeId) -> Val {
        if let ExprKind::CompositeLit { ty: None, .. } = &v.kind {
            if let TypeKind::Pointer(_) = self.info.types.under(t) {
                return Val::Reg(self.composite_in(v, true));
            }
        }
        self.expr_for(v, t)
    }

    /// Stores one element of a composite literal at `dst`.
    fn elem_into(&mut self, dst: Reg, v: &Expr, t: TypeId) {
        if let ExprKind::CompositeLit { ty: None, .. } = &v.kind {
            if let TypeKind::Pointer(_) = self.info.types.under(t) {
                let p = self.composite_in(v, true);
                self.emit(Inst::Store { ptr: dst, src: p });
                return;
            }
        }
        let val = self.expr_for(v, t);
        self.store(&Place::Mem(dst), val, t);
    }
}

/// The number of elements of an array or slice literal (keys may skip).
fn literal_len(fl: &FnLower, elts: &[Expr]) -> u64 {
    let mut idx: u64 = 0;
    let mut max = 0;
    for el in elts {
        if let ExprKind::KeyValue(k, _) = &el.kind {
            idx = fl.info.constant(k.id).and_then(|v| v.to_i64()).unwrap_or(0) as u64;
        }
        idx += 1;
        max = max.max(idx);
    }
    max
}

/// The IR operator of a Go arithmetic, bitwise or shift operator.
pub(crate) fn arith_op(op: BinOp) -> BinaryOp {
    match op {
        BinOp::Add => BinaryOp::Add,
        BinOp::Sub => BinaryOp::Sub,
        BinOp::Mul => BinaryOp::Mul,
        BinOp::Div => BinaryOp::Div,
        BinOp::Rem => BinaryOp::Rem,
        BinOp::And => BinaryOp::And,
        BinOp::Or => BinaryOp::Or,
        BinOp::Xor => BinaryOp::Xor,
        BinOp::AndNot => BinaryOp::AndNot,
        BinOp::Shl => BinaryOp::Shl,
        BinOp::Shr => BinaryOp::Shr,
        _ => unreachable!("{op:?} is not an arithmetic operator"),
    }
}

pub(crate) fn unparen(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => unparen(x),
        _ => e,
    }
}
