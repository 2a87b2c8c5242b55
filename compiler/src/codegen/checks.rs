//! Go's run-time checks: each is a compare and a branch to a cold block that
//! calls one of the runtime's panic entry points (which never return; the
//! block ends in a trap that is never reached).
//!
//! - bounds: `goc_panicbounds(code, x, y, signed)` with the codes of
//!   `goc_abi::bounds`; indices are compared as unsigned 64-bit values, so a
//!   negative signed index (sign-extended) is out of range too;
//! - nil: `goc_panicmem()`. Loads and stores through a nil pointer at small
//!   offsets fault and the runtime's SIGSEGV handler reports the panic; an
//!   explicit check is emitted only where the access could land at or above
//!   [`NIL_FAULT_LIMIT`] (or outside compiled code);
//! - division by zero: `goc_panicdivide()`; negative shift: `goc_panicshift()`.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder, Value};

use super::func::Lower;
use goc_abi::sym;

/// Addresses below this fault on Linux (the kernel never maps page 0 for
/// user code: vm.mmap_min_addr is at least 4096), so an access to
/// `nil + offset` with a smaller offset faults at the access itself.
pub(super) const NIL_FAULT_LIMIT: u64 = 4096;

impl Lower<'_, '_> {
    /// Branches to a cold block filled by `fail` when `cond` is true, and
    /// continues in a new block otherwise. `fail` must end its block (a
    /// noreturn call ends with a trap).
    pub(super) fn check_fail(
        &mut self,
        cond: Value,
        fail: impl FnOnce(&mut Self) -> Result<(), String>,
    ) -> Result<(), String> {
        let bad = self.b.create_block();
        let ok = self.b.create_block();
        self.b.set_cold_block(bad);
        self.b.ins().brif(cond, bad, &[], ok, &[]);
        self.b.switch_to_block(bad);
        fail(self)?;
        self.b.switch_to_block(ok);
        Ok(())
    }

    /// Panics with Go's nil-dereference error if `p` is nil.
    pub(super) fn nil_check(&mut self, p: Value) -> Result<(), String> {
        let is_nil = self.b.ins().icmp_imm_s(IntCC::Equal, p, 0);
        self.check_fail(is_nil, |lw| lw.call_noreturn(sym::PANICMEM, &[], &[]))
    }

    /// Index check: panics unless `0 <= i < len` (i as a signed or unsigned
    /// 64-bit value, len a non-negative int).
    pub(super) fn bounds_check(
        &mut self,
        i: Value,
        signed: bool,
        len: Value,
        code: u64,
    ) -> Result<(), String> {
        let bad = self.b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, i, len);
        self.panic_bounds_if(bad, code, i, len, signed)
    }

    /// Slice-bound check: panics unless `0 <= x <= y`.
    pub(super) fn slice_check(
        &mut self,
        x: (Value, bool),
        y: Value,
        code: u64,
    ) -> Result<(), String> {
        let bad = self.b.ins().icmp(IntCC::UnsignedGreaterThan, x.0, y);
        self.panic_bounds_if(bad, code, x.0, y, x.1)
    }

    fn panic_bounds_if(
        &mut self,
        bad: Value,
        code: u64,
        x: Value,
        y: Value,
        signed: bool,
    ) -> Result<(), String> {
        self.check_fail(bad, |lw| {
            let c = lw.b.ins().iconst(types::I64, code as i64);
            let s = lw.b.ins().iconst(types::I8, signed as i64);
            lw.call_noreturn(
                sym::PANICBOUNDS,
                &[types::I64, types::I64, types::I64, types::I8],
                &[c, x, y, s],
            )
        })
    }
}
