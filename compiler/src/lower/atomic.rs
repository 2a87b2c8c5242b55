//! sync/atomic's functions as atomic instructions.
//!
//! The package declares them without bodies (compiler/std/sync/atomic), so
//! they resolve to runtime symbols `goc_pkg_sync_atomic_<Op><Type>`; a
//! direct call of one is lowered here to an IR `atomic*` instruction
//! instead, which Cranelift turns into the machine's atomic instruction (a
//! `lock`-prefixed one on x86_64, LSE or LL/SC on aarch64). The runtime's
//! definitions stay for calls through function values.

use super::*;
use crate::ir::AtomicOp;
use crate::syntax::ast::Expr;
use crate::types::Signature;

const PREFIX: &str = "goc_pkg_sync_atomic_";
const TYPES: [&str; 5] = ["Int32", "Int64", "Uint32", "Uint64", "Uintptr"];

/// What a sync/atomic function does: an `AtomicOp`, or None for Store.
fn classify(symbol: &str) -> Option<Option<AtomicOp>> {
    let name = symbol.strip_prefix(PREFIX)?;
    let op = [
        "CompareAndSwap",
        "Load",
        "Store",
        "Add",
        "And",
        "Or",
        "Swap",
    ]
    .into_iter()
    .find(|op| name.strip_prefix(op).is_some_and(|t| TYPES.contains(&t)))?;
    Some(match op {
        "Load" => Some(AtomicOp::Load),
        "Store" => None,
        "Add" => Some(AtomicOp::Add),
        "And" => Some(AtomicOp::And),
        "Or" => Some(AtomicOp::Or),
        "Swap" => Some(AtomicOp::Swap),
        _ => Some(AtomicOp::Cas),
    })
}

impl FnLower<'_, '_> {
    /// The call `symbol(args)` as an atomic instruction, if it is one of
    /// sync/atomic's functions.
    pub(crate) fn atomic_call(
        &mut self,
        symbol: &str,
        sig: &Signature,
        args: &[Expr],
    ) -> Option<Vec<Val>> {
        let op = classify(symbol)?;
        let vals = self.call_args(sig, args, false);
        let regs: Vec<Reg> = vals.into_iter().map(|(v, _)| self.as_reg(v)).collect();
        let (ptr, rest) = regs.split_first()?;
        let Some(op) = op else {
            self.emit(Inst::AtomicStore {
                ptr: *ptr,
                src: rest[0],
            });
            return Some(vec![]);
        };
        let ir::Type::Ptr(elem) = self.reg_ty(*ptr).clone() else {
            unreachable!("sync/atomic takes a pointer first")
        };
        let dst = self.reg(if op == AtomicOp::Cas {
            ir::Type::Bool
        } else {
            *elem
        });
        self.emit(Inst::Atomic {
            dst,
            op,
            ptr: *ptr,
            args: rest.to_vec(),
        });
        Some(vec![Val::Reg(dst)])
    }
}
