//! Maps: `make`, literals, reads (with comma-ok), assignments, `delete`,
//! `len`, `clear` and `range`, as calls into the runtime's hash map (the
//! contract is goc-abi's `map` module). A map value is a pointer to the
//! runtime's map header (nil for a nil map); keys and values cross by
//! address, the key spilled to a frame slot first.

use goc_abi::sym;

use super::*;
use crate::ir::BinaryOp;
use crate::syntax::ast::{Expr, ExprKind};

impl FnLower<'_, '_> {
    fn map_types(&self, t: TypeId) -> (TypeId, TypeId) {
        match self.info.types.under(t) {
            TypeKind::Map(k, v) => (*k, *v),
            k => unreachable!("map operation on {k:?}"),
        }
    }

    /// `make(map[K]V, hint)`.
    pub(crate) fn make_map(&mut self, t: TypeId, hint: Option<&Expr>) -> Reg {
        let desc = self.desc_addr(t);
        let h = match hint {
            Some(h) => {
                let r = self.expr_reg(h);
                self.widen_int(r)
            }
            None => self.int(0),
        };
        self.rt(
            sym::MAKEMAP,
            vec![desc, h],
            vec![ir::Type::ptr(ir::Type::U8)],
        )[0]
    }

    /// An integer register as int64 (sign- or zero-extended by its type).
    pub(crate) fn widen_int(&mut self, r: Reg) -> Reg {
        if *self.reg_ty(r) == ir::Type::I64 {
            return r;
        }
        let dst = self.reg(ir::Type::I64);
        self.emit(Inst::Convert { dst, x: r });
        dst
    }

    /// The key, evaluated and stored in a frame slot: its address.
    fn key_addr(&mut self, k: &Expr, kt: TypeId) -> Reg {
        let v = self.expr_for(k, kt);
        self.key_addr_of(v, kt)
    }

    /// The address (`*uint8`) of a frame copy of key value `v`.
    pub(crate) fn key_addr_of(&mut self, v: Val, kt: TypeId) -> Reg {
        let it = self.ty(kt);
        let p = self.reg(ir::Type::ptr(it.clone()));
        self.emit(Inst::Alloca { dst: p, ty: it });
        self.store(&Place::Mem(p), v, kt);
        self.retype_ptr(p)
    }

    pub(crate) fn retype_ptr(&mut self, p: Reg) -> Reg {
        let dst = self.reg(ir::Type::ptr(ir::Type::U8));
        self.emit(Inst::Copy { dst, src: p });
        dst
    }

    /// `m[k]` as a value, and with `comma_ok` whether the key was present.
    pub(crate) fn map_index(&mut self, e: &Expr, comma_ok: bool) -> Vec<Val> {
        let ExprKind::Index(m, idx) = &unparen_expr(e).kind else {
            unreachable!()
        };
        let mt = self.etype(m);
        let (kt, vt) = self.map_types(mt);
        let mv = self.expr_reg(m);
        let key = self.key_addr(&idx[0], kt);
        let desc = self.desc_addr(mt);
        let p = self.rt(
            sym::MAPACCESS,
            vec![desc, mv, key],
            vec![ir::Type::ptr(ir::Type::U8)],
        )[0];
        let z = self.konst(ir::Type::ptr(ir::Type::U8), Const::Zero);
        let found = self.cmp(BinaryOp::Ne, p, z);
        // Absent keys read as the zero value.
        let it = self.ty(vt);
        let result = self.zero_temp(&it);
        let (hit, done) = (self.new_block(), self.new_block());
        self.branch(found, hit, done);
        self.switch_to(hit);
        let vp = self.reg(ir::Type::ptr(it));
        self.emit(Inst::Copy { dst: vp, src: p });
        let v = self.load(vp, vt);
        self.store(&result, v, vt);
        self.jump(done);
        self.switch_to(done);
        let v = self.temp_value(&result);
        if comma_ok {
            vec![v, Val::Reg(found)]
        } else {
            vec![v]
        }
    }

    /// The assignment target `m[k]`: the map and key are evaluated now, the
    /// slot is found (and the key inserted) when the value is stored.
    pub(crate) fn map_place(&mut self, e: &Expr) -> Place {
        let ExprKind::Index(m, idx) = &unparen_expr(e).kind else {
            unreachable!()
        };
        let mt = self.etype(m);
        let (kt, _) = self.map_types(mt);
        let map = self.expr_reg(m);
        let key = self.key_addr(&idx[0], kt);
        let desc = self.desc_addr(mt);
        Place::Map { desc, map, key }
    }

    /// Stores `v` (of the map's value type `t`) into `m[k]`.
    pub(crate) fn map_store(&mut self, desc: Reg, map: Reg, key: Reg, v: Val, t: TypeId) {
        let p = self.rt(
            sym::MAPASSIGN,
            vec![desc, map, key],
            vec![ir::Type::ptr(ir::Type::U8)],
        )[0];
        let vp = self.reg(ir::Type::ptr(self.ty(t)));
        self.emit(Inst::Copy { dst: vp, src: p });
        self.store(&Place::Mem(vp), v, t);
    }

    /// The current value of an `m[k]` place (for `m[k] += x`).
    pub(crate) fn map_read(&mut self, desc: Reg, map: Reg, key: Reg, t: TypeId) -> Val {
        let p = self.rt(
            sym::MAPACCESS,
            vec![desc, map, key],
            vec![ir::Type::ptr(ir::Type::U8)],
        )[0];
        let it = self.ty(t);
        let out = self.konst(it.clone(), Const::Zero);
        let z = self.konst(ir::Type::ptr(ir::Type::U8), Const::Zero);
        let found = self.cmp(BinaryOp::Ne, p, z);
        let (hit, done) = (self.new_block(), self.new_block());
        self.branch(found, hit, done);
        self.switch_to(hit);
        let vp = self.reg(ir::Type::ptr(it));
        self.emit(Inst::Copy { dst: vp, src: p });
        self.emit(Inst::Load { dst: out, ptr: vp });
        self.jump(done);
        self.switch_to(done);
        Val::Reg(out)
    }

    /// `len(m)`: 0 for a nil map, else the header's count.
    pub(crate) fn map_len(&mut self, m: Reg) -> Reg {
        let out = self.int(0);
        let z = self.konst(ir::Type::ptr(ir::Type::U8), Const::Zero);
        let is_nil = self.cmp(BinaryOp::Eq, m, z);
        let (load, done) = (self.new_block(), self.new_block());
        self.branch(is_nil, done, load);
        self.switch_to(load);
        let cp = self.reg(ir::Type::ptr(ir::Type::I64));
        self.emit(Inst::Copy { dst: cp, src: m });
        self.emit(Inst::Load { dst: out, ptr: cp });
        self.jump(done);
        self.switch_to(done);
        out
    }

    pub(crate) fn map_delete(&mut self, m: &Expr, k: &Expr) {
        let mt = self.etype(m);
        let (kt, _) = self.map_types(mt);
        let mv = self.expr_reg(m);
        let key = self.key_addr(k, kt);
        self.map_delete_at(mt, mv, key);
    }

    /// `delete(m, *key)` of map type `mt`, `key` from [`FnLower::key_addr_of`].
    pub(crate) fn map_delete_at(&mut self, mt: TypeId, m: Reg, key: Reg) {
        let desc = self.desc_addr(mt);
        self.rt(sym::MAPDELETE, vec![desc, m, key], vec![]);
    }

    pub(crate) fn map_clear(&mut self, mt: TypeId, m: Reg) {
        let desc = self.desc_addr(mt);
        self.rt(sym::MAPCLEAR, vec![desc, m], vec![]);
    }

    /// A map literal.
    pub(crate) fn map_lit(&mut self, t: TypeId, elts: &[Expr]) -> Reg {
        let (kt, vt) = self.map_types(t);
        let hint = self.int(elts.len() as i64);
        let desc = self.desc_addr(t);
        let m = self.rt(
            sym::MAKEMAP,
            vec![desc, hint],
            vec![ir::Type::ptr(ir::Type::U8)],
        )[0];
        for el in elts {
            let ExprKind::KeyValue(k, v) = &el.kind else {
                unreachable!("the checker requires keys")
            };
            let key = self.key_addr(k, kt);
            let val = self.elem_value_for(v, vt);
            self.map_store(desc, m, key, val, vt);
        }
        m
    }

    /// `for k, v := range m` (`vars`: key, value, `:=`): the runtime's
    /// iterator in a frame slot.
    pub(crate) fn map_range(
        &mut self,
        mt: TypeId,
        m: Reg,
        vars: (Option<&Expr>, Option<&Expr>, bool),
        body: &ast::Block,
        label: Option<String>,
    ) {
        let (key, value, define) = vars;
        let (kt, vt) = self.map_types(mt);
        let desc = self.desc_addr(mt);
        let words = goc_abi::map::iter::SIZE_OF as u64 / 8;
        let it_ty = ir::Type::Array(words, Box::new(ir::Type::ptr(ir::Type::U8)));
        let it = self.reg(ir::Type::ptr(it_ty.clone()));
        self.emit(Inst::Alloca { dst: it, ty: it_ty });
        let itp = self.retype_ptr(it);
        self.rt(sym::MAPITERINIT, vec![desc, m, itp], vec![]);
        let (head, bodyb, cont, end) = (
            self.new_block(),
            self.new_block(),
            self.new_block(),
            self.new_block(),
        );
        self.jump(head);
        self.switch_to(head);
        let slot = |fl: &mut Self, i: i64| {
            let idx = fl.int(i);
            let p = fl.reg(ir::Type::ptr(ir::Type::ptr(ir::Type::U8)));
            fl.emit(Inst::IndexAddr {
                dst: p,
                ptr: it,
                index: idx,
            });
            let w = fl.reg(ir::Type::ptr(ir::Type::U8));
            fl.emit(Inst::Load { dst: w, ptr: p });
            w
        };
        let kp = slot(self, 0);
        let z = self.konst(ir::Type::ptr(ir::Type::U8), Const::Zero);
        let more = self.cmp(BinaryOp::Ne, kp, z);
        self.branch(more, bodyb, end);
        self.switch_to(bodyb);
        let mut vals = Vec::new();
        if key.is_some() {
            let p = self.reg(ir::Type::ptr(self.ty(kt)));
            self.emit(Inst::Copy { dst: p, src: kp });
            let v = self.load(p, kt);
            vals.push((key, self.copy_val(v, kt), kt));
        }
        if value.is_some() {
            let vp0 = slot(self, 1);
            let p = self.reg(ir::Type::ptr(self.ty(vt)));
            self.emit(Inst::Copy { dst: p, src: vp0 });
            let v = self.load(p, vt);
            vals.push((value, self.copy_val(v, vt), vt));
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
        self.rt(sym::MAPITERNEXT, vec![itp], vec![]);
        self.jump(head);
        self.switch_to(end);
    }
}

fn unparen_expr(e: &Expr) -> &Expr {
    super::expr::unparen(e)
}
